import DelveAgents
import DelveCore
import DelveEval
@testable import DelveReport
import DelveSuites
import Foundation
import Testing
import WorldCatalog

/// A small recorded run (grid/goto unless told otherwise, random agent) in a temporary folder.
struct RecordedGridRun {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("delve-report-\(UUID().uuidString)")
    let seeds: [UInt64] = [7, 8, 9]

    /// Plays the run (with trajectory files unless told otherwise) and reads it back.
    func make(id: String = "r", task: String = "grid/goto", trajectories: Bool = true,
              observe: ObservationMode = .text) async throws -> RunOnDisk {
        let suite = Suite(name: "goto", summary: "", entries: [SuiteEntry(task: task, seeds: seeds)])
        let run = try await Evaluation(plan: try EvalPlan(suite: suite, catalog: Catalog.standard), jobs: 2,
                                       runner: EpisodeRunner(recordsTrajectory: trajectories, observe: observe),
                                       makeAgent: { RandomAgent() })
            .record(to: root, runID: id, agentName: "random")
        return try RunOnDisk(at: run.directory)
    }

    func trajectory(_ run: RunOnDisk, seed: UInt64) -> URL {
        run.url.appendingPathComponent(RunDirectory.trajectoryPath(task: "grid/goto", seed: seed))
    }
}

@Suite struct EpisodeReplayTests {
    let fixture = RecordedGridRun()

    @Test func replayRecomputesEveryMapAndMatchesTheRecording() async throws {
        defer { try? FileManager.default.removeItem(at: fixture.root) }
        let run = try await fixture.make()
        #expect(run.records.map(\.seed) == fixture.seeds)
        for record in run.records {
            let replay = EpisodeReplay(record: record, run: run.url, info: run.info, catalog: Catalog.standard)
            #expect(replay.status == .replayed)
            #expect(replay.frames.count == record.steps + 1)
            #expect(replay.frames.allSatisfy { $0.map?.cells.plainText.isEmpty == false })
            #expect(replay.frames.last?.endReason == record.endReason)
            var env = Env(task: try Catalog.standard.task("grid/goto"))
            _ = try env.reset(seed: record.seed)
            #expect(replay.frames[0].map?.cells == env.world.map)
        }
    }

    @Test(arguments: [ObservationMode.image, .both])
    func aRunWithPicturesReplaysWithEveryFrame(observe: ObservationMode) async throws {
        defer { try? FileManager.default.removeItem(at: fixture.root) }
        let run = try await fixture.make(observe: observe)
        #expect(run.info.observe == observe)
        for record in run.records {
            let replay = EpisodeReplay(record: record, run: run.url, info: run.info, catalog: Catalog.standard)
            #expect(replay.status == .replayed)
            // Frame 0 is drawn by the replay; the others are the pictures the trajectory kept.
            #expect(replay.frames.allSatisfy { $0.observation.image?.width == 252 })
            #expect(replay.frames.allSatisfy { $0.observation.text.isEmpty == (observe == .image) })
            #expect(replay.frames.dropFirst().allSatisfy { $0.map?.cells.plainText.isEmpty == false })
        }
        // The page's episode browser shows an observation's picture beside the map.
        let page = try ReportPage.html(ReportBuilder(catalog: Catalog.standard).data([run]))
        #expect(page.contains(#"el("img", { id: "frame""#) && page.contains("data:${o.image.mime};base64,${o.image.data}"))
    }

    @Test func missingCorruptAndDivergedTrajectoriesAreMarked() async throws {
        defer { try? FileManager.default.removeItem(at: fixture.root) }
        let run = try await fixture.make()
        try FileManager.default.removeItem(at: fixture.trajectory(run, seed: 7))
        try Data("{not json\n".utf8).write(to: fixture.trajectory(run, seed: 8))
        let third = fixture.trajectory(run, seed: 9)
        var lines = try String(contentsOf: third, encoding: .utf8).split(separator: "\n").map(String.init)
        var step = try JSONDecoder().decode(TrajectoryStep.self, from: Data(lines[0].utf8))
        step.observation.text = "something else"
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        lines[0] = String(decoding: try encoder.encode(step), as: UTF8.self)
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: third)

        let statuses = run.records.map { EpisodeReplay(record: $0, run: run.url, info: run.info, catalog: Catalog.standard) }
        #expect(statuses[0].status == .missing(path: "trajectories/grid/goto/seed-7.jsonl"))
        #expect(statuses[1].status == .corrupt(path: "trajectories/grid/goto/seed-8.jsonl", line: 1))
        #expect(statuses[2].status == .diverged(step: 1))
        #expect(statuses[2].frames.count == run.records[2].steps + 1)
        #expect(statuses[2].frames[0].map != nil && statuses[2].frames.dropFirst().allSatisfy { $0.map == nil })
    }

    @Test func episodesAreNamedByTaskAndSeedOrByIndex() async throws {
        defer { try? FileManager.default.removeItem(at: fixture.root) }
        let run = try await fixture.make()
        #expect(try run.episode("grid/goto:8").seed == 8)
        #expect(try run.episode("2").seed == 9)
        #expect(throws: EpisodeLookupError.noIndex(3, count: 3, run: run.url.path)) { try run.episode("3") }
        #expect(throws: EpisodeLookupError.noEpisode("grid/goto:99", run: run.url.path, example: "grid/goto:7")) {
            try run.episode("grid/goto:99")
        }
        #expect(throws: EpisodeLookupError.malformed("goto", example: "grid/goto:7")) { try run.episode("goto") }
    }
}
