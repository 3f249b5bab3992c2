import DelveCore
@testable import DelveEval
import Foundation
import Testing

/// The statistics of docs/scoring.md: its hand-worked cases, and the same
/// figures computed independently with numpy.
@Suite struct StatisticsTests {
    static func record(_ task: String, _ curve: [(Int, Double)], steps: Int, budget: Int = 10,
                       milestones: [(String, Int)] = []) -> EpisodeRecord {
        EpisodeRecord(task: task, seed: 0, revision: 1, progress: curve.last?.1 ?? 0, steps: steps, stepBudget: budget,
                      endReason: curve.last?.1 == 100 ? .success : .budget, totalReward: 0,
                      milestones: milestones.map { MilestoneReach(id: $0.0, step: $0.1) },
                      progressCurve: curve.map { ProgressPoint(step: $0.0, progress: $0.1) }, invalidActions: 0)
    }

    func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 1e-9 }

    @Test func progressAUCOfTheWorkedExample() {
        // docs/scoring.md: 50 at step 4, 100 at step 6 (then over) → (0·4 + 50·2 + 100·4)/10 = 50.
        let early = Self.record("t/a", [(0, 0), (4, 50), (6, 100)], steps: 6)
        // 20 at step 3, budget spent → (0·3 + 20·7)/10 = 14.
        let late = Self.record("t/a", [(0, 0), (3, 20)], steps: 10)
        #expect(early.progressAUC == 50)
        #expect(late.progressAUC == 14)
        #expect(Summary(records: [early, late]).tasks[0].scores.progressAUC == 32)
        #expect(Self.record("t/a", [(0, 0)], steps: 10).progressAUC == 0)
        #expect(Self.record("t/a", [(0, 0), (1, 100)], steps: 1, budget: 1).progressAUC == 0)
        #expect(Self.record("t/a", [(0, 100)], steps: 0).progressAUC == 100)
    }

    @Test func milestonesOfTheWorkedExample() throws {
        // halfway reached at steps 4, 3, 9 by 3 of 4 episodes; goal at 6 and 8 by 2.
        let records = [
            Self.record("t/a", [(0, 0)], steps: 6, milestones: [("halfway", 4), ("goal", 6)]),
            Self.record("t/a", [(0, 0)], steps: 10, milestones: [("halfway", 3)]),
            Self.record("t/a", [(0, 0)], steps: 8, milestones: [("halfway", 9), ("goal", 8)]),
            Self.record("t/a", [(0, 0)], steps: 10),
        ]
        let summary = Summary(records: records)
        let milestones = try #require(summary.tasks[0].scores.milestones)
        #expect(milestones == ["halfway": MilestoneScores(reached: 0.75, medianSteps: 4),
                               "goal": MilestoneScores(reached: 0.5, medianSteps: 7)])
        #expect(summary.families[0].scores.milestones == nil && summary.overall.scores.milestones == nil)
    }

    @Test func bootstrapEdgeCasesAndPercentiles() {
        #expect(Bootstrap.interval([[40]]) == ConfidenceInterval(low: 40, high: 40))
        #expect(Bootstrap.interval([[7, 7, 7]]) == ConfidenceInterval(low: 7, high: 7))
        #expect(Bootstrap.interval([]) == ConfidenceInterval(low: 0, high: 0))
        #expect(Bootstrap.interval([[10], [30]]) == ConfidenceInterval(low: 20, high: 20))  // mean of family means
        #expect(Bootstrap.percentile([0, 10, 20, 30], 0.5) == 15)  // h = 1.5
        #expect(close(Bootstrap.percentile([0, 10, 20, 30], 0.025), 0.75))  // h = 0.075
        #expect(Bootstrap.percentile([5], 0.975) == 5)
        let interval = Bootstrap.interval([[0, 100, 40, 40, 100]])
        #expect(interval.low < 56 && 56 < interval.high)
        #expect(interval == Bootstrap.interval([[0, 100, 40, 40, 100]]))  // seeded: the same every time
        #expect(ConfidenceInterval(low: 0, high: 5).overlaps(ConfidenceInterval(low: 5, high: 9)))
        #expect(!ConfidenceInterval(low: 0, high: 5).overlaps(ConfidenceInterval(low: 5.1, high: 9)))
    }

    static var numpyAvailable: Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import numpy"]
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    /// The documented procedures, rewritten in Python with numpy: the generator
    /// (SplitMix64 → xoshiro256**, Lemire's reduction), the resampling,
    /// numpy.percentile, the AUC as a per-step array mean, numpy.median.
    static let python = #"""
        import json, sys
        import numpy as np
        M = (1 << 64) - 1
        def splitmix(state):
            while True:
                state = (state + 0x9E3779B97F4A7C15) & M
                z = state
                z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
                z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
                yield z ^ (z >> 31)
        class Xoshiro:
            def __init__(self, seed):
                g = splitmix(seed)
                self.s = [next(g) for _ in range(4)]
            def next(self):
                s0, s1, s2, s3 = self.s
                rotl = lambda x, k: ((x << k) | (x >> (64 - k))) & M
                result = (rotl((s1 * 5) & M, 7) * 9) & M
                t = (s1 << 17) & M
                s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = rotl(s3, 45)
                self.s = [s0, s1, s2, s3]
                return result
            def below(self, n):
                m = self.next() * n
                if (m & M) < n:
                    t = ((1 << 64) - n) % n
                    while (m & M) < t:
                        m = self.next() * n
                return m >> 64
        def interval(groups, seed, resamples):
            rng = Xoshiro(seed)
            stats = []
            for _ in range(resamples):
                means = [sum(g[rng.below(len(g))] for _ in g) / len(g) for g in groups]
                stats.append(sum(means) / len(means))
            return list(np.percentile(stats, [2.5, 97.5]))
        data = json.loads(sys.argv[1])
        out = {"ci": [interval(groups, data["seed"], data["resamples"]) for groups in data["groups"]], "auc": [], "median": []}
        for episodes in data["curves"]:
            aucs = []
            for budget, points in episodes:
                per_step = np.zeros(budget)
                for step, progress in points:
                    per_step[step:] = progress
                aucs.append(per_step.mean())
            out["auc"].append(float(np.mean(aucs)))
        out["median"] = [float(np.median(steps)) for steps in data["steps"]]
        print(json.dumps(out))
        """#

    @Test(.enabled(if: numpyAvailable)) func everyFigureMatchesNumpy() throws {
        // Three families, uneven sizes, ties and extremes.
        var records: [EpisodeRecord] = []
        let tasks = ["a/x", "a/y", "b/z", "c/w"]
        for i in 0..<23 {
            let task = tasks[(i * 7) % 4]
            let first = 1 + (i * 5) % 9, second = first + 1 + i % 5
            let progress = Double((i * 37) % 101)
            let curve = [(0, 0.0), (first, progress / 2), (second, progress)]
            records.append(Self.record(task, curve, steps: second + i % 3, budget: 12 + i % 4,
                                       milestones: [("m", first)] + (i % 3 == 0 ? [("n", second)] : [])))
        }
        let summary = Summary(records: records)
        let byTask = summary.tasks.map { row in records.filter { $0.task == row.label.task } }
        let byFamily = summary.families.map { row in records.filter { $0.task.hasPrefix(row.label.family + "/") } }
        let groups = byTask.map { [$0.map(\.progress)] } + byFamily.map { [$0.map(\.progress)] } + [byFamily.map { $0.map(\.progress) }]
        let curves = byTask.map { $0.map { [$0.stepBudget, $0.progressCurve.map { [$0.step, $0.progress] as [Any] }] as [Any] } }
        let steps = byTask.map { $0.compactMap { $0.milestones.first { $0.id == "m" }?.step } }
        let input: [String: Any] = ["seed": Bootstrap.seed, "resamples": Bootstrap.resamples, "groups": groups,
                                    "curves": curves, "steps": steps]
        let argument = String(decoding: try JSONSerialization.data(withJSONObject: input), as: UTF8.self)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", Self.python, argument]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        let numpy = try #require(try JSONSerialization.jsonObject(with: output) as? [String: [Any]])

        let intervals = summary.tasks.map(\.scores.progressCI) + summary.families.map(\.scores.progressCI) + [summary.overall.scores.progressCI]
        let expected = try #require(numpy["ci"] as? [[Double]])
        #expect(expected.count == intervals.count)
        for (mine, theirs) in zip(intervals, expected) {
            #expect(close(mine.low, theirs[0]) && close(mine.high, theirs[1]), "\(mine) vs \(theirs)")
        }
        let auc = try #require(numpy["auc"] as? [Double])
        for (row, theirs) in zip(summary.tasks, auc) { #expect(close(row.scores.progressAUC, theirs), "\(row.label.task)") }
        let medians = try #require(numpy["median"] as? [Double])
        for (row, theirs) in zip(summary.tasks, medians) {
            #expect(row.scores.milestones?["m"]?.medianSteps == theirs, "\(row.label.task)")
        }
        #expect(summary.families.count == 3)
    }
}

@Suite struct ComparisonTests {
    func summary(_ progress: [Double], revision: Int = 1) -> Summary {
        Summary(records: progress.enumerated().map { index, value in
            EpisodeRecord(task: "a/x", seed: UInt64(index), revision: revision, progress: value, steps: 1, stepBudget: 1,
                          endReason: .budget, totalReward: 0, milestones: [], progressCurve: [], invalidActions: 0)
        })
    }

    @Test func differenceAndOverlapPerRow() {
        let table = Comparison(summary([0, 10]), summary([90, 100])).table
        let row = table.split(separator: "\n").first { $0.hasPrefix("a/x") }
        #expect(row?.contains("+90.0") == true && row?.hasSuffix("no") == true, "\(table)")
        #expect(Comparison(summary([40, 60]), summary([50, 50])).table.split(separator: "\n")
            .first { $0.hasPrefix("overall") }?.hasSuffix("yes") == true)
    }

    @Test func differentRevisionsAreNoted() {
        let comparison = Comparison(summary([1], revision: 1), summary([1], revision: 2))
        #expect(comparison.notes == ["a is revision 1 in A and 2 in B: not comparable"])
        #expect(!comparison.table.contains("note"), "notes are printed apart, under What differs")
    }
}
