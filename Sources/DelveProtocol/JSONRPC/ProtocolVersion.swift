/// The version of the wire protocol, exchanged in `initialize`. It changes
/// only when a message changes shape; docs/protocol.md documents each version.
public enum ProtocolVersion {
    /// The version this build speaks.
    public static let current = "1.0"
}
