import DelveCore
import DelveEval
import DelveSuites
import Foundation
import Testing

/// Suites that name groups: per-group scores and the overall over groups (BALROG's rule over its environments).
@Suite struct GroupTests {
    let records = ScoringTests().records

    func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 1e-9 }

    @Test func theOverallAveragesGroupsNotFamilies() throws {
        // a/x and b/z count together, a/y alone: two groups that cut across the families.
        let summary = Summary(records: records, groups: ["a/x": "first", "b/z": "first", "a/y": "second"])
        let groups = try #require(summary.groups)
        #expect(groups.map(\.label.group) == ["first", "second"])
        #expect(groups.map(\.label.tasks) == [2, 1])
        // first: 0, 20, 100, 80 → mean 50, variance (2500+900+2500+900)/4 = 1700; second: 40, 100 → 70
        // (its third episode ended in an agent error: recorded, not scored).
        #expect(groups[0].scores.progressMean == 50 && close(groups[0].scores.progressSE, (1700.0 / 4).squareRoot()))
        #expect(groups[1].scores.progressMean == 70 && groups[1].scores.episodes == 2 && groups[1].scores.agentErrors == 1)
        #expect(summary.overall.scores.progressMean == 60)
        let se = (groups[0].scores.progressSE * groups[0].scores.progressSE + groups[1].scores.progressSE * groups[1].scores.progressSE)
            .squareRoot() / 2
        #expect(close(summary.overall.scores.progressSE, se))
        #expect(summary.overall.label.groups == 2 && summary.overall.label.families == 2)
        #expect(summary.families.count == 2)  // families stay as they are
        let table = SummaryReport(summary).table
        #expect(table.contains("group first") && table.contains("overall (over groups)"))
        #expect(SummaryReport(summary).csv.contains("\ngroup,second,,2,70.0,"))
    }

    @Test func withoutGroupsTheOverallIsOverFamiliesAndNoGroupsAreWritten() throws {
        let summary = Summary(records: records)
        #expect(summary.groups == nil && summary.overall.scores.progressMean == 55)
        let object = try #require(try JSONSerialization.jsonObject(with: try JSONEncoder().encode(summary)) as? [String: Any])
        #expect(object["groups"] == nil)
    }

    @Test func anEntryWithoutAGroupCountsInItsFamilysName() throws {
        let suite = Suite(name: "s", summary: "", entries: [
            SuiteEntry(task: "grid/goto", seeds: [1], group: "babyai"), SuiteEntry(task: "craft/balrog", seeds: [1]),
        ])
        #expect(suite.groups == ["grid/goto": "babyai", "craft/balrog": "craft"])
        #expect(Suite(name: "s", summary: "", entries: [SuiteEntry(task: "grid/goto", seeds: [1])]).groups.isEmpty)
    }

    @Test func suiteFilesCarryGroupsAndTheRunsSettings() throws {
        let json = #"""
        {"name": "mine", "summary": "", "profile": "balrog", "invalid_action": "default", "action_matching": "exact",
         "entries": [{"task": "grid/goto", "seeds": [1, 2], "group": "babyai"}]}
        """#
        let suite = try JSONDecoder().decode(Suite.self, from: Data(json.utf8))
        #expect(suite.profile == .balrog && suite.invalidAction == .default && suite.actionMatching == .exact)
        #expect(suite.entries[0].group == "babyai")
        let encoded = String(decoding: try JSONEncoder().encode(suite), as: UTF8.self)
        #expect(encoded.contains(#""invalid_action":"default""#) && encoded.contains(#""action_matching":"exact""#))
        let bad = #"{"name": "x", "summary": "", "entries": [{"task": "grid/goto", "seeds": [1], "group": ""}]}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Suite.self, from: Data(bad.utf8)) }
    }

    @Test func aTaskCountsInOneGroup() throws {
        let suite = Suite(name: "s", summary: "", entries: [
            SuiteEntry(task: "line/walk", seeds: [1], group: "x"), SuiteEntry(task: "line/walk", seeds: [2], group: "y"),
        ])
        let catalog = LineWorld.catalog
        #expect(throws: PlanError.groupConflict(task: "line/walk", first: "x", second: "y")) {
            try EvalPlan(suite: suite, catalog: catalog)
        }
    }

    @Test func theProfileReachesEveryPlannedEpisodeAndRunJSON() throws {
        var suite = Suite(name: "s", summary: "", entries: [SuiteEntry(task: "line/walk", seeds: [1, 2])])
        let catalog = LineWorld.catalog
        #expect(try EvalPlan(suite: suite, catalog: catalog).episodes.allSatisfy { $0.options.profile == .delve })
        suite.profile = .balrog
        let plan = try EvalPlan(suite: suite, catalog: catalog)
        #expect(plan.profile == .balrog && plan.episodes.allSatisfy { $0.options.profile == .balrog })
        let info = RunInfo(runID: "r", startedAt: "t", suite: suite, agent: "random", jobs: 1, trajectories: false, episodes: 2,
                           worlds: plan.worlds)
        let data = try JSONEncoder().encode(info)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["profile"] as? String == "balrog" && object["action_matching"] as? String == "forgiving")
        #expect(try JSONDecoder().decode(RunInfo.self, from: data).profile == .balrog)
    }

    @Test func compareSaysWhenProfilesDiffer() {
        let delve = Summary(records: records, profile: .delve), balrog = Summary(records: records, profile: .balrog)
        #expect(Comparison(delve, delve).notes.isEmpty)
        #expect(Comparison(delve, balrog).notes.contains { $0.contains("A played the delve profile and B the balrog profile") })
        #expect(Comparison(Summary(records: records), Summary(records: records, groups: ["a/x": "g"])).notes
            .contains { $0.contains("one overall averages groups") })
    }
}
