import DelveCore

/// One of the MiniHack tasks BALROG runs, on a level the skill generators
/// build from the seed: mazes, corridors, a battle in the dark, a lava-river
/// quest, Boxoban. Progress is 100 on success, 0 otherwise; the budget is
/// BALROG's 100 steps for every MiniHack task.
public struct SkillTask: DungeonTask {
    /// What the task is.
    enum Kind: Sendable, Hashable {
        /// MiniHack-MazeWalk: a maze carved as NetHack's MAZEWALK carves it in a `size × size` box.
        case mazeWalk(size: Int)
        /// MiniHack-Corridor-R3: three rooms joined by corridors.
        case corridor
        /// MiniHack-CorridorBattle-Dark: giant rats in a dark room.
        case corridorBattle
        /// MiniHack-Quest-Easy and -Medium: cross a lava river.
        case quest(QuestLayout.Level)
        /// MiniHack-Boxoban-Medium and -Hard: four boulders onto four fountains.
        case boxoban(BoxobanGenerator.Tier)
    }

    let kind: Kind

    /// BALROG's budget for every MiniHack task.
    static let budget = 100

    /// The steps an expert may still count on: the budget less the turns played (experts take no refused
    /// step, so turns and steps go together), at least one.
    static func stepsLeft(_ game: DungeonGame) -> Int { max(1, budget - (game.turn - 1)) }

    /// The eight tasks, in BALROG's order of MiniHack tasks' kinds.
    public static let all: [SkillTask] = [
        SkillTask(kind: .mazeWalk(size: 9)), SkillTask(kind: .mazeWalk(size: 15)),
        SkillTask(kind: .corridor), SkillTask(kind: .corridorBattle),
        SkillTask(kind: .quest(.easy)), SkillTask(kind: .quest(.medium)),
        SkillTask(kind: .boxoban(.medium)), SkillTask(kind: .boxoban(.hard)),
    ]

    /// `maze_walk_9x9`, `corridor`, `boxoban_hard`, ...
    public var name: String {
        switch kind {
        case let .mazeWalk(size): "maze_walk_\(size)x\(size)"
        case .corridor: "corridor"
        case .corridorBattle: "corridor_battle"
        case .quest(.easy): "quest_easy"
        case .quest(.medium): "quest_medium"
        case .boxoban(.medium): "boxoban_medium"
        case .boxoban(.hard): "boxoban_hard"
        }
    }

    /// One line for `delve worlds`.
    public var summary: String {
        switch kind {
        case let .mazeWalk(size): "MiniHack MazeWalk \(size)×\(size): find the stairs down in a maze."
        case .corridor: "MiniHack Corridor-R3: three rooms joined by corridors; reach the stairs down."
        case .corridorBattle: "MiniHack CorridorBattle-Dark: six giant rats in a dark room before the stairs; fight them in the corridor."
        case .quest(.easy): "MiniHack Quest-Easy: cross a lava river with a wand of cold or a frost horn; two monsters on the way."
        case .quest(.medium): "MiniHack Quest-Medium: a corridor, six giant rats, then a lava river to freeze; reach the stairs down."
        case .boxoban(.medium): "MiniHack Boxoban-Medium: push 4 boulders onto 4 fountains in a 10×10 room (reverse-play levels)."
        case .boxoban(.hard): "MiniHack Boxoban-Hard: as medium, with levels whose solution needs more pushes and more switching between boulders."
        }
    }

    /// BALROG's 100 steps.
    public var stepBudget: Int { Self.budget }
    /// No patience limit: the budget is short.
    public var patience: Int? { nil }
    /// No options.
    public var options: [OptionSpec] { [] }

    /// The goal in a sentence.
    public var mission: String {
        switch kind {
        case .mazeWalk: "Find the staircase down (>) in the maze and step onto it."
        case .corridor: "Explore the level and reach the staircase down (>)."
        case .corridorBattle: "Reach the staircase down (>) beyond the giant rats in the dark room."
        case .quest: "Cross the lava river and reach the staircase down (>)."
        case .boxoban: "Push the four boulders (0) onto the four fountains ({)."
        }
    }

