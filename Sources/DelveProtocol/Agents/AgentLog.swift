import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Copies an agent process's standard error into its log file, on a thread of
/// its own, keeping at most `maximumBytes` of it: past the cap, the bytes are
/// read and counted (the agent never blocks on a full pipe) and, when the
/// stream ends, a `[delve]` line says how many were left out, followed by the
/// last of them (the end of the stream is where a crash's reason is).
final class AgentLog: Sendable {
    /// How many of the last bytes past the cap are kept for the end of the log.
    static let tailBytes = 4096

    private let finished = Mutex(false)

    /// Starts copying `descriptor` (the read end of the agent's stderr pipe)
    /// into `log` (an open file, appended to); both are closed at the end,
    /// which is end of file or the exit of `child` (`ChildPipe`).
    init(reading descriptor: Int32, child: pid_t, exitWatch: Int32, into log: Int32, maximumBytes: Int) {
        let thread = Thread { [self] in
            var kept = 0, left = 0
            var tail: [UInt8] = []
            ChildPipe.read(descriptor, child: child, exitWatch: exitWatch) { chunk in
                let room = min(chunk.count, maximumBytes - kept)
                if room > 0 {
                    Self.write(chunk.prefix(room), to: log)
                    kept += room
                }
                guard chunk.count > room else { return }
                left += chunk.count - room
                tail.append(contentsOf: chunk.suffix(min(chunk.count - room, Self.tailBytes)))
                if tail.count > 2 * Self.tailBytes { tail.removeFirst(tail.count - Self.tailBytes) }
            }
            if left > 0 {
                let last = tail.suffix(Self.tailBytes)
                Self.write(ArraySlice(Array(("\n[delve] the agent wrote \(left) bytes more on stderr than this log keeps "
                    + "(--max-agent-log-bytes \(maximumBytes)); they were left out but for the last \(last.count):\n").utf8)), to: log)
                Self.write(last, to: log)
            }
            close(descriptor)
            close(log)
            finished.withLock { $0 = true }
        }
        thread.name = "delve agent stderr"
        thread.start()
    }

    /// Waits until the copy has ended (the agent's stderr is all in the log), at most `grace`.
    func waitUntilCopied(within grace: Duration) async {
        let deadline = ContinuousClock.now + grace
        while !finished.withLock({ $0 }), ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(5))
        }
    }

    private static func write(_ bytes: ArraySlice<UInt8>, to log: Int32) {
        var offset = bytes.startIndex
        while offset < bytes.endIndex {
            let count = bytes[offset...].withUnsafeBytes { Glibc.write(log, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return }
            offset += count
        }
    }
}
