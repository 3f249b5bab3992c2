import DelveCore
import DelveFormats
import Foundation

/// Serve mode over file descriptors: request lines in, response lines out.
/// The same loop serves standard input and output, and each socket connection.
public enum ServeLoop {
    /// Bytes asked of the input per read.
    static let chunkBytes = 1 << 16

    /// Why serving stopped early.
    public struct IOError: Error, CustomStringConvertible {
        /// What failed: "reading requests" or "writing responses".
        public var operation: String
        /// The `errno` of the failed call.
        public var code: Int32
        /// One line naming the problem.
        public var description: String { "\(operation) failed: \(String(cString: strerror(code)))" }
    }

    /// How long the loop polls for the next request before it blocks, by
    /// default (`InputSpin`).
    public static let defaultSpin = Duration.microseconds(100)

    /// Reads requests from `input` until end of file or `shutdown`, answering
    /// each on `output` as one line; every answer a read produces is written
    /// before the next read. With an idle timeout, envs left unused are closed
    /// even while the client sends nothing. While the client answers quickly,
    /// the loop polls up to `spin` for its next request before blocking
    /// (`InputSpin`). With `deadlines` (a socket connection), a client that has
    /// not authenticated in time, or leaves a line unfinished too long, gets one
    /// error line and the loop ends; `authorized` is called once the client has
    /// authenticated (at once without a token). Throws only when the input cannot be read or the output
    /// cannot be written (the client went away).
    public static func run(_ server: Server, input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO,
                           spin: Duration = defaultSpin, deadlines: ConnectionDeadlines? = nil,
                           authorized: () -> Void = {}) throws(IOError) {
        var server = server
        var framer = LineFramer(maximumLineBytes: server.limits.maximumLineBytes)
        var buffer = [UInt8](repeating: 0, count: chunkBytes)
        var out = JSONOutput()
        var spinner = InputSpin(window: spin)
        var clock = deadlines.map(ConnectionDeadlines.Clock.init)
        var toldAuthorized = false
        // Told before the answer that authenticated is written: a client that has read its answer
        // is already counted as authenticated, so a newcomer cannot take its slot.
        func tellAuthorized() {
            if !toldAuthorized && server.isAuthorized {
                toldAuthorized = true
                authorized()
            }
        }
        while !server.isShutDown {
            tellAuthorized()
            if let error = clock?.expired(authorized: server.isAuthorized) {
                out.bytes.removeAll(keepingCapacity: true)
                RPCResponse(id: .null, error: error).write(to: &out)
                out.byte(UInt8(ascii: "\n"))
                try writeAll(out.bytes, to: output)
                return
            }
            server.evictIdleEnvs()
            let waits = [server.timeUntilNextEviction(),
                         clock?.next(authorized: server.isAuthorized).map { max(.zero, ContinuousClock.now.duration(to: $0)) }].compactMap { $0 }
            if !spinner.poll(input), let wait = waits.min(), try !waitForInput(input, upTo: wait) { continue }
            let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw IOError(operation: "reading requests", code: errno)
            }
            spinner.arrived()
            let frames = count == 0 ? framer.finish().map { [$0] } ?? [] : framer.push(buffer[..<count])
            clock?.read(completedLines: !frames.isEmpty, midLine: framer.isMidLine)
            out.bytes.removeAll(keepingCapacity: true)
            for frame in frames where !server.isShutDown {
                let before = out.bytes.count
                server.handle(frame, into: &out)
                if out.bytes.count > before { out.byte(UInt8(ascii: "\n")) }
            }
            tellAuthorized()
            try writeAll(out.bytes, to: output)
            spinner.answered()
            if count == 0 { return }
        }
    }

    /// Waits until `input` can be read or `wait` has passed; true when it can be read.
    private static func waitForInput(_ input: Int32, upTo wait: Duration) throws(IOError) -> Bool {
        let (seconds, attoseconds) = wait.components
        let milliseconds = min(Int64(Int32.max), seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1)
        var descriptor = pollfd(fd: input, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, Int32(milliseconds))
        if ready < 0 {
            if errno == EINTR { return false }
            throw IOError(operation: "reading requests", code: errno)
        }
        return ready > 0
    }

    /// Writes every byte of `bytes`, retrying short writes.
    public static func writeAll(_ bytes: [UInt8], to output: Int32) throws(IOError) {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { write(output, $0.baseAddress! + written, $0.count - written) }
            if count < 0 {
                if errno == EINTR { continue }
                throw IOError(operation: "writing responses", code: errno)
            }
            written += count
        }
    }
}
