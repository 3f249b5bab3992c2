/// The one pseudo-random generator every world and built-in agent draws from.
///
/// xoshiro256** (Blackman & Vigna, 2018) with its 256-bit state filled by
/// SplitMix64 from a single 64-bit seed. Both algorithms are fixed here, in
/// our own code, so a seed gives the same stream on every host, Swift
/// version and architecture. Derived quantities (`below`, `unit`, `shuffle`)
/// use our own documented reductions rather than the standard library's,
/// whose algorithms are not promised to stay the same. See docs/determinism.md.
public struct SeededRandom: Sendable, Hashable {
    @usableFromInline var s0: UInt64
    @usableFromInline var s1: UInt64
    @usableFromInline var s2: UInt64
    @usableFromInline var s3: UInt64

    /// Seeds the generator: four SplitMix64 outputs of `seed` fill the state.
    public init(seed: UInt64) {
        var mixer = SplitMix64(state: seed)
        s0 = mixer.next()
        s1 = mixer.next()
        s2 = mixer.next()
        s3 = mixer.next()
    }

    /// The next 64 random bits (xoshiro256**).
    @inlinable @inline(__always)
    public mutating func next() -> UInt64 {
        let result = rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotl(s3, 45)
        return result
    }

    @usableFromInline @inline(__always)
    func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 &- k)) }

    /// A uniform integer in `0..<bound` (bound > 0), without modulo bias:
    /// Lemire's multiply-shift with rejection of the short first interval.
    @inlinable
    public mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0, "SeededRandom.below needs a positive bound")
        return Int(below(UInt64(bound)))
    }

    @usableFromInline
    mutating func below(_ n: UInt64) -> UInt64 {
        var product = next().multipliedFullWidth(by: n)
        if product.low < n {
            let threshold = (0 &- n) % n
            while product.low < threshold {
                product = next().multipliedFullWidth(by: n)
            }
        }
        return product.high
    }

    /// A uniform integer in the closed range; any range, `Int.min...Int.max` included.
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        let span = UInt64(bitPattern: Int64(range.upperBound &- range.lowerBound))
        if span == .max { return Int(truncatingIfNeeded: next()) }
        return range.lowerBound &+ Int(truncatingIfNeeded: below(span + 1))
    }

    /// A uniform double in [0, 1): the top 53 bits of `next()` scaled by 2⁻⁵³.
    public mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// True with probability `p`.
    public mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// A uniformly chosen element; the collection must not be empty.
    @inlinable
    public mutating func pick<C: RandomAccessCollection>(_ items: C) -> C.Element {
        precondition(!items.isEmpty, "SeededRandom.pick needs a non-empty collection")
        return items[items.index(items.startIndex, offsetBy: below(items.count))]
    }

    /// Fisher–Yates shuffle, walking from the last index down.
    public mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            let j = below(i + 1)
            if i != j { items.swapAt(i, j) }
        }
    }

    /// An independent generator for a named sub-stream (e.g. the agent's
    /// choices versus the world's), seeded from this seed and the label.
    public static func derived(seed: UInt64, stream: UInt64) -> SeededRandom {
        var mixer = SplitMix64(state: seed ^ (stream &* 0x9E37_79B9_7F4A_7C15))
        return SeededRandom(seed: mixer.next())
    }
}

/// SplitMix64 (Steele, Lea & Flood, 2014), used only to expand seeds.
public struct SplitMix64: Sendable, Hashable {
    /// The current state; each call advances it by the golden-ratio increment.
    public var state: UInt64

    /// A generator starting at `state`.
    public init(state: UInt64) { self.state = state }

    /// The next 64 bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
