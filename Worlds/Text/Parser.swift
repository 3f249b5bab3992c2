import DelveCore

/// Turns what a player types into a `Command`, or says plainly why it cannot.
///
/// Words are lowercased and stripped of punctuation; articles are dropped.
/// Verbs have synonyms (`x` for examine, `get` for take, `n` for go north);
/// things are named by any of their words ("take red key", "take key"), and
/// only things the player can see count. A name that fits several things
/// asks which one.
enum Parser {
    /// The parse of one input: a command, or the feedback explaining why not.
    enum Outcome: Sendable, Hashable {
        case command(Command)
        case failure(String)
    }

    private static let articles: Set<Substring> = ["the", "a", "an", "some", "to"]

    /// Parses `input` against what the player can see in `s`. `terse`
    /// answers an empty line or an unknown verb without suggesting commands,
    /// as TextWorld's parser does (the balrog profile).
    static func parse(_ input: String, _ s: TextState, terse: Bool = false) -> Outcome {
        let normalized = ActionMatcher.normalize(input)
        let words = normalized.split(separator: " ").filter { !articles.contains($0) }
        guard let verb = words.first else {
            return .failure(terse ? "I beg your pardon?" : "I beg your pardon? Type a command, such as look, go north or take the key.")
        }
        let rest = Array(words.dropFirst())
        if let d = Direction(word: verb), rest.isEmpty { return .command(.go(d)) }
        switch verb {
        case "go", "walk", "move", "run", "head":
            guard let word = rest.first else { return .failure("Go where? Say a direction, such as go north.") }
            guard rest.count == 1, let d = Direction(word: word) else {
                return .failure("'\(shown(rest.joined(separator: " ")))' is not a direction; try north, south, east, west, up or down.")
            }
            return .command(.go(d))
        case "look", "l":
            if rest.isEmpty { return .command(.look) }
            return one(rest.first == "at" ? Array(rest.dropFirst()) : rest, s, verb: "look at") { .examine($0) }
        case "inventory", "i", "inv":
            return rest.isEmpty ? .command(.inventory) : .failure("Just type inventory to see what you carry.")
        case "examine", "x", "inspect", "read", "check", "describe":
            return one(rest, s, verb: "examine") { .examine($0) }
        case "take", "get", "grab", "pick":
            let phrase = verb == "pick" && rest.first == "up" ? Array(rest.dropFirst()) : rest
            return two(phrase, s, verb: "take", joiners: ["from", "off", "out", "of"], optional: true) { .take($0, from: $1) }
        case "drop", "discard":
            return one(rest, s, verb: "drop") { .drop($0) }
        case "put", "place", "set", "insert", "stow":
            if verb == "put", rest.last == "down" { return one(Array(rest.dropLast()), s, verb: "drop") { .drop($0) } }
            guard let split = rest.firstIndex(where: { ["on", "onto", "in", "into", "inside"].contains($0) }) else {
                if rest.isEmpty { return .failure("What do you want to \(verb)?") }
                return .failure("Where do you want to \(verb) it? Say \(verb) X on Y, or insert X into Y.")
            }
            let onto = rest[split] == "on" || rest[split] == "onto"
            return two(rest, s, verb: String(verb), joiners: [rest[split]], optional: false) { a, b in
                guard let b else { return .drop(a) }
                return onto ? .put(a, on: b) : .insert(a, into: b)
            }
        case "open":
            return one(rest, s, verb: "open") { .open($0) }
        case "close", "shut":
            return one(rest, s, verb: "close") { .close($0) }
        case "unlock":
            guard rest.contains("with") else {
                return rest.isEmpty ? .failure("What do you want to unlock?") : .failure("What do you want to unlock it with? Say unlock X with Y.")
            }
            return two(rest, s, verb: "unlock", joiners: ["with"], optional: false) { a, b in .unlock(a, with: b ?? a) }
        case "eat", "consume", "devour":
            return one(rest, s, verb: "eat") { .eat($0) }
        case "slice", "dice", "chop", "cut":
            guard let how = Cut.allCases.first(where: { $0.verb == verb }) else {
                return .failure("How do you want to cut it? Say slice, dice or chop.")
            }
            if rest.contains("with") {
                return two(rest, s, verb: String(verb), joiners: ["with"], optional: false) { a, b in .cut(how, a, with: b ?? a) }
            }
            let knife = s.inventory.first { s.things[$0].isKnife }
            guard let knife else {
                return rest.isEmpty ? .failure("What do you want to \(verb)?") : .failure("You need to hold a knife to \(verb) anything.")
            }
            return one(rest, s, verb: String(verb)) { .cut(how, $0, with: knife) }
        case "cook", "fry", "roast", "grill", "bake":
            return cook(verb, rest, s)
        case "prepare", "make":
            return rest.isEmpty || rest == ["meal"] ? .command(.prepareMeal) : .failure("You can only prepare the meal.")
        default:
            if terse { return .failure("That is not a verb I know.") }
            return .failure("I don't know the verb '\(shown(verb))'. Try look, go north, examine X, take X, open X or inventory.")
        }
    }

