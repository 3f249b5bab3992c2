import DelveCore

/// The dungeon family's world: a NetHack-like roguelike played by typed
/// commands, for any `DungeonTask`. The engine is `DungeonGame`; this wraps it
/// in the `World` contract: parsing, observations, progress, endings.
public struct DungeonWorld: World {
    /// The task.
    public let task: any DungeonTask
    /// The game being played.
    public internal(set) var game: DungeonGame
    var finished = false
    /// Steps since progress last rose (the patience count).
    var stepsWithoutProgress = 0
    var bestProgress = 0.0
    var reachedMilestones: [String] = []
    static let inventoryHeading = Array("\n\ninventory:\n".utf8)
    /// The current observation.
    public private(set) var observation = Observation(text: "", status: "", mission: "", legalActions: [], feedback: "")
    /// Inventory text and item commands, rebuilt only when the pack changes.
    var packCache = PackCache()
    /// The command of each legal action, index for index.
    var legalCommands: [Command] = []
    /// What the legal actions were built from (`LegalActions.key` and the pack's version), to reuse them.
    var legalKey: (UInt64, Int) = (0, -1)
    /// Terrain seen from each cell of the current level as it is (depth, terrain version), reused.
    var terrainCache: [Int: [DungeonText.Group]] = [:]
    var terrainCacheKey = (0, -1)
    /// The profile of the episode (`reset`'s options).
    public private(set) var profile: Profile = .delve
    /// The question the game is asking (`balrog` profile).
    var prompt: BalrogPrompt?
    /// Agent steps since the turn counter last moved (`balrog` profile), and the turn it stood at.
    var stillSteps = 0
    var lastTurn = 0

    /// A world for a task; call `reset` first.
    public init(task: any DungeonTask) {
        self.task = task
        game = DungeonGame(seed: 0, level: DungeonLevel(width: 3, height: 3, fill: .floor))
    }

    /// `dungeon/<task>`.
    public var taskID: String { "dungeon/\(task.name)" }
    /// The family's revision.
    public var revision: Int { DungeonFamily.revision }
    /// The task's budget.
    public var stepBudget: Int { task.stepBudget }
    /// Searching, a harmless action that passes a turn; in the `balrog` profile BALROG's default action
    /// (`esc` for NetHack, `north` for MiniHack).
    public var defaultAction: String { profile == .balrog ? task.balrogDefaultAction : "search" }
    /// The task's milestones.
    public var milestones: [Milestone] { task.milestones }
    /// The task's progress now (in the `balrog` profile, BALROG's rule: its progression table for descend).
    public var progress: Double { profile == .balrog ? task.balrogProgress(of: game) : task.progress(of: game) }
    /// The rules, the commands and the task's goal; in the `balrog` profile, BALROG's prompt in our words.
    public var instructions: String {
        profile == .balrog ? task.balrogInstructions : DungeonInstructions.text(goal: task.goal)
    }
    /// Commands that make sense now; in the `balrog` profile every action word (less NetHack's two-digit
    /// counts, which NLE's wrapper refuses), as BALROG knows no legal subset.
    public var legalActions: [String] {
        guard profile == .balrog else { return observation.legalActions }
        return task.balrogVocabulary == BalrogKeys.nethackVocabulary ? BalrogKeys.nethackPlayable : task.balrogVocabulary
    }
    /// The `balrog` profile's fixed vocabulary: BALROG's language action space.
    public var actionVocabulary: [String]? { profile == .balrog ? task.balrogVocabulary : legalActions }

    /// Makes the game for the seed.
    public mutating func reset(seed: UInt64, options: WorldOptions) throws(WorldError) -> Observation {
        try options.validate(against: task.options, task: taskID)
        game = try task.makeGame(seed: seed, options: options)
        profile = options.profile
        prompt = nil
        stillSteps = 0
        lastTurn = game.turn
        finished = false
        stepsWithoutProgress = 0
        bestProgress = task.progress(of: game)
        reachedMilestones = task.reached(in: game)
        packCache = PackCache()
        legalKey = (0, -1)
        terrainCache.removeAll()
        terrainCacheKey = (0, -1)
        // The balrog profile states no goal in the game's own words, as NetHack's welcome does not.
        game.say(game.generated && profile == .delve
            ? "Hello Agent, welcome to the dungeon! You are a fighter. Find the Amulet of Yendor on level \(game.levelCount)."
            : game.generated ? "Hello Agent, welcome to the dungeon! You are a fighter." : "Hello Agent, welcome to the dungeon!")
        game.lookHere(always: false)
        observation = makeObservation()
        return observation
    }

