import DelveCore
import Testing

// Known-answer vectors below were computed independently with this Python
// reference, written from the published algorithm descriptions (SplitMix64:
// Steele, Lea & Flood 2014; xoshiro256**: Blackman & Vigna 2018; Lemire 2019),
// not from the Swift code. The same snippet is in docs/determinism.md.
//
//     M = (1 << 64) - 1
//     def splitmix64(state):
//         while True:
//             state = (state + 0x9E3779B97F4A7C15) & M
//             z = state
//             z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
//             z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
//             yield z ^ (z >> 31)
//     def rotl(x, k): return ((x << k) | (x >> (64 - k))) & M
//     def xoshiro(seed):
//         g = splitmix64(seed); s = [next(g) for _ in range(4)]
//         while True:
//             r = (rotl((s[1] * 5) & M, 7) * 9) & M
//             t = (s[1] << 17) & M
//             s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]
//             s[2] ^= t; s[3] = rotl(s[3], 45)
//             yield r
//     def below(g, n):   # Lemire: multiply-shift, reject the short interval
//         p = next(g) * n
//         if p & M < n:
//             th = ((1 << 64) - n) % n
//             while p & M < th: p = next(g) * n
//         return p >> 64
//     def derived(seed, stream):
//         return xoshiro(next(splitmix64(seed ^ ((stream * 0x9E3779B97F4A7C15) & M))))
//     unit = lambda g: (next(g) >> 11) * 2**-53
//
// SplitMix64's outputs for seed 0 agree with the reference splitmix64.c.

/// The first `count` raw outputs of a generator.
private func outputs(_ random: SeededRandom, _ count: Int) -> [UInt64] {
    var random = random
    return (0..<count).map { _ in random.next() }
}

@Suite struct SplitMix64Tests {
    @Test func seedZeroMatchesTheReferenceImplementation() {
        var mixer = SplitMix64(state: 0)
        let got = (0..<5).map { _ in mixer.next() }
        #expect(got == [0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F,
                        0xF88B_B8A8_724C_81EC, 0x1B39_896A_51A8_749B])
    }

    @Test func anotherSeedMatchesThePythonReference() {
        var mixer = SplitMix64(state: 1_234_567)
        let got = (0..<5).map { _ in mixer.next() }
        #expect(got == [0x599E_D017_FB08_FC85, 0x2C73_F084_5854_0FA5, 0x883E_BCE5_A3F2_7C77,
                        0x3FBE_F740_E917_7B3F, 0xE3B8_3467_08CB_5ECD])
    }

    @Test func stateAdvancesByTheGoldenGammaEachCall() {
        var mixer = SplitMix64(state: UInt64.max)
        _ = mixer.next()
        #expect(mixer.state == 0x9E37_79B9_7F4A_7C14)  // wraps around
        _ = mixer.next()
        #expect(mixer.state == 0x9E37_79B9_7F4A_7C14 &+ 0x9E37_79B9_7F4A_7C15)
    }
}

@Suite struct SeededRandomTests {
    // MARK: Known answers

    static let rawVectors: [(seed: UInt64, expected: [UInt64])] = [
        (0, [0x99EC_5F36_CB75_F2B4, 0xBF6E_1F78_4956_452A, 0x1A5F_849D_4933_E6E0, 0x6AA5_94F1_262D_2D2C, 0xBBA5_AD4A_1F84_2E59]),
        (42, [0x1578_0B2E_0C2E_C716, 0x6104_D986_6D11_3A7E, 0xAE17_5332_39E4_99A1, 0xECB8_AD47_03B3_60A1, 0xFDE6_DC7F_E2EC_5E64]),
        (1_000_000, [0xEB32_8481_4915_5787, 0x10E0_795F_31D2_24ED, 0x4C64_C043_8929_4F88, 0x92F1_9119_D4EA_8489, 0xA074_DBB3_8551_A4E7]),
        (UInt64.max, [0x8F55_20D5_2A7E_AD08, 0xC476_A018_CAA1_802D, 0x81DE_31C0_D260_469E]),
    ]

    @Test(arguments: rawVectors)
    func rawOutputsMatchThePythonReference(seed: UInt64, expected: [UInt64]) {
        #expect(outputs(SeededRandom(seed: seed), expected.count) == expected)
    }

