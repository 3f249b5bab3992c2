import DelveAgents
import DelveCore
@testable import DelveEval
import Foundation
import Testing

/// A trajectory's check: its length and zlib's CRC-32.
@Suite struct TrajectoryCheckTests {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("delve-check-\(UUID().uuidString)")

    @Test func theCheckIsZlibsCRC32AndFindsEveryKindOfDamage() throws {
        let bytes = Array("123456789".utf8)
        let check = TrajectoryCheck(of: bytes)
        #expect(check == TrajectoryCheck(bytes: 9, crc32: 0xCBF4_3926))
        let file = root.appendingPathComponent("t.jsonl")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(check.mismatch(at: file.path) == "its trajectory file is missing")
        for (contents, reason) in [("123456789", nil), ("1234", "its trajectory file is short (4 of 9 bytes)"),
                                   ("1234567890", "its trajectory file is longer than recorded (9 bytes)"),
                                   ("123456780", "its trajectory file's checksum does not match")] as [(String, String?)] {
            try Data(contents.utf8).write(to: file)
            #expect(check.mismatch(at: file.path) == reason, "\(contents)")
        }
    }
}

/// Each line of episodes.jsonl records its trajectory's check, and `--resume`
/// plays again every episode whose trajectory file is missing, short or
/// changed (as a machine crash can leave them under `--durability process`).
extension ResumeTests {
    func trajectory(_ dir: URL, seed: UInt64) -> URL {
        dir.appendingPathComponent(RunDirectory.trajectoryPath(task: "line/walk", seed: seed))
    }

    @Test func linesRecordTheirTrajectorysCheck() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try await evaluation(try EvalPlan(suite: suite, catalog: LineWorld.catalog)).record(to: root, runID: "r", agentName: "random")
        let stored = try StoredRun(at: run.directory)
        for record in stored.records {
            let bytes = try [UInt8](Data(contentsOf: trajectory(run.directory, seed: record.seed)))
            #expect(stored.trajectoryChecks[StoredRun.key(record.task, record.seed)] == TrajectoryCheck(of: bytes))
        }
    }

    @Test func aResumePlaysAgainTheEpisodesWhoseTrajectoriesFailTheirCheck() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let plan = try EvalPlan(suite: suite, catalog: LineWorld.catalog)
        let run = try await evaluation(plan).record(to: root, runID: "r", agentName: "random")
        var reference = run.summary
        reference.timing = nil
        // What a machine crash can leave: a file missing, one cut short, one whose bytes changed.
        try FileManager.default.removeItem(at: trajectory(run.directory, seed: 2))
        let short = try Data(contentsOf: trajectory(run.directory, seed: 4))
        try short.prefix(short.count / 2).write(to: trajectory(run.directory, seed: 4))
        var changed = try Data(contentsOf: trajectory(run.directory, seed: 5))
        changed[changed.count / 2] ^= 1
        try changed.write(to: trajectory(run.directory, seed: 5))

        var told: [UInt64: String] = [:]
        let resumed = try await evaluation(plan).resume(try StoredRun(at: run.directory), unverified: { told[$0.seed] = $1 })
        #expect(told == [2: "its trajectory file is missing", 4: "its trajectory file is short (\(short.count / 2) of \(short.count) bytes)",
                         5: "its trajectory file's checksum does not match"])
        var summary = resumed.summary
        summary.timing = nil
        #expect(summary == reference)

        // The replays' lines follow, marked; the run reads back whole, every trajectory checked.
        let lines = try String(contentsOf: run.directory.appendingPathComponent("episodes.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 9)
        #expect(lines.suffix(3).allSatisfy { $0.contains("\"replaces_unverified\":true") })
        let after = try StoredRun(at: run.directory)
        #expect(after.records.count == 6)
        #expect(after.records.allSatisfy { after.trajectoryMismatch($0) == nil })
        var again: [UInt64] = []
        _ = try await evaluation(plan).resume(after, unverified: { record, _ in again.append(record.seed) })
        #expect(again.isEmpty)
    }

    @Test func aScoredEpisodeRepeatedWithoutTheMarkIsStillRefused() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try await evaluation(try EvalPlan(suite: suite, catalog: LineWorld.catalog)).record(to: root, runID: "r", agentName: "random")
        let file = run.directory.appendingPathComponent("episodes.jsonl")
        let first = try #require(try String(contentsOf: file, encoding: .utf8).split(separator: "\n").first)
        let handle = try FileHandle(forWritingTo: file)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data((first + "\n").utf8))
        try handle.close()
        #expect(throws: StoredRunError.self) { try StoredRun(at: run.directory) }
    }
}
