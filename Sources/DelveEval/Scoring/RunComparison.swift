import DelveCore

/// What `delve compare` prints: both runs in a line each, warnings (runs of
/// other sizes or episodes, incomplete runs), what differs between them, the
/// paired comparison over the episodes both played and, when the runs did
/// not play the same episodes, each run's own scores side by side.
public struct RunComparison: Sendable {
    /// The first run, A.
    public var first: ComparedRun
    /// The second run, B.
    public var second: ComparedRun
    /// The two runs over the episodes both played.
    public var paired: PairedComparison

    /// Compares `first` (A) with `second` (B). The paired overall is over the
    /// suite's groups when both suites group tasks alike, else over families.
    public init(_ first: ComparedRun, _ second: ComparedRun) {
        self.first = first
        self.second = second
        let groups = first.info.suite.groups == second.info.suite.groups ? first.info.suite.groups : [:]
        paired = PairedComparison(first.records, second.records, groups: groups)
    }

    /// Whether both runs scored exactly the same episodes (task and seed).
    public var samePlayed: Bool {
        paired.pairs == first.scored.count && paired.pairs == second.scored.count
    }

    /// Lines that must be read before any number: `warning: …`.
    public var warnings: [String] {
        let a = first.scored.count, b = second.scored.count
        var warnings: [String] = []
        if paired.pairs == 0 {
            warnings.append("A and B share no episode (same task and seed): nothing is paired, and the runs' own scores "
                + "below are over other episodes (A: \(a), B: \(b))")
        } else if !samePlayed {
            let sizes = a == b ? "A and B have \(a) scored episodes each but not the same ones"
                : "A has \(a) scored episode\(a == 1 ? "" : "s") and B has \(b)"
            warnings.append("\(sizes): only the \(paired.pairs) both played (same task and seed) are paired; "
                + "\(a - paired.pairs) of A's and \(b - paired.pairs) of B's have no partner and are left out of the paired table")
        }
        for (side, run) in [("A", first), ("B", second)] {
            if let missing = run.summary.missing { warnings.append("\(side) is incomplete: \(missing.words)") }
        }
        return warnings.map { "warning: " + $0 }
    }

    /// What differs between the runs besides their scores, one line each;
    /// the lines that make scores not comparable say so.
    public var differences: [String] {
        let a = first.info, b = second.info
        var lines: [String] = []
        if a.agent != b.agent { lines.append("agent: \(a.agent) vs \(b.agent)") }
        // The profile is named below, with what it means for the scores.
        var theirs = b.suite
        theirs.profile = a.suite.profile
        if a.suite.name != b.suite.name {
            lines.append("suite: \(a.suite.name) vs \(b.suite.name)")
        } else if let difference = a.suite.difference(from: theirs) {
            lines.append("suite: \(difference)")
        }
        if first.scored.count != second.scored.count {
            lines.append("episodes: \(first.scored.count) vs \(second.scored.count) scored")
        }
        if a.invalidAction != b.invalidAction {
            lines.append("invalid actions: \(a.invalidAction.rawValue) vs \(b.invalidAction.rawValue)")
        }
        if a.actionMatching != b.actionMatching {
            lines.append("action matching: \(a.actionMatching.rawValue) vs \(b.actionMatching.rawValue)")
        }
        if a.observe != b.observe { lines.append("observe: \(a.observe.rawValue) vs \(b.observe.rawValue)") }
        if a.delveVersion != b.delveVersion { lines.append("delve: \(a.delveVersion) vs \(b.delveVersion)") }
        return lines + Comparison(first.summary, second.summary).notes
    }

    /// The whole comparison as printed.
    public var text: String {
        var text = "A: \(first.line)\nB: \(second.line)\n\n"
        for warning in warnings { text += warning + "\n" }
        if !warnings.isEmpty { text += "\n" }
        let differences = differences
        text += differences.isEmpty ? "Nothing differs but the scores.\n" : "What differs:\n" + differences.map { "  \($0)\n" }.joined()
        if paired.pairs > 0 {
            text += "\nPaired: the \(paired.pairs) episodes both played, progress B − A per episode "
                + "(reading: whether the interval leaves out 0):\n" + paired.table
        }
        if !samePlayed {
            text += "\nEach run on all its own episodes (not paired; intervals overlap or not):\n"
                + Comparison(first.summary, second.summary).table
        }
        return text
    }
}
