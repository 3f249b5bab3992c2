import DelveCore

/// TextWorldExpress's arithmetic game: a note poses a sum; groups of things
/// lie about, each of a different count; put the group whose count is the
/// answer into the answer box. Tests reading and arithmetic, not exploring.
/// Putting a wrong group into the box loses.
enum Arithmetic: TextGame {
    static let name = "arithmetic"
    static let summary = "Solve the math note and put the group of items whose count is the answer into the answer box (TextWorldExpress's arithmetic)."
    static let rules = "Examine the math note to read the problem. Each group of items is named by its count, e.g. \"12 apples\". Put the group whose count is the answer into the answer box; putting a wrong group there loses."
    static let balrogInstructions = TextGames.plainBalrogInstructions
    static let scoresSteps = true

    static let options = [
        OptionSpec(name: "distractors", summary: "Groups whose counts are wrong answers.", defaultValue: .int(4), minimum: 1, maximum: 8),
    ]

    static let nouns = ["apples", "pencils", "marbles", "coins", "buttons", "spoons", "candles", "stamps", "shells", "keys"]

    static func generate(seed: UInt64, options: WorldOptions, task: String) throws(WorldError) -> GameSetup {
        let distractors = try options.int("distractors", specs: Self.options, task: task)
        var b = WorldBuilder(seed: seed)
        b.state.rooms = [Room(name: "Classroom", intro: b.rng.below(Vocabulary.intros.count), flavor: -1)]
        let (a, c, op, answer) = problem(&b.rng)
        let table = b.state.add(Thing("wooden", "table", kind: .supporter, place: .room(0)))
        var box = Thing("answer", "box", kind: .container, place: .room(0), text: "A box labelled ANSWER.")
        box.openable = true
        let boxIndex = b.state.add(box)
        b.state.add(Thing("math", "note", place: .on(table), text: "The note reads: \"What is \(a) \(op) \(c)? Put the group of items whose count is the answer into the answer box.\""))
        var counts = [answer]
        while counts.count < distractors + 1 {
            let wrong = max(2, answer + b.rng.int(in: -9...9))
            if !counts.contains(wrong) { counts.append(wrong) }
        }
        b.rng.shuffle(&counts)
        var nouns = Self.nouns
        b.rng.shuffle(&nouns)
        var right = 0
        var losses: [Loss] = []
        for (i, count) in counts.enumerated() {
            var group = Thing(String(count), nouns[i], place: b.rng.chance(0.5) ? .on(table) : .room(0), text: "A group of \(count) \(nouns[i]).")
            group.portable = true
            let index = b.state.add(group)
            if count == answer { right = index } else { losses.append(.misplaced(index, .inside(boxIndex))) }
        }
        let name = b.state.things[right].name
        let quest = Quest(goals: [Goal("take the \(name)", .holds(right)), Goal("put the \(name) into the answer box", .placed(right, .inside(boxIndex)))],
                          losses: losses)
        return GameSetup(state: b.state, quest: quest,
                         mission: "Read the math note, then put the group of items whose count is the answer into the answer box.",
                         intro: "Welcome to the classroom! A math problem awaits on the table.")
    }

    /// Two numbers, an operation in words and the answer, which is at least 1.
    private static func problem(_ rng: inout SeededRandom) -> (Int, Int, String, Int) {
        switch rng.below(4) {
        case 0:
            let a = rng.int(in: 2...50), c = rng.int(in: 2...49)
            return (a, c, "plus", a + c)
        case 1:
            let a = rng.int(in: 10...99), c = rng.int(in: 1...(a - 2))
            return (a, c, "minus", a - c)
        case 2:
            let a = rng.int(in: 2...12), c = rng.int(in: 2...9)
            return (a, c, "times", a * c)
        default:
            let c = rng.int(in: 2...9), answer = rng.int(in: 2...12)
            return (answer * c, c, "divided by", answer)
        }
    }

    static func expert(_ s: TextState, _ quest: Quest) -> Command? {
        guard quest.goals.count == 2, case let .holds(item) = quest.goals[0].fact,
              case let .placed(_, .inside(box)) = quest.goals[1].fact else { return nil }
        if !s.holds(item) { return TextExpert.acquire(item, s) }
        return s.things[box].isOpen ? .insert(item, into: box) : .open(box)
    }
}
