import CReadline
import Foundation

/// Lines from GNU readline, for a person at a terminal: line editing, history
/// that persists in a `HistoryFile`, and TAB completion of the whole line
/// among the legal actions and the `:commands`.
///
/// Readline is one per process; make one of these at a time.
public struct ReadlineLineSource: LineSource {
    private var history: HistoryFile?
    private var lastLine: String?

    /// Configures readline and loads `history` into it; nil keeps no history.
    public init(history: HistoryFile?) {
        self.history = history
        lastLine = history?.entries.last
        delve_rl_configure(readlineCompletion)
        using_history()
        stifle_history(Int32(history?.capacity ?? HistoryFile.defaultCapacity))
        for entry in history?.entries ?? [] {
            add_history(entry)
        }
    }

    /// Reads one line with readline. At Ctrl-D on an empty line, ends the
    /// prompt's line and returns nil.
    public mutating func readLine(prompt: String, completions: [String]) -> String? {
        CompletionCandidates.current = completions
        guard let raw = readline(prompt) else {
            var output = StandardOutput()
            output.write("\n")
            return nil
        }
        let line = String(cString: raw)
        free(raw)
        remember(line)
        return line
    }

    /// Adds `line` to readline's history and to the file, unless it is blank
    /// or repeats the line before. A file that cannot be written is reported
    /// once on standard error and then no longer used.
    private mutating func remember(_ line: String) {
        guard line.contains(where: { !$0.isWhitespace }), line != lastLine else { return }
        lastLine = line
        add_history(line)
        guard var file = history else { return }
        do {
            try file.record(line)
            history = file
        } catch {
            FileHandle.standardError.write(Data("delve: cannot write history to \(file.url.path): \(error.localizedDescription); history is off for this session\n".utf8))
            history = nil
        }
    }
}

/// The completions offered at the current prompt.
///
/// Readline's completion hook is a C function pointer with no context
/// argument, so what it completes among has to live in a global. Readline
/// calls the hook synchronously from inside `readline()`, on the thread that
/// called it, and `ReadlineLineSource.readLine` sets this value on that same
/// thread just before: no two accesses can overlap, which is why
/// `nonisolated(unsafe)` is sound here. Nothing else reads or writes it.
private enum CompletionCandidates {
    nonisolated(unsafe) static var current: [String] = []
}

/// Readline's attempted-completion hook: completes the whole line typed so far
/// (`delve_rl_configure` makes the whole line one word, so `text` is all of
/// it) among `CompletionCandidates.current`, as `LineCompletion` decides.
/// Returns a malloc'd, NULL-terminated array of malloc'd strings, which
/// readline frees; NULL when nothing fits.
private func readlineCompletion(
    _ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32
) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    delve_rl_completion_only_ours()
    let typed = text.map { String(cString: $0) } ?? ""
    let completions = LineCompletion.complete(typed, among: CompletionCandidates.current)
    guard !completions.isEmpty,
          let memory = malloc(MemoryLayout<UnsafeMutablePointer<CChar>?>.stride * (completions.count + 1))
    else { return nil }
    let array = memory.bindMemory(to: UnsafeMutablePointer<CChar>?.self, capacity: completions.count + 1)
    for (index, completion) in completions.enumerated() {
        array[index] = strdup(completion)
    }
    array[completions.count] = nil
    return array
}
