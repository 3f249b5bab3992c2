import DelveCore
import DelveFormats

/// Two runs compared on the episodes both played: an episode of A and one of
/// B pair when they have the same task and seed and both were scored. Each
/// row holds both runs' mean progress over its pairs, the mean of the
/// per-pair differences B − A and that mean's 95% bootstrap interval; family
/// and group rows pool their pairs, and the overall is the mean of the
/// families' (or the suite's groups') mean differences, as a summary's overall
/// is of their means (docs/scoring.md).
public struct PairedComparison: Sendable {
    /// One row: a task, family, group or the overall.
    public struct Row: Sendable, Hashable {
        /// What the row is about: a task id, `family grid`, `group babyai`, `overall`.
        public var name: String
        /// Pairs behind the row.
        public var pairs: Int
        /// A's mean progress over the pairs.
        public var first: Double
        /// B's mean progress over the pairs.
        public var second: Double
        /// The mean difference B − A.
        public var difference: Double
        /// The 95% seeded bootstrap interval of the mean difference (`Bootstrap`).
        public var interval: ConfidenceInterval

        /// Fewer pairs than this and a row makes no claim: a bootstrap over a handful of pairs is too narrow.
        public static let fewestPairs = 5

        /// What the row says: `B > A` or `B < A` when the interval leaves out 0,
        /// `no clear difference` when it holds 0, `too few pairs` under `fewestPairs`.
        public var reading: String {
            if pairs < Self.fewestPairs { return "too few pairs" }
            if interval.low > 0 { return "B > A" }
            if interval.high < 0 { return "B < A" }
            return "no clear difference"
        }
    }

    /// Per task, in A's order.
    public var tasks: [Row]
    /// Per family, in order of first appearance.
    public var families: [Row]
    /// Per group, when the overall is over groups; nil otherwise.
    public var groups: [Row]?
    /// Every family (or group) counted once.
    public var overall: Row
    /// Episodes both played.
    public var pairs: Int

    /// Pairs the scored episodes of `first` (A) and `second` (B); `groups`
    /// names, per task, the group it counts in (`Suite.groups`), and when it
    /// is not empty the overall is over groups.
    public init(_ first: [EpisodeRecord], _ second: [EpisodeRecord], groups: [String: String] = [:]) {
        var partner: [String: EpisodeRecord] = [:]
        for record in second where record.scored { partner[StoredRun.key(record.task, record.seed)] = record }
        let pairs = first.filter(\.scored).compactMap { a in partner[StoredRun.key(a.task, a.seed)].map { (a, $0) } }
        self.pairs = pairs.count
        let family: (EpisodeRecord) -> String = { Summary.family(of: $0.task) }
        let group: (EpisodeRecord) -> String = { groups[$0.task] ?? Summary.family(of: $0.task) }
        tasks = Self.rows(pairs, by: { $0.task }, name: { $0 })
        families = Self.rows(pairs, by: family, name: { "family \($0)" })
        self.groups = groups.isEmpty ? nil : Self.rows(pairs, by: group, name: { "group \($0)" })
        let counted = self.groups ?? families
        let members = pairs.grouped { groups.isEmpty ? family($0.0) : group($0.0) }
        let count = Double(max(counted.count, 1))
        overall = Row(name: "overall", pairs: pairs.count,
                      first: counted.reduce(0) { $0 + $1.first } / count,
                      second: counted.reduce(0) { $0 + $1.second } / count,
                      difference: counted.reduce(0) { $0 + $1.difference } / count,
                      interval: Bootstrap.interval(members.map { $0.1.map(Self.difference) }))
    }

    /// The table: tasks, families, groups, overall, a rule between each.
    public var table: String {
        var rows: [[String]] = []
        var rules: Set<Int> = []
        for block in [tasks, families, groups ?? []] where !block.isEmpty {
            rows += block.map(Self.cells)
            rules.insert(rows.count - 1)
        }
        rows.append(Self.cells(overall))
        return TextTable(header: ["paired", "pairs", "A", "B", "B − A", "95% CI of B − A", "reading"],
                         rows: rows, rulesAfter: rules).plain
    }

    private static func cells(_ row: Row) -> [String] {
        func number(_ value: Double) -> String { SummaryReport.fixed(value, 1) }
        return [row.name, String(row.pairs), number(row.first), number(row.second),
                (row.difference > 0 ? "+" : "") + number(row.difference),
                "[\(number(row.interval.low)), \(number(row.interval.high))]", row.reading]
    }

    private static func difference(_ pair: (EpisodeRecord, EpisodeRecord)) -> Double { pair.1.progress - pair.0.progress }

    /// A row per `key`, each pooling its pairs.
    private static func rows(_ pairs: [(EpisodeRecord, EpisodeRecord)], by key: (EpisodeRecord) -> String,
                             name: (String) -> String) -> [Row] {
        pairs.grouped { key($0.0) }.map { label, group in
            let n = Double(group.count)
            let differences = group.map(difference)
            return Row(name: name(label), pairs: group.count,
                       first: group.reduce(0) { $0 + $1.0.progress } / n, second: group.reduce(0) { $0 + $1.1.progress } / n,
                       difference: differences.reduce(0, +) / n, interval: Bootstrap.interval([differences]))
        }
    }
}
