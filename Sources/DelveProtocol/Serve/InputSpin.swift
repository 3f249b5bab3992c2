import Foundation

/// Adaptive spinning for the next request: after answering, the serve loop
/// polls its input without blocking for a short window before it sleeps in
/// `read`.
///
/// A process woken from a blocking read pays the scheduler's wake-up, which
/// on an idle virtual machine is 30–50 µs, several times Delve's own work for
/// a step. A client that steps one env at a time sends its next request a
/// few microseconds after reading an answer, so spinning through that gap
/// saves the wake-up on the server's side. The window is spent only while
/// the client keeps up: when a request last came later than the window, the
/// loop blocks at once, so a slow client (an LLM) costs no CPU.
struct InputSpin {
    /// How long to poll before blocking; zero never spins.
    let window: Duration
    /// The time now: the continuous clock's, or a test's.
    private let now: () -> ContinuousClock.Instant
    /// When the last answer was written.
    private var answeredAt: ContinuousClock.Instant?
    /// Whether the last request came within the window.
    private var keepingUp = false

    /// Spins for at most `window`, timed by `now`.
    init(window: Duration, now: @escaping () -> ContinuousClock.Instant = { ContinuousClock.now }) {
        self.window = window
        self.now = now
    }

    /// The answer to a read was written.
    mutating func answered() { answeredAt = now() }

    /// Input arrived (a read returned): notes whether it came within the window.
    mutating func arrived() {
        guard let answeredAt else { return }
        keepingUp = answeredAt.duration(to: now()) < window
    }

    /// Polls `input` without blocking until it can be read or the window
    /// since the last answer has passed; true when it can be read. Returns
    /// false at once when the client has not been keeping up.
    func poll(_ input: Int32) -> Bool {
        guard keepingUp, let answeredAt else { return false }
        let deadline = answeredAt + window
        var descriptor = pollfd(fd: input, events: Int16(POLLIN), revents: 0)
        repeat {
            if Glibc.poll(&descriptor, 1, 0) > 0 { return true }
            // On a busy machine the client may be waiting for this very core.
            sched_yield()
        } while now() < deadline
        return false
    }
}
