import DelveAgents
import DelveCore
import DelveEval
import DelveSuites
import Foundation
import Testing
import WorldCatalog

@Suite struct DeterminismTests {
    func run(_ suite: Suite, catalog: TaskCatalog, jobs: Int) async throws -> [EpisodeRecord] {
        let evaluation = Evaluation(plan: try EvalPlan(suite: suite, catalog: catalog), jobs: jobs,
                                    runner: EpisodeRunner(recordsTrajectory: false), makeAgent: { RandomAgent() })
        return try await evaluation.run()
    }

    @Test func smokeSuiteGivesTheSameResultsOnOneOrFourWorkers() async throws {
        let smoke = try #require(Catalog.suite(named: "smoke"))
        let one = try await run(smoke, catalog: Catalog.standard, jobs: 1)
        let four = try await run(smoke, catalog: Catalog.standard, jobs: 4)
        #expect(one.map(\.timeless) == four.map(\.timeless))
        #expect(one.map { "\($0.task) \($0.seed)" } == smoke.entries.flatMap { e in e.seeds.map { "\(e.task) \($0)" } })
        #expect(Summary(records: one) == Summary(records: four))
    }

    @Test func summaryBytesMatchAcrossWorkerCounts() async throws {
        let suite = Suite(name: "lines", summary: "", entries: [
            SuiteEntry(task: "line/walk", seeds: Array(0..<24)),
            SuiteEntry(task: "line/walk", seeds: Array(100..<110), options: ["length": .int(3)]),
        ])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let one = try encoder.encode(Summary(records: try await run(suite, catalog: LineWorld.catalog, jobs: 1)))
        let many = try encoder.encode(Summary(records: try await run(suite, catalog: LineWorld.catalog, jobs: 7)))
        #expect(one == many)
    }
}