    @Test func belowMatchesThePythonReference() {
        var random = SeededRandom(seed: 42)
        #expect((0..<10).map { _ in random.below(10) } == [0, 3, 6, 9, 9, 7, 7, 8, 7, 5])
        var big = SeededRandom(seed: 42)
        #expect((0..<4).map { _ in big.below(Int.max) }
                == [773_499_382_201_279_370, 3_495_475_846_482_271_550, 6_272_293_381_124_279_503, 8_528_787_054_591_062_095])
    }

    @Test func belowRejectsTheShortIntervalLikeTheReference() {
        // For n = 2^62 + 1 about a quarter of draws fall in the rejected
        // interval; the reference rejected two of the ten draws these eight
        // values took.
        let n = (1 << 62) + 1
        var random = SeededRandom(seed: 42)
        let got = (0..<8).map { _ in random.below(n) }
        #expect(got == [386_749_691_100_639_685, 1_747_737_923_241_135_775, 3_136_146_690_562_139_752,
                        4_573_888_244_516_329_369, 3_549_796_707_516_437_646, 3_919_972_056_329_453_602,
                        3_511_219_587_673_086_240, 2_690_223_855_575_232_271])
        var raw = SeededRandom(seed: 42)
        for _ in 0..<10 { _ = raw.next() }
        #expect(random == raw)
    }

    @Test func unitMatchesThePythonReference() {
        var random = SeededRandom(seed: 42)
        #expect((0..<3).map { _ in random.unit() } == [0.08386297105988216, 0.3789802506626686, 0.6800434110281394])
    }

    @Test func intInRangeMatchesThePythonReference() {
        var random = SeededRandom(seed: 42)
        #expect((0..<8).map { _ in random.int(in: -5...5) } == [-5, -1, 2, 5, 5, 3, 2, 4])
    }

    @Test func shuffleMatchesThePythonReference() {
        // Fisher–Yates from the end: for i in 9...1, swap a[i] with a[below(i + 1)].
        var random = SeededRandom(seed: 42)
        var items = Array(0..<10)
        random.shuffle(&items)
        #expect(items == [9, 1, 4, 2, 8, 7, 6, 5, 3, 0])
    }

    @Test func pickMatchesThePythonReference() {
        var random = SeededRandom(seed: 42)
        let letters = ["a", "b", "c", "d", "e"]
        #expect((0..<5).map { _ in random.pick(letters) } == ["a", "b", "d", "e", "e"])
    }

    @Test func derivedMatchesThePythonReference() {
        #expect(outputs(.derived(seed: 7, stream: 0), 3) == [0x4C06_C108_0CAA_5417, 0xFB21_61E3_A8C4_D3D5, 0x5221_466C_14D2_8FA8])
        #expect(outputs(.derived(seed: 7, stream: 1), 3) == [0xFD45_1EE4_44E9_9F40, 0x3BB8_AB67_FE33_01F5, 0x00BD_38A2_1011_3C47])
        // "RANDOMAG", the random agent's label, before the task id is mixed in.
        #expect(outputs(.derived(seed: 7, stream: 0x5241_4E44_4F4D_4147), 3)
                == [0x8910_296D_AB3D_8CCC, 0x91E4_198A_1FFA_BB7B, 0x1918_E5EA_752C_D9D6])
    }

    // MARK: Properties

    @Test func aCopyContinuesTheSameStream() {
        var a = SeededRandom(seed: 9)
        _ = a.next()
        var b = a
        #expect(a == b)
        #expect((0..<20).map { _ in a.next() } == (0..<20).map { _ in b.next() })
    }

    @Test func differentSeedsGiveDifferentStreams() {
        let firsts = Set((0..<1000).map { outputs(SeededRandom(seed: UInt64($0)), 1)[0] })
        #expect(firsts.count == 1000)
    }

    @Test func belowOneIsAlwaysZeroAndTakesExactlyOneDraw() {
        var random = SeededRandom(seed: 3)
        var raw = random
        for _ in 0..<1000 {
            #expect(random.below(1) == 0)
            _ = raw.next()
        }
        #expect(random == raw)
    }

    @Test(arguments: [2, 3, 7, 10, 1000, 1 << 40, (1 << 62) + 1, Int.max])
    func belowStaysInRange(bound: Int) {
        var random = SeededRandom(seed: UInt64(bound))
        let draws = (0..<5000).map { _ in random.below(bound) }
        #expect(draws.allSatisfy { $0 >= 0 && $0 < bound })
    }

    @Test func belowLargeBoundsSpreadOverTheWholeRange() {
        var random = SeededRandom(seed: 11)
        let draws = (0..<10_000).map { _ in random.below(Int.max) }
        let upperHalf = draws.filter { $0 > Int.max / 2 }.count
        #expect((4_500...5_500).contains(upperHalf))
        let lowestEighth = draws.filter { $0 < Int.max / 8 }.count
        #expect((1_000...1_500).contains(lowestEighth))
    }

    @Test(arguments: [2, 3, 6, 10])
    func belowIsUnbiasedEnough(bound: Int) {
        // 10,000 expected per value; the standard deviation is under 100, so a
        // ±10% band is very generous while still catching a broken reduction.
        var random = SeededRandom(seed: 2024)
        var counts = Array(repeating: 0, count: bound)
        for _ in 0..<(bound * 10_000) { counts[random.below(bound)] += 1 }
        for count in counts { #expect((9_000...11_000).contains(count)) }
    }

    @Test func intInRangeCoversBothEndsAndNothingElse() {
        var random = SeededRandom(seed: 5)
        var seen = Set<Int>()
        for _ in 0..<2000 {
            let value = random.int(in: -3...3)
            #expect((-3...3).contains(value))
            seen.insert(value)
        }
        #expect(seen == Set(-3...3))
        #expect(random.int(in: 17...17) == 17)
    }

    @Test func unitIsInTheHalfOpenUnitInterval() {
        var random = SeededRandom(seed: 77)
        let draws = (0..<100_000).map { _ in random.unit() }
        #expect(draws.allSatisfy { $0 >= 0 && $0 < 1 })
        #expect(abs(draws.reduce(0, +) / 100_000 - 0.5) < 0.01)
    }

    @Test func unitUsesTheTop53Bits() {
        var random = SeededRandom(seed: 42)
        var raw = random
        for _ in 0..<100 {
            let value = random.unit()
            #expect(value == Double(raw.next() >> 11) / 9_007_199_254_740_992)  // 2^53
        }
    }

    @Test func chanceZeroNeverAndOneAlways() {
        var random = SeededRandom(seed: 8)
        let never = (0..<1000).filter { _ in random.chance(0) }.count
        let always = (0..<1000).filter { _ in random.chance(1) }.count
        #expect(never == 0)
        #expect(always == 1000)
    }

    @Test func shuffleIsADeterministicPermutation() {
        let original = Array(0..<100)
        var a = original, b = original, c = original
        var first = SeededRandom(seed: 1), second = SeededRandom(seed: 1), other = SeededRandom(seed: 2)
        first.shuffle(&a)
        second.shuffle(&b)
        other.shuffle(&c)
        #expect(a.sorted() == original)
        #expect(a != original)
        #expect(a == b)
        #expect(a != c)
    }

    @Test func shuffleOfFewerThanTwoItemsDrawsNothing() {
        let start = SeededRandom(seed: 4)
        var random = start
        var empty: [Int] = []
        var one = ["x"]
        random.shuffle(&empty)
        random.shuffle(&one)
        #expect(empty.isEmpty)
        #expect(one == ["x"])
        #expect(random == start)
    }

    @Test func shuffleReachesEveryOrderOfThree() {
        var random = SeededRandom(seed: 6)
        var orders = Set<[Int]>()
        for _ in 0..<600 {
            var items = [0, 1, 2]
            random.shuffle(&items)
            orders.insert(items)
        }
        #expect(orders.count == 6)
    }

    @Test func pickRespectsASliceStartIndex() {
        let items = Array(0..<10)
        let slice = items[6..<9]
        var random = SeededRandom(seed: 12)
        var seen = Set<Int>()
        for _ in 0..<300 { seen.insert(random.pick(slice)) }
        #expect(seen == [6, 7, 8])
    }

    @Test func derivedIsReproducibleAndDiffersPerStream() {
        #expect(SeededRandom.derived(seed: 99, stream: 5) == SeededRandom.derived(seed: 99, stream: 5))
        let firsts = Set((0..<500).map { outputs(.derived(seed: 99, stream: UInt64($0)), 1)[0] })
        #expect(firsts.count == 500)
    }

    @Test func derivedDiffersFromThePlainSeedAndFromOtherSeeds() {
        #expect(outputs(.derived(seed: 99, stream: 0), 4) != outputs(SeededRandom(seed: 99), 4))
        #expect(outputs(.derived(seed: 99, stream: 3), 4) != outputs(.derived(seed: 100, stream: 3), 4))
    }
}

@Suite struct SeededRandomWideRangeTests {
    @Test func intCoversTheWidestRangesWithoutOverflow() {
        var random = SeededRandom(seed: 5)
        for range in [Int.min...Int.max, 0...Int.max, Int.min...0, (Int.max - 1)...Int.max] {
            for _ in 0..<100 { #expect(range.contains(random.int(in: range))) }
        }
    }
}
