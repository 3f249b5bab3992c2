import DelveCore

/// A closed interval of plausible values for a mean.
public struct ConfidenceInterval: Sendable, Hashable, Codable {
    /// The lower bound.
    public var low: Double
    /// The upper bound.
    public var high: Double

    /// Creates an interval.
    public init(low: Double, high: Double) {
        self.low = low
        self.high = high
    }

    /// Whether this interval and `other` share a point.
    public func overlaps(_ other: ConfidenceInterval) -> Bool { low <= other.high && other.low <= high }
}

/// The seeded percentile bootstrap behind every `progress_ci` (docs/scoring.md).
///
/// Resample `resamples` times; each resample draws, for every group in
/// order, as many values as the group has, uniformly with replacement
/// (`SeededRandom.below`), and takes the unweighted mean of the group means.
/// The interval is the 2.5th and 97.5th percentiles of those statistics,
/// interpolated linearly between order statistics. One generator, seeded
/// with `seed`, serves each interval, so equal inputs give equal intervals.
public enum Bootstrap {
    /// The generator's seed, the same for every interval.
    public static let seed: UInt64 = 20_250_107
    /// Resamples per interval.
    public static let resamples = 2_000

    /// The 95% interval of the mean of group means over `groups` (one
    /// group: the plain mean). Empty groups are skipped; no values at all
    /// gives [0, 0].
    public static func interval(_ groups: [[Double]]) -> ConfidenceInterval {
        let groups = groups.filter { !$0.isEmpty }
        guard !groups.isEmpty else { return ConfidenceInterval(low: 0, high: 0) }
        var random = SeededRandom(seed: seed)
        var statistics: [Double] = []
        statistics.reserveCapacity(resamples)
        for _ in 0..<resamples {
            var total = 0.0
            for group in groups {
                var sum = 0.0
                for _ in group.indices { sum += group[random.below(group.count)] }
                total += sum / Double(group.count)
            }
            statistics.append(total / Double(groups.count))
        }
        statistics.sort()
        return ConfidenceInterval(low: percentile(statistics, 0.025), high: percentile(statistics, 0.975))
    }

    /// The `q` quantile of sorted, non-empty `values`: position h = (n − 1)·q,
    /// linear between the values at ⌊h⌋ and ⌊h⌋ + 1 (numpy's default).
    static func percentile(_ values: [Double], _ q: Double) -> Double {
        let h = Double(values.count - 1) * q
        let below = Int(h.rounded(.down))
        guard below + 1 < values.count else { return values[below] }
        return values[below] + (h - Double(below)) * (values[below + 1] - values[below])
    }
}
