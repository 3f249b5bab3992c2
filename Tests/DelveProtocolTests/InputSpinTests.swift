@testable import DelveProtocol
import Foundation
import Testing

/// The serve loop's adaptive spin: it polls only while the client keeps up,
/// and never longer than its window.
@Suite struct InputSpinTests {
    /// A pipe: (read end, write end).
    func pipeEnds() throws -> (Int32, Int32) {
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        return (ends[0], ends[1])
    }

    /// A clock for the spin that moves 1 ms each time it is read, and counts the reads.
    final class SteppingClock: @unchecked Sendable {
        private(set) var now = ContinuousClock.now
        private(set) var reads = 0
        func read() -> ContinuousClock.Instant {
            reads += 1
            now += .milliseconds(1)
            return now
        }
        func advance(_ duration: Duration) { now += duration }
    }

    @Test func itPollsOnlyAfterARequestCameWithinTheWindow() throws {
        let (input, output) = try pipeEnds()
        defer { close(input); close(output) }
        let clock = SteppingClock()
        var spin = InputSpin(window: .milliseconds(50), now: clock.read)
        #expect(!spin.poll(input), "nothing answered yet: block at once")

        spin.answered()
        spin.arrived()  // the next request came at once
        #expect(write(output, "x", 1) == 1)
        #expect(spin.poll(input), "input waiting is seen while spinning")
        var byte: UInt8 = 0
        #expect(read(input, &byte, 1) == 1)

        spin.answered()
        let before = clock.reads
        #expect(!spin.poll(input), "no input: the window runs out")
        #expect((45...55).contains(clock.reads - before), "it polled until the 50 ms window ran out: \(clock.reads - before) reads of 1 ms")

        clock.advance(.milliseconds(60))
        spin.arrived()  // this request came after the window
        spin.answered()
        let again = clock.reads
        #expect(!spin.poll(input))
        #expect(clock.reads == again, "a slow client is not spun for: no polling at all")
    }

    @Test func aZeroWindowNeverPolls() throws {
        let (input, output) = try pipeEnds()
        defer { close(input); close(output) }
        var spin = InputSpin(window: .zero)
        spin.answered()
        spin.arrived()
        #expect(write(output, "x", 1) == 1)
        #expect(!spin.poll(input))
    }
}
