import DelveCore
import DelveEval
import Foundation
import Testing

/// The worked example of docs/scoring.md.
@Suite struct ScoringTests {
    static func record(_ task: String, _ progress: Double, steps: Int, invalid: Int = 0, _ reason: EndReason) -> EpisodeRecord {
        EpisodeRecord(task: task, seed: 0, revision: 1, progress: progress, steps: steps, stepBudget: 10, endReason: reason,
                      totalReward: 0, milestones: [], progressCurve: [], invalidActions: invalid)
    }

    /// Suite order: a/x, b/z, a/y, interleaved on purpose.
    let records = [
        record("a/x", 0, steps: 10, invalid: 2, .budget),
        record("b/z", 20, steps: 10, .budget),
        record("a/x", 100, steps: 4, .success),
        record("a/y", 40, steps: 10, invalid: 1, .budget),
        record("a/y", 40, steps: 3, .agentError),
        record("b/z", 80, steps: 6, invalid: 3, .failure),
        record("a/y", 100, steps: 5, .success),
    ]

    func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 1e-9 }

    @Test func meanAndStandardErrorUseThePopulationDeviation() {
        let (mean, se) = Scores.meanAndStandardError([40, 40, 100])
        #expect(mean == 60)
        #expect(close(se, (800.0 / 3).squareRoot()))  // variance 2400/3 = 800, SE = √(800/3)
        #expect(Scores.meanAndStandardError([7]) == (7, 0))
    }

    @Test func perTaskScores() {
        let summary = Summary(records: records)
        #expect(summary.tasks.map(\.label.task) == ["a/x", "b/z", "a/y"])
        let ax = summary.tasks[0].scores, bz = summary.tasks[1].scores, ay = summary.tasks[2].scores
        #expect(ax.episodes == 2 && ax.progressMean == 50 && close(ax.progressSE, 50 / 2.0.squareRoot()))
        #expect(ax.successRate == 0.5 && ax.meanSteps == 7 && close(ax.invalidActionRate, 2.0 / 14))
        #expect(bz.progressMean == 50 && close(bz.progressSE, 30 / 2.0.squareRoot()))
        // The agent error is no score: a/y is 40 and 100.
        #expect(ay.episodes == 2 && ay.progressMean == 70 && close(ay.progressSE, 30 / 2.0.squareRoot()))
        #expect(ay.successRate == 0.5 && ay.agentErrors == 1 && ay.meanSteps == 7.5)
        #expect(summary.tasks.map(\.label.family) == ["a", "b", "a"])
    }

    @Test func perFamilyScoresPoolTheFamilysEpisodes() {
        let summary = Summary(records: records)
        #expect(summary.families.map(\.label.family) == ["a", "b"])
        #expect(summary.families.map(\.label.tasks) == [2, 1])
        let a = summary.families[0].scores
        // Progress 0, 100, 40, 100 (the agent error left out): mean 60, variance 7200/4 = 1800, SE = √(1800/4).
        #expect(a.episodes == 4 && a.progressMean == 60 && close(a.progressSE, 450.0.squareRoot()))
        #expect(a.successRate == 0.5 && a.meanSteps == 7.25 && close(a.invalidActionRate, 3.0 / 29) && a.agentErrors == 1)
    }

    @Test func overallCountsEveryFamilyOnce() {
        let overall = Summary(records: records).overall
        #expect(overall.label.families == 2)
        let s = overall.scores
        #expect(s.episodes == 6)
        #expect(s.progressMean == 55)  // (60 + 50) / 2, not the pooled 56.67
        #expect(close(s.progressSE, 15))  // √(SE_a² + SE_b²) / 2 = √900 / 2
        #expect(close(s.successRate, 0.25) && close(s.meanSteps, 7.625) && close(s.invalidActionRate, (3.0 / 29 + 3.0 / 16) / 2))
        #expect(s.agentErrors == 1)
        #expect(Summary(records: records).missing == MissingEpisodes(agentErrors: 1, unplayed: 0))
    }

    @Test func summaryJSONIsFlatAndSorted() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(Summary(records: records))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == ["overall", "families", "tasks", "missing"])
        let task = try #require((object["tasks"] as? [[String: Any]])?.first)
        #expect(task["task"] as? String == "a/x")
        #expect(task["episodes"] as? Int == 2)
        #expect(task["progress_mean"] as? Double == 50)
        for key in ["progress_se", "success_rate", "mean_steps", "invalid_action_rate", "family", "revision"] {
            #expect(task[key] != nil, "missing \(key)")
        }
        let family = try #require((object["families"] as? [[String: Any]])?.first)
        #expect(family["family"] as? String == "a" && family["progress_mean"] as? Double == 60)
        let decoded = try JSONDecoder().decode(Summary.self, from: data)
        #expect(decoded == Summary(records: records))
    }

    @Test func csvAndTableCarryEveryRow() {
        let summary = Summary(records: records)
        let report = SummaryReport(summary)
        let csv = report.csv.split(separator: "\n")
        #expect(csv.count == 1 + 3 + 2 + 1)
        // a/x resamples {0, 100}: means 0, 50, 100 with chances ¼, ½, ¼, so the 2.5th and 97.5th percentiles are 0 and 100.
        // No Crafter score and no cost: empty cells; no tokens: zeros.
        #expect(csv[1] == "task,a/x,1,2,50.0,\(summary.tasks[0].scores.progressSE),0.5,7.0,\(2.0 / 14),0,0.0,100.0,0.0,,0,0,")
        let s = summary.overall.scores, ci = s.progressCI
        #expect(csv.last == "overall,overall,,6,55.0,\(s.progressSE),0.25,7.625,\(s.invalidActionRate),1,\(ci.low),\(ci.high),0.0,,0,0,")
        let table = report.table
        #expect(table.contains("a/x") && table.contains("family a") && table.contains("overall"))
        #expect(table.contains("55.0 ± 15.0"))
        #expect(!table.contains("tokens"), "no token column when the agent reported none")
        #expect(table.contains("Incomplete: 1 episode missing (1 ended in an agent error)"))
        #expect(report.markdown(title: "t").hasPrefix("# t\n\n| task |"))
    }

    @Test func tokensAndCostGetColumnsWhenTheAgentReportsThem() {
        var spent = records
        for index in spent.indices {
            spent[index].promptTokens = 1000
            spent[index].completionTokens = 500
            spent[index].costUSD = 0.25
        }
        let report = SummaryReport(Summary(records: spent), runDirectory: "/runs/r")
        let header = report.table.split(separator: "\n").first ?? ""
        #expect(header.contains("tokens") && header.contains("cost"))
        // Overall: 7 episodes, the agent error's spend included, 10.5k tokens and $1.75.
        let overall = report.table.split(separator: "\n").first { $0.hasPrefix("overall") } ?? ""
        #expect(overall.contains("10.5k") && overall.contains("$1.75"), "\(overall)")
        #expect(report.table.contains("Finish the run with: delve eval --resume /runs/r"))
        #expect(report.csv.split(separator: "\n").last?.hasSuffix(",7000,3500,1.75") == true)
        #expect(SummaryReport.tokens(950) == "950" && SummaryReport.tokens(12_345) == "12.3k" && SummaryReport.tokens(4_560_000) == "4.56M")
        #expect(SummaryReport.dollars(0.01234) == "$0.0123" && SummaryReport.dollars(12.5) == "$12.50")
    }

    @Test func aFamilyWithNoScoredEpisodeIsLeftOutOfTheOverall() {
        let summary = Summary(records: [Self.record("a/x", 80, steps: 5, .budget), Self.record("b/z", 30, steps: 2, .agentError)],
                              planned: 3)
        #expect(summary.overall.scores.progressMean == 80 && summary.overall.scores.episodes == 1)
        #expect(summary.families.map(\.scores.episodes) == [1, 0])
        #expect(summary.missing == MissingEpisodes(agentErrors: 1, unplayed: 1))
        #expect(!summary.isComplete)
        #expect(Summary(records: [Self.record("a/x", 80, steps: 5, .budget)], planned: 1).isComplete)
    }
}

