import Synchronization

/// A request, from a signal, that a run stop: no further episode starts,
/// those playing end (their agents are killed), and what finished is written
/// as an incomplete run that `--resume` finishes.
public final class StopRequest: Sendable {
    private let number = Mutex<Int32?>(nil)

    /// No stop requested yet.
    public init() {}

    /// Requests a stop for the signal `signal`; false when one was requested already.
    public func request(signal: Int32) -> Bool {
        number.withLock { number in
            guard number == nil else { return false }
            number = signal
            return true
        }
    }

    /// The signal that requested the stop; nil while none has.
    public var signal: Int32? { number.withLock { $0 } }

    /// Whether a stop was requested.
    public var isRequested: Bool { signal != nil }
}
