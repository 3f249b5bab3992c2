import DelveCore
import DelveFormats

/// Formats what `delve play` shows: a turn's screen, help, one-line notes.
/// Color (ANSI escapes) is used only when `color` is set, and sparingly:
/// headings, labels and the end-of-episode banner. The world's text and the
/// notes, which quote what the player typed, are shown with their control
/// characters made visible (`Escaping.terminal`).
public struct Screen: Sendable {
    /// Draw in ANSI color, with the world's colored map.
    public let color: Bool
    /// Clear the terminal before each turn's screen (on a terminal), instead
    /// of printing screens one after the other (in a pipe).
    public let clears: Bool
    /// The terminal's width in columns, which the key help line is broken to fit; nil in a pipe.
    public let width: Int?
    /// The prompt before each line the player types.
    public let prompt = "> "

    /// A screen with these choices.
    public init(color: Bool, clears: Bool, width: Int? = nil) {
        self.color = color
        self.clears = clears
        self.width = width
    }

    /// Plain text for pipes and scripts: no escapes at all.
    public static let plain = Screen(color: false, clears: false)

    /// The whole screen for the episode's current turn: title, map (when
    /// `showsMap`), what the player perceives, mission, status, progress and
    /// step counter, the last action's feedback, `notes`, and how the episode
    /// ended once it has, followed by `next` (by default, what may be typed then).
    public func turn(_ env: Env, showsMap: Bool, notes: [String], next: String? = nil) -> String {
        let observation = env.observation
        var out = clears ? ANSI.clear : "\n"
        out += paint("\(env.task.id)  seed \(env.seed)", ANSI.bold) + "\n\n"
        if showsMap {
            out += TerminalMap.text(env.world.map, style: color ? .ansi : .ascii) + "\n\n"
        }
        if !observation.text.isEmpty { out += Escaping.terminal(observation.text) + "\n\n" }
        out += labeled("Mission", observation.mission)
        if !observation.status.isEmpty { out += labeled("Status", observation.status) }
        out += labeled("Progress", "\(Self.percent(env.tracker.progress))/100   step \(env.steps)/\(env.budget)")
        if !observation.feedback.isEmpty { out += labeled("Feedback", observation.feedback) }
        for note in notes { out += Escaping.terminal(note) + "\n" }
        if let reason = env.endReason {
            out += "\n" + paint("Episode over: \(Self.describe(reason)).", reason == .success ? ANSI.green : ANSI.red)
            out += " Progress \(Self.percent(env.tracker.progress))/100 after \(env.steps)/\(env.budget) steps.\n"
            out += (next ?? "Type :restart to play seed \(env.seed) again, :seed N for another episode, :undo to step back, or :quit.") + "\n"
        }
        return out
    }

    /// An example of a start of one of `actions`: its first word and the
    /// next word's first letter (" (\"go f\")" for "go forward"); empty when
    /// no action has two words.
    static func startExample(_ actions: [String]) -> String {
        guard let action = actions.first(where: { $0.contains(" ") }), let space = action.firstIndex(of: " ") else { return "" }
        return " (\"" + action[...space] + String(action[action.index(after: space)...].prefix(1)) + "\")"
    }

    /// The `:help` text: the actions legal now, and the commands.
    public func help(actions: [String]) -> String {
        var out = paint("Actions", ANSI.bold) + "  " + actions.joined(separator: ", ") + "\n"
        out += "  Type one; an unambiguous start is enough\(Self.startExample(actions)), and TAB completes it.\n"
        out += paint("Commands", ANSI.bold) + "\n"
        let width = ColonCommand.table.map(\.usage.count).max() ?? 0
        for entry in ColonCommand.table {
            out += "  " + entry.usage.padding(to: width) + "   " + entry.summary + "\n"
        }
        return out
    }

    /// The line refusing an action after the episode ended; in key mode
    /// (`keys`) it says how to get to the typed commands.
    public func refusal(_ reason: EndReason, keys: Bool = false) -> String {
        let typed = keys ? "Press \(PlaySession.switchKey) and type" : "Type"
        return "The episode is over (\(Self.describe(reason))). \(typed) :restart, :seed N, :undo or :quit.\n"
    }

    /// Key mode's help line: the world's keys, then play's own (`switchKey`
    /// for typed commands, `?` for every key, Ctrl-C to quit). A long key map
    /// shows its first entries and leaves the rest to `?`. With a `width`,
    /// the line breaks between entries to fit it.
    public func keyLine(_ keyMap: KeyMap, switchKey: Key) -> String {
        let entries = keyMap.helpEntries
        let shown = entries.count > Self.keyLineEntries ? Array(entries.prefix(Self.keyLineEntries)) + ["…"] : entries
        let parts = shown + ["|", "\(switchKey) typed commands", "? all keys", "Ctrl-C quit"]
        let indent = String(repeating: " ", count: 10)
        var lines: [String] = []
        var line = ""
        for part in parts {
            if !line.isEmpty, let width, indent.count + line.count + 2 + part.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : "  ") + part
        }
        lines.append(line)
        return paint("Keys".padding(to: 9), ANSI.cyan) + " " + lines.joined(separator: "\n" + indent)
    }

    /// How many of a key map's entries the help line shows.
    static let keyLineEntries = 24

    /// Every key of `keyMap`, one entry a line, and play's own keys: what `?` shows in key mode.
    public func keyHelp(_ keyMap: KeyMap, switchKey: Key) -> String {
        var out = paint("Keys", ANSI.bold) + "  (a key that means nothing uses no step)\n"
        for entry in keyMap.helpEntries { out += "  " + entry + "\n" }
        if !keyMap.directionKeys.isEmpty { out += "  Directions, when asked: \(keyMap.directionKeys); Esc cancels.\n" }
        out += "  \(switchKey) typed commands (:undo, :restart, :seed N, …; \(switchKey) or :keys comes back)\n"
        out += "  ? this list   Ctrl-C quit (Ctrl-D too, where no key above is Ctrl-D)\n"
        return out
    }

    /// The last line, when the player leaves.
    public func farewell(_ env: Env) -> String {
        "Bye. \(env.task.id) seed \(env.seed): step \(env.steps)/\(env.budget), progress \(Self.percent(env.tracker.progress))/100.\n"
    }

    /// How an episode ended, in words.
    static func describe(_ reason: EndReason) -> String {
        switch reason {
        case .success: return "success, the mission is accomplished"
        case .failure: return "failure, the mission can no longer be accomplished"
        case .death: return "death, you died"
        case .budget: return "out of steps, the step budget ran out"
        case .aborted: return "stopped"
        case .agentError: return "agent error"
        }
    }

    /// Progress as people read it: "40", "33.3".
    static func percent(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        return tenths.truncatingRemainder(dividingBy: 10) == 0 ? String(Int(tenths / 10)) : String(tenths / 10)
    }

    private func labeled(_ label: String, _ value: String) -> String {
        paint(label.padding(to: 9), ANSI.cyan) + " " + Escaping.terminal(value) + "\n"
    }

    private func paint(_ text: String, _ code: String) -> String {
        color ? code + text + ANSI.reset : text
    }
}

/// The few ANSI escape sequences the screen uses.
private enum ANSI {
    static let clear = "\u{1B}[H\u{1B}[2J"
    static let reset = "\u{1B}[0m"
    static let bold = "\u{1B}[1m"
    static let cyan = "\u{1B}[36m"
    static let green = "\u{1B}[1;32m"
    static let red = "\u{1B}[1;31m"
}

private extension String {
    /// The string followed by spaces up to `width` characters.
    func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
