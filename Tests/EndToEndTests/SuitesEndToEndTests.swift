import Foundation
import Testing

/// `delve suites`, `delve suites show`, and suite files with seed ranges.
@Suite struct SuitesEndToEndTests {
    @Test func theListNamesSmokeAndShowPrintsAPlayableSuiteFile() throws {
        let dir = try DelveBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let list = try DelveBinary.run(["suites"], directory: dir)
        #expect(list.status == 0)
        let names = list.stdout.split(separator: "\n").map { $0.prefix { $0 != " " } }
        #expect(names.prefix(2) == ["smoke", "balrog"], "\(list.stdout)")
        let tasks = CatalogTasks.all.count
        #expect(tasks > 0 && list.stdout.contains("smoke    \(tasks) tasks, \(5 * tasks) episodes "), "\(list.stdout)")

        let show = try DelveBinary.run(["suites", "show", "smoke"], directory: dir)
        #expect(show.status == 0)
        try Data(show.stdout.utf8).write(to: dir.appendingPathComponent("smoke.json"))
        for (id, suite) in [("builtin", "smoke"), ("file", "smoke.json")] {
            let run = try DelveBinary.run(["eval", "--suite", suite, "--run-id", id, "--no-trajectories"], directory: dir)
            try #require(run.status == 0, "\(run.stderr)")
        }
        #expect(try JSONFiles.summaryWithoutTiming(dir.appendingPathComponent("runs/builtin"))
            == JSONFiles.summaryWithoutTiming(dir.appendingPathComponent("runs/file")))
    }

    @Test func balrogHasBALROGsTaskMixAndEachFamilyHasASuite() throws {
        let dir = try DelveBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let show = try DelveBinary.run(["suites", "show", "balrog"], directory: dir)
        try #require(show.status == 0, "\(show.stderr)")
        let entries = try #require((try JSONFiles.value(show.stdout) as? [String: Any])?["entries"] as? [[String: Any]])
        let grid = entries.filter { ($0["task"] as? String)?.hasPrefix("grid/") == true }
        #expect(grid.compactMap { $0["task"] as? String }
            == ["grid/goto", "grid/pickup", "grid/open", "grid/putnext", "grid/pick_up_seq_go_to"])
        for entry in entries {
            let task = entry["task"] as? String ?? ""
            let first = task.hasPrefix("text/") ? 20_000 : 1_000_000, count = task.hasPrefix("rules/") ? 3 : task.hasPrefix("dungeon/") ? 5 : 10
            #expect(entry["seeds"] as? [Int] == Array(first..<first + count), "\(entry)")
        }
        #expect(entries.compactMap { $0["task"] as? String }.filter { $0.hasPrefix("text/") }
            == ["text/treasure_hunter", "text/cooking", "text/coin_collector"])
        let rules = entries.filter { ($0["task"] as? String)?.hasPrefix("rules/") == true }
        #expect(Set(rules.compactMap { $0["task"] as? String }) == Set(EvalEndToEndTests.rulesTasks), "BALROG's 40 BabaIsAI tasks")
        #expect(rules.first?["task"] as? String == "rules/make_win-distr_obj_rule", "config.yaml's order")
        #expect(entries.contains { $0["task"] as? String == "dungeon/descend" }, "NetHackChallenge, 5 episodes")
        #expect(entries.compactMap { $0["task"] as? String }.filter { $0.hasPrefix("dungeon/") && $0 != "dungeon/descend" }
            == EvalEndToEndTests.skillTasks, "BALROG's 8 MiniHack tasks, config.yaml's order")

        #expect(!CatalogTasks.families.isEmpty)
        for (name, tasks) in CatalogTasks.families {
            let suite = try DelveBinary.run(["suites", "show", name], directory: dir)
            try #require(suite.status == 0, "\(name): \(suite.stderr)")
            let entries = try #require((try JSONFiles.value(suite.stdout) as? [String: Any])?["entries"] as? [[String: Any]])
            #expect(entries.compactMap { $0["task"] as? String } == tasks)
            #expect(entries.allSatisfy { ($0["seeds"] as? [Int])?.count == 10 })
        }
    }

    @Test func rangesAndBudgetsInASuiteFile() throws {
        let dir = try DelveBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("""
            {"name": "ranges", "summary": "Seed ranges and budgets.", "entries": [
              {"task": "grid/goto", "seeds": {"from": 5, "count": 3}, "step_budget": 4},
              {"task": "grid/open", "seeds": [1, {"from": 10, "count": 2}]}
            ]}
            """.utf8).write(to: dir.appendingPathComponent("ranges.json"))
        let show = try DelveBinary.run(["suites", "show", "ranges.json"], directory: dir)
        #expect(show.status == 0)
        let entries = try #require((try JSONFiles.value(show.stdout) as? [String: Any])?["entries"] as? [[String: Any]])
        #expect(entries.map { $0["seeds"] as? [Int] ?? [] } == [[5, 6, 7], [1, 10, 11]])
        let run = try DelveBinary.run(["eval", "--suite", "ranges.json", "--run-id", "r"], directory: dir)
        try #require(run.status == 0, "\(run.stderr)")
        let episodes = try JSONFiles.lines(dir.appendingPathComponent("runs/r/episodes.jsonl"))
        let goto = episodes.filter { $0["task"] as? String == "grid/goto" }
        #expect(goto.compactMap { $0["seed"] as? Int }.sorted() == [5, 6, 7])
        #expect(goto.allSatisfy { $0["step_budget"] as? Int == 4 && ($0["steps"] as? Int ?? 99) <= 4 })
    }

    @Test func aYAMLSuitePlaysLikeItsJSONTwin() throws {
        let dir = try DelveBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("""
            {"name": "pair", "summary": "Two tasks.", "entries": [
              {"task": "grid/goto", "seeds": {"from": 5, "count": 3}, "step_budget": 8},
              {"task": "rules/goto_win", "seeds": [1, 4]}
            ]}
            """.utf8).write(to: dir.appendingPathComponent("pair.json"))
        try Data("""
            # The same suite in YAML.
            name: pair
            summary: Two tasks.
            entries:
              - task: grid/goto
                seeds: {from: 5, count: 3}
                step_budget: 8
              - task: rules/goto_win
                seeds: [1, 4]

            """.utf8).write(to: dir.appendingPathComponent("pair.yml"))
        for (id, file) in [("json", "pair.json"), ("yaml", "pair.yml")] {
            let run = try DelveBinary.run(["eval", "--suite", file, "--run-id", id, "--no-trajectories"], directory: dir)
            try #require(run.status == 0, "\(run.stderr)")
        }
        #expect(try JSONFiles.summaryWithoutTiming(dir.appendingPathComponent("runs/json"))
            == JSONFiles.summaryWithoutTiming(dir.appendingPathComponent("runs/yaml")))
        try Data("name: p\nsummary: s\nentries:\n  - task: grid/goto\n    seeds: {from: 1, count: 0}\n".utf8)
            .write(to: dir.appendingPathComponent("bad.yaml"))
        let bad = try DelveBinary.run(["eval", "--suite", "bad.yaml"], directory: dir)
        #expect(bad.status == 2 && bad.stderr == "delve: suite file bad.yaml:5 is not a suite: entries[0].seeds.count: count 0 is below 1\n",
                "\(bad.stderr)")
    }

    @Test func badSuitesAreOneLineErrors() throws {
        let dir = try DelveBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("{\"name\": \"b\", \"summary\": \"\",\n \"entries\": [{\"task\": \"grid/goto\",\n \"seeds\": {\"from\": 1, \"count\": 0}}]}"
            .utf8).write(to: dir.appendingPathComponent("bad.json"))
        try Data("{\"name\": \"u\", \"summary\": \"\", \"entries\": [{\"task\": \"grid/nope\", \"seeds\": [1]}]}"
            .utf8).write(to: dir.appendingPathComponent("unknown.json"))
        let cases: [([String], String)] = [
            (["suites", "show", "nope"], "unknown suite 'nope'; valid suites: smoke, balrog, grid, craft, text, rules"),
            (["suites", "show", "bad.json"], "suite file bad.json:3 is not a suite: entries[0].seeds.count: count 0 is below 1"),
            (["eval", "--suite", "bad.json"], "bad.json:3"),
            (["suites", "show", "unknown.json"], "unknown task 'grid/nope'"),
        ]
        for (arguments, mention) in cases {
            let run = try DelveBinary.run(arguments, directory: dir)
            #expect(run.status == 2, "\(arguments)")
            #expect(run.stderr.split(separator: "\n").count == 1 && run.stderr.contains(mention), "\(arguments): \(run.stderr)")
        }
    }
}
