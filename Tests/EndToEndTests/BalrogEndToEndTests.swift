import Foundation
import Testing

/// The `balrog` suite played as BALROG plays it, its export in BALROG's layout
/// summarised by BALROG's formula, demonstrations on training seeds, and the
/// profile through serve and merge: with the real binary.
@Suite struct BalrogEndToEndTests {
    /// BALROG's summariser's arithmetic (balrog/utils.py), written anew: per
    /// environment folder the mean of `progression` over every episode file and
    /// its SE (population SD / √n, 0 below two episodes); the overall is the
    /// mean of environment means with SE √(Σ SE²) / environments. Prints JSON.
    static let summarise = #"""
        import json, math, os, sys
        root = sys.argv[1]
        envs = {}
        for env in sorted(os.listdir(root)):
            folder = os.path.join(root, env)
            if not os.path.isdir(folder): continue
            values = []
            for here, _, files in os.walk(folder):
                for name in files:
                    if name.endswith(".json") and not name.endswith("_summary.json"):
                        with open(os.path.join(here, name)) as f: values.append(json.load(f)["progression"])
            n = len(values); mean = sum(values) / n
            sd = math.sqrt(sum((v - mean) ** 2 for v in values) / n) if n > 1 else 0.0
            envs[env] = {"mean": 100 * mean, "se": 100 * sd / math.sqrt(n) if n > 1 else 0.0, "n": n}
        overall = sum(e["mean"] for e in envs.values()) / len(envs)
        se = math.sqrt(sum(e["se"] ** 2 for e in envs.values())) / len(envs)
        print(json.dumps({"overall": overall, "se": se, "envs": envs}))
        """#

    static let environments = ["babyai", "crafter", "textworld", "babaisai", "nle", "minihack"]

    @Test(.enabled(if: Python.available, "python3 is not installed"))
    func theBalrogSuiteCountsSixEnvironmentsAndItsExportSummarisesTheSame() throws {
        let dir = try DelveBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try DelveBinary.run(["eval", "--suite", "balrog", "--agent", "random", "--run-id", "b"], directory: dir)
        try #require(run.status == 0, "\(run.stderr)")
        for group in Self.environments { #expect(run.stdout.contains("group \(group) "), "\(group)") }
        #expect(run.stdout.contains("overall (over groups)"))

        let info = try JSONFiles.object(dir.appendingPathComponent("runs/b/run.json"))
        #expect(info["profile"] as? String == "balrog" && info["action_matching"] as? String == "exact"
                && info["invalid_action"] as? String == "default")
        let summary = try JSONFiles.object(dir.appendingPathComponent("runs/b/summary.json"))
        let groups = try #require(summary["groups"] as? [[String: Any]])
        #expect(groups.compactMap { $0["group"] as? String } == Self.environments)
        #expect(groups.compactMap { $0["episodes"] as? Int } == [50, 10, 30, 120, 5, 40])
        let overall = try #require(summary["overall"] as? [String: Any])

        let export = try DelveBinary.run(["export", "runs/b", "--format", "balrog", "--out", "exported"], directory: dir)
        try #require(export.status == 0, "\(export.stderr)")
        let episode = try JSONFiles.object(dir.appendingPathComponent(
            "exported/babyai/BabyAI-MixedTrainLocal-v0/goto/BabyAI-MixedTrainLocal-v0/goto_run_00.json"))
        let progression = try #require(episode["progression"] as? Double)
        #expect((0...1).contains(progression) && episode["num_steps"] as? Int ?? 0 > 0)
        #expect(episode["task"] as? String == "BabyAI-MixedTrainLocal-v0/goto" && episode["seed"] as? Int == 1_000_000)
        let frequency = try #require(episode["action_frequency"] as? [String: Int])
        #expect(frequency.values.reduce(0, +) == episode["num_steps"] as? Int)

        let balrog = try Python.run(["-c", Self.summarise, dir.appendingPathComponent("exported").path])
        try #require(balrog.status == 0, "\(balrog.stderr)")
        let theirs = try #require(try JSONFiles.value(balrog.stdout) as? [String: Any])
        func close(_ a: Any?, _ b: Any?) -> Bool {
            guard let a = a as? Double, let b = b as? Double else { return false }
            return abs(a - b) < 1e-9
        }
        #expect(close(theirs["overall"], overall["progress_mean"]), "\(theirs) vs \(overall)")
        #expect(close(theirs["se"], overall["progress_se"]))
        let envs = try #require(theirs["envs"] as? [String: [String: Any]])
        for group in groups {
            let name = try #require(group["group"] as? String)
            #expect(close(envs[name]?["mean"], group["progress_mean"]) && close(envs[name]?["se"], group["progress_se"]), "\(name)")
            #expect(envs[name]?["n"] as? Int == group["episodes"] as? Int)
        }
        let written = try JSONFiles.object(dir.appendingPathComponent("exported/summary.json"))
        #expect(close(written["average_progress"], overall["progress_mean"]))

        let again = try DelveBinary.run(["export", "runs/b", "--format", "balrog", "--out", "exported"], directory: dir)
        #expect(again.status == 2 && again.stderr.contains("exists already"), "\(again.stderr)")
    }

    @Test func demonstrationsComeFromTrainingSeedsOnly() throws {
        let dir = try DelveBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let made = try DelveBinary.run(["demos", "grid/goto", "--episodes", "2", "--profile", "balrog", "--out", "d.jsonl"],
                                       directory: dir)
        try #require(made.status == 0, "\(made.stderr)")
        let demos = try JSONFiles.lines(dir.appendingPathComponent("d.jsonl"))
        #expect(demos.count == 2 && demos.compactMap { $0["seed"] as? Int } == [0, 1])
        for demo in demos {
            let observations = try #require(demo["observations"] as? [String]), actions = try #require(demo["actions"] as? [String])
            #expect(observations.count == actions.count + 1 && !actions.isEmpty)
            #expect(demo["profile"] as? String == "balrog" && demo["progress"] as? Double == 100)
            #expect(demo["task"] as? String == "grid/goto" && (demo["instructions"] as? String)?.isEmpty == false)
        }
        for (task, first) in [("grid/goto", "999999"), ("text/coin_collector", "999"), ("craft", "1000000")] {
            let refused = try DelveBinary.run(["demos", task, "--episodes", "2", "--first-seed", first], directory: dir)
            #expect(refused.status == 2 && refused.stderr.contains("training seeds"), "\(task): \(refused.stderr)")
        }
    }

    @Test func shardsOfTwoProfilesAreNeverMerged() throws {
        let dir = try DelveBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (k, profile) in [(1, "delve"), (2, "balrog")] {
            let run = try DelveBinary.run(["eval", "--task", "grid/goto", "--episodes", "4", "--shard", "\(k)/2", "--profile", profile,
                                           "--run-id", "s\(k)", "--no-trajectories"], directory: dir)
            try #require(run.status == 0, "\(run.stderr)")
        }
        let merge = try DelveBinary.run(["merge", "runs/s1", "runs/s2", "--out", "runs/m"], directory: dir)
        #expect(merge.status == 2 && merge.stderr.contains("--profile delve vs balrog"), "\(merge.stderr)")
        let resume = try DelveBinary.run(["eval", "--resume", "runs/s1", "--profile", "balrog"], directory: dir)
        #expect(resume.status == 2 && resume.stderr.contains("drop --profile"), "\(resume.stderr)")
    }

    @Test func describeShowsWhatAProfileShows() throws {
        let balrog = try DelveBinary.run(["worlds", "grid/goto", "--describe", "--profile", "balrog", "--json"])
        try #require(balrog.status == 0, "\(balrog.stderr)")
        let families = try #require(try JSONFiles.value(balrog.stdout) as? [[String: Any]])
        let task = try #require((families.first?["tasks"] as? [[String: Any]])?.first)
        let description = try #require(task["description"] as? [String: Any])
        // BALROG's six actions: the observation lists none, the action space is the task's vocabulary.
        #expect(description["action_space"] as? [String] == ["turn left", "turn right", "go forward", "pick up", "drop", "toggle"])
        let delve = try DelveBinary.run(["worlds", "grid/goto", "--describe", "--json"])
        #expect(delve.stdout.contains("\"done\"") && !balrog.stdout.contains("\"done\""))
        let misplaced = try DelveBinary.run(["worlds", "grid/goto", "--profile", "balrog"])
        #expect(misplaced.status == 2 && misplaced.stderr.contains("--profile goes with --describe"), "\(misplaced.stderr)")
    }

    @Test func serveResetsUnderTheProfileAsked() throws {
        let input = """
            {"jsonrpc":"2.0","id":1,"method":"env/reset","params":{"task":"grid/goto","seed":3,"profile":"balrog"}}
            {"jsonrpc":"2.0","id":2,"method":"env/reset","params":{"task":"grid/goto","seed":3}}
            {"jsonrpc":"2.0","id":3,"method":"env/reset","params":{"task":"grid/goto","profile":7}}

            """
        let run = try DelveBinary.run(["serve"], input: input)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        try #require(lines.count == 3, "\(run.stdout)\(run.stderr)")
        let first = try #require(try JSONFiles.value(lines[0]) as? [String: Any])
        let info = try #require((first["result"] as? [String: Any])?["info"] as? [String: Any])
        #expect(info["profile"] as? String == "balrog")
        #expect(lines[1].contains(#""profile":"delve""#))
        #expect(lines[2].contains("-32602"), "\(lines[2])")
    }
}
