import DelveCore
import Foundation

/// `delve play` wired to this process's terminal or pipes.
public enum TerminalPlay {
    /// Plays `task` from `seed` under `profile` until the player quits or input ends.
    ///
    /// - Throws: the world's error when it cannot be reset.
    public static func run(task: TaskSpec, seed: UInt64, profile: Profile = .delve, noColor: Bool,
                           imageFile: String? = nil, typed: Bool = false) throws(WorldError) {
        let terminal = Terminal(noColor: noColor, typed: typed)
        var session = try PlaySession(task: task, seed: seed, profile: profile, screen: terminal.screen, mode: terminal.mode)
        session.imageFile = imageFile
        terminal.play(&session)
    }

    /// Plays the episodes `recorder` hands out, recording each as it ends,
    /// until the player quits, input ends, or every episode is recorded.
    ///
    /// - Returns: false when the run had every episode already (nothing was played).
    /// - Throws: the recorder's error, or the world's when it cannot be reset.
    public static func record(with recorder: any PlayRecorder, noColor: Bool, imageFile: String? = nil,
                              typed: Bool = false) throws -> Bool {
        let terminal = Terminal(noColor: noColor, typed: typed)
        guard var session = try PlaySession(recorder: recorder, screen: terminal.screen, mode: terminal.mode) else { return false }
        session.imageFile = imageFile
        terminal.play(&session)
        return true
    }
}

/// This process's terminal as `delve play` uses it.
///
/// With a terminal on both standard input and output: single keys by default
/// (where the world has them; `typed` starts with typed commands), readline
/// for typed lines (editing, history in `HistoryFile.defaultURL`, TAB
/// completion), and a screen redrawn each turn, in color as `ColorPolicy`
/// decides. Otherwise (input or output redirected): lines read plainly from
/// standard input and plain ASCII screens printed one after the other, so
/// that scripts can drive it.
private struct Terminal {
    let interactive = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
    let environment = ProcessInfo.processInfo.environment
    let screen: Screen
    let mode: InputMode

    init(noColor: Bool, typed: Bool) {
        let color = ColorPolicy.usesColor(isTTY: interactive, noColorFlag: noColor, environment: environment)
        var size = winsize()
        let width = interactive && ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : nil
        screen = Screen(color: color, clears: interactive, width: width)
        mode = interactive && !typed ? .keys : .typed
    }

    func play(_ session: inout PlaySession) {
        var output = StandardOutput()
        if interactive {
            let history = HistoryFile.defaultURL(environment: environment).map { HistoryFile(url: $0) }
            var lines = ReadlineLineSource(history: history)
            var keys = TerminalKeys()
            session.run(lines: &lines, keys: &keys, output: &output)
        } else {
            var lines = StandardInputLineSource()
            session.run(lines: &lines, output: &output)
        }
    }
}
