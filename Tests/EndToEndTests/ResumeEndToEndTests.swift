import Foundation
import Testing

/// `delve eval --resume` after real `kill -9`s at seeded pseudo-random moments.
@Suite struct ResumeEndToEndTests {
    /// 180 episodes of every grid task: a second or two of work with two jobs.
    static let suite = """
        {"name": "kill", "summary": "Enough episodes to be killed part way.", "entries": [
        \(CatalogTasks.of("grid").map { "{\"task\": \"\($0)\", \"seeds\": [\((1...30).map(String.init).joined(separator: ", "))]}" }
            .joined(separator: ",\n"))
        ]}
        """

    @Test func runsKilledAtRandomMomentsResumeToTheUninterruptedResult() throws {
        let dir = try DelveBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(Self.suite.utf8).write(to: dir.appendingPathComponent("kill.json"))
        let reference = try DelveBinary.run(["eval", "--suite", "kill.json", "--jobs", "2", "--run-id", "reference"], directory: dir)
        try #require(reference.status == 0, "stderr: \(reference.stderr)")
        let expected = try RunFiles(dir.appendingPathComponent("runs/reference"))
        try #require(expected.episodes.count == 180)

        // Delays in [5, 150) ms from a seeded generator; as many runs as it takes to land 20 kills.
        var random = SplitMix64(seed: 20_261_122)
        var kills = 0, runs = 0
        while kills < 20 && runs < 10 {
            runs += 1
            let id = "killed-\(runs)", runDir = dir.appendingPathComponent("runs/\(id)")
            var attempts = 0
            while true {
                attempts += 1
                let resuming = FileManager.default.fileExists(atPath: runDir.path)
                let arguments = resuming ? ["eval", "--resume", "runs/\(id)", "--jobs", "2"]
                    : ["eval", "--suite", "kill.json", "--jobs", "2", "--run-id", id]
                let process = try DelveBinary.start(arguments, directory: dir)
                if kills < 20 {
                    usleep(UInt32(5_000 + random.next() % 145_000))
                    if process.isRunning {
                        kill(process.processIdentifier, SIGKILL)
                        kills += 1
                    }
                }
                process.waitUntilExit()
                if process.terminationReason == .exit {
                    #expect(process.terminationStatus == 0, "\(arguments)")
                    break
                }
                try #require(attempts < 100)
            }
            let got = try RunFiles(runDir)
            #expect(got.summaryWithoutTiming == expected.summaryWithoutTiming, "run \(id)")
            #expect(got.episodes.count == 180, "run \(id): lines")
            #expect(got.episodes == expected.episodes, "run \(id): no duplicate, no loss")
            #expect(got.trajectories == expected.trajectories, "run \(id): trajectories")
            #expect(got.topLevel == expected.topLevel, "run \(id)")
        }
        #expect(kills >= 20)
    }
}

/// What a finished run directory holds, reduced to what must not depend on being killed.
private struct RunFiles {
    /// summary.json's bytes without its `timing` object.
    var summaryWithoutTiming: String
    /// Each line of episodes.jsonl as task and seed, sorted (lines come in finishing order).
    var episodes: [String]
    /// Every trajectory file, by path, with the wall-clock `latency` of each step cut out.
    var trajectories: [String: String]
    /// The files at the top of the run directory.
    var topLevel: [String]

    init(_ dir: URL) throws {
        summaryWithoutTiming = try JSONFiles.summaryWithoutTiming(dir)
        episodes = try JSONFiles.lines(dir.appendingPathComponent("episodes.jsonl")).map { line in
            "\(line["task"] as? String ?? "?") \(line["seed"] as? Int ?? -1)"
        }.sorted()
        trajectories = [:]
        let folder = dir.appendingPathComponent("trajectories")
        for path in try FileManager.default.subpathsOfDirectory(atPath: folder.path) where path.hasSuffix(".jsonl") {
            let text = try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
            trajectories[path] = text.split(separator: "\n").map(Self.withoutLatency).joined(separator: "\n")
        }
        topLevel = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
    }

    /// A trajectory line without its `"latency":…,` member.
    static func withoutLatency(_ line: Substring) -> String {
        guard let start = line.range(of: "\"latency\":"),
              let end = line[start.upperBound...].firstIndex(of: ",") else { return String(line) }
        return String(line[..<start.lowerBound] + line[line.index(after: end)...])
    }
}

