import DelveCore
import Foundation

/// `delve play` wired to this process's terminal or pipes.
public enum TerminalPlay {
    /// Plays `task` from `seed` under `profile` until the player quits or input ends.
    ///
    /// With a terminal on both standard input and output: readline (editing,
    /// history in `HistoryFile.defaultURL`, TAB completion) and a screen
    /// redrawn each turn, in color as `ColorPolicy` decides. Otherwise (input
    /// or output redirected): lines read plainly from standard input and plain
    /// ASCII screens printed one after the other, so that scripts can drive it.
    ///
    /// With `imageFile`, that PNG file shows the current frame after every turn.
    ///
    /// - Throws: the world's error when it cannot be reset.
    public static func run(task: TaskSpec, seed: UInt64, profile: Profile = .delve, noColor: Bool,
                           imageFile: String? = nil) throws(WorldError) {
        let interactive = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
        let environment = ProcessInfo.processInfo.environment
        let color = ColorPolicy.usesColor(isTTY: interactive, noColorFlag: noColor, environment: environment)
        var session = try PlaySession(task: task, seed: seed, profile: profile, screen: Screen(color: color, clears: interactive))
        session.imageFile = imageFile
        var output = StandardOutput()
        if interactive {
            let history = HistoryFile.defaultURL(environment: environment).map { HistoryFile(url: $0) }
            var lines = ReadlineLineSource(history: history)
            session.run(lines: &lines, output: &output)
        } else {
            var lines = StandardInputLineSource()
            session.run(lines: &lines, output: &output)
        }
    }
}
