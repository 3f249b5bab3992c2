import DelveAgents
import DelveCore
import DelveEval
import DelveSuites
import Testing
import WorldCatalog

/// The random agent and the expert bracket what an agent can score on the
/// grid: the expert is the ceiling, random a floor well above zero.
@Suite struct BaselineTests {
    func meanProgress(_ task: String, _ makeAgent: @escaping @Sendable () -> any Agent) async throws -> Double {
        let suite = try Suite.single(task: task, episodes: 200, firstSeed: Catalog.firstEvalSeed)
        let records = try await Evaluation(plan: try EvalPlan(suite: suite, catalog: Catalog.standard), jobs: 2, makeAgent: makeAgent).run()
        return records.map(\.progress).reduce(0, +) / Double(records.count)
    }

    @Test func randomOnGoToScoresWellAboveZeroAndWellBelowTheExpert() async throws {
        let random = try await meanProgress("grid/goto", { RandomAgent() })
        let expert = try await meanProgress("grid/goto", { ExpertAgent() })
        #expect(expert == 100)
        #expect(random > 10, "random \(random)")
        #expect(random < 60, "random \(random)")
    }
}
