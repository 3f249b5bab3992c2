import DelveAgents
import DelveCore
import DelveEval
import DelveSuites
import Testing

@Suite struct EvaluationTests {
    struct DiskFull: Error {}

    func evaluation(jobs: Int) throws -> Evaluation {
        let suite = Suite(name: "lines", summary: "", entries: [SuiteEntry(task: "line/walk", seeds: Array(0..<10))])
        return Evaluation(plan: try EvalPlan(suite: suite, catalog: LineWorld.catalog), jobs: jobs, makeAgent: { ExpertAgent() })
    }

    @Test func everyEpisodeIsReportedOnceAndReturnedInPlanOrder() async throws {
        var reported: [UInt64] = []
        let records = try await evaluation(jobs: 3).run { reported.append($0.record.seed) }
        #expect(reported.sorted() == Array(0..<10))
        #expect(records.map(\.seed) == Array(0..<10))
        #expect(records.allSatisfy { $0.endReason == .success })
    }

    @Test func aFailingRecorderStopsTheRun() async throws {
        var calls = 0
        await #expect(throws: DiskFull.self) {
            _ = try await evaluation(jobs: 2).run { _ in
                calls += 1
                if calls == 2 { throw DiskFull() }
            }
        }
        #expect(calls == 2)
    }

    @Test func jobsBelowOneCountAsOne() throws {
        #expect(try evaluation(jobs: 0).jobs == 1)
    }
}
