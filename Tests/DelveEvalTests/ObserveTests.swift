import DelveAgents
import DelveCore
import DelveEval
import DelveSuites
import Foundation
import Testing
import WorldCatalog

/// `--observe`: what the agent sees, what trajectories keep, what run.json records.
@Suite struct ObserveTests {
    func play(_ task: String, observe: ObservationMode, frame: FrameRequest = FrameRequest()) async throws -> EpisodeOutcome {
        let spec = try Catalog.standard.task(task)
        var planned = PlannedEpisode(index: 0, task: spec, seed: 1, options: .defaults)
        planned.stepBudget = 3
        return try await EpisodeRunner(observe: observe, frame: frame).play(planned, agent: ExpertAgent())
    }

    @Test(arguments: ["grid/goto", "craft/balrog", "rules/goto_win"])
    func picturesGoToTheAgentAndIntoTheTrajectory(task: String) async throws {
        let both = try await play(task, observe: .both)
        #expect(!both.trajectory.isEmpty)
        #expect(both.trajectory.allSatisfy { $0.observation.image?.mime == "image/png" && !$0.observation.text.isEmpty })
        let image = try await play(task, observe: .image)
        #expect(image.trajectory.allSatisfy { $0.observation.image != nil && $0.observation.text.isEmpty })
        // The same play: the pictures are the same, and only the text differs.
        #expect(image.trajectory.map(\.observation.image) == both.trajectory.map(\.observation.image))
        #expect(image.record.progress == both.record.progress && image.record.steps == both.record.steps)
        let text = try await play(task, observe: .text)
        #expect(text.trajectory.allSatisfy { $0.observation.image == nil && !$0.observation.text.isEmpty })
    }

    /// `--image-view full --tile-size 8`: grid/goto's whole 8 × 8 map at 8 pixels a cell, where
    /// the default is the agent's 7 × 7 view at 36.
    @Test func picturesTakeTheRunsViewAndTileSize() async throws {
        let asked = try await play("grid/goto", observe: .image, frame: FrameRequest(view: .full, tileSize: 8))
        #expect(!asked.trajectory.isEmpty)
        #expect(asked.trajectory.allSatisfy { $0.observation.image?.width == 64 && $0.observation.image?.height == 64 })
        let plain = try await play("grid/goto", observe: .image)
        #expect(plain.trajectory.allSatisfy { $0.observation.image?.width == 252 })
        #expect(asked.record.progress == plain.record.progress && asked.record.steps == plain.record.steps)
    }

    @Test func textWorldsObserveTextInEveryMode() async throws {
        let outcome = try await play("text/coin_collector", observe: .image)
        #expect(outcome.trajectory.allSatisfy { $0.observation.image == nil && !$0.observation.text.isEmpty })
    }

    @Test func runJSONRecordsTheModeAndOldRunsReadAsText() throws {
        let info = RunInfo(runID: "r", startedAt: "t", suite: Suite(name: "s", summary: "", entries: []), agent: "random",
                           observe: .both, jobs: 1, trajectories: true, episodes: 0, worlds: [])
        var object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(info)) as? [String: Any])
        #expect(object["observe"] as? String == "both")
        #expect(try JSONDecoder().decode(RunInfo.self, from: JSONSerialization.data(withJSONObject: object)) == info)
        object.removeValue(forKey: "observe")
        #expect(try JSONDecoder().decode(RunInfo.self, from: JSONSerialization.data(withJSONObject: object)).observe == .text)
    }

    @Test func runJSONRecordsThePictureAndOldRunsReadAsTheDefault() throws {
        var info = RunInfo(runID: "r", startedAt: "t", suite: Suite(name: "s", summary: "", entries: []), agent: "random",
                           observe: .image, frame: FrameRequest(view: .full, tileSize: 16), jobs: 1, trajectories: true,
                           episodes: 0, worlds: [])
        var object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(info)) as? [String: Any])
        let frame = try #require(object["frame"] as? [String: Any])
        #expect(frame["view"] as? String == "full" && frame["tile_size"] as? Int == 16 && frame.count == 2)
        #expect(try JSONDecoder().decode(RunInfo.self, from: JSONSerialization.data(withJSONObject: object)) == info)
        object.removeValue(forKey: "frame")
        let old = try JSONDecoder().decode(RunInfo.self, from: JSONSerialization.data(withJSONObject: object))
        #expect(old.frame == nil && old.picture == FrameRequest())
        // A run without pictures writes no `frame`.
        info.observe = .text
        info.frame = nil
        #expect(try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(info)) as? [String: Any])["frame"] == nil)
    }
}
