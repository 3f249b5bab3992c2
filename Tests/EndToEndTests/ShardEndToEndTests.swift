import Foundation
import Testing

/// `delve eval --shard K/N` and `delve merge`, as a cluster would run them, on one machine.
@Suite struct ShardEndToEndTests {
    /// Runs `delve` in `dir` and requires it to succeed.
    func delve(_ arguments: [String], in dir: URL) throws {
        let run = try DelveBinary.run(arguments, directory: dir)
        try #require(run.status == 0, "\(arguments): \(run.stderr)")
    }

    /// Four shards of smoke (with the expert on shard 4 of the second set), and the whole suite in one run.
    func runs() throws -> URL {
        let dir = try DelveBinary.temporaryDirectory()
        try delve(["eval", "--jobs", "2", "--run-id", "whole"], in: dir)
        for k in 1...4 {
            try delve(["eval", "--shard", "\(k)/4", "--jobs", "1", "--run-id", "shard-\(k)"], in: dir)
        }
        return dir
    }

    @Test func fourShardsMergedEqualOneRun() throws {
        let dir = try runs()
        defer { try? FileManager.default.removeItem(at: dir) }
        let shard2 = try JSONFiles.object(dir.appendingPathComponent("runs/shard-2/run.json"))
        #expect(shard2["shard"] as? [String: Int] == ["index": 2, "count": 4])
        #expect(try JSONFiles.lines(dir.appendingPathComponent("runs/shard-2/episodes.jsonl")).count == 78)  // indices 1, 5, …, 309 of 310

        try delve(["merge", "runs/shard-3", "runs/shard-1", "runs/shard-4", "runs/shard-2", "--out", "runs/merged"], in: dir)
        let merged = dir.appendingPathComponent("runs/merged")
        #expect(try !String(contentsOf: merged.appendingPathComponent("summary.json"), encoding: .utf8).contains("timing"))
        #expect(try JSONFiles.summaryWithoutTiming(dir.appendingPathComponent("runs/whole")) == JSONFiles.summaryWithoutTiming(merged))

        func episodes(_ id: String) throws -> [String] {
            try JSONFiles.lines(dir.appendingPathComponent("runs/\(id)/episodes.jsonl")).map {
                "\($0["task"] as? String ?? "?") \($0["seed"] as? Int ?? -1) \($0["progress"] as? Double ?? -1)"
            }
        }
        #expect(try episodes("merged").sorted() == episodes("whole").sorted())
        let info = try JSONFiles.object(dir.appendingPathComponent("runs/merged/run.json"))
        #expect(info["shard"] == nil && info["episodes"] as? Int == 310 && info["run_id"] as? String == "merged")
        let trajectories = try FileManager.default.subpathsOfDirectory(atPath: dir.appendingPathComponent("runs/merged/trajectories").path)
        #expect(trajectories.filter { $0.hasSuffix(".jsonl") }.count == 310)
    }

    @Test func mergeRefusesWhatDoesNotAddUp() throws {
        let dir = try runs()
        defer { try? FileManager.default.removeItem(at: dir) }
        try delve(["eval", "--shard", "4/4", "--agent", "expert", "--run-id", "expert-4"], in: dir)
        try delve(["eval", "--task", "grid/goto", "--shard", "4/4", "--run-id", "goto-4"], in: dir)
        try delve(["eval", "--shard", "1/2", "--run-id", "half-1"], in: dir)
        try delve(["eval", "--shard", "4/4", "--invalid-action", "default", "--run-id", "default-4"], in: dir)
        let cases: [([String], String)] = [
            (["runs/shard-1", "runs/shard-2", "runs/shard-4"], "shard 3/4 missing"),
            (["runs/shard-1", "runs/shard-2", "runs/shard-3", "runs/shard-4", "runs/shard-2"], "are both shard 2/4"),
            (["runs/shard-1", "runs/shard-2", "runs/shard-3", "runs/expert-4"], "agent 'random' vs 'expert'"),
            (["runs/shard-1", "runs/shard-2", "runs/shard-3", "runs/goto-4"], "suite 'grid/goto' vs 'smoke'"),
            (["runs/shard-1", "runs/half-1"], "cut into 4 vs 2 shards"),
            (["runs/shard-1", "runs/shard-2", "runs/shard-3", "runs/default-4"], "--invalid-action noop vs default"),
            (["runs/shard-1", "runs/whole"], "runs/whole is not a shard"),
            (["runs/nowhere"], "not a run directory"),
        ]
        for (shards, mention) in cases {
            let run = try DelveBinary.run(["merge"] + shards + ["--out", "runs/merged"], directory: dir)
            #expect(run.status == 2, "\(shards): \(run.stderr)")
            #expect(run.stderr.split(separator: "\n").count == 1, "\(shards): \(run.stderr)")
            #expect(run.stderr.contains(mention), "\(shards): \(run.stderr)")
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("runs/merged").path))
        }

        // An unfinished shard, one episode short, is merged as it is: the merged run is incomplete and says so (exit 3).
        let episodes = dir.appendingPathComponent("runs/shard-3/episodes.jsonl")
        let lines = try String(contentsOf: episodes, encoding: .utf8).split(separator: "\n")
        try Data((lines.dropLast().joined(separator: "\n") + "\n").utf8).write(to: episodes)
        let all = ["runs/shard-1", "runs/shard-2", "runs/shard-3", "runs/shard-4"]
        let unfinished = try DelveBinary.run(["merge"] + all + ["--out", "runs/merged"], directory: dir)
        #expect(unfinished.status == 3, "\(unfinished.stderr)")
        #expect(unfinished.stdout.contains("Incomplete: 1 episode missing (1 not played)"), "\(unfinished.stdout)")
        #expect(unfinished.stdout.contains("Incomplete shard: finish with delve eval --resume /")
            && unfinished.stdout.contains("/runs/shard-3, then merge again."), "\(unfinished.stdout)")
        let merged = try JSONFiles.object(dir.appendingPathComponent("runs/merged/summary.json"))
        #expect((merged["missing"] as? [String: Any])?["unplayed"] as? Int == 1)

        // An existing --out is never overwritten.
        try delve(["eval", "--resume", "runs/shard-3"], in: dir)
        let existing = try DelveBinary.run(["merge"] + all + ["--out", "runs/whole"], directory: dir)
        #expect(existing.status == 2 && existing.stderr.contains("already exists"), "\(existing.stderr)")
    }
}
