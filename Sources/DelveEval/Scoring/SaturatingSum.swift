/// Sums of counts and amounts that come from outside (tokens and dollars an
/// agent reports, fields of episodes.jsonl): they stop at the largest value
/// instead of trapping on overflow or becoming infinite, so no report can
/// stop a run, a summary, a resume or a merge.
extension Sequence {
    /// The sum of `value` over the elements, saturating at `Int.max` (and `Int.min`).
    public func saturatingSum(_ value: (Element) -> Int) -> Int {
        reduce(0) { $0.addingSaturated(value($1)) }
    }

    /// The sum of `value` over the elements, held within ±`Double.greatestFiniteMagnitude`.
    public func saturatingSum(_ value: (Element) -> Double) -> Double {
        reduce(0) { $0.addingSaturated(value($1)) }
    }
}

extension Int {
    /// `self + other`, or the nearest bound when that overflows.
    public func addingSaturated(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? (other > 0 ? .max : .min) : sum
    }
}

extension Double {
    /// `self + other`, held within ±`greatestFiniteMagnitude` (both finite).
    public func addingSaturated(_ other: Double) -> Double {
        Swift.min(Swift.max(self + other, -.greatestFiniteMagnitude), .greatestFiniteMagnitude)
    }
}
