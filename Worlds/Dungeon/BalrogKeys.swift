/// BALROG's NetHack action words and the keystrokes they stand for.
///
/// BALROG's NLE language wrapper sends every action word as one NetHack
/// keystroke (`north` is `k`, `eat` is `e`, `esc` is ESC, the letter `d`
/// is `d`), and NetHack reads the keystroke as a command or, while it asks
/// something, as the answer. The `balrog` profile plays the dungeon the same
/// way: `BalrogPrompt` turns keystrokes into the engine's `Command`s.
enum BalrogKeys {
    /// The words of NLE's useful actions, in NLE's order, with their keystrokes (`M-p` is Meta-p, `^d` Control-d).
    static let useful: [(word: String, key: String)] = [
        ("north", "k"), ("east", "l"), ("south", "j"), ("west", "h"), ("northeast", "u"), ("southeast", "n"),
        ("southwest", "b"), ("northwest", "y"), ("far north", "K"), ("far east", "L"), ("far south", "J"),
        ("far west", "H"), ("far northeast", "U"), ("far southeast", "N"), ("far southwest", "B"),
        ("far northwest", "Y"), ("up", "<"), ("down", ">"), ("wait", "."), ("more", "\r"), ("adjust", "M-a"),
        ("apply", "a"), ("attributes", "^x"), ("call", "C"), ("cast", "Z"), ("chat", "M-c"), ("close", "c"),
        ("dip", "M-d"), ("drop", "d"), ("droptype", "D"), ("eat", "e"), ("engrave", "E"), ("enhance", "M-e"),
        ("esc", "^["), ("fight", "F"), ("fire", "f"), ("force", "M-f"), ("inventory", "i"), ("inventtype", "I"),
        ("invoke", "M-i"), ("jump", "M-j"), ("kick", "^d"), ("look", ":"), ("loot", "M-l"), ("monster", "M-m"),
        ("move", "m"), ("movefar", "M"), ("offer", "M-o"), ("open", "o"), ("pay", "p"), ("pickup", ","),
        ("pray", "M-p"), ("puton", "P"), ("quaff", "q"), ("quiver", "Q"), ("read", "r"), ("remove", "R"),
        ("ride", "M-R"), ("rub", "M-r"), ("rush", "g"), ("rush2", "G"), ("search", "s"), ("seearmor", "["),
        ("seerings", "="), ("seetools", "("), ("seetrap", "^"), ("seeweapon", ")"), ("shell", "!"), ("sit", "M-s"),
        ("swap", "x"), ("takeoff", "T"), ("takeoffall", "A"), ("throw", "t"), ("tip", "M-T"),
        ("turnundead", "M-t"), ("twoweapon", "X"), ("untrap", "M-u"), ("versionshort", "v"), ("wear", "W"),
        ("wield", "w"), ("wipe", "M-w"), ("zap", "z"), ("seespells", "+"), ("seeamulet", "\""),
        ("seegold", "$"), ("space", " "),
    ]

    private static let keyOfWord: [String: String] = Dictionary(useful.map { ($0.word, $0.key) }, uniquingKeysWith: { a, _ in a })

    /// The 52 letters, which BALROG's NetHack vocabulary adds as themselves.
    static let letters: [String] = (UInt8(ascii: "a")...UInt8(ascii: "z")).map { String(UnicodeScalar($0)) }
        + (UInt8(ascii: "A")...UInt8(ascii: "Z")).map { String(UnicodeScalar($0)) }
    /// `0`...`9`.
    static let digits: [String] = (0...9).map { "\($0)" }
    /// `00`...`99`: in BALROG's vocabulary, but NLE's wrapper maps none of them to a key.
    static let counts: [String] = (0...99).map { $0 < 10 ? "0\($0)" : "\($0)" }

    /// BALROG's NetHack language action space: NLE's useful actions, the letters, the digits and the two-digit counts.
    static let nethackVocabulary: [String] = useful.map(\.word) + letters + digits + counts

    /// What the random agent picks from in the `balrog` profile: the vocabulary without the two-digit counts,
    /// which NLE's wrapper refuses (docs/balrog/nle.md).
    static let nethackPlayable: [String] = useful.map(\.word) + letters + digits

    /// The keystroke a vocabulary word sends; nil for a word that sends none (the two-digit counts).
    static func key(_ word: String) -> String? {
        if let key = keyOfWord[word] { return key }
        if word.count == 1, let c = word.first, c.isASCII, c.isLetter || c.isNumber { return word }
        return nil
    }

    /// The first word of `vocabulary` that sends `key`, for the experts.
    static func word(for key: String, in vocabulary: [String]) -> String? {
        vocabulary.first { Self.key($0) == key }
    }

    /// The movement keys, in `Direction` order.
    static let directionKeys = ["k", "u", "l", "n", "j", "b", "h", "y"]
    /// The running keys, in `Direction` order.
    static let runKeys = ["K", "U", "L", "N", "J", "B", "H", "Y"]

    /// The direction a key means, when it is one of the eight movement keys.
    static func direction(_ key: String) -> Direction? {
        directionKeys.firstIndex(of: key).flatMap { Direction(rawValue: $0) }
    }

    /// The keystrokes that play a command in NetHack, starting from no question asked: the
    /// command key, then the answers (`eat d` is `e`, `d`; drinking from a fountain is `q`, `y`).
    static func keys(for command: Command, onFountain: Bool) -> [String] {
        switch command {
        case let .move(d): [directionKeys[d.rawValue]]
        case let .far(d): [runKeys[d.rawValue]]
        case .search: ["s"]
        case .wait: ["."]
        case .pickUp: [","]
        case .look: [":"]
        case .down: [">"]
        case .up: ["<"]
        case .drinkFountain: ["q", "y"]
        case .pray: ["M-p"]
        case let .eat(l): ["e", String(l)]
        case let .wield(l): ["w", String(l)]
        case let .wear(l): ["W", String(l)]
        case let .takeOff(l): ["T", String(l)]
        case let .quaff(l): onFountain ? ["q", "n", String(l)] : ["q", String(l)]
        case let .read(l): ["r", String(l)]
        case let .drop(l): ["d", String(l)]
        case let .zap(l, d): ["z", String(l), directionKeys[d.rawValue]]
        case let .apply(l, d): ["a", String(l), directionKeys[d.rawValue]]
        case let .throwAt(l, d): ["t", String(l), directionKeys[d.rawValue]]
        case let .open(d): ["o", directionKeys[d.rawValue]]
        case let .close(d): ["c", directionKeys[d.rawValue]]
        case let .kick(d): ["^d", directionKeys[d.rawValue]]
        }
    }
}
