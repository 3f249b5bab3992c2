import DelveCore
import DelveEval
import DelveSuites
import Foundation
import Testing
import WorldCatalog

@Suite struct PlanTests {
    @Test func smokeSuiteExpandsInOrder() throws {
        let suite = try #require(Catalog.suite(named: "smoke"))
        let plan = try EvalPlan(suite: suite, catalog: Catalog.standard)
        #expect(plan.episodes.count == suite.episodeCount)
        #expect(plan.episodes.map(\.index) == Array(0..<suite.episodeCount))
        let expected = suite.entries.flatMap { entry in entry.seeds.map { "\(entry.task) \($0)" } }
        #expect(plan.episodes.map { "\($0.task.id) \($0.seed)" } == expected)
        #expect(plan.worlds.map(\.family) == Catalog.standard.families.map(\.name))
    }

    @Test func singleTaskSuiteCountsSeedsUp() throws {
        let suite = try Suite.single(task: "line/walk", episodes: 3, firstSeed: 5)
        #expect(suite.entries == [SuiteEntry(task: "line/walk", seeds: [5, 6, 7])])
        let largest = Seeds.range.upperBound
        #expect(throws: PlanError.seedOverflow(firstSeed: largest, episodes: 2)) {
            try Suite.single(task: "line/walk", episodes: 2, firstSeed: largest)
        }
        #expect(throws: PlanError.seedOverflow(firstSeed: largest + 1, episodes: 1)) {
            try Suite.single(task: "line/walk", episodes: 1, firstSeed: largest + 1)
        }
        #expect(try Suite.single(task: "line/walk", episodes: 1, firstSeed: largest).entries[0].seeds == [largest])
    }

    @Test func badSuitesAreRefusedBeforeAnythingRuns() {
        func plan(_ entries: [SuiteEntry]) throws(PlanError) {
            _ = try EvalPlan(suite: Suite(name: "t", summary: "", entries: entries), catalog: LineWorld.catalog)
        }
        #expect(throws: PlanError.catalog(.unknownTask("line/run", valid: ["line/walk"]))) {
            try plan([SuiteEntry(task: "line/run", seeds: [1])])
        }
        #expect(throws: PlanError.duplicate(task: "line/walk", seed: 1)) {
            try plan([SuiteEntry(task: "line/walk", seeds: [1, 2]), SuiteEntry(task: "line/walk", seeds: [1])])
        }
        #expect(throws: PlanError.empty(suite: "t")) { try plan([SuiteEntry(task: "line/walk", seeds: [])]) }
        #expect(throws: PlanError.stepBudget(task: "line/walk", value: 0)) {
            try plan([SuiteEntry(task: "line/walk", seeds: [1], stepBudget: 0)])
        }
        #expect(throws: PlanError.self) { try plan([SuiteEntry(task: "line/walk", seeds: [1], options: ["length": .int(9)])]) }
        #expect(throws: PlanError.self) { try plan([SuiteEntry(task: "line/walk", seeds: [1], options: ["colour": .int(1)])]) }
    }

    @Test func suitesComeByNameOrFromAFile() throws {
        #expect(try SuiteLookup.find("smoke", builtins: Catalog.suites).name == "smoke")
        #expect(throws: SuiteLookupError.unknown("nope", valid: Catalog.suites.map(\.name))) { try SuiteLookup.find("nope", builtins: Catalog.suites) }

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("delve-plan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = folder.appendingPathComponent("suite.json")
        try Data(#"{"name": "mine", "summary": "two", "entries": [{"task": "line/walk", "seeds": [3, 4]}]}"#.utf8).write(to: good)
        let suite = try SuiteLookup.find(good.path, builtins: Catalog.suites)
        #expect(suite.name == "mine" && suite.entries[0].seeds == [3, 4])

        let bad = folder.appendingPathComponent("bad.json")
        try Data(#"{"name": "mine", "summary": "two", "entries": [{"task": "line/walk", "options": {}}]}"#.utf8).write(to: bad)
        do {
            _ = try SuiteLookup.find(bad.path, builtins: Catalog.suites)
            Issue.record("expected a failure")
        } catch {
            #expect(error.description == "suite file \(bad.path):1 is not a suite: missing key 'seeds' in entries[0]")
        }
    }

    @Test func catalogSelectionTakesFamiliesAndTasks() throws {
        #expect(try Catalog.standard.select([]).map(\.id) == Catalog.standard.tasks.map(\.id))
        #expect(try Catalog.standard.select(["grid"]).count == Catalog.standard.family("grid")?.tasks.count)
        #expect(try Catalog.standard.select(["grid/boss", "grid", "grid/boss"]).first?.id == "grid/boss")
        #expect(throws: CatalogError.self) { try Catalog.standard.select(["nope"]) }
    }
}
