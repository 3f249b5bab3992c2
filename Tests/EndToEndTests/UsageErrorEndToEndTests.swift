import Foundation
import Testing

@Suite struct UsageErrorEndToEndTests {
    /// Bad input, and words the one-line error must contain: the problem and the valid choices.
    static let cases: [([String], [String])] = [
        (["worlds", "nope"], ["unknown world 'nope'", "grid"]),
        (["worlds", "grid/nope"], ["unknown task 'grid/nope'", "grid/goto"]),
        (["eval", "--task", "nope/x"], ["unknown world", "grid"]),
        (["eval", "--task", "grid/nope"], ["unknown task 'grid/nope'", "grid/boss"]),
        (["eval", "--suite", "nope"], ["unknown suite 'nope'", "smoke"]),
        (["eval", "--agent", "python3 'agent.py"], ["--agent", "unterminated single quote", "random, expert"]),
        (["eval", "--agent", "python3 agent.py\\"], ["--agent", "trailing backslash", "random, expert"]),
        (["eval", "--agent", "  "], ["--agent", "the agent command is empty", "random, expert"]),
        (["eval", "--act-timeout", "0"], ["--act-timeout", "more than 0"]),
        (["eval", "--act-timeout", "soon"], ["'soon'", "--act-timeout"]),
        (["eval", "--task", "grid/goto", "--first-seed", "abc"], ["'abc'", "--first-seed"]),
        (["eval", "--task", "grid/goto", "--first-seed", "-3"], ["--first-seed"]),
        (["eval", "--task", "grid/goto", "--episodes", "many"], ["'many'", "--episodes"]),
        (["eval", "--task", "grid/goto", "--episodes", "0"], ["--episodes", "at least 1"]),
        (["eval", "--jobs", "0"], ["--jobs", "at least 1"]),
        (["eval", "--jobs", "two"], ["'two'", "--jobs"]),
        (["eval", "--suite", "smoke", "--task", "grid/goto"], ["--suite", "--task"]),
        (["eval", "--run-id", "../escape"], ["run id", "../escape"]),
        (["eval", "--frobnicate"], ["--frobnicate", "usage: delve eval"]),
        (["eval", "--resume", "nowhere"], ["nowhere is not a run directory", "no run.json"]),
        (["eval", "--resume", "nowhere", "--suite", "smoke"], ["--resume", "drop --suite"]),
        (["eval", "--max-consecutive-errors", "0"], ["--max-consecutive-errors must be at least 1"]),
        (["eval", "--shard", "5/4"], ["--shard 5/4", "1 ≤ K ≤ N"]),
        (["eval", "--shard", "x"], ["--shard 'x'", "K/N"]),
        (["play", "grid/goto", "--seed", "abc"], ["--seed"]),
        (["bench", "grid/nope"], ["unknown task 'grid/nope'", "grid/goto"]),
        (["conquer"], ["conquer", "eval", "worlds"]),
    ]

    @Test(arguments: cases)
    func badInputExitsTwoWithOneLine(arguments: [String], mentions: [String]) throws {
        let dir = try DelveBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try DelveBinary.run(arguments, directory: dir)
        #expect(run.status == 2, "\(arguments): status \(run.status), stderr \(run.stderr)")
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(arguments): \(run.stderr)")
        #expect(run.stderr.hasPrefix("delve: "))
        for word in mentions { #expect(run.stderr.contains(word), "\(arguments): \(run.stderr)") }
        #expect(!run.stderr.contains("Fatal error") && !run.stderr.contains("Stack dump"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("runs").path), "nothing is written")
    }

    @Test(arguments: [["--help"], ["eval", "--help"], ["worlds", "--help"], ["bench", "--help"], ["help", "eval"]])
    func helpStillWorks(arguments: [String]) throws {
        let run = try DelveBinary.run(arguments)
        #expect(run.status == 0)
        #expect(run.stdout.contains("USAGE: delve"))
        #expect(run.stderr.isEmpty)
    }

    @Test func versionPrints() throws {
        let run = try DelveBinary.run(["--version"])
        #expect(run.status == 0)
        #expect(run.stdout.split(separator: ".").count == 3)
    }
}
