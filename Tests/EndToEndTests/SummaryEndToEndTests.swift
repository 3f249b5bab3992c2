import Foundation
import Testing

/// `delve summary` and `delve compare` on real run directories.
@Suite struct SummaryEndToEndTests {
    @Test func summaryAndCompareReadFinishedRuns() throws {
        let dir = try DelveBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for agent in ["random", "expert"] {
            let run = try DelveBinary.run(["eval", "--agent", agent, "--run-id", agent, "--no-trajectories"], directory: dir)
            try #require(run.status == 0, "\(run.stderr)")
        }
        let json = try DelveBinary.run(["summary", "runs/expert", "--json"], directory: dir)
        #expect(json.status == 0)
        #expect(json.stdout == (try String(contentsOf: dir.appendingPathComponent("runs/expert/summary.json"), encoding: .utf8)))
        let table = try DelveBinary.run(["summary", "runs/expert"], directory: dir)
        #expect(table.status == 0)
        #expect(table.stdout.contains("95% CI") && table.stdout.contains("AUC"))
        #expect(table.stdout.split(separator: "\n").contains { $0.hasPrefix("grid/goto") && $0.contains("[100.0, 100.0]") })

        let compare = try DelveBinary.run(["compare", "runs/expert", "runs/random"], directory: dir)
        #expect(compare.status == 0, "\(compare.stderr)")
        #expect(compare.stdout.contains("What differs:\n  agent: expert vs random\n"), "\(compare.stdout)")
        #expect(!compare.stdout.contains("warning:") && !compare.stdout.contains("not paired"), "same episodes: \(compare.stdout)")
        let lines = compare.stdout.split(separator: "\n")
        let overall = try #require(lines.first { $0.hasPrefix("overall") })
        #expect(overall.hasSuffix("B < A"), "\(overall)")
        let goto = try #require(lines.first { $0.hasPrefix("grid/goto") })
        #expect(goto.contains("100.0") && goto.contains("-"), "\(goto)")
        for task in CatalogTasks.of("grid") { #expect(lines.contains { $0.hasPrefix(task) }, "\(task)") }

        let itself = try DelveBinary.run(["compare", "runs/random", "runs/random"], directory: dir)
        #expect(itself.stdout.contains("Nothing differs but the scores."), "\(itself.stdout)")
        #expect(itself.stdout.split(separator: "\n").filter { $0.hasPrefix("grid/") }.allSatisfy { $0.hasSuffix("no clear difference") },
                "\(itself.stdout)")
    }

    @Test func compareSaysWhatDiffersAndPairsOnlyWhatBothPlayed() throws {
        let dir = try DelveBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let runs: [(String, [String])] = [
            ("big", ["--episodes", "8", "--agent", "expert"]),
            ("small", ["--episodes", "3"]),
            ("later", ["--episodes", "3", "--first-seed", "5000000"]),
            ("balrog", ["--episodes", "8", "--agent", "expert", "--profile", "balrog"]),
        ]
        for (name, arguments) in runs {
            let run = try DelveBinary.run(["eval", "--task", "grid/goto", "--run-id", name, "--no-trajectories"] + arguments,
                                          directory: dir)
            try #require(run.status == 0, "\(run.stderr)")
        }
        // 8 episodes against 3: warned, and only the 3 shared seeds are paired.
        let sizes = try DelveBinary.run(["compare", "runs/big", "runs/small"], directory: dir)
        #expect(sizes.status == 0, "\(sizes.stderr)")
        let text = sizes.stdout
        #expect(text.hasPrefix("A: runs/big (agent expert, suite grid/goto, profile delve, 8 scored episodes)\n"
            + "B: runs/small (agent random, suite grid/goto, profile delve, 3 scored episodes)\n\n"), "\(text)")
        #expect(text.contains("warning: A has 8 scored episodes and B has 3: only the 3 both played (same task and seed) are paired; "
            + "5 of A's and 0 of B's have no partner and are left out of the paired table\n"), "\(text)")
        for line in ["  agent: expert vs random\n", "  suite: suite 'grid/goto' entry 1 (grid/goto) has other seeds\n",
                     "  episodes: 8 vs 3 scored\n", "Paired: the 3 episodes both played", "Each run on all its own episodes"] {
            #expect(text.contains(line), "\(line) in \(text)")
        }
        let paired = try #require(text.split(separator: "\n").first { $0.hasPrefix("grid/goto") && $0.hasSuffix("too few pairs") })
        #expect(paired.split(separator: " ", omittingEmptySubsequences: true)[1] == "3", "3 pairs: \(paired)")

        // Other seeds: nothing pairs, and it says so.
        let seeds = try DelveBinary.run(["compare", "runs/small", "runs/later"], directory: dir)
        #expect(seeds.stdout.contains("warning: A and B share no episode (same task and seed): nothing is paired"), "\(seeds.stdout)")
        #expect(!seeds.stdout.contains("Paired:") && seeds.stdout.contains("has other seeds"), "\(seeds.stdout)")

        // Another profile: the same episodes pair, and the scores are named not comparable.
        let profiles = try DelveBinary.run(["compare", "runs/big", "runs/balrog"], directory: dir)
        #expect(!profiles.stdout.contains("warning:"), "\(profiles.stdout)")
        #expect(!profiles.stdout.contains("suite:")
            && profiles.stdout.contains("  A played the delve profile and B the balrog profile: they show and score differently, "
                + "so no score is comparable\n"), "\(profiles.stdout)")
        #expect(profiles.stdout.contains("Paired: the 8 episodes both played"), "\(profiles.stdout)")
    }

    @Test func unreadableRunsAreOneLineErrors() throws {
        let dir = try DelveBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try DelveBinary.run(["eval", "--task", "grid/goto", "--episodes", "2", "--run-id", "r"], directory: dir)
        try #require(run.status == 0)
        let summary = dir.appendingPathComponent("runs/r/summary.json")
        try Data("{\"tasks\": [".utf8).write(to: summary)
        let cases: [([String], String)] = [
            (["summary", "runs/r"], "summary.json is unreadable"),
            (["compare", "runs/r", "runs/nope"], "summary.json is unreadable"),
            (["summary", "runs/nope"], "runs/nope is not a run directory"),
        ]
        for (arguments, mention) in cases {
            let failed = try DelveBinary.run(arguments, directory: dir)
            #expect(failed.status == 2, "\(arguments)")
            #expect(failed.stderr.split(separator: "\n").count == 1 && failed.stderr.contains(mention), "\(arguments): \(failed.stderr)")
        }
        try FileManager.default.removeItem(at: summary)
        let unfinished = try DelveBinary.run(["summary", "runs/r"], directory: dir)
        #expect(unfinished.status == 2 && unfinished.stderr.contains("did not finish; finish it with delve eval --resume"),
                "\(unfinished.stderr)")
    }
}
