import DelveCore
import Testing
@testable import TextWorlds

/// What an agent receives under the balrog profile: the game's reply to the
/// last command and nothing else, as BALROG plays TextWorld.
@Suite struct BalrogProfileTests {
    /// Only the text is filled in: no status, mission, feedback or commands.
    static func onlyReply(_ observation: Observation) -> Bool {
        observation.status.isEmpty && observation.mission.isEmpty && observation.feedback.isEmpty && observation.legalActions.isEmpty
    }

    @Test func theFirstObservationIsTheRoomInProse() {
        let world = hallAndStudy(profile: .balrog)
        let first = world.observation
        #expect(Self.onlyReply(first))
        #expect(first.text.hasPrefix("-= Hall =-\n"))
        // Exits are sentences; the locked door looks closed until tried; no objective, no score.
        #expect(first.text.hasSuffix("\nA closed oak door leads north."))
        #expect(!first.text.contains("Exits:"))
        #expect(!first.text.contains("coin"))
        #expect(!first.text.contains("Score"))
        // The admissible commands stay inside, for the random agent and the expert.
        #expect(world.legalActions.contains("take red key"))
        #expect(world.actionVocabulary == nil)
        #expect(world.defaultAction == "help")
    }

    @Test func goalTellsTheObjectiveAndHelpTheVerbs() {
        var world = hallAndStudy(profile: .balrog)
        let before = world.state
        let goal = world.step("goal")
        #expect(goal.valid)
        #expect(goal.observation.text == "Your goal: take the gold coin from the floor of the study.")
        #expect(Self.onlyReply(goal.observation))
        let help = world.step(" HELP ")
        #expect(help.observation.text.hasPrefix("Commands you can type:"))
        #expect(help.observation.text.contains("unlock ... with ..."))
        #expect(!help.observation.text.contains("prepare meal"))
        #expect(world.state == before)
        // The delve profile has no such commands: its parser says so.
        var delve = hallAndStudy()
        #expect(!delve.step("goal").valid)
    }

    @Test func eachReplyIsTheGameAnsweringTheCommand() {
        var world = hallAndStudy(profile: .balrog)
        let take = world.step("take red key")
        #expect(take.observation.text == "You take the red key.")
        #expect(Self.onlyReply(take.observation))
        #expect(world.step("inventory").observation.text == "You are carrying a red key.")
        #expect(world.step("go north").observation.text == "The oak door is locked.")
        #expect(world.step("unlock oak door with red key").observation.text == "You unlock the oak door with the red key.")
        #expect(world.step("open oak door").observation.text == "You open the oak door.")
        let north = world.step("go north")
        #expect(north.observation.text.hasPrefix("-= Study =-\n"))
        #expect(north.observation.text.contains("On the floor you see a gold coin."))
        #expect(north.observation.text.hasSuffix("\nAn open oak door leads south."))
        #expect(world.step("look").observation.text == north.observation.text)
    }

    @Test func theParserAnswersWhatItCannotDoWithoutHints() {
        var world = hallAndStudy(profile: .balrog)
        let before = world.state
        // Any string is a command: the game answers it, so BALROG's default action never stands in.
        let unknown = world.step("fly away")
        #expect(unknown.valid)
        #expect(unknown.observation.text == "That is not a verb I know.")
        #expect(Self.onlyReply(unknown.observation))
        #expect(world.step("take unicorn").observation.text == "You can't see any unicorn here.")
        #expect(world.step("take key").observation.text == "Which do you mean: the red key or the blue key?")
        #expect(world.step("").observation.text == "I beg your pardon?")
        // No completion from the hidden admissible commands: the start of a verb is not a verb.
        #expect(world.step("op woo").observation.text == "That is not a verb I know.")
        #expect(world.step("go north").observation.text == "The oak door is locked.")
        #expect(world.state == before)
    }

    @Test func underBALROGsInvalidActionPolicyTheParserStillAnswers() throws {
        var env = Env(task: try textTask("treasure_hunter"))
        env.invalidActionPolicy = .default
        _ = try env.reset(seed: 20_000, options: WorldOptions(profile: .balrog))
        let step = try env.step("dance wildly")
        #expect(step.observation.text == "That is not a verb I know.")
        #expect(env.invalidActions == 0)
    }

