import DelveEval
import Testing

/// Sums of outside numbers stop at the bounds instead of trapping or becoming infinite.
@Suite struct SaturatingSumTests {
    @Test func integerSumsStopAtTheBounds() {
        #expect(Int.max.addingSaturated(1) == .max)
        #expect(Int.min.addingSaturated(-1) == .min)
        #expect(40.addingSaturated(2) == 42)
        #expect([Int.max, Int.max, 5].saturatingSum { $0 } == .max)
        #expect([1, 2, 3].saturatingSum { $0 } == 6)
    }

    @Test func doubleSumsStayFinite() {
        let huge = Double.greatestFiniteMagnitude
        #expect(huge.addingSaturated(huge) == huge)
        #expect((-huge).addingSaturated(-huge) == -huge)
        #expect([huge, huge, 1].saturatingSum { $0 }.isFinite)
        #expect([0.25, 0.5].saturatingSum { $0 } == 0.75)
    }
}
