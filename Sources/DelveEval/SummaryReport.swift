import Foundation

/// A summary drawn for people and spreadsheets: the terminal table,
/// summary.md and summary.csv.
public struct SummaryReport: Sendable {
    /// The summary drawn.
    public var summary: Summary

    /// A report of `summary`.
    public init(_ summary: Summary) { self.summary = summary }

    /// The terminal table: one row per task, then per family, then per group
    /// (when the suite names groups), then overall;
    /// then Crafter's scores, when the run has any.
    public var table: String { textTable.plain + crafterScores }

    /// summary.md: a title line and the same table in Markdown.
    public func markdown(title: String) -> String {
        let scores = crafterScores
        var text = "# \(title)\n\n" + textTable.markdown + (scores.isEmpty ? "" : "\n" + scores)
        if let timing = summary.timing {
            text += "\nWall time \(Self.fixed(timing.wallSeconds, 2)) s; mean agent latency "
                + "\(Self.fixed(timing.agentLatencyMean * 1000, 3)) ms per action.\n"
        }
        return text
    }

    /// summary.csv: one row per task, family and overall, full precision.
    public var csv: String {
        var lines = ["level,name,revision,episodes,progress_mean,progress_se,success_rate,mean_steps,invalid_action_rate,"
            + "agent_errors,progress_ci_low,progress_ci_high,progress_auc,crafter_score"]
        func add(_ level: String, _ name: String, _ revision: String, _ s: Scores) {
            let numbers: [Double] = [s.progressMean, s.progressSE, s.successRate, s.meanSteps, s.invalidActionRate]
            let more: [Double] = [s.progressCI.low, s.progressCI.high, s.progressAUC]
            let cells = [level, name, revision, String(s.episodes)] + numbers.map { "\($0)" } + [String(s.agentErrors)]
                + more.map { "\($0)" } + [s.crafterScore.map { "\($0)" } ?? ""]
            lines.append(cells.joined(separator: ","))
        }
        for row in summary.tasks { add("task", row.label.task, String(row.label.revision), row.scores) }
        for row in summary.families { add("family", row.label.family, String(row.label.revision), row.scores) }
        for row in summary.groups ?? [] { add("group", row.label.group, "", row.scores) }
        add("overall", "overall", "", summary.overall.scores)
        return lines.joined(separator: "\n") + "\n"
    }

    /// One line naming Crafter's score of each task and family that has one
    /// (docs/scoring.md); empty when none has.
    private var crafterScores: String {
        let scored = summary.tasks.compactMap { row in row.scores.crafterScore.map { (row.label.task, $0) } }
            + summary.families.compactMap { row in row.scores.crafterScore.map { ("family \(row.label.family)", $0) } }
        guard !scored.isEmpty else { return "" }
        return "Crafter score: " + scored.map { "\($0.0) \(Self.fixed($0.1, 2))%" }.joined(separator: ", ") + "\n"
    }

    private var textTable: TextTable {
        var rows = summary.tasks.map { Self.cells($0.label.task, $0.scores) }
        var rules: Set<Int> = [rows.count - 1]
        rows += summary.families.map { Self.cells("family \($0.label.family)", $0.scores) }
        rules.insert(rows.count - 1)
        if let groups = summary.groups {
            rows += groups.map { Self.cells("group \($0.label.group)", $0.scores) }
            rules.insert(rows.count - 1)
        }
        rows.append(Self.cells(summary.groups == nil ? "overall" : "overall (over groups)", summary.overall.scores))
        return TextTable(header: ["task", "episodes", "progress ± SE", "95% CI", "AUC", "success", "steps", "invalid"],
                         rows: rows, rulesAfter: rules)
    }

    private static func cells(_ name: String, _ s: Scores) -> [String] {
        [name, String(s.episodes), "\(fixed(s.progressMean, 1)) ± \(fixed(s.progressSE, 1))",
         "[\(fixed(s.progressCI.low, 1)), \(fixed(s.progressCI.high, 1))]", fixed(s.progressAUC, 1),
         "\(fixed(s.successRate * 100, 1))%", fixed(s.meanSteps, 1), "\(fixed(s.invalidActionRate * 100, 1))%"]
    }

    /// `value` with `digits` decimals, independent of locale.
    static func fixed(_ value: Double, _ digits: Int) -> String {
        String(format: "%.\(digits)f", value)
    }
}
