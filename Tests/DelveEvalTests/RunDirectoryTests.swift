import DelveAgents
import DelveCore
@testable import DelveEval
import DelveSuites
import Foundation
import Testing
import WorldCatalog

@Suite struct RunDirectoryTests {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("delve-runs-\(UUID().uuidString)")
    }

    func lines(_ url: URL) throws -> [[String: Any]] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    func lineEvaluation(jobs: Int, trajectories: Bool = true) throws -> Evaluation {
        let suite = Suite(name: "lines", summary: "", entries: [SuiteEntry(task: "line/walk", seeds: [1, 2, 3])])
        return Evaluation(plan: try EvalPlan(suite: suite, catalog: LineWorld.catalog), jobs: jobs,
                          runner: EpisodeRunner(recordsTrajectory: trajectories), makeAgent: { RandomAgent() })
    }

    @Test func runWritesEveryFileWithItsFields() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        var seen: [Int] = []
        var lastMean = 0.0
        let run = try await lineEvaluation(jobs: 2).record(to: root, runID: "r1", agentName: "random") { progress in
            #expect(progress.total == 3 && progress.played == progress.finished)
            seen.append(progress.finished)
            lastMean = progress.meanProgress
        }
        #expect(seen == [1, 2, 3])
        #expect(abs(lastMean - run.summary.overall.scores.progressMean) < 1e-9)
        let dir = root.appendingPathComponent("r1")
        #expect(run.directory.standardizedFileURL == dir.standardizedFileURL)
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(names == ["episodes.jsonl", "run.json", "summary.csv", "summary.json", "summary.md", "trajectories"])

        let info = try JSONDecoder().decode(RunInfo.self, from: Data(contentsOf: dir.appendingPathComponent("run.json")))
        #expect(info.runID == "r1" && info.agent == "random" && info.jobs == 2 && info.episodes == 3 && info.trajectories)
        #expect(info.delveVersion == DelveVersion.current)
        #expect(info.worlds == [WorldRevision(family: "line", revision: 7)])
        #expect(info.suite.entries[0].seeds == [1, 2, 3])
        let rawInfo = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("run.json"))) as? [String: Any])
        for key in ["run_id", "delve_version", "started_at", "suite", "agent", "jobs", "worlds", "host"] {
            #expect(rawInfo[key] != nil, "run.json lacks \(key)")
        }

        let episodes = try lines(dir.appendingPathComponent("episodes.jsonl"))
        #expect(episodes.count == 3)
        #expect(Set(episodes.compactMap { $0["seed"] as? Int }) == [1, 2, 3])
        for episode in episodes {
            for key in ["task", "seed", "progress", "steps", "end_reason", "success", "invalid_actions", "progress_curve", "revision"] {
                #expect(episode[key] != nil, "episodes.jsonl lacks \(key)")
            }
            #expect(episode["task"] as? String == "line/walk")
            let seed = try #require(episode["seed"] as? Int)
            let trajectory = try lines(dir.appendingPathComponent("trajectories/line/walk/seed-\(seed).jsonl"))
            #expect(trajectory.count == episode["steps"] as? Int)
            #expect(trajectory.first?["step"] as? Int == 1)
            #expect(trajectory.last?["end_reason"] as? String == episode["end_reason"] as? String)
            #expect((trajectory.first?["observation"] as? [String: Any])?["legal_actions"] as? [String] == LineWorld.actions)
        }

        let summary = try JSONDecoder().decode(Summary.self, from: Data(contentsOf: dir.appendingPathComponent("summary.json")))
        #expect(summary == run.summary)
        #expect(summary.tasks.map(\.label.task) == ["line/walk"])
        #expect(summary.timing != nil)
        let csv = try String(contentsOf: dir.appendingPathComponent("summary.csv"), encoding: .utf8)
        #expect(csv.hasPrefix("level,name,revision,episodes,progress_mean,progress_se,success_rate"))
        let markdown = try String(contentsOf: dir.appendingPathComponent("summary.md"), encoding: .utf8)
        #expect(markdown.hasPrefix("# lines with random (run r1)"))
    }

    @Test func noTrajectoriesMeansNoTrajectoryFolder() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try await lineEvaluation(jobs: 1, trajectories: false).record(to: root, runID: "r", agentName: "random")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("r/trajectories").path))
        #expect(try lines(root.appendingPathComponent("r/episodes.jsonl")).count == 3)
    }

    @Test func anExistingRunIsNeverOverwritten() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try await lineEvaluation(jobs: 1).record(to: root, runID: "same", agentName: "random")
        let before = try Data(contentsOf: root.appendingPathComponent("same/episodes.jsonl"))
        await #expect(throws: RunDirectoryError.exists(path: root.appendingPathComponent("same").path)) {
            _ = try await lineEvaluation(jobs: 1).record(to: root, runID: "same", agentName: "random")
        }
        #expect(try Data(contentsOf: root.appendingPathComponent("same/episodes.jsonl")) == before)
    }

    @Test(arguments: ["", "..", ".hidden", "a/b", "a b"])
    func runIDsMustBePlainNames(id: String) {
        let info = RunInfo(runID: id, startedAt: "", suite: Suite(name: "s", summary: "", entries: []), agent: "random",
                           jobs: 1, trajectories: false, episodes: 0, worlds: [])
        #expect(throws: RunDirectoryError.badRunID(id)) { try RunDirectory(root: root, info: info) }
    }

    @Test func freshRunIDsAreTimeAndSuffix() {
        let id = RunDirectory.newRunID(at: Date(timeIntervalSince1970: 0))
        #expect(id.hasPrefix("19700101-000000-"))
        #expect(id.count == "19700101-000000-".count + 4)
    }

    @Test func agentErrorsAreCountedAndRecorded() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let suite = Suite(name: "fail", summary: "", entries: [SuiteEntry(task: "line/walk", seeds: [1, 2])])
        let evaluation = Evaluation(plan: try EvalPlan(suite: suite, catalog: LineWorld.catalog), jobs: 2,
                                    makeAgent: { ScriptedAgent(["forward"], failAtTurn: 1) })
        let run = try await evaluation.record(to: root, runID: "f", agentName: "scripted")
        #expect(run.agentErrors == 2)
        #expect(run.summary.overall.scores.agentErrors == 2)
        let episodes = try lines(root.appendingPathComponent("f/episodes.jsonl"))
        #expect(episodes.allSatisfy { $0["end_reason"] as? String == "agent_error" })
        #expect(episodes.allSatisfy { ($0["error"] as? String)?.contains("scripted failure") == true })
    }

    /// Group commit defers only the fsync: by the time an episode is reported,
    /// its line and its whole trajectory are in the files, so a killed process loses neither.
    @Test func linesAndTrajectoriesAreWrittenBeforeTheyAreReported() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let dir = root.appendingPathComponent("w")
        var checked = 0
        _ = try await lineEvaluation(jobs: 2).record(to: root, runID: "w", agentName: "random") { progress in
            let written = (try? lines(dir.appendingPathComponent("episodes.jsonl"))) ?? []
            let trajectory = dir.appendingPathComponent(RunDirectory.trajectoryPath(task: progress.record.task,
                                                                                    seed: progress.record.seed))
            #expect(written.count == progress.finished)
            #expect((try? lines(trajectory))?.count == progress.record.steps)
            checked += 1
        }
        #expect(checked == 3)
    }
}
