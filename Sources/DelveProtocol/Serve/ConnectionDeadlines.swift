import DelveCore

/// How long a socket connection of `delve serve --listen` may hold a slot
/// without doing its part (docs/protocol.md, "Listening on a socket"): a
/// connection past either deadline gets one error line and is closed.
public struct ConnectionDeadlines: Sendable, Hashable {
    /// Seconds a connection has, from its start, to present the token in
    /// `initialize` (`--auth-timeout`); nil for no limit. Only a server with a token asks for one.
    public var authenticateSeconds: Double?
    /// Seconds a request line may stay unfinished, from its first byte (`--line-timeout`); nil for no limit.
    public var partialLineSeconds: Double?

    /// `--auth-timeout`'s default: ample for a client that connects to send its `initialize` at once.
    public static let defaultAuthenticateSeconds = 10.0
    /// `--line-timeout`'s default: a line of the largest allowed size comes in far sooner on any link worth serving.
    public static let defaultPartialLineSeconds = 60.0

    /// Deadlines; by default the defaults.
    public init(authenticateSeconds: Double? = defaultAuthenticateSeconds, partialLineSeconds: Double? = defaultPartialLineSeconds) {
        self.authenticateSeconds = authenticateSeconds
        self.partialLineSeconds = partialLineSeconds
    }

    /// The clock of one connection against these deadlines.
    struct Clock {
        let deadlines: ConnectionDeadlines
        let opened = ContinuousClock.now
        /// When the unfinished line began; nil between lines.
        private(set) var lineStarted: ContinuousClock.Instant?

        init(_ deadlines: ConnectionDeadlines) { self.deadlines = deadlines }

        /// Notes what a read left: whether it completed lines, whether a line is unfinished now.
        mutating func read(completedLines: Bool, midLine: Bool, now: ContinuousClock.Instant = .now) {
            if !midLine {
                lineStarted = nil
            } else if completedLines || lineStarted == nil {
                lineStarted = now
            }
        }

        /// The next moment a deadline passes, given whether the client has authenticated.
        func next(authorized: Bool) -> ContinuousClock.Instant? {
            let authenticate = authorized ? nil : deadlines.authenticateSeconds.map { opened + Duration.seconds(limited: $0) }
            let line = lineStarted.flatMap { start in deadlines.partialLineSeconds.map { start + Duration.seconds(limited: $0) } }
            return [authenticate, line].compactMap { $0 }.min()
        }

        /// The error for a deadline that has passed by `now`; nil while none has.
        func expired(authorized: Bool, now: ContinuousClock.Instant = .now) -> RPCError? {
            if !authorized, let seconds = deadlines.authenticateSeconds, now >= opened + Duration.seconds(limited: seconds) {
                return RPCError(.unauthorized, "no initialize with the token within \(Server.secondsText(seconds)) s (--auth-timeout); closing the connection")
            }
            if let start = lineStarted, let seconds = deadlines.partialLineSeconds, now >= start + Duration.seconds(limited: seconds) {
                return RPCError(.parseError, "a line stayed unfinished for \(Server.secondsText(seconds)) s (--line-timeout); closing the connection")
            }
            return nil
        }
    }
}
