/// The seeds Delve accepts, the same everywhere: suites, `delve eval
/// --first-seed`, `delve play --seed` and `:seed`, `env/reset`, and the
/// `seed` of episodes.jsonl. Seeds travel as JSON numbers (requests,
/// episode records, trajectories), and a JSON number is exact in every
/// reader only up to 2^53 − 1 (RFC 8259 §6), so that is the largest seed.
public enum Seeds {
    /// 0 through 2^53 − 1 (9007199254740991).
    public static let range: ClosedRange<UInt64> = 0...(1 << 53 - 1)

    /// What a seed must be, for error messages: `a whole number from 0 to 9007199254740991`.
    public static let rule = "a whole number from 0 to \(range.upperBound)"
}
