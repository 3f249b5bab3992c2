import Foundation
import Testing

@Suite struct WorldsEndToEndTests {
    @Test func listsEveryFamilyAndTask() throws {
        let run = try DelveBinary.run(["worlds"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stdout.contains("grid (revision "))
        #expect(run.stdout.contains("rules (revision "))
        for task in EvalEndToEndTests.smokeTasks { #expect(run.stdout.contains(task)) }
        #expect(run.stderr.isEmpty)
    }

    @Test func describePrintsTheSystemPromptAndActionSpace() throws {
        let json = try DelveBinary.run(["worlds", "grid/goto", "--describe", "--json"])
        #expect(json.status == 0, "stderr: \(json.stderr)")
        let families = try #require(try JSONFiles.value(json.stdout) as? [[String: Any]])
        let task = try #require((families.first?["tasks"] as? [[String: Any]])?.first)
        let description = try #require(task["description"] as? [String: Any])
        let instructions = try #require(description["instructions"] as? String)
        let actions = try #require(description["action_space"] as? [String])
        #expect(!instructions.isEmpty && !actions.isEmpty)

        let text = try DelveBinary.run(["worlds", "grid/goto", "--describe"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("grid/goto"))
        #expect(text.stdout.contains("action space: \(actions.joined(separator: ", "))"))
        #expect(text.stdout.contains("step budget: \(task["step_budget"] as? Int ?? -1) nominal"))
        let firstLine = try #require(instructions.split(separator: "\n").first)
        #expect(text.stdout.contains(firstLine))
    }

    @Test func jsonListsTasksWithRevisionAndSummary() throws {
        let run = try DelveBinary.run(["worlds", "--json"])
        #expect(run.status == 0)
        let families = try #require(try JSONFiles.value(run.stdout) as? [[String: Any]])
        let grid = try #require(families.first { $0["family"] as? String == "grid" })
        #expect(grid["revision"] is Int && grid["summary"] is String)
        let tasks = try #require(grid["tasks"] as? [[String: Any]])
        let names = tasks.compactMap { $0["task"] as? String }
        #expect(names.count == tasks.count && Set(names).count == names.count && names.contains("grid/goto"))
        #expect(names.allSatisfy { $0.hasPrefix("grid/") }, "\(names)")
        #expect(tasks.allSatisfy { $0["description"] == nil && $0["step_budget"] is Int && $0["options"] is [Any] })
    }

    @Test func aFamilyNameListsOnlyItsTasks() throws {
        let run = try DelveBinary.run(["worlds", "grid", "--json"])
        #expect(run.status == 0)
        let families = try #require(try JSONFiles.value(run.stdout) as? [[String: Any]])
        #expect(families.count == 1 && families[0]["family"] as? String == "grid")
    }
}
