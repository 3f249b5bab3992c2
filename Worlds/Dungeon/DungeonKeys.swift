import DelveCore

/// The dungeon's single keys for `delve play`: NetHack's.
///
/// In the `delve` profile a key plays a whole command: `hjklyubn` (or the
/// arrows) move, the capitals run, and the item and door commands ask for an
/// inventory letter and a direction the way NetHack does (`e` then `d` eats
/// item d). WASD are not movement keys here, as in NetHack, where `w`, `a`,
/// `s` and `d` wield, apply, search and drop. In the `balrog` profile every
/// key is one keystroke of BALROG's NetHack vocabulary, as NLE plays it.
extension DungeonWorld: KeyPlayable {
    /// The eight move keys, in `Direction` order (north first, clockwise).
    static let moveKeys: [Key] = BalrogKeys.directionKeys.compactMap(key(forStroke:))
    /// The eight run keys, in `Direction` order.
    static let runKeys: [Key] = BalrogKeys.runKeys.compactMap(key(forStroke:))
    /// The arrows, with the direction each moves, in the order of `hjkl`.
    static let arrows: [(Key, Direction)] = [(.left, .west), (.down, .south), (.up, .north), (.right, .east)]
    /// The directions in the order NetHack's keys are known by: `hjklyubn`.
    static let keyOrder: [Direction] = [.west, .south, .north, .east, .northwest, .northeast, .southwest, .southeast]

    /// The `delve` profile's table: NetHack's one-key commands that the dungeon plays.
    static let keyTable: [KeyBinding] = keyOrder.map { KeyBinding([moveKeys[$0.rawValue]], $0.name, label: "move") }
        + arrows.map { KeyBinding([$0.0], $0.1.name, label: "move") }
        + keyOrder.map { KeyBinding([runKeys[$0.rawValue]], "far " + $0.name, label: "run") }
        + [
            KeyBinding([.character("s")], "search"),
            KeyBinding([.character(".")], "wait"),
            KeyBinding([.character(",")], "pick up"),
            KeyBinding([.character(":")], "look"),
            KeyBinding([.character(">")], "go down"),
            KeyBinding([.character("<")], "go up"),
            KeyBinding([.character("e")], "eat", asks: [.item]),
            KeyBinding([.character("q")], "quaff", asks: [.item]),
            KeyBinding([.character("r")], "read", asks: [.item]),
            KeyBinding([.character("w")], "wield", asks: [.item]),
            KeyBinding([.character("W"), .character("P")], "wear", asks: [.item]),
            KeyBinding([.character("T"), .character("R")], "take off", asks: [.item]),
            KeyBinding([.character("d")], "drop", asks: [.item]),
            KeyBinding([.character("z")], "zap", asks: [.item, .direction]),
            KeyBinding([.character("a")], "apply", asks: [.item, .direction]),
            KeyBinding([.character("t"), .character("f")], "throw", asks: [.item, .direction]),
            KeyBinding([.character("o")], "open", asks: [.direction]),
            KeyBinding([.character("c")], "close", asks: [.direction]),
            KeyBinding([.control("d")], "kick", asks: [.direction]),
            KeyBinding([.meta("p")], "pray"),
        ]

    /// The keys that answer "In what direction?": the move keys and the arrows.
    static let directionKeys: [(Key, String)] = keyOrder.map { (moveKeys[$0.rawValue], $0.name) }
        + arrows.map { ($0.0, $0.1.name) }

    /// The `balrog` profile's keys: each word of the task's vocabulary on the
    /// key NLE sends for it (`BalrogKeys`), the arrows on the four moves.
    var balrogKeyMap: KeyMap {
        let vocabulary = Set(task.balrogVocabulary)
        var bindings: [KeyBinding] = []
        var taken = Set<Key>()
        let moves = Set(Direction.allCases.map(\.name))
        for (word, stroke) in BalrogKeys.useful + BalrogKeys.letters.map({ ($0, $0) }) + BalrogKeys.digits.map({ ($0, $0) })
        where vocabulary.contains(word) {
            guard let key = Self.key(forStroke: stroke), taken.insert(key).inserted else { continue }
            // NLE's own `move` (m, the prefix that moves without picking up or fighting) is not the eight moves.
            let label = moves.contains(word) ? "move" : word.hasPrefix("far ") ? "run" : word == "move" ? "move (prefix m)" : word
            bindings.append(KeyBinding([key], word, label: label))
        }
        for (arrow, direction) in Self.arrows where vocabulary.contains(direction.name) {
            bindings.append(KeyBinding([arrow], direction.name, label: "move"))
        }
        return KeyMap(bindings)
    }

    /// The key that types an NLE keystroke as `BalrogKeys` writes it (`k`, `^d`, `M-p`, `^[`, `\r`).
    static func key(forStroke stroke: String) -> Key? {
        switch stroke {
        case "\r": return .enter
        case "^[": return .escape
        default: break
        }
        let characters = Array(stroke)
        if characters.count == 1 { return .character(characters[0]) }
        if characters.count == 2, characters[0] == "^" { return .control(Character(characters[1].lowercased())) }
        if characters.count == 3, stroke.hasPrefix("M-") { return .meta(characters[2]) }
        return nil
    }

    /// NetHack's keys for this profile.
    public var keyMap: KeyMap {
        profile == .balrog ? balrogKeyMap : KeyMap(Self.keyTable, directions: Self.directionKeys)
    }
}
