/// The observation as BALROG's BabaIsAI wrapper writes it (the `balrog`
/// profile): the NOUN IS PROPERTY rules, then, row by row, the thing on top
/// of each cell if it is a ball, wall, door, key or word block, with its
/// offset from the first `you` object.
///
/// ```
/// Active rules:
/// baba is you
/// key is win
///
/// Objects on the map:
/// rule `key` 3 steps to the left and 2 steps up
/// ball 1 step to the right
/// ```
///
/// BALROG's wrapper takes as `you` the subject of the last `is you` rule and
/// never lists `baba` objects; the `you` object itself, when listed, is an
/// empty line (no offset, no name).
enum RulesBalrogText {
    /// "key is win", or nil for NOUN IS NOUN (BALROG lists only properties).
    static func line(_ rule: Rule) -> String? {
        guard case let .property(property) = rule.complement else { return nil }
        return "\(rule.subject.name) is \(name(property))"
    }

    /// BabaIsAI's display names: `defeat` is "lose".
    static func name(_ property: Property) -> String {
        property == .defeat ? "lose" : property.name
    }

    /// The rules block's lines.
    static func rules(_ board: Board) -> String {
        board.rules.compactMap(line).joined(separator: "\n")
    }

    /// What BALROG names the thing, or nil for things it does not list (`baba`).
    static func label(_ kind: Kind) -> String? {
        switch kind {
        case .object(.baba): nil
        case let .object(noun): noun.name
        case let .noun(noun): "rule `\(noun.name)`"
        case .isWord: "rule `is`"
        case let .property(property): "rule `\(name(property))`"
        }
    }

    /// The thing on top of each occupied cell, by cell: BabaIsAI stacks what
    /// enters a cell on what is there, and only word blocks are pushed into
    /// occupied cells and only `you` objects walk onto them, so a word is on
    /// top, then a `you` object, then the last of the rest.
    static func tops(_ board: Board) -> [Int: Thing] {
        var top: [Int: Thing] = [:]
        func rank(_ thing: Thing) -> Int { thing.kind.isWord ? 2 : board.isYou(thing) ? 1 : 0 }
        for thing in board.things {
            let cell = Int(thing.cell)
            if let current = top[cell], rank(current) > rank(thing) { continue }
            top[cell] = thing
        }
        return top
    }

    /// The cell offsets are measured from: the first cell, row by row, whose
    /// top thing is of the noun the last `is you` rule names; nil when there
    /// is none (BALROG then resets the environment).
    static func reference(_ board: Board, tops: [Int: Thing]) -> Int? {
        guard let you = board.rules.last(where: { $0.complement == .property(.you) })?.subject else { return nil }
        return tops.filter { $0.value.kind == .object(you) }.keys.min()
    }

    /// The whole observation text, or nil when nothing can be `you` (see `reference`).
    static func describe(_ board: Board) -> String? {
        let tops = tops(board)
        guard let origin = reference(board, tops: tops) else { return nil }
        return "Active rules:\n\(rules(board))\n\nObjects on the map:\n" + objects(board, tops: tops, origin: origin)
    }

    /// One line per listed top thing, row by row.
    static func objects(_ board: Board, tops: [Int: Thing], origin: Int) -> String {
        let w = board.width
        var lines: [String] = []
        for cell in tops.keys.sorted() {
            guard let thing = tops[cell], let name = label(thing.kind) else { continue }
            let dx = cell % w - origin % w, dy = cell / w - origin / w
            lines.append(offset(name, dx: dx, dy: dy))
        }
        return lines.joined(separator: "\n")
    }

    /// "ball 1 step to the right and 2 steps up"; "" at the origin, as BALROG writes it.
    static func offset(_ name: String, dx: Int, dy: Int) -> String {
        func steps(_ n: Int) -> String { n > 1 ? "\(n) steps" : "\(n) step" }
        var parts: [String] = []
        if dx > 0 { parts.append("\(steps(dx)) to the right") } else if dx < 0 { parts.append("\(steps(-dx)) to the left") }
        if dy > 0 { parts.append("\(steps(dy)) down") } else if dy < 0 { parts.append("\(steps(-dy)) up") }
        return parts.isEmpty ? "" : name + " " + parts.joined(separator: " and ")
    }

    /// What BALROG shows on the step that leaves nothing `you`: its note run
    /// into the rules as they stand, then, as the objects, the new level's
    /// whole observation (BALROG prints the Python form of that observation
    /// there; Delve gives its text).
    static func broken(rulesNow board: Board, next: String) -> String {
        "[...] IS YOU rule was broken, environment resetActive rules:\n\(rules(board))\n\nObjects on the map:\n" + next
    }
}
