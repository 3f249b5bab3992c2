import Foundation
import Testing

@Suite struct EvalEndToEndTests {
    /// BALROG's 40 BabaIsAI level kinds (its config.yaml's list), in the catalog's order: the reference
    /// the rules family is checked against.
    static let rulesTasks = [
        "rules/goto_win", "rules/goto_win-distr_obj", "rules/goto_win-distr_rule", "rules/goto_win-distr_obj_rule",
        "rules/goto_win-distr_obj-irrelevant_rule", "rules/make_win", "rules/make_win-distr_obj",
        "rules/make_win-distr_rule", "rules/make_win-distr_obj_rule", "rules/make_win-distr_obj-irrelevant_rule",
        "rules/two_room-goto_win", "rules/two_room-goto_win-distr_obj", "rules/two_room-goto_win-distr_rule",
        "rules/two_room-goto_win-distr_obj_rule", "rules/two_room-goto_win-distr_obj-irrelevant_rule",
        "rules/two_room-goto_win-distr_win_rule", "rules/two_room-break_stop-goto_win",
        "rules/two_room-break_stop-goto_win-distr_obj", "rules/two_room-break_stop-goto_win-distr_rule",
        "rules/two_room-break_stop-goto_win-distr_obj_rule",
        "rules/two_room-break_stop-goto_win-distr_obj-irrelevant_rule", "rules/two_room-maybe_break_stop-goto_win",
        "rules/two_room-maybe_break_stop-goto_win-distr_obj", "rules/two_room-maybe_break_stop-goto_win-distr_rule",
        "rules/two_room-maybe_break_stop-goto_win-distr_obj_rule",
        "rules/two_room-maybe_break_stop-goto_win-distr_obj-irrelevant_rule", "rules/two_room-make_win",
        "rules/two_room-make_win-distr_obj", "rules/two_room-make_win-distr_rule",
        "rules/two_room-make_win-distr_obj_rule", "rules/two_room-make_win-distr_obj-irrelevant_rule",
        "rules/two_room-make_win-distr_win_rule", "rules/two_room-break_stop-make_win",
        "rules/two_room-break_stop-make_win-distr_obj", "rules/two_room-break_stop-make_win-distr_rule",
        "rules/two_room-break_stop-make_win-distr_obj_rule",
        "rules/two_room-break_stop-make_win-distr_obj-irrelevant_rule", "rules/two_room-make_you",
        "rules/two_room-make_you-make_win", "rules/two_room-make_wall_win",
    ]
    /// The dungeon's MiniHack skill tasks, in BALROG's config.yaml order.
    static let skillTasks = ["dungeon/boxoban_hard", "dungeon/boxoban_medium", "dungeon/maze_walk_9x9", "dungeon/maze_walk_15x15",
                             "dungeon/corridor", "dungeon/corridor_battle", "dungeon/quest_easy", "dungeon/quest_medium"]
    /// Every task of the smoke suite: every task of the catalog, in its order.
    static var smokeTasks: [String] { CatalogTasks.all }

