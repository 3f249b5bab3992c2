import DelveFormats

/// The strings JSON-RPC messages repeat on every line (member names, the
/// version, method names): the parser hands out these copies, on the
/// server's side for requests and on a client's for answers.
public enum ProtocolWords {
    /// The words, as `JSONParser` takes them.
    public static let table = JSONWords([
        "jsonrpc", "2.0", "id", "method", "params", "env", "action", "seed", "task", "world", "options", "image", "map",
        "step_budget", "style", "token", "protocol_version",
        "env/step", "env/reset", "env/legal_actions", "env/render", "env/snapshot", "env/restore", "env/close",
        "result", "error", "code", "message", "observation", "info", "text", "status", "mission", "legal_actions",
        "feedback", "milestones", "progress", "reward", "terminated", "truncated", "invalid_actions", "step", "valid",
        "end_reason", "instructions", "revision", "profile",
    ])
}
