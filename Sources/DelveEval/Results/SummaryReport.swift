import DelveCore
import DelveFormats
import Foundation

/// A summary drawn for people and spreadsheets: the terminal table,
/// summary.md and summary.csv.
public struct SummaryReport: Sendable {
    /// The summary drawn.
    public var summary: Summary

    /// The run directory, named in the resume command of an incomplete run.
    public var runDirectory: String?

    /// A report of `summary`; `runDirectory`, when given, goes into the resume command.
    public init(_ summary: Summary, runDirectory: String? = nil) {
        self.summary = summary
        self.runDirectory = runDirectory
    }

    /// The terminal table: one row per task, then per family, then per group
    /// (when the suite names groups), then overall; then Crafter's scores,
    /// when the run has any; then what the run lacks, when it is incomplete.
    /// Columns `tokens` and `cost` appear when the agent reported any.
    public var table: String { textTable.plain + crafterScores(Escaping.terminalLine) + missingLine(Escaping.terminalLine) }

    /// summary.md: a title line and the same table in Markdown.
    public func markdown(title: String) -> String {
        let scores = crafterScores(Escaping.markdown), missing = missingLine(Escaping.markdown)
        var text = "# \(Escaping.markdown(title))\n\n" + textTable.markdown + (scores.isEmpty ? "" : "\n" + scores)
        if !missing.isEmpty { text += "\n" + missing }
        if let timing = summary.timing {
            text += "\nWall time \(Self.fixed(timing.wallSeconds, 2)) s; mean agent latency "
                + "\(Self.fixed(timing.agentLatencyMean * 1000, 3)) ms per action.\n"
        }
        return text
    }

    /// summary.csv: one row per task, family and overall, full precision.
    public var csv: String {
        var lines = ["level,name,revision,episodes,progress_mean,progress_se,success_rate,mean_steps,invalid_action_rate,"
            + "agent_errors,progress_ci_low,progress_ci_high,progress_auc,crafter_score,prompt_tokens,completion_tokens,cost_usd"]
        func add(_ level: String, _ name: String, _ revision: String, _ s: Scores) {
            let numbers: [Double] = [s.progressMean, s.progressSE, s.successRate, s.meanSteps, s.invalidActionRate]
            let more: [Double] = [s.progressCI.low, s.progressCI.high, s.progressAUC]
            let cells = [level, name, revision, String(s.episodes)] + numbers.map { "\($0)" } + [String(s.agentErrors)]
                + more.map { "\($0)" } + [s.crafterScore.map { "\($0)" } ?? ""]
                + [String(s.promptTokens), String(s.completionTokens), s.costUSD.map { "\($0)" } ?? ""]
            lines.append(cells.joined(separator: ","))
        }
        for row in summary.tasks { add("task", Escaping.csv(row.label.task), String(row.label.revision), row.scores) }
        for row in summary.families { add("family", Escaping.csv(row.label.family), String(row.label.revision), row.scores) }
        for row in summary.groups ?? [] { add("group", Escaping.csv(row.label.group), "", row.scores) }
        add("overall", "overall", "", summary.overall.scores)
        return lines.joined(separator: "\n") + "\n"
    }

    /// One line naming Crafter's score of each task and family that has one
    /// (docs/scoring.md), names escaped with `escape`; empty when none has.
    private func crafterScores(_ escape: (String) -> String) -> String {
        let scored = summary.tasks.compactMap { row in row.scores.crafterScore.map { (row.label.task, $0) } }
            + summary.families.compactMap { row in row.scores.crafterScore.map { ("family \(row.label.family)", $0) } }
        guard !scored.isEmpty else { return "" }
        return escape("Crafter score: " + scored.map { "\($0.0) \(Self.fixed($0.1, 2))%" }.joined(separator: ", ")) + "\n"
    }

    /// `Incomplete: 3 episodes missing (…); they are left out of every score.`, or nothing for a complete run;
    /// the run directory escaped with `escape`.
    private func missingLine(_ escape: (String) -> String) -> String {
        guard let missing = summary.missing else { return "" }
        return "Incomplete: \(missing.words); they are left out of every score.\n"
            + escape("Finish the run with: delve eval --resume \(runDirectory ?? "RUN_DIR")") + "\n"
    }

    private var textTable: TextTable {
        let overall = summary.overall.scores
        let spend = overall.promptTokens.addingSaturated(overall.completionTokens) > 0 || overall.costUSD != nil
        let cost = overall.costUSD != nil
        func cells(_ name: String, _ s: Scores) -> [String] {
            Self.cells(name, s) + (spend ? [Self.tokens(s.promptTokens.addingSaturated(s.completionTokens))] : [])
                + (cost ? [s.costUSD.map(Self.dollars) ?? "-"] : [])
        }
        var rows = summary.tasks.map { cells($0.label.task, $0.scores) }
        var rules: Set<Int> = [rows.count - 1]
        rows += summary.families.map { cells("family \($0.label.family)", $0.scores) }
        rules.insert(rows.count - 1)
        if let groups = summary.groups {
            rows += groups.map { cells("group \($0.label.group)", $0.scores) }
            rules.insert(rows.count - 1)
        }
        rows.append(cells(summary.groups == nil ? "overall" : "overall (over groups)", overall))
        return TextTable(header: ["task", "episodes", "progress ± SE", "95% CI", "AUC", "success", "steps", "invalid"]
                            + (spend ? ["tokens"] : []) + (cost ? ["cost"] : []),
                         rows: rows, rulesAfter: rules)
    }

    private static func cells(_ name: String, _ s: Scores) -> [String] {
        [name, String(s.episodes), "\(fixed(s.progressMean, 1)) ± \(fixed(s.progressSE, 1))",
         "[\(fixed(s.progressCI.low, 1)), \(fixed(s.progressCI.high, 1))]", fixed(s.progressAUC, 1),
         "\(fixed(s.successRate * 100, 1))%", fixed(s.meanSteps, 1), "\(fixed(s.invalidActionRate * 100, 1))%"]
    }

    /// A token count for people: `950`, `12.3k`, `4.56M`; beyond a billion
    /// millions (what only a misreporting agent sends), `9.22e+18`.
    public static func tokens(_ count: Int) -> String {
        switch count {
        case ..<1_000: return String(count)
        case ..<1_000_000: return fixed(Double(count) / 1_000, 1) + "k"
        case ..<1_000_000_000_000_000: return fixed(Double(count) / 1_000_000, 2) + "M"
        default: return String(format: "%.3g", Double(count))
        }
    }

    /// Dollars for people: `$0.0123`, `$12.34`; from a billion up, `$1.8e+308`.
    public static func dollars(_ value: Double) -> String {
        value < 1e9 ? "$" + fixed(value, value < 1 ? 4 : 2) : "$" + String(format: "%.3g", value)
    }

    /// `value` with `digits` decimals, independent of locale.
    static func fixed(_ value: Double, _ digits: Int) -> String {
        String(format: "%.\(digits)f", value)
    }
}
