/// Where the lines a player types come from: readline on a terminal, plain
/// standard input in a pipe, a script in tests.
public protocol LineSource {
    /// Shows `prompt` and reads one line without its newline; nil at the end
    /// of input (EOF, Ctrl-D).
    ///
    /// - Parameter completions: what TAB may complete the line to now: the
    ///   legal actions and the `:commands`. Sources without completion ignore it.
    mutating func readLine(prompt: String, completions: [String]) -> String?
}
