import DelveAgents
import DelveCore
@testable import DelveEval
import DelveSuites
import Foundation
import Testing

@Suite struct ResumeTests {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("delve-resume-\(UUID().uuidString)")
    let suite = Suite(name: "lines", summary: "", entries: [SuiteEntry(task: "line/walk", seeds: [1, 2, 3, 4, 5, 6])])

    func evaluation(_ plan: EvalPlan) -> Evaluation {
        Evaluation(plan: plan, jobs: 2, makeAgent: { RandomAgent() })
    }

    /// A finished run `id`, and its summary without timing.
    func finishedRun(_ id: String) async throws -> (URL, Summary) {
        let run = try await evaluation(try EvalPlan(suite: suite, catalog: LineWorld.catalog))
            .record(to: root, runID: id, agentName: "random")
        var summary = run.summary
        summary.timing = nil
        return (run.directory, summary)
    }

    func episodesFile(_ dir: URL) -> URL { dir.appendingPathComponent("episodes.jsonl") }

    func text(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    /// Every file under `dir` with its bytes, to show an error changed nothing.
    func snapshot(_ dir: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: dir.path) {
            let url = dir.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[path] = try Data(contentsOf: url)
            }
        }
        return files
    }

    @Test func aTornLineIsDroppedAndTheMissingEpisodesArePlayedOnce() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let (dir, reference) = try await finishedRun("r")
        let lines = try text(episodesFile(dir)).split(separator: "\n")
        // As if killed while appending the fifth line: four whole lines and a fragment.
        let torn = lines[..<4].joined(separator: "\n") + "\n" + lines[4].prefix(25)
        try Data(torn.utf8).write(to: episodesFile(dir))
        for name in ["summary.json", "summary.md", "summary.csv"] { try FileManager.default.removeItem(at: dir.appendingPathComponent(name)) }
        try Data("{\"half".utf8).write(to: dir.appendingPathComponent("summary.json.partial"))

        let stored = try StoredRun(at: dir)
        #expect(stored.records.count == 4)
        #expect(stored.tornBytes == 25)
        let plan = try stored.plan(catalog: LineWorld.catalog, builtins: [])
        let resumed = try await evaluation(plan).resume(stored)
        var summary = resumed.summary
        summary.timing = nil
        #expect(summary == reference)

        let after = try text(episodesFile(dir)).split(separator: "\n")
        #expect(Array(after.prefix(4)) == Array(lines.prefix(4)))
        let seeds = try after.map { try JSONDecoder().decode(EpisodeRecord.self, from: Data($0.utf8)).seed }
        #expect(seeds.sorted() == [1, 2, 3, 4, 5, 6])
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("summary.json.partial").path))
        var written = try JSONDecoder().decode(Summary.self, from: Data(contentsOf: dir.appendingPathComponent("summary.json")))
        written.timing = nil
        #expect(written == reference)
    }

    @Test func aFinishedRunResumesToTheSameSummary() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let (dir, reference) = try await finishedRun("r")
        let before = try text(episodesFile(dir))
        let stored = try StoredRun(at: dir)
        #expect(stored.tornBytes == 0)
        let resumed = try await evaluation(try stored.plan(catalog: LineWorld.catalog, builtins: [])).resume(stored)
        var summary = resumed.summary
        summary.timing = nil
        #expect(summary == reference)
        #expect(try text(episodesFile(dir)) == before)
    }

    @Test(arguments: [
        ("", "unreadable"),
        ("{\"run_id\": \"r\", \"format\": 1", "unreadable"),
        ("[1, 2]", "unreadable"),
        ("{\"format\": 2}", "newer Delve (run format 2"),
    ])
    func aBadRunJSONIsRefusedAndNothingChanges(content: String, expected: String) async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let (dir, _) = try await finishedRun("r")
        try Data(content.utf8).write(to: dir.appendingPathComponent("run.json"))
        try Data((try text(episodesFile(dir)) + "{\"torn").utf8).write(to: episodesFile(dir))
        let before = try snapshot(dir)
        let error = try #require(throws: StoredRunError.self) { try StoredRun(at: dir) }
        #expect(error.description.contains(expected), "\(error)")
        #expect(error.description.contains("run.json"))
        #expect(!error.description.contains("\n"))
        #expect(try snapshot(dir) == before)
    }

    @Test func aMissingRunJSONIsNotARun() throws {
        let error = try #require(throws: StoredRunError.self) { try StoredRun(at: root) }
        #expect(error == .notARun(path: root.path))
    }

    @Test func aCorruptCompleteLineIsNamedByNumber() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let (dir, _) = try await finishedRun("r")
        var lines = try text(episodesFile(dir)).split(separator: "\n").map(String.init)
        lines[2] = "{\"task\": 5}"
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: episodesFile(dir))
        let before = try snapshot(dir)
        let error = try #require(throws: StoredRunError.self) { try StoredRun(at: dir) }
        guard case let .corruptLine(_, line, _) = error else { Issue.record("\(error)"); return }
        #expect(line == 3)
        #expect(try snapshot(dir) == before)
    }

    @Test func aDuplicatedEpisodeIsRefused() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let (dir, _) = try await finishedRun("r")
        let lines = try text(episodesFile(dir)).split(separator: "\n")
        try Data((lines.joined(separator: "\n") + "\n" + lines[0] + "\n").utf8).write(to: episodesFile(dir))
        let error = try #require(throws: StoredRunError.self) { try StoredRun(at: dir) }
        guard case .duplicateEpisode = error else { Issue.record("\(error)"); return }
    }

    @Test func aChangedRevisionIsNamed() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let (dir, _) = try await finishedRun("r")
        let info = dir.appendingPathComponent("run.json")
        let edited = try text(info).replacingOccurrences(of: "\"revision\" : 7", with: "\"revision\" : 6")
        try Data(edited.utf8).write(to: info)
        let stored = try StoredRun(at: dir)
        let error = try #require(throws: StoredRunError.self) { try stored.plan(catalog: LineWorld.catalog, builtins: []) }
        #expect(error.description.hasSuffix("run.json has line revision 6, this Delve has revision 7"), "\(error)")
    }

    @Test func aChangedBuiltinSuiteIsNamed() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let (dir, _) = try await finishedRun("r")
        var changed = suite
        changed.entries[0].seeds = [1, 2, 3, 4, 5, 7]
        let stored = try StoredRun(at: dir)
        let error = try #require(throws: StoredRunError.self) { try stored.plan(catalog: LineWorld.catalog, builtins: [changed]) }
        #expect(error.description.hasSuffix("run.json's suite 'lines' entry 1 (line/walk) has other seeds in this Delve's built-in suite"),
                "\(error)")
    }

    /// `--profile`, `--invalid-action` and `--action-matching` override a
    /// built-in suite's own settings; a run made with them resumes.
    @Test func aBuiltinSuitePlayedWithOtherSettingsResumes() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let (dir, _) = try await finishedRun("r")
        var builtin = suite
        builtin.profile = .balrog
        builtin.invalidAction = .default
        builtin.actionMatching = .exact
        let stored = try StoredRun(at: dir)
        let plan = try stored.plan(catalog: LineWorld.catalog, builtins: [builtin])
        #expect(plan.suite.playedProfile == .delve && plan.suite.invalidAction != .default && plan.suite.actionMatching != .exact)
    }

    @Test func anEpisodeOutsideTheRunIsRefused() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let (dir, _) = try await finishedRun("r")
        let lines = try text(episodesFile(dir)).split(separator: "\n")
        let foreign = lines[0].replacingOccurrences(of: "\"seed\":", with: "\"seed\":9")
        try Data((lines.dropFirst().joined(separator: "\n") + "\n" + foreign + "\n").utf8).write(to: episodesFile(dir))
        let stored = try StoredRun(at: dir)
        let error = try #require(throws: StoredRunError.self) { try stored.plan(catalog: LineWorld.catalog, builtins: []) }
        guard case let .foreignEpisode(_, task, _) = error else { Issue.record("\(error)"); return }
        #expect(task == "line/walk")
    }
}

@Suite struct RunInfoFormatTests {
    @Test func aRunJSONWithoutFormatIsFormatOne() throws {
        let info = RunInfo(runID: "r", startedAt: "t", suite: Suite(name: "s", summary: "", entries: []), agent: "random",
                           jobs: 1, trajectories: true, episodes: 0, worlds: [])
        var object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(info)) as? [String: Any])
        #expect(object.removeValue(forKey: "format") as? Int == RunInfo.currentFormat)
        #expect(object["shard"] == nil)
        let decoded = try JSONDecoder().decode(RunInfo.self, from: JSONSerialization.data(withJSONObject: object))
        #expect(decoded == info)
    }
}