@Suite struct ResumeRefusalEndToEndTests {
    @Test(arguments: ["process", "machine"])
    func aResumePlaysAgainAnEpisodeWhoseTrajectoryIsShort(durability: String) throws {
        let dir = try DelveBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = try DelveBinary.run(["eval", "--task", "grid/goto", "--episodes", "3", "--run-id", "r", "--durability", durability],
                                        directory: dir)
        try #require(first.status == 0, "stderr: \(first.stderr)")
        // As a machine crash can leave it: the line kept, its trajectory cut short.
        let trajectory = dir.appendingPathComponent("runs/r/trajectories/grid/goto/seed-1000001.jsonl")
        let bytes = try Data(contentsOf: trajectory)
        try bytes.prefix(100).write(to: trajectory)
        let run = try DelveBinary.run(["eval", "--resume", "runs/r"], directory: dir)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stderr.contains("delve: grid/goto seed 1000001: its trajectory file is short (100 of \(bytes.count) bytes); "
            + "that episode is played again"), "\(run.stderr)")
        let lines = try JSONFiles.lines(dir.appendingPathComponent("runs/r/episodes.jsonl"))
        #expect(lines.count == 4)
        #expect(lines.last?["replaces_unverified"] as? Bool == true)
        #expect(lines.last?["trajectory_bytes"] as? Int == (try Data(contentsOf: trajectory)).count)
    }

    @Test func aTruncatedRunJSONIsAOneLineErrorAndTouchesNothing() throws {
        let dir = try DelveBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = try DelveBinary.run(["eval", "--task", "grid/goto", "--episodes", "2", "--run-id", "r"], directory: dir)
        try #require(first.status == 0)
        let info = dir.appendingPathComponent("runs/r/run.json")
        let text = try Data(contentsOf: info)
        try text.prefix(text.count / 2).write(to: info)
        let episodes = try Data(contentsOf: dir.appendingPathComponent("runs/r/episodes.jsonl"))
        let run = try DelveBinary.run(["eval", "--resume", "runs/r"], directory: dir)
        #expect(run.status == 2)
        #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
        #expect(run.stderr.contains("run.json is unreadable") && run.stderr.contains("nothing was changed"), "\(run.stderr)")
        #expect(try Data(contentsOf: info) == text.prefix(text.count / 2))
        #expect(try Data(contentsOf: dir.appendingPathComponent("runs/r/episodes.jsonl")) == episodes)
    }

    @Test func aRunAnotherProcessIsWritingIsRefused() throws {
        let dir = try DelveBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = try DelveBinary.run(["eval", "--task", "grid/goto", "--episodes", "2", "--run-id", "r"], directory: dir)
        try #require(first.status == 0)
        let episodes = dir.appendingPathComponent("runs/r/episodes.jsonl")
        let before = try Data(contentsOf: episodes)
        // Hold the lock a running delve would hold.
        let holder = try FileHandle(forWritingTo: episodes)
        defer { try? holder.close() }
        try #require(flock(holder.fileDescriptor, LOCK_EX | LOCK_NB) == 0)
        let run = try DelveBinary.run(["eval", "--resume", "runs/r"], directory: dir)
        #expect(run.status == 2)
        #expect(run.stderr.split(separator: "\n").count == 1 && run.stderr.contains("is being written by another delve process"),
                "\(run.stderr)")
        #expect(try Data(contentsOf: episodes) == before)
    }

    @Test func aTornLineIsNotedOnStderrAndDropped() throws {
        let dir = try DelveBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = try DelveBinary.run(["eval", "--task", "grid/goto", "--episodes", "3", "--run-id", "r"], directory: dir)
        try #require(first.status == 0)
        let episodes = dir.appendingPathComponent("runs/r/episodes.jsonl")
        let lines = try String(contentsOf: episodes, encoding: .utf8).split(separator: "\n")
        try Data((lines[0] + "\n" + lines[1].prefix(40)).utf8).write(to: episodes)
        let run = try DelveBinary.run(["eval", "--resume", "runs/r"], directory: dir)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("torn line (40 bytes"), "\(run.stderr)")
        #expect(try JSONFiles.lines(episodes).compactMap { $0["seed"] as? Int }.sorted() == [1_000_000, 1_000_001, 1_000_002])
    }
}
