/// The version of the Delve runtime, recorded in every run.json and shown by `delve --version`.
public enum DelveVersion {
    /// Semantic version of this build.
    public static let current = "0.1.0"
}