    @Test func treasureHunterScoresOnlyTheWin() {
        var world = hallAndStudy(profile: .balrog)
        for command in ["take red key", "unlock oak door with red key"] { _ = world.step(command) }
        let open = world.step("open oak door")
        #expect(open.milestones == ["open_oak_door"])
        #expect(open.reward == 0)
        #expect(world.progress == 0)
        _ = world.step("go north")
        let win = world.step("take gold coin")
        #expect(win.ending == .success)
        #expect(win.reward == 1)
        #expect(world.progress == 100)
        #expect(win.observation.text == "You take the gold coin. Your score went up by one point.\n*** The End *** You scored 1 out of a possible 1.")
        #expect(world.step("look").observation.text == "The game is over.")
        // The delve profile keeps partial credit for the door.
        var delve = hallAndStudy()
        for command in ["take red key", "unlock oak door with red key", "open oak door"] { _ = delve.step(command) }
        #expect(delve.progress == 50)
    }

    @Test(arguments: TextFamily.spec.tasks.map(\.name))
    func generatedGamesSendOnlyTheReplyAndGoalTellsTheObjective(task name: String) throws {
        let task = try textTask(name)
        for seed: UInt64 in [20_000, 20_001, 20_002] {
            var env = Env(task: task)
            let first = try env.reset(seed: seed, options: WorldOptions(profile: .balrog))
            #expect(Self.onlyReply(first))
            #expect(first.text.hasPrefix("-= "))
            #expect(!env.world.legalActions.isEmpty)
            let world = try #require(env.world as? TextWorld)
            #expect(!env.world.instructions.contains(world.objective))
            let goal = try env.step("goal")
            #expect(goal.observation.text == world.objective)
            #expect(Self.onlyReply(goal.observation))
            let random = try env.step(env.world.legalActions[0])
            #expect(Self.onlyReply(random.observation))
        }
    }

    @Test func cookingScoresItsStepsAndSaysSo() throws {
        var env = Env(task: try textTask("cooking"))
        _ = try env.reset(seed: 20_000, options: WorldOptions(profile: .balrog))
        var scored: StepResult?
        while scored == nil, let action = env.world.expertAction() {
            let step = try env.step(action)
            if step.reward > 0 { scored = StepResult(observation: step.observation, reward: step.reward) }
        }
        let step = try #require(scored)
        #expect(step.reward == 1)
        #expect(step.observation.text.hasSuffix(" Your score went up by one point."))
        #expect(env.tracker.progress > 0 && env.tracker.progress < 100)
    }

    @Test func treasureHuntsAreBALROGs() throws {
        let task = try textTask("treasure_hunter")
        for seed in UInt64(20_000)..<20_040 {
            let env = try playExpert(task, seed: seed, options: WorldOptions(profile: .balrog))
            #expect(env.endReason == .success)
            // Only instances the expert wins in 20 commands, as BALROG kept TextWorld's.
            #expect(env.steps == 20, "seed \(seed): \(env.steps) commands")
            let world = try #require(env.world as? TextWorld)
            // One object loses, as TextWorld's one wrong object.
            #expect(world.quest.losses.count == 1)
            // Each key is named after its lock: "oak key" opens the "oak door".
            for lock in world.state.things where lock.key != nil {
                let key = world.state.things[lock.key ?? 0]
                #expect(key.name == lock.name.split(separator: " ").dropLast().joined(separator: " ") + " key")
            }
        }
    }

    @Test func coinCollectorsAreTextWorldsChainWithDeadEnds() throws {
        let task = try textTask("coin_collector")
        for seed in UInt64(20_000)..<20_020 {
            var world = try #require(task.make() as? TextWorld)
            _ = try world.reset(seed: seed, options: WorldOptions(profile: .balrog))
            let rooms = world.state.rooms
            #expect(rooms.count == 60)
            let exits = rooms.map { room in Direction.planar.filter { room.exits[$0.rawValue] >= 0 }.count }
            // The 20 rooms of the chain hold the 40 dead ends, two each: one exit each.
            #expect(exits.filter { $0 == 1 }.count == 40)
            #expect(exits[1..<19].allSatisfy { $0 == 4 })
            #expect(exits[0] == 3 && exits[19] == 3)
            #expect(try playExpert(task, seed: seed, options: WorldOptions(profile: .balrog)).steps == 20)
        }
    }
}