    /// The goal, for the prompt.
    public var goal: String {
        let budget = "You have \(Self.budget) steps."
        return switch kind {
        case .mazeWalk:
            "Your goal: find the staircase down (>) in this maze and step onto it; standing on it wins. \(budget)"
        case .corridor:
            "Your goal: explore the level, three rooms joined by corridors, and reach the staircase down (>); standing on it wins. \(budget)"
        case .corridorBattle:
            """
            Your goal: reach the staircase down (>) at the east end of the dark room beyond the corridor; standing on it \
            wins. A pack of giant rats waits near it: in the corridor only one at a time can reach you. \(budget)
            """
        case .quest:
            """
            Your goal: explore the level, fight monsters, and reach the staircase down (>) beyond a river of lava; \
            standing on it wins. Stepping into lava kills you. A wand of cold and a frost horn lie at your feet: pick \
            them up; the wand zapped (zap X DIR) or the horn applied (apply X DIR) freezes the lava along its ray into \
            solid ground, and the cold hurts monsters in the way. \(budget)
            """
        case .boxoban:
            """
            You are playing Boxoban, a box-pushing puzzle. Your goal: push the four boulders (0) onto the four \
            fountains ({). Walk north, east, south or west into a boulder to push it one cell, if nothing is behind \
            it; boulders cannot be pushed diagonally nor pulled back, so plan before you push. The episode ends in \
            success when every fountain holds a boulder. \(budget)
            """
        }
    }

    /// `goal` for every task, with the quests' and Boxoban's steps on the way (weight 0: they record when).
    public var milestones: [Milestone] {
        switch kind {
        case .mazeWalk, .corridor, .corridorBattle:
            [Self.stairs]
        case .quest:
            [Milestone(id: "pick_up", title: "pick up the wand of cold or the frost horn", weight: 0),
             Milestone(id: "freeze_lava", title: "freeze a cell of the lava river", weight: 0),
             Self.stairs]
        case .boxoban:
            (1...3).map { Milestone(id: "boulders_\($0)", title: "\($0) of the 4 boulders on fountains at once", weight: 0) }
                + [Milestone(id: "goal", title: "every boulder on a fountain", weight: 100)]
        }
    }

    private static let stairs = Milestone(id: "goal", title: "reach the staircase down", weight: 100)

    /// The skill level of the seed, the hero at its start with a kit it knows.
    public func makeGame(seed: UInt64, options: WorldOptions) throws(WorldError) -> DungeonGame {
        let level: DungeonLevel
        switch kind {
        case let .mazeWalk(size):
            level = MazeGenerator(size: size, maxDistance: Self.budget).generate(seed: seed).dungeonLevel()
        case .corridor:
            level = CorridorGenerator(maxDistance: Self.budget).generate(seed: seed).dungeonLevel()
        case .corridorBattle:
            level = CorridorBattleLayout().generate(seed: seed).dungeonLevel()
        case let .quest(quest):
            level = QuestLayout(level: quest).generate(seed: seed).dungeonLevel()
        case let .boxoban(tier):
            level = BoxobanGenerator(tier: tier, maxMoves: Self.budget, balrog: options.profile == .balrog).generate(seed: seed).board.layout.dungeonLevel(sokoban: true)
        }
        var game = DungeonGame(seed: seed, level: level, hero: hero(at: level.heroStart, profile: options.profile))
        for item in game.hero.inventory { game.identified[item.kind] = true }
        return game
    }

    /// The hero: MiniHack plays the rat fights (the battle, the medium quest)
    /// with a knight, so those get a knight's arms (long sword, ring mail,
    /// helmet, shield, gloves; strength 18) and three healing potions, the
    /// margin that lets a careful fighter beat six giant rats on every seed
    /// (the engine's rats have 5 hit points, NetHack's 1d8); the other tasks
    /// get the fighter's kit (one potion).
    /// In the `balrog` profile no potions: the knight's kit has MiniHack's apples instead, the fighter's none.
    func hero(at start: Pos, profile: Profile = .delve) -> Hero {
        var hero = Hero(at: start)
        let balrog = profile == .balrog
        switch kind {
        case .corridorBattle, .quest(.medium):
            hero.strength = 18
            for item in balrog ? SkillTask.minihackKnightsKit : SkillTask.knightsKit { hero.add(item) }
            hero.wielded = "a"
            for item in hero.inventory where item.info.itemClass == .armor {
                hero.worn[item.info.slot.rawValue] = item.letter
            }
        default:
            for item in DungeonGame.startingKit where !(balrog && item.itemClass == .potion) { hero.add(item) }
            hero.wielded = "a"
            hero.worn[ArmorSlot.body.rawValue] = "c"
        }
        return hero
    }

    /// a: +1 long sword, b: ring mail, c: orcish helm, d: small shield, e: leather gloves,
    /// f: 2 potions of healing, g: a potion of extra healing.
    static let knightsKit: [Item] = [
        Item("long sword", enchantment: 1, known: true), Item("ring mail", known: true), Item("orcish helm", known: true),
        Item("small shield", known: true), Item("pair of leather gloves", known: true),
        Item("potion of healing", quantity: 2, known: true), Item("potion of extra healing", known: true),
    ]

