import DelveCore

/// A `:command` typed at the play prompt instead of an action.
public enum ColonCommand: Sendable, Hashable {
    /// List the actions and the commands.
    case help
    /// Show or hide the map.
    case map
    /// Play with single keys (where the world has them).
    case keys
    /// Show the messages of the episode so far.
    case messages
    /// Take back the last step.
    case undo
    /// Start the same seed again.
    case restart
    /// Start a new episode with this seed.
    case seed(UInt64)
    /// Leave the game.
    case quit

    /// One row of the command table: what is typed, how, and what it does.
    struct Entry: Sendable {
        let name: String
        let usage: String
        let summary: String
        /// The command, for commands that take no argument.
        let command: ColonCommand?
    }

    /// Every command, in the order `:help` lists them; the one place they are named.
    static let table: [Entry] = [
        Entry(name: ":help", usage: ":help", summary: "list the actions and these commands", command: .help),
        Entry(name: ":map", usage: ":map", summary: "show or hide the map", command: .map),
        Entry(name: ":keys", usage: ":keys", summary: "play with single keys (` in key mode comes back here)", command: .keys),
        Entry(name: ":messages", usage: ":messages", summary: "show the messages so far (the last \(PlaySession.messageHistory))",
              command: .messages),
        Entry(name: ":undo", usage: ":undo", summary: "take back the last step", command: .undo),
        Entry(name: ":restart", usage: ":restart", summary: "play the same seed again from the start", command: .restart),
        Entry(name: ":seed", usage: ":seed N", summary: "start a new episode with seed N", command: nil),
        Entry(name: ":quit", usage: ":quit", summary: "leave (Ctrl-D does too)", command: .quit),
    ]

    /// Whether the command leaves the episode's steps as they were not played
    /// (`:undo`, `:restart`, `:seed`), which a recorded baseline refuses.
    public var changesEpisode: Bool {
        switch self {
        case .undo, .restart, .seed: true
        case .help, .map, .keys, .messages, .quit: false
        }
    }

    /// The command names, for TAB completion.
    public static var names: [String] { table.map(\.name) }

    /// Parses a line that starts with `:`. A command may be shortened to any
    /// unambiguous prefix (`:q` is `:quit`).
    ///
    /// - Throws: a `ColonCommandError` whose description is one line naming the problem.
    public static func parse(_ line: String) throws(ColonCommandError) -> ColonCommand {
        let words = line.split(whereSeparator: \.isWhitespace).map(String.init)
        guard let typed = words.first?.lowercased() else { throw .unknown(line) }
        let fits = table.filter { $0.name.hasPrefix(typed) }
        guard typed.count > 1, fits.count == 1, let entry = fits.first else { throw .unknown(typed) }
        let arguments = words.dropFirst()
        guard let command = entry.command else {
            // The one command with an argument: `:seed N`.
            guard arguments.count == 1, let text = arguments.first, let seed = UInt64(text), Seeds.range.contains(seed) else {
                throw .badSeed(arguments.joined(separator: " "))
            }
            return .seed(seed)
        }
        guard arguments.isEmpty else { throw .unexpectedArgument(entry.name) }
        return command
    }
}

/// Why a `:command` line was refused.
public enum ColonCommandError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No command has this name.
    case unknown(String)
    /// `:seed` without a seed in `Seeds.range`.
    case badSeed(String)
    /// An argument given to a command that takes none.
    case unexpectedArgument(String)

    /// One line naming the problem and what would work.
    public var description: String {
        switch self {
        case let .unknown(name):
            let usages = ColonCommand.table.map(\.usage).joined(separator: ", ")
            return "Unknown command '\(name)'. Commands: \(usages)."
        case let .badSeed(text):
            let given = text.isEmpty ? "nothing" : "'\(text)'"
            return ":seed needs one whole number from 0 to \(Seeds.range.upperBound), got \(given). Example: :seed 9"
        case let .unexpectedArgument(name):
            return "\(name) takes no argument."
        }
    }
}
