/// Whether `delve play` draws in color.
public enum ColorPolicy {
    /// Color only on a terminal, and only when neither `--no-color` nor a
    /// non-empty `NO_COLOR` variable (https://no-color.org) asks otherwise.
    ///
    /// - Parameters:
    ///   - isTTY: whether the game is on a terminal (standard output, and for
    ///     `delve play` standard input too).
    ///   - noColorFlag: whether `--no-color` was given.
    ///   - environment: the process environment.
    public static func usesColor(isTTY: Bool, noColorFlag: Bool, environment: [String: String]) -> Bool {
        isTTY && !noColorFlag && (environment["NO_COLOR"] ?? "").isEmpty
    }
}
