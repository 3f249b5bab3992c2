/// What the session answers to one typed line.
public struct PlayReply: Sendable, Hashable {
    /// The text to show: a whole new screen, or a line or two below the current one.
    public var text: String
    /// True when the player leaves.
    public var quits: Bool
}
