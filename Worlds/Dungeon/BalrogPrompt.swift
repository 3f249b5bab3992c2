/// NetHack's questions, for the `balrog` profile: a command key that needs an
/// object or a direction asks for it (`What do you want to eat? [d or ?*]`,
/// `In what direction?`), and the next keystroke answers. Asking takes no
/// game time; ESC cancels (`Never mind.`).
enum BalrogPrompt: Sendable, Hashable {
    /// Which object, for an item command (`verb` is the command key: `e`, `q`, `z`, ...).
    case object(verb: String)
    /// Which direction, for a door command or an aimed object.
    case direction(verb: String, letter: Character?)
    /// "Drink from the fountain?": `y` drinks, `n` asks which potion.
    case fountain
    /// Climbing out of level 1 without the Amulet ends the game: `y` climbs, any other key stays.
    case leave
    /// Engraving: what to write with (`-` for a finger, or an object's letter).
    case engraveWith
    /// Engraving: the text, typed key by key until Enter (`more`) writes it, a turn's work, or ESC cancels.
    case engraveText

    /// What a keystroke does.
    enum Outcome: Sendable, Hashable {
        /// Play the command.
        case play(Command)
        /// Ask a question: the prompt and its line.
        case ask(BalrogPrompt, String)
        /// No game time passes; the line is the message (empty for none).
        case say(String)
    }

    /// The item commands: key, question, the classes offered, and whether a direction follows.
    private static let itemVerbs: [String: (question: String, offers: @Sendable (Item, Hero) -> Bool, aimed: Bool)] = [
        "e": ("What do you want to eat?", { i, _ in i.itemClass == .food }, false),
        "q": ("What do you want to drink?", { i, _ in i.itemClass == .potion }, false),
        "r": ("What do you want to read?", { i, _ in i.itemClass == .scroll }, false),
        "w": ("What do you want to wield?", { i, h in i.itemClass == .weapon && h.wielded != i.letter }, false),
        "W": ("What do you want to wear?", { i, h in i.itemClass == .armor && !h.worn.contains(i.letter) }, false),
        "T": ("What do you want to take off?", { i, h in h.worn.contains(i.letter) }, false),
        "d": ("What do you want to drop?", { i, h in !h.worn.contains(i.letter) }, false),
        "z": ("What do you want to zap?", { i, _ in i.itemClass == .wand }, true),
        "a": ("What do you want to use or apply?", { i, _ in i.itemClass == .tool }, true),
        "t": ("What do you want to throw?", { i, h in i.itemClass == .weapon && h.wielded != i.letter }, true),
        "f": ("What do you want to fire?", { i, h in i.itemClass == .weapon && h.wielded != i.letter }, true),
    ]
    /// What NetHack says when nothing in the pack fits.
    private static let nothingTo: [String: String] = [
        "e": "You don't have anything to eat.", "q": "You don't have anything to drink.",
        "r": "You don't have anything to read.", "w": "You don't have anything else to wield.",
        "W": "You don't have anything else to wear.", "T": "You're not wearing anything.",
        "d": "You don't have anything to drop.", "z": "You don't have anything to zap.",
        "a": "You don't have anything to use or apply.", "t": "You don't have anything to throw.",
        "f": "You have no ammunition readied.",
    ]

    /// A keystroke with no question pending.
    static func command(_ key: String, _ game: DungeonGame) -> Outcome {
        if let d = BalrogKeys.direction(key) { return .play(.move(d)) }
        if let i = BalrogKeys.runKeys.firstIndex(of: key), let d = Direction(rawValue: i) { return .play(.far(d)) }
        switch key {
        case "s": return .play(.search)
        case ".": return .play(.wait)
        case ",": return .play(.pickUp)
        case ":": return .play(.look)
        case ">": return .play(.down)
        case "<" where game.depth == 1 && game.level[game.hero.pos] == .stairsUp && game.amuletDepth == nil:
            return .ask(.leave, "Beware, there will be no return! Still climb? [yn] (n)")
        case "<": return .play(.up)
        case "M-p": return .play(.pray)
        case "o": return .ask(.direction(verb: "o", letter: nil), "In what direction?")
        case "c": return .ask(.direction(verb: "c", letter: nil), "In what direction?")
        case "^d": return .ask(.direction(verb: "^d", letter: nil), "In what direction?")
        case "E":
            let letters = BalrogPrompt.ranges(game.hero.inventory.map(\.letter))
            return .ask(.engraveWith, "What do you want to write with? [- \(letters) or ?*]")
        case "q" where game.level[game.hero.pos] == .fountain:
            return .ask(.fountain, "Drink from the fountain? [yn] (n)")
        case "^[", "\r", " ": return .say("")
        default:
            if itemVerbs[key] != nil { return askObject(key, game) }
            if key.count == 1, let c = key.first, c.isNumber { return .say("") }
            return .say("That command has no use in this dungeon.")
        }
    }

