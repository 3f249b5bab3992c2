/// One key a person presses at the terminal in `delve play`.
public enum Key: Sendable, Hashable, CustomStringConvertible {
    /// A printable character, as typed (case kept).
    case character(Character)
    /// The arrow keys.
    case up, down, left, right
    /// Page Up and Page Down.
    case pageUp, pageDown
    /// Enter, Escape, Tab, Backspace.
    case enter, escape, tab, backspace
    /// Control and a letter (lower case): `control("d")` is Ctrl-D.
    case control(Character)
    /// Meta (Alt) and a character: `meta("p")` is M-p.
    case meta(Character)

    /// How the key is written in help lines: `w`, `↑`, `Enter`, `Ctrl-D`, `M-p`, `Space`.
    public var description: String {
        switch self {
        case let .character(c): c == " " ? "Space" : String(c)
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backspace: "Backspace"
        case let .control(c): "Ctrl-" + String(c).uppercased()
        case let .meta(c): "M-" + String(c)
        }
    }
}

/// What a key binding asks before its action is whole, as NetHack asks
/// "What do you want to eat?" after `e`.
public enum KeyQuestion: String, Sendable, Hashable {
    /// An inventory letter, answered with that letter's key.
    case item
    /// A direction, answered with one of the key map's direction keys.
    case direction
}

/// One row of a family's key table: the keys, the action they play, and what
/// the action still needs.
public struct KeyBinding: Sendable, Hashable {
    /// The keys that play it.
    public var keys: [Key]
    /// The action, as typed; with questions, its first words, the answers following.
    public var action: String
    /// What is asked, in order, before the action is played.
    public var asks: [KeyQuestion]
    /// The words shown for it in help lines; bindings with the same label are shown together.
    public var label: String

    /// A binding; `label` defaults to the action.
    public init(_ keys: [Key], _ action: String, asks: [KeyQuestion] = [], label: String? = nil) {
        self.keys = keys
        self.action = action
        self.asks = asks
        self.label = label ?? action
    }
}

/// A family's single keys for `delve play`: a table of bindings, and the keys
/// that answer a direction question.
public struct KeyMap: Sendable, Hashable {
    /// The bindings, in the order help lists them.
    public var bindings: [KeyBinding]
    private let directionTable: [DirectionKey]

    private struct DirectionKey: Sendable, Hashable {
        var key: Key
        var word: String
    }

    /// A key map; `directions` answer `KeyQuestion.direction`.
    public init(_ bindings: [KeyBinding], directions: [(Key, String)] = []) {
        self.bindings = bindings
        directionTable = directions.map { DirectionKey(key: $0.0, word: $0.1) }
    }

    /// The binding `key` plays, the first in the table when several list it.
    public func binding(for key: Key) -> KeyBinding? {
        bindings.first { $0.keys.contains(key) }
    }

    /// The direction word `key` answers, when it is a direction key.
    public func direction(for key: Key) -> String? {
        directionTable.first { $0.key == key }?.word
    }

    /// The direction keys as help writes them (`hjklyubn/←/↓/↑/→`).
    public var directionKeys: String { Self.written(directionTable.map(\.key)) }

    /// The bindings as help shows them: each label once, in table order, after
    /// the keys of every binding with that label (`←/a turn left`).
    public var helpEntries: [String] {
        var labels: [String] = []
        var keys: [String: [Key]] = [:]
        for binding in bindings {
            if keys[binding.label] == nil { labels.append(binding.label) }
            keys[binding.label, default: []] += binding.keys
        }
        return labels.map { Self.written(keys[$0] ?? []) + " " + $0 }
    }

    /// Keys as help writes them, set apart by `/`; four or more single
    /// characters in a row are written together (`hjklyubn/←/↓/↑/→`).
    static func written(_ keys: [Key]) -> String {
        var parts: [String] = []
        var run = ""
        func endRun() {
            if run.count >= 4 { parts.append(run) } else { parts += run.map(String.init) }
            run = ""
        }
        for key in keys {
            if case let .character(c) = key, c != " " {
                run.append(c)
                continue
            }
            endRun()
            parts.append(key.description)
        }
        endRun()
        return parts.joined(separator: "/")
    }
}

/// A world a person can play with single keys in `delve play`.
public protocol KeyPlayable: World {
    /// The keys for the current task and profile.
    var keyMap: KeyMap { get }
}