    @Test func defaultRunWritesTheResultsDirectory() throws {
        let dir = try DelveBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try DelveBinary.run(["eval"], directory: dir)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let runDir = try JSONFiles.onlyRun(in: dir.appendingPathComponent("runs"))
        let names = try FileManager.default.contentsOfDirectory(atPath: runDir.path).sorted()
        #expect(names == ["episodes.jsonl", "run.json", "summary.csv", "summary.json", "summary.md", "trajectories"])
        #expect(run.stdout.contains("Results: \(runDir.path)") || run.stdout.contains("Results: \(runDir.resolvingSymlinksInPath().path)"))
        for task in Self.smokeTasks { #expect(run.stdout.contains(task)) }
        #expect(run.stdout.contains("overall"))

        let info = try JSONFiles.object(runDir.appendingPathComponent("run.json"))
        #expect(info["agent"] as? String == "random")
        #expect((info["suite"] as? [String: Any])?["name"] as? String == "smoke")

        let episodes = try JSONFiles.lines(runDir.appendingPathComponent("episodes.jsonl"))
        #expect(episodes.count == 5 * Self.smokeTasks.count)
        for episode in episodes {
            for key in ["task", "seed", "progress", "steps", "end_reason"] { #expect(episode[key] != nil, "lacks \(key)") }
            let task = try #require(episode["task"] as? String), seed = try #require(episode["seed"] as? Int)
            let trajectory = runDir.appendingPathComponent("trajectories/\(task)/seed-\(seed).jsonl")
            #expect(try JSONFiles.lines(trajectory).count == episode["steps"] as? Int)
        }

        let summary = try JSONFiles.object(runDir.appendingPathComponent("summary.json"))
        let tasks = try #require(summary["tasks"] as? [[String: Any]])
        #expect(tasks.compactMap { $0["task"] as? String } == Self.smokeTasks)
        #expect(tasks.allSatisfy { $0["episodes"] as? Int == 5 && $0["progress_mean"] != nil && $0["progress_se"] != nil })
        #expect((summary["overall"] as? [String: Any])?["episodes"] as? Int == 5 * Self.smokeTasks.count)
        #expect((summary["families"] as? [[String: Any]])?.compactMap { $0["family"] as? String } == CatalogTasks.families.map(\.name))
        // The text family evaluates on TextWorldExpress's test split.
        #expect(episodes.filter { ($0["task"] as? String)?.hasPrefix("text/") == true }.compactMap { $0["seed"] as? Int }.allSatisfy { (20_000...20_004).contains($0) })
    }

    @Test func expertScoresFullMarksOnEveryTask() throws {
        let dir = try DelveBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try DelveBinary.run(["eval", "--suite", "smoke", "--agent", "expert", "--out", "out", "--run-id", "x"], directory: dir)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let summary = try JSONFiles.object(dir.appendingPathComponent("out/x/summary.json"))
        let tasks = try #require(summary["tasks"] as? [[String: Any]])
        #expect(tasks.count == Self.smokeTasks.count)
        // Every grid and text task is won; craft has no winning end, and the expert unlocks most of its 22 achievements;
        // the descend bot goes down a few levels in the smoke suite's 1,000 steps.
        for task in tasks {
            let name = task["task"] as? String ?? ""
            if name == "dungeon/descend" {
                #expect((task["progress_mean"] as? Double ?? 0) > 0, "\(name)")
            } else if name.hasPrefix("craft/") {
                #expect((task["progress_mean"] as? Double ?? 0) > 70, "\(name)")
                #expect((task["crafter_score"] as? Double ?? 0) > 50, "\(name)")
            } else {
                #expect(task["progress_mean"] as? Double == 100, "\(name)")
                #expect(task["success_rate"] as? Double == 1, "\(name)")
            }
        }
    }

    @Test func singleTaskRunUsesTheSeedsAskedFor() throws {
        let dir = try DelveBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try DelveBinary.run(["eval", "--task", "grid/goto", "--episodes", "3", "--first-seed", "17", "--run-id", "t",
                                       "--no-trajectories", "--jobs", "1"], directory: dir)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let episodes = try JSONFiles.lines(dir.appendingPathComponent("runs/t/episodes.jsonl"))
        #expect(episodes.compactMap { $0["seed"] as? Int }.sorted() == [17, 18, 19])
        #expect(episodes.allSatisfy { $0["task"] as? String == "grid/goto" })
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("runs/t/trajectories").path))
    }

    @Test func summariesMatchAcrossJobCounts() throws {
        let dir = try DelveBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for jobs in ["1", "4"] {
            let run = try DelveBinary.run(["eval", "--jobs", jobs, "--run-id", "j\(jobs)", "--no-trajectories"], directory: dir)
            #expect(run.status == 0, "stderr: \(run.stderr)")
        }
        func scores(_ id: String) throws -> NSDictionary {
            var summary = try JSONFiles.object(dir.appendingPathComponent("runs/\(id)/summary.json"))
            #expect(summary.removeValue(forKey: "timing") != nil)
            return summary as NSDictionary
        }
        #expect(try scores("j1") == scores("j4"))
    }

    @Test func anExistingRunDirectoryIsRefused() throws {
        let dir = try DelveBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let args = ["eval", "--task", "grid/goto", "--episodes", "1", "--run-id", "same"]
        #expect(try DelveBinary.run(args, directory: dir).status == 0)
        let again = try DelveBinary.run(args, directory: dir)
        #expect(again.status == 2)
        #expect(again.stderr.split(separator: "\n").count == 1)
        #expect(again.stderr.contains("already exists"))
    }
}