/// Crafter's score (Hafner 2021, "Benchmarking the Spectrum of Agent Capabilities"):
/// S = exp((1/N) Σ ln(1 + s_i)) − 1, s_i the success rate of achievement i in percent.
@Suite struct CrafterScoreTests {
    static func record(_ task: String, unlocked: [String]) -> EpisodeRecord {
        EpisodeRecord(task: task, seed: 0, revision: 1, progress: 0, steps: 10, stepBudget: 10, endReason: .budget,
                      totalReward: 0, milestones: unlocked.map { MilestoneReach(id: $0, step: 1) }, progressCurve: [],
                      invalidActions: 0)
    }

    func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 1e-9 }

    @Test func handWorkedCases() {
        // Two achievements: one always (100%), one never (0%): exp((ln 101 + ln 1) / 2) − 1 = √101 − 1.
        let always = [Self.record("c/t", unlocked: ["a"]), Self.record("c/t", unlocked: ["a"])]
        #expect(close(Scores.crafterScore(always, achievements: ["a", "b"]), 101.0.squareRoot() - 1))
        // Every achievement in every episode scores 100; none scores 0.
        #expect(close(Scores.crafterScore(always, achievements: ["a"]), 100))
        #expect(Scores.crafterScore(always, achievements: ["b"]) == 0)
        // Rates 50% and 10%: exp((ln 51 + ln 11) / 2) − 1 = √561 − 1 ≈ 22.685.
        let mixed = (0..<10).map { Self.record("c/t", unlocked: $0 < 5 ? ($0 == 0 ? ["a", "b"] : ["a"]) : []) }
        #expect(close(Scores.crafterScore(mixed, achievements: ["a", "b"]), 561.0.squareRoot() - 1))
    }

    @Test func summaryRowsCarryItOnlyForTasksWithAchievements() throws {
        let records = [Self.record("c/t", unlocked: ["a"]), Self.record("c/t", unlocked: []),
                       Self.record("c/u", unlocked: ["a", "b"]), Self.record("g/x", unlocked: ["a"])]
        let summary = Summary(records: records, achievements: ["c/t": ["a", "b"], "c/u": ["a", "b"]])
        #expect(close(try #require(summary.tasks[0].scores.crafterScore), 51.0.squareRoot() - 1))
        #expect(close(try #require(summary.tasks[1].scores.crafterScore), 100))
        #expect(summary.tasks[2].scores.crafterScore == nil)
        // The family pools its episodes: a in 2 of 3 (66.7%), b in 1 of 3 (33.3%).
        let family = try #require(summary.families.first { $0.label.family == "c" }?.scores.crafterScore)
        #expect(close(family, exp((log(1 + 200.0 / 3) + log(1 + 100.0 / 3)) / 2) - 1))
        #expect(summary.families.first { $0.label.family == "g" }?.scores.crafterScore == nil)
        #expect(summary.overall.scores.crafterScore == nil)
        let json = String(decoding: try JSONEncoder().encode(summary.tasks[0].scores), as: UTF8.self)
        #expect(json.contains("\"crafter_score\""))
    }
}
