import DelveCore

/// One grid task, one row of `GridTask.all`: its name, what it asks, its rooms, its defaults and budget,
/// and the functions that draw its levels. The five local tasks are BALROG's BabyAI mix; `boss` is
/// BabyAI's BossLevel.
///
/// A new task that reuses existing instructions is a new row and, when no drawing fits it, one draft
/// function in `GridLevels` (and one in `BalrogLevels` if BALROG plays it).
struct GridTask: Sendable, CustomStringConvertible {
    /// Draws one level into a generator already holding the rooms; nil to draw again.
    typealias Draft = @Sendable (_ generator: inout LevelGenerator, _ distractors: Int) -> Level?

    /// The task's name: `grid/<name>`.
    let name: String
    /// One line on what the task asks.
    let summary: String
    /// Rooms down and across.
    let rows: Int, cols: Int
    /// Objects besides the ones the mission names, by default.
    let defaultDistractors: Int
    /// The nominal step budget at the default room size (BabyAI's formula; BALROG's figures).
    let nominalBudget: Int
    /// Draws a level in the `delve` profile.
    let draft: Draft
    /// Draws a level as BALROG's BabyAI does; nil for a task BALROG does not play (it draws as in `delve`).
    let balrogDraft: Draft?

    /// Every task, in listing order.
    static let all: [GridTask] = [
        GridTask(name: "goto", summary: "Go to an object in one room among distractors (BabyAI GoToLocal).",
                 rows: 1, cols: 1, defaultDistractors: 8, nominalBudget: 64,
                 draft: { GridLevels.oneObject(&$0, $1, Leaf.goTo) }, balrogDraft: { BalrogLevels.oneObject(&$0, $1, Leaf.goTo) }),
        GridTask(name: "pickup", summary: "Pick up an object in one room among distractors (BabyAI PickupLocal).",
                 rows: 1, cols: 1, defaultDistractors: 8, nominalBudget: 64,
                 draft: { GridLevels.oneObject(&$0, $1, Leaf.pickUp) }, balrogDraft: { BalrogLevels.oneObject(&$0, $1, Leaf.pickUp) }),
        GridTask(name: "open", summary: "Open a locked door between two rooms; its key lies in yours.",
                 rows: 1, cols: 2, defaultDistractors: 4, nominalBudget: 128,
                 draft: GridLevels.lockedDoor, balrogDraft: BalrogLevels.lockedDoor),
        GridTask(name: "putnext", summary: "Put one object next to another in one room (BabyAI PutNextLocal).",
                 rows: 1, cols: 1, defaultDistractors: 6, nominalBudget: 128,
                 draft: GridLevels.putNext, balrogDraft: { BalrogLevels.twoObjects(&$0, $1, sequence: false) }),
        GridTask(name: "pick_up_seq_go_to", summary: "Pick up an object, then go to another: two sub-goals in order.",
                 rows: 1, cols: 1, defaultDistractors: 8, nominalBudget: 128,
                 draft: GridLevels.pickUpThenGoTo, balrogDraft: { BalrogLevels.twoObjects(&$0, $1, sequence: true) }),
        GridTask(name: "boss", summary: "3x3 rooms, often a locked room, 18 distractors, every instruction kind (BabyAI BossLevel).",
                 rows: 3, cols: 3, defaultDistractors: 18, nominalBudget: 576,
                 draft: GridLevels.boss, balrogDraft: nil),
    ]

    /// The task called `name`, if there is one.
    static func named(_ name: String) -> GridTask? { all.first { $0.name == name } }

    /// The task's name.
    var description: String { name }

    /// The options `reset` takes.
    var options: [OptionSpec] {
        [
            OptionSpec(name: "room_size", summary: "Side of each room, walls included (BabyAI's room_size).", defaultValue: .int(8), minimum: 5, maximum: 16),
            OptionSpec(name: "distractors", summary: "Objects besides the ones the mission names.", defaultValue: .int(defaultDistractors), minimum: 0, maximum: 40),
        ]
    }

    /// Generates a level; nil when `attempts` drafts all failed.
    func generate(seed: UInt64, roomSize: Int, distractors: Int, attempts: Int = 500) -> Level? {
        generate(with: draft, seed: seed, roomSize: roomSize, distractors: distractors, attempts: attempts)
    }

    /// Draws a level as BALROG's BabyAI does (`BalrogLevels`), the missions MixedTrainLocal holds out
    /// drawn again; a task BALROG does not play draws as in the `delve` profile.
    func generateBalrog(seed: UInt64, roomSize: Int, distractors: Int, attempts: Int = 500) -> Level? {
        guard let balrogDraft else { return generate(seed: seed, roomSize: roomSize, distractors: distractors, attempts: attempts) }
        return generate(with: { generator, distractors in
            balrogDraft(&generator, distractors).flatMap { level in
                BalrogLevels.heldOutPhrases.contains(where: level.mission.surface.contains) ? nil : level
            }
        }, seed: seed, roomSize: roomSize, distractors: distractors, attempts: attempts)
    }

    private func generate(with draft: Draft, seed: UInt64, roomSize: Int, distractors: Int, attempts: Int) -> Level? {
        var rng = SeededRandom(seed: seed)
        for _ in 0..<attempts {
            var generator = LevelGenerator(rng: rng, rows: rows, cols: cols, roomSize: roomSize)
            let level = draft(&generator, distractors)
            rng = generator.rng
            if let level { return level }
        }
        return nil
    }
}

extension Leaf {
    /// Every object id the instruction names.
    var targets: [UInt8] {
        switch self {
        case let .goTo(d), let .pickUp(d), let .open(d): d.targets
        case let .putNext(a, b): a.targets + b.targets
        }
    }
}