    /// Plays one typed command.
    @discardableResult
    public mutating func step(_ action: String) -> StepResult {
        guard !finished else {
            observation.feedback = "The episode is over."
            return StepResult(observation: observation, valid: false)
        }
        if profile == .balrog { return balrogStep(action) }
        let command: Command
        if let i = observation.legalActions.firstIndex(of: action), i < legalCommands.count {
            command = legalCommands[i]
        } else {
            switch Command.parse(action, pack: game.hero.inventory, names: { game.fullName($0) }) {
            case let .success(c): command = c
            case let .failure(e): return refuse(e.message)
            }
        }
        // A refused command changes nothing but the step's messages, which are put back.
        let messages = game.messages
        let outcome = game.perform(command)
        if case let .refused(why) = outcome {
            game.messages = messages
            return refuse(why)
        }
        return conclude()
    }

    /// After a played step: the ending, progress, milestones and patience, and the next observation.
    mutating func conclude() -> StepResult {
        var ending: EndReason? = game.dead ? .death : task.ending(of: game)
        let now = progress
        if now > bestProgress {
            bestProgress = now
            stepsWithoutProgress = 0
        } else {
            stepsWithoutProgress += 1
        }
        var fresh: [String] = []
        let reached = task.reached(in: game)
        if reached.count != reachedMilestones.count {
            for id in reached where !reachedMilestones.contains(id) {
                reachedMilestones.append(id)
                fresh.append(id)
            }
        }
        var truncated = false
        if profile == .balrog {
            if game.turn == lastTurn { stillSteps += 1 } else { stillSteps = 0 }
            lastTurn = game.turn
            if ending == nil, let still = task.balrogStillSteps, stillSteps >= still { truncated = true }
        } else if ending == nil, let patience = task.patience, stepsWithoutProgress >= patience {
            truncated = true
            game.say("You have made no progress for \(patience) steps; the episode ends.")
        }
        if game.escaped && ending == nil { ending = .failure }
        // Truncation is a limit outside the task: the runner stops there, the world could go on.
        finished = ending != nil
        observation = makeObservation()
        let reward = ending == .success ? 1.0 : 0.0
        return StepResult(observation: observation, reward: reward, ending: ending, milestones: fresh, truncated: truncated)
    }

    /// An invalid step: the world is unchanged, but the step counts towards the patience, as every step does.
    mutating func refuse(_ why: String) -> StepResult {
        observation.feedback = why
        stepsWithoutProgress += 1
        stillSteps += 1
        let truncated = profile == .balrog ? task.balrogStillSteps.map { stillSteps >= $0 } ?? false
            : task.patience.map { stepsWithoutProgress >= $0 } ?? false
        return StepResult(observation: observation, valid: false, truncated: truncated)
    }

    /// The map, status and pack for people.
    public var map: CellMap { DungeonRenderer.map(game) }

    /// The task's oracle; nil once the episode is over.
    /// In the `balrog` profile it types the oracle's command as action words, one keystroke a step.
    public func expertAction() -> String? {
        guard !finished, let command = task.expertAction(for: game, profile: profile) else { return nil }
        return profile == .balrog ? balrogKeystroke(for: command) : command
    }

    mutating func makeObservation() -> Observation {
        packCache.refresh(game)
        let message = game.messages.count == 1 ? game.messages[0] : game.messages.joined(separator: " ")
        if profile == .balrog {
            let language = DungeonText.describe(game)
            return Observation(text: BalrogView.text(game, message: message, language: language),
                               status: BalrogView.status(inventory: packCache.text), mission: "", legalActions: [],
                               feedback: message)
        }
        var text = "message:\n"
        text.reserveCapacity(1024)
        text += message
        text += "\n\nlanguage observation:\n"
        if terrainCacheKey != (game.depth, game.level.version) || terrainCache.count > 400 {
            terrainCache.removeAll(keepingCapacity: true)
            terrainCacheKey = (game.depth, game.level.version)
        }
        let cell = game.level.index(game.hero.pos)
        let terrain: [DungeonText.Group]
        if let known = terrainCache[cell] {
            terrain = known
        } else {
            terrain = DungeonText.terrainGroups(game)
            terrainCache[cell] = terrain
        }
        text += DungeonText.describe(game, terrain: terrain)
        var bytes: [UInt8] = Array("statistics:\n".utf8)
        bytes.reserveCapacity(128 + packCache.text.utf8.count)
        DungeonText.statusBytes(game, into: &bytes)
        bytes += DungeonWorld.inventoryHeading
        bytes += packCache.text.utf8
        let status = String(decoding: bytes, as: UTF8.self)
        let key = (LegalActions.key(game), packCache.version)
        var actions = observation.legalActions
        if key != legalKey || actions.isEmpty {
            actions = []
            actions.reserveCapacity(24 + packCache.actions.count)
            legalCommands.removeAll(keepingCapacity: true)
            LegalActions.collect(game, pack: packCache, into: &actions, &legalCommands)
            legalKey = key
        }
        return Observation(text: text, status: status, mission: task.mission, legalActions: actions, feedback: message)
    }
}
