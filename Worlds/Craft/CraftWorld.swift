import DelveCore

/// A Crafter-like open world: a 64×64 map generated from the seed, a player
/// with health, food, drink and energy, cows, zombies, skeletons, plants,
/// day and night, and 22 achievements along a tech tree of collecting,
/// placing and making. The rules are the table in `CraftRules`.
public struct CraftWorld: World {
    let task: CraftTask
    var terrain = Terrain(filledWith: Mat.grass)
    /// Per cell: 0, or the index of the creature standing there plus one.
    var occupant = [UInt16](repeating: 0, count: Terrain.size * Terrain.size)
    /// Creatures in the order they appeared (Crafter updates them in that order).
    var creatures: [Creature] = []
    var removedCount = 0
    /// Grass and path cells in each 12×12 chunk, for spawning (kept up to date by `setMaterial`).
    var chunkSpace: [Int16] = []
    var player = Player(at: Generator.spawn)
    var steps = 0
    /// Mob behaviour, spawning and chance outcomes; world generation has its own stream.
    var rng = SeededRandom(seed: 0)
    var unlocked = [Bool](repeating: false, count: CraftRules.achievements.count)
    var unlockedCount = 0
    /// Health as the last step ended, for the reward.
    var rewardHealth = 9
    var finished = false
    /// What the observation shows and how it is worded (`Profile`).
    var profile = Profile.delve
    /// How the "You see:" block is written (BALROG's Crafter options).
    var view = CraftView.standard
    /// The current observation.
    public private(set) var observation = Observation(text: "", status: "", mission: "", legalActions: CraftAction.names, feedback: "")

    /// Objects farther than this (Manhattan) from the player stand still, as in Crafter.
    static let activeDistance = 18

    init(task: CraftTask) { self.task = task }

    /// `craft/<task>`.
    public var taskID: String { "craft/\(task.rawValue)" }
    /// The craft family's revision.
    public var revision: Int { CraftFamily.revision }
    /// Crafter's 17 actions with BALROG's names; all of them, always.
    public var legalActions: [String] { CraftAction.names }
    /// "Noop", as BALROG plays for Crafter in place of an invalid action.
    public var defaultAction: String { "Noop" }
    /// BALROG's 2,000 or Crafter's 10,000.
    public var stepBudget: Int { task.budget }

    /// The 22 achievements, each worth 100/22.
    public var milestones: [Milestone] {
        CraftRules.achievements.map { Milestone(id: $0, title: RuleBook.title($0), weight: 100 / Double(CraftRules.achievements.count)) }
    }

    /// Achievements unlocked / 22 × 100 (BALROG's progression).
    public var progress: Double { 100 * Double(unlockedCount) / Double(CraftRules.achievements.count) }

    /// Generates the world from the seed. Under `balrog` the world then
    /// plays one Noop before the first observation, as BALROG's reset does
    /// (it counts toward the day, not toward the step budget).
    public mutating func reset(seed: UInt64, options: WorldOptions) throws(WorldError) -> Observation {
        try options.validate(against: task.options, task: taskID)
        view = try CraftView(options, task: taskID)
        profile = options.profile
        let (terrain, creatures) = Generator.generate(seed: seed)
        self.terrain = terrain
        self.creatures = creatures
        occupant = [UInt16](repeating: 0, count: Terrain.size * Terrain.size)
        for (i, c) in creatures.enumerated() { occupant[index(c.at)] = UInt16(i + 1) }
        removedCount = 0
        countChunkSpace()
        player = Player(at: Generator.spawn)
        steps = 0
        rng = SeededRandom.derived(seed: seed, stream: 2)
        unlocked = [Bool](repeating: false, count: CraftRules.achievements.count)
        unlockedCount = 0
        rewardHealth = player.health
        finished = false
        observation = makeObservation(feedback: "You wake up in a new world, in a grass clearing.")
        if profile == .balrog { step("Noop") }
        return observation
    }

    /// Plays one action. Every action Crafter knows takes a step, even one
    /// that does nothing (its feedback says why); only words that name no
    /// action are invalid and leave the world as it was.
    @discardableResult
    public mutating func step(_ command: String) -> StepResult {
        guard !finished else {
            observation.feedback = "The episode is over."
            return StepResult(observation: observation, valid: false)
        }
        let match = CraftAction.matcher.match(command)
        guard case let .action(i) = match else {
            observation.feedback = CraftAction.matcher.rejection(for: command, match: match)
            return StepResult(observation: observation, valid: false)
        }
        steps += 1
        var events = Events()
        updatePlayer(CraftAction.all[i], &events)
        let count = creatures.count
        for k in 0..<count where !creatures[k].removed && creatures[k].at.distance(to: player.at) < CraftWorld.activeDistance {
            updateCreature(k, &events)
        }
        if steps % 10 == 0 { balance() }
        if removedCount > 32 { compact() }
        let health = player.health
        var reward = Double(health - rewardHealth) / 10
        rewardHealth = health
        if !events.unlocked.isEmpty { reward += 1 }
        let dead = health <= 0
        if dead {
            finished = true
            events.say("You died.")
        }
        observation = makeObservation(feedback: events.feedback)
        return StepResult(observation: observation, reward: reward, ending: dead ? .death : nil,
                          milestones: events.unlocked.map { CraftRules.achievements[$0] })
    }

    /// Records an achievement the first time it is reached, with a line of feedback.
    mutating func unlock(_ achievement: Int?, _ events: inout Events) {
        guard let achievement, !unlocked[achievement] else { return }
        unlocked[achievement] = true
        unlockedCount += 1
        events.unlocked.append(achievement)
        events.say("Achievement unlocked: \(RuleBook.words(CraftRules.achievements[achievement])).")
    }

    @inline(__always)
    func index(_ c: Cell) -> Int { c.y &* Terrain.size &+ c.x }

    /// The creature at a cell, if any.
    func creature(at c: Cell) -> Int? {
        guard Terrain.contains(c) else { return nil }
        let slot = occupant[index(c)]
        return slot == 0 ? nil : Int(slot) - 1
    }

    /// The system prompt: under `delve`, BALROG's Crafter instructions plus
    /// what the observation holds; under `balrog`, BALROG's information only.
    public var instructions: String { profile == .balrog ? CraftText.balrogInstructions : CraftText.instructions }

    /// The player's surroundings, vitals and inventory, for people.
    public var map: CellMap { CraftRenderer.map(self) }

    /// The scripted expert's next action (see `CraftExpert`); nil once the episode is over.
    public func expertAction() -> String? {
        finished ? nil : CraftExpert(world: self).nextAction().name
    }

    /// Under `balrog`, what BALROG's wrapper gives: the long-term and
    /// short-term contexts, and no mission, action list or feedback.
    func makeObservation(feedback: String) -> Observation {
        profile == .balrog
            ? Observation(text: CraftText.describe(self), status: CraftText.status(player), mission: "", legalActions: [], feedback: "")
            : Observation(text: CraftText.describe(self), status: CraftText.status(player), mission: CraftText.mission,
                          legalActions: CraftAction.names, feedback: feedback)
    }
}

/// What happened during one step: the feedback sentences and the
/// achievements it unlocked.
struct Events {
    var lines: [String] = []
    var unlocked: [Int] = []
    mutating func say(_ line: String) { lines.append(line) }
    var feedback: String { lines.joined(separator: " ") }
}
