import DelveFormats

/// Two runs' summaries side by side, task by task, then per family and
/// overall: each side's mean progress and interval, the difference B − A,
/// and whether the intervals overlap. `delve compare` shows it when the runs
/// did not play the same episodes (`RunComparison`).
public struct Comparison: Sendable {
    /// The first run, A.
    public var first: Summary
    /// The second run, B.
    public var second: Summary

    /// Compares `first` (A) with `second` (B).
    public init(_ first: Summary, _ second: Summary) {
        self.first = first
        self.second = second
    }

    /// The table: A's rows in A's order, then rows only B has; "-" where a side lacks the row. `notes` are apart.
    public var table: String {
        var rows: [[String]] = []
        var rules: Set<Int> = []
        func add<Label>(_ a: [SummaryRow<Label>], _ b: [SummaryRow<Label>], name: (Label) -> String) {
            let names = a.map { name($0.label) } + b.map { name($0.label) }.filter { n in !a.contains { name($0.label) == n } }
            for row in names {
                rows.append(Self.cells(row, a.first { name($0.label) == row }?.scores, b.first { name($0.label) == row }?.scores))
            }
            rules.insert(rows.count - 1)
        }
        add(first.tasks, second.tasks) { $0.task }
        add(first.families, second.families) { "family \($0.family)" }
        if first.groups != nil || second.groups != nil {
            add(first.groups ?? [], second.groups ?? []) { "group \($0.group)" }
        }
        rows.append(Self.cells("overall", first.overall.scores, second.overall.scores))
        return TextTable(header: ["task", "A progress", "A 95% CI", "B progress", "B 95% CI", "B − A", "overlap"],
                         rows: rows, rulesAfter: rules).plain
    }

    /// What makes the runs' scores not comparable: another profile, or
    /// families at other revisions; and overalls averaged differently.
    public var notes: [String] {
        var notes: [String] = []
        if first.playedProfile != second.playedProfile {
            notes.append("A played the \(first.playedProfile.rawValue) profile and B the \(second.playedProfile.rawValue) profile: "
                + "they show and score differently, so no score is comparable")
        }
        if (first.groups == nil) != (second.groups == nil) {
            notes.append("one overall averages groups and the other families: the overalls are not comparable")
        }
        notes += first.families.compactMap { a in
            guard let b = second.families.first(where: { $0.label.family == a.label.family }),
                  b.label.revision != a.label.revision else { return nil }
            return "\(a.label.family) is revision \(a.label.revision) in A and \(b.label.revision) in B: not comparable"
        }
        return notes
    }

    private static func cells(_ name: String, _ a: Scores?, _ b: Scores?) -> [String] {
        func side(_ s: Scores?) -> [String] {
            guard let s else { return ["-", "-"] }
            return [SummaryReport.fixed(s.progressMean, 1),
                    "[\(SummaryReport.fixed(s.progressCI.low, 1)), \(SummaryReport.fixed(s.progressCI.high, 1))]"]
        }
        guard let a, let b else { return [name] + side(a) + side(b) + ["-", "-"] }
        let difference = b.progressMean - a.progressMean
        return [name] + side(a) + side(b)
            + [(difference > 0 ? "+" : "") + SummaryReport.fixed(difference, 1), a.progressCI.overlaps(b.progressCI) ? "yes" : "no"]
    }
}