    /// MiniHack's knight: a: +1 long sword, b: +1 ring mail (armor class 3, as MiniHack's knight), c: orcish helm, d: small shield, e: leather gloves,
    /// f: 10 apples; no potions.
    static let minihackKnightsKit: [Item] = [
        Item("long sword", enchantment: 1, known: true), Item("ring mail", enchantment: 1, known: true),
        Item("orcish helm", known: true), Item("small shield", known: true), Item("pair of leather gloves", known: true),
        Item("apple", quantity: 10, known: true),
    ]

    /// 100 on success, 0 otherwise.
    public func progress(of game: DungeonGame) -> Double { succeeded(game) ? 100 : 0 }

    /// The milestones the game shows now.
    public func reached(in game: DungeonGame) -> [String] {
        var ids: [String] = []
        switch kind {
        case .quest:
            if game.hero.inventory.contains(where: { $0.info.effect == .cold }) { ids.append("pick_up") }
            if case let .quest(quest) = kind, QuestLayout(level: quest).lava.contains(where: { game.level[Pos($0.x, $0.y)] != .lava }) {
                ids.append("freeze_lava")
            }
        case .boxoban:
            let onFountains = boulderCountOnFountains(game)
            if onFountains >= 1 { for k in 1...min(onFountains, 3) { ids.append("boulders_\(k)") } }
        default: break
        }
        if succeeded(game) { ids.append("goal") }
        return ids
    }

    /// Success ends the episode; death is the engine's.
    public func ending(of game: DungeonGame) -> EndReason? { succeeded(game) ? .success : nil }

    /// The task's solver.
    public func expertAction(for game: DungeonGame) -> String? { expertAction(for: game, profile: .delve) }

    /// The task's solver; in the `balrog` profile the quests use only an item whose letter one of the task's
    /// action words types (MiniHack's quests have no letter actions), and the battle, which may only move,
    /// looks ahead (`BattlePlanner`).
    public func expertAction(for game: DungeonGame, profile: Profile) -> String? {
        switch kind {
        case .mazeWalk, .corridor: SkillExpert.walk(game)
        case .corridorBattle:
            profile == .balrog
                ? BattlePlanner.move(game, stepsLeft: Self.stepsLeft(game))
                : SkillExpert.battle(game)
        case .quest:
            profile == .balrog
                ? SkillExpert.quest(game, usable: { BalrogKeys.word(for: String($0.letter), in: balrogVocabulary) != nil })
                : SkillExpert.quest(game)
        case .boxoban: SkillExpert.boxoban(game)
        }
    }

    /// MiniHack's actions for the task, as BALROG's language action space names them: the navigation tasks'
    /// compass moves (Boxoban's four, the corridor's with open, kick and search), the quests' full set.
    public var balrogVocabulary: [String] {
        let compass = ["north", "east", "south", "west"]
        let moves = compass + ["northeast", "southeast", "southwest", "northwest"]
        switch kind {
        case .mazeWalk, .corridorBattle: return moves
        case .corridor: return moves + ["open", "kick", "search"]
        case .boxoban: return compass
        case .quest:
            return moves + moves.map { "far " + $0 } + [
                "down", "wait", "more", "apply", "close", "eat", "force", "kick", "loot", "open", "pickup", "pray",
                "puton", "quaff", "search", "zap",
            ]
        }
    }
    /// BALROG's MiniHack default action.
    public var balrogDefaultAction: String { "north" }
    /// BALROG's MiniHack prompt for the task, in our words: the actions and its goal sentence (BALROG gives
    /// the corridor's to both corridor tasks, and its general one to the mazes).
    public var balrogInstructions: String {
        let goal = switch kind {
        case .corridor, .corridorBattle: "Your goal: explore the level and reach the staircase down."
        case .quest:
            "Your goal: explore the level, fight monsters, and make your way through rooms and mazes to the staircase down."
        case .boxoban:
            """
            This is Boxoban, a puzzle of pushing boxes after Sokoban. Your goal: push the boulders onto the fountains             on the map. Walk into a boulder to push it, when nothing stands behind it.
            """
        case .mazeWalk: "Your goal: get as far as you can in the game."
        }
        return BalrogInstructions.minihack(actions: balrogVocabulary, goal: goal)
    }

    /// The hero stands on the stairs down (or went down them); for Boxoban,
    /// all four boulders stand on fountains (a fountain drunk dry is gone, and
    /// with it the level: a boulder can no longer end on it).
    func succeeded(_ game: DungeonGame) -> Bool {
        switch kind {
        case .boxoban:
            boulderCountOnFountains(game) == Self.boulders
        default:
            game.descendedOffLevel || game.level[game.hero.pos] == .stairsDown
        }
    }

    /// Boxoban's boulders and fountains, four each.
    static let boulders = 4

    /// Boulders standing on fountains.
    func boulderCountOnFountains(_ game: DungeonGame) -> Int {
        game.level.objects.filter { $0.item.info.itemClass == .boulder && game.level[$0.pos] == .fountain }.count
    }
}
