import DelveProtocol
import Foundation
import Synchronization
import Testing
import WorldCatalog

/// `--idle-timeout`: envs left unused are closed, and naming one says why.
@Suite struct IdleEvictionTests {
    @Test func aSweepClosesOnlyTheEnvsLeftUnused() throws {
        var harness = ServerHarness(limits: ServerLimits(idleTimeoutSeconds: 60))
        let first = try harness.reset(), second = try harness.reset()
        let wait = try #require(harness.server.timeUntilNextEviction())
        #expect(wait > .seconds(59) && wait <= .seconds(60))
        #expect(harness.server.evictIdleEnvs(now: .now + .seconds(30)) == 0)
        #expect(harness.server.evictIdleEnvs(now: .now + .seconds(61)) == 2)
        #expect(harness.server.envs.count == 0 && harness.server.timeUntilNextEviction() == nil)
        for id in [first, second] {
            #expect(try harness.errorCode("env/step", #"{"env":"\#(id)","action":"turn left"}"#) == -32009)
        }
        #expect(try harness.errorCode("env/step", #"{"env":"env-3","action":"turn left"}"#) == -32003)
    }

    @Test func withoutATimeoutNothingIsEvicted() throws {
        var harness = ServerHarness()
        _ = try harness.reset()
        #expect(harness.server.timeUntilNextEviction() == nil)
        #expect(harness.server.evictIdleEnvs(now: .now + .seconds(1_000_000)) == 0)
        #expect(harness.server.envs.count == 1)
    }

    /// The loop sweeps between reads, before it waits for the client again:
    /// with a clock that moves a second each time it is read, the env of the
    /// first request is gone before the second arrives, freeing its slot
    /// (a reset does not sweep, so the second env fits only because the loop did).
    @Test func theLoopEvictsWhileTheClientIsSilent() throws {
        let requests = Pipe(), responses = Pipe()
        let server = Server(catalog: Catalog.standard, limits: ServerLimits(maximumEnvs: 1, idleTimeoutSeconds: 0.1),
                            now: TickingClock().now)
        let input = requests.fileHandleForReading.fileDescriptor, output = responses.fileHandleForWriting.fileDescriptor
        let loop = Thread { try? ServeLoop.run(server, input: input, output: output) }
        loop.start()
        let writer = requests.fileHandleForWriting
        var answers = LineReader(responses.fileHandleForReading)
        func ask(_ line: String) throws -> String {
            writer.write(Data(line.utf8 + [10]))
            let answer = answers.next()
            return try #require(answer)
        }
        #expect(try ask(#"{"jsonrpc":"2.0","id":1,"method":"env/reset","params":{"task":"grid/goto"}}"#).contains(#""env":"env-1""#))
        #expect(try ask(#"{"jsonrpc":"2.0","id":2,"method":"env/reset","params":{"task":"grid/goto"}}"#).contains(#""env":"env-2""#))
        #expect(try ask(#"{"jsonrpc":"2.0","id":3,"method":"env/legal_actions","params":{"env":"env-1"}}"#)
            == #"{"error":{"code":-32009,"message":"env \"env-1\" was closed after 0.1 s unused (--idle-timeout); reset a new one"},"id":3,"jsonrpc":"2.0"}"#)
        try writer.close()
    }
}

/// A clock that moves one second forward each time it is read.
private final class TickingClock: Sendable {
    private let start = ContinuousClock.now
    private let reads = Mutex(0)

    /// The time now: one second later than the last reading.
    @Sendable func now() -> ContinuousClock.Instant {
        start + .seconds(reads.withLock { count in
            count += 1
            return count
        })
    }
}

/// Reads a pipe a line at a time, blocking until each line is whole.
private struct LineReader {
    let handle: FileHandle
    var pending: [UInt8] = []

    init(_ handle: FileHandle) { self.handle = handle }

    /// The next line without its newline; nil at end of file.
    mutating func next() -> String? {
        while true {
            if let end = pending.firstIndex(of: 10) {
                defer { pending.removeSubrange(...end) }
                return String(decoding: pending[..<end], as: UTF8.self)
            }
            let data = handle.availableData
            if data.isEmpty { return nil }
            pending += data
        }
    }
}
