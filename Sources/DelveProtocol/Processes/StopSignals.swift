import Dispatch
import Foundation

/// Turns SIGINT, SIGTERM and SIGHUP into a readable file descriptor, so a loop
/// that waits in `poll` can stop cleanly instead of the process dying
/// mid-write, and into a call of `handler` where no loop waits.
public final class StopSignals {
    /// The signals caught.
    public static let caught = [SIGINT, SIGTERM, SIGHUP]
    /// Becomes readable once a stop signal has arrived.
    public let descriptor: Int32
    private let sources: [any DispatchSourceSignal]

    /// Catches the stop signals from now on; `handler`, when given, is called
    /// with each one's number as it arrives (on a queue of Dispatch's).
    public init(handler: (@Sendable (Int32) -> Void)? = nil) throws(SocketError) {
        var ends: [Int32] = [0, 0]
        try SocketCall.check("create a pipe", pipe(&ends))
        descriptor = ends[0]
        let writeEnd = ends[1]
        sources = Self.caught.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                var byte: UInt8 = 1
                _ = write(writeEnd, &byte, 1)
                handler?(number)
            }
            source.resume()
            return source
        }
    }
}
