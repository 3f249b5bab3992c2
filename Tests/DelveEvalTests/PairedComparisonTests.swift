import DelveCore
import DelveEval
import DelveSuites
import Testing

/// `delve compare`'s pairing: episodes matched by task and seed, differences with intervals, and the warnings.
@Suite struct PairedComparisonTests {
    func record(_ task: String, _ seed: UInt64, _ progress: Double, end: EndReason = .budget) -> EpisodeRecord {
        EpisodeRecord(task: task, seed: seed, revision: 1, progress: progress, steps: 1, stepBudget: 1, endReason: end,
                      totalReward: 0, milestones: [], progressCurve: [], invalidActions: 0)
    }

    func run(_ name: String, _ records: [EpisodeRecord], agent: String = "random", profile: Profile? = nil,
             groups: [String: String] = [:]) -> ComparedRun {
        var seeds: [String: [UInt64]] = [:]
        var order: [String] = []
        for record in records {
            if seeds[record.task] == nil { order.append(record.task) }
            seeds[record.task, default: []].append(record.seed)
        }
        var suite = Suite(name: "s", summary: "", entries: order.map { SuiteEntry(task: $0, seeds: seeds[$0] ?? [], group: groups[$0]) })
        suite.profile = profile
        let info = RunInfo(runID: name, startedAt: "t", suite: suite, agent: agent, jobs: 1, trajectories: false,
                           episodes: records.count, worlds: [])
        return ComparedRun(name: name, info: info, summary: Summary(records: records, groups: suite.groups, profile: profile),
                           records: records)
    }

    @Test func onlyEpisodesOfTheSameTaskAndSeedPair() {
        let a = (0..<10).map { record("a/x", UInt64($0), 0) }
        let b = (5..<13).map { record("a/x", UInt64($0), 100) }
        let paired = PairedComparison(a, b)
        #expect(paired.pairs == 5)
        #expect(paired.tasks.map(\.name) == ["a/x"] && paired.tasks[0].difference == 100 && paired.tasks[0].reading == "B > A")
        #expect(paired.overall.first == 0 && paired.overall.second == 100)
    }

    @Test func agentErrorsPairWithNothing() {
        let a = [record("a/x", 1, 10), record("a/x", 2, 10, end: .agentError)]
        let b = [record("a/x", 1, 30), record("a/x", 2, 90)]
        let paired = PairedComparison(a, b)
        #expect(paired.pairs == 1 && paired.overall.difference == 20)
        #expect(paired.overall.reading == "too few pairs")
    }

    @Test func theOverallIsTheMeanOfTheFamiliesDifferences() {
        // Family a: ten pairs, B − A = 10 each; family b: five pairs, B − A = 30 each.
        let a = (0..<10).map { record("a/x", UInt64($0), 50) } + (0..<5).map { record("b/y", UInt64($0), 0) }
        let b = (0..<10).map { record("a/x", UInt64($0), 60) } + (0..<5).map { record("b/y", UInt64($0), 30) }
        let paired = PairedComparison(a, b)
        #expect(paired.families.map(\.name) == ["family a", "family b"])
        #expect(paired.families.map(\.difference) == [10, 30])
        #expect(paired.overall.difference == 20 && paired.overall.interval == ConfidenceInterval(low: 20, high: 20))
        #expect(paired.groups == nil)
        // With groups, the overall is over them: both tasks in one group gives the pooled mean, (100 + 150) / 15.
        let grouped = PairedComparison(a, b, groups: ["a/x": "g", "b/y": "g"])
        #expect(grouped.groups?.map(\.name) == ["group g"])
        #expect(abs(grouped.overall.difference - 250.0 / 15) < 1e-9)
    }

    @Test func aDifferenceWhoseIntervalHoldsZeroIsNotClear() {
        let a = (0..<8).map { record("a/x", UInt64($0), 50) }
        let b = (0..<8).map { record("a/x", UInt64($0), $0 % 2 == 0 ? 40 : 60) }
        let row = PairedComparison(a, b).tasks[0]
        #expect(row.difference == 0 && row.interval.low < 0 && row.interval.high > 0)
        #expect(row.reading == "no clear difference")
        #expect(PairedComparison(a, b).table.contains("no clear difference"))
    }

    @Test func runsOfOtherSizesAreWarnedAbout() {
        let big = run("big", (0..<310).map { record("a/x", UInt64($0), 10) })
        let small = run("small", (0..<8).map { record("a/x", UInt64($0), 20) }, agent: "expert")
        let comparison = RunComparison(big, small)
        #expect(comparison.warnings == ["warning: A has 310 scored episodes and B has 8: only the 8 both played (same task and seed) "
            + "are paired; 302 of A's and 0 of B's have no partner and are left out of the paired table"])
        #expect(comparison.differences == ["agent: random vs expert", "suite: suite 's' entry 1 (a/x) has other seeds",
                                           "episodes: 310 vs 8 scored"])
        let text = comparison.text
        #expect(text.hasPrefix("A: big (agent random, suite s, profile delve, 310 scored episodes)\n"
            + "B: small (agent expert, suite s, profile delve, 8 scored episodes)\n\nwarning: A has 310"))
        #expect(text.contains("Paired: the 8 episodes both played"))
        #expect(text.contains("Each run on all its own episodes (not paired"))
    }

    @Test func runsWithoutSharedEpisodesPairNothing() {
        let a = run("a", (0..<5).map { record("a/x", UInt64($0), 10) })
        let b = run("b", (100..<105).map { record("a/x", UInt64($0), 10) })
        let comparison = RunComparison(a, b)
        #expect(comparison.warnings.first?.hasPrefix("warning: A and B share no episode (same task and seed)") == true)
        #expect(comparison.differences == ["suite: suite 's' entry 1 (a/x) has other seeds"])
        #expect(!comparison.text.contains("Paired:") && comparison.text.contains("Each run on all its own episodes"))
    }

    @Test func equalRunsSayNothingDiffers() {
        let records = (0..<5).map { record("a/x", UInt64($0), 10) }
        let comparison = RunComparison(run("a", records), run("b", records))
        #expect(comparison.warnings.isEmpty && comparison.differences.isEmpty && comparison.samePlayed)
        #expect(comparison.text.contains("Nothing differs but the scores.\n"))
        #expect(!comparison.text.contains("Each run on all its own episodes"))
    }

    @Test func anIncompleteRunIsWarnedAbout() {
        let records = (0..<5).map { record("a/x", UInt64($0), 10) }
        var incomplete = run("b", records)
        incomplete.summary = Summary(records: records, planned: 7)
        #expect(RunComparison(run("a", records), incomplete).warnings == ["warning: B is incomplete: 2 episodes missing (2 not played)"])
    }

    @Test func otherProfilesAreNamedAsNotComparable() {
        let records = (0..<5).map { record("a/x", UInt64($0), 10) }
        let comparison = RunComparison(run("a", records), run("b", records, profile: .balrog))
        #expect(comparison.differences == ["A played the delve profile and B the balrog profile: they show and score differently, "
            + "so no score is comparable"])
    }
}