    private static func cook(_ verb: Substring, _ rest: [Substring], _ s: TextState) -> Outcome {
        if rest.contains("with") || rest.contains("on") || rest.contains("in") {
            return two(rest, s, verb: String(verb), joiners: ["with", "on", "in"], optional: false) { a, b in .cook(a, with: b ?? a) }
        }
        if verb == "cook" {
            return rest.isEmpty ? .failure("What do you want to cook?") : .failure("Cook it with what? Say cook X with stove, oven or BBQ.")
        }
        let how: Cook = verb == "fry" ? .fried : verb == "grill" ? .grilled : .roasted
        let appliance = s.visible.first { s.things[$0].kind == .appliance(how) }
        guard let appliance else {
            return .failure("There is nothing here to \(verb) with; that takes \(["a stove", "an oven", "a BBQ"][how.rawValue]).")
        }
        return one(rest, s, verb: String(verb)) { .cook($0, with: appliance) }
    }

    /// A verb with one object.
    private static func one(_ phrase: [Substring], _ s: TextState, verb: String, _ make: (Int) -> Command) -> Outcome {
        if phrase.isEmpty { return .failure("What do you want to \(verb)?") }
        if phrase.contains("all") || phrase.contains("everything") {
            return .failure("One thing at a time, please: \(verb) X, naming it.")
        }
        switch resolve(phrase, s) {
        case let .success(i): return .command(make(i))
        case let .failure(why): return .failure(why.text)
        }
    }

    /// A verb with an object, a joining word and a second object (optional for `take X from Y`).
    private static func two(_ phrase: [Substring], _ s: TextState, verb: String, joiners: [Substring], optional: Bool,
                            _ make: (Int, Int?) -> Command) -> Outcome {
        guard let split = phrase.firstIndex(where: joiners.contains) else {
            return optional ? one(phrase, s, verb: verb) { make($0, nil) } : .failure("What do you want to \(verb)?")
        }
        let first = Array(phrase[..<split]), second = Array(phrase[(split + 1)...]).filter { !joiners.contains($0) }
        if first.isEmpty { return .failure("What do you want to \(verb)?") }
        if second.isEmpty { return .failure("\(Rules.capitalized(verb)) it \(phrase[split]) what?") }
        switch (resolve(first, s), resolve(second, s)) {
        case let (.success(a), .success(b)): return .command(make(a, b))
        case let (.failure(why), _), let (_, .failure(why)): return .failure(why.text)
        }
    }

    /// Typed text quoted back, cut to 40 characters.
    private static func shown<S: StringProtocol>(_ text: S) -> String {
        text.count > 40 ? String(text.prefix(37)) + "..." : String(text)
    }

    /// Why a name named no single visible thing.
    struct NameError: Error {
        var text: String
    }

    /// The visible thing a phrase names: every word of the phrase must be a
    /// word of the thing's name; an exact full name wins over partial fits.
    static func resolve(_ phrase: [Substring], _ s: TextState) -> Result<Int, NameError> {
        var fits: [Int] = []
        var exact: [Int] = []
        for i in s.visible {
            let words = s.things[i].words
            if phrase.allSatisfy(words.contains) {
                fits.append(i)
                if words == phrase { exact.append(i) }
            }
        }
        if exact.count == 1 { return .success(exact[0]) }
        switch fits.count {
        case 0: return .failure(NameError(text: "You can't see any \(shown(phrase.joined(separator: " "))) here."))
        case 1: return .success(fits[0])
        default:
            let names = fits.map { s.things[$0].definite }
            return .failure(NameError(text: "Which do you mean: \(names.dropLast().joined(separator: ", ")) or \(names[names.count - 1])?"))
        }
    }
}