    /// The question for an item command, or NetHack's line when nothing fits.
    static func askObject(_ verb: String, _ game: DungeonGame) -> Outcome {
        guard let entry = itemVerbs[verb] else { return .say("") }
        let letters = game.hero.inventory.filter { entry.offers($0, game.hero) }.map(\.letter)
        guard !letters.isEmpty else { return .say(nothingTo[verb] ?? "") }
        return .ask(.object(verb: verb), "\(entry.question) [\(ranges(letters)) or ?*]")
    }

    /// A keystroke answering this question.
    func answer(_ key: String, _ game: DungeonGame) -> Outcome {
        if key == "^[" { return .say("Never mind.") }
        switch self {
        case .leave:
            return key == "y" ? .play(.up) : .say("")
        case .engraveWith:
            guard key == "-" || (key.count == 1 && key.first.map { game.hero.item($0) != nil } == true) else {
                return .ask(self, "You don't have that object. What do you want to write with? [- or ?*]")
            }
            return .ask(.engraveText, "You write in the dust with \(key == "-" ? "your fingertip" : "it"). What do you want to write in the dust here?")
        case .engraveText:
            return key == "\r" ? .play(.wait) : .ask(self, "What do you want to write in the dust here?")
        case .fountain:
            if key == "y" { return .play(.drinkFountain) }
            if key == "n" { return BalrogPrompt.askObject("q", game) }
            return .ask(self, "Drink from the fountain? [yn] (n)")
        case let .object(verb):
            guard key.count == 1, let letter = key.first, game.hero.item(letter) != nil,
                  let entry = BalrogPrompt.itemVerbs[verb] else {
                let again = BalrogPrompt.askObject(verb, game)
                if case let .ask(prompt, line) = again { return .ask(prompt, "You don't have that object. " + line) }
                return again
            }
            if entry.aimed { return .ask(.direction(verb: verb, letter: letter), "In what direction?") }
            switch verb {
            case "e": return .play(.eat(letter))
            case "q": return .play(.quaff(letter))
            case "r": return .play(.read(letter))
            case "w": return .play(.wield(letter))
            case "W": return .play(.wear(letter))
            case "T": return .play(.takeOff(letter))
            default: return .play(.drop(letter))
            }
        case let .direction(verb, letter):
            guard let d = BalrogKeys.direction(key) else { return .say("What a strange direction! Never mind.") }
            switch (verb, letter) {
            case ("o", _): return .play(.open(d))
            case ("c", _): return .play(.close(d))
            case ("^d", _): return .play(.kick(d))
            case let ("z", l?): return .play(.zap(l, d))
            case let ("a", l?): return .play(.apply(l, d))
            case let (_, l?): return .play(.throwAt(l, d))
            default: return .say("Never mind.")
            }
        }
    }

    /// Letters as NetHack lists them: runs of three or more as `a-d`.
    static func ranges(_ letters: [Character]) -> String {
        var out = "", i = 0
        let codes = letters.compactMap(\.asciiValue)
        while i < codes.count {
            var j = i
            while j + 1 < codes.count && codes[j + 1] == codes[j] + 1 { j += 1 }
            if j - i >= 2 {
                out += "\(Character(UnicodeScalar(codes[i])))-\(Character(UnicodeScalar(codes[j])))"
            } else {
                for k in i...j { out.append(Character(UnicodeScalar(codes[k]))) }
            }
            i = j + 1
        }
        return out
    }
}
