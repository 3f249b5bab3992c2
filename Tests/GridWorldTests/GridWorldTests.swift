import DelveCore
import Testing
@testable import GridWorld

func gridTask(_ name: String) throws -> TaskSpec {
    try #require(GridFamily.spec.tasks.first { $0.name == name })
}

@Suite struct GridWorldTests {
    func sampleWorld() -> GridWorld {
        var b = LevelBuilder()
        b.put(.ball, .red, at: 3, 5)
        b.put(.box, .grey, at: 1, 1, inside: Item(kind: .key, color: .green, id: 9))
        return b.world(agent: 3, 6, facing: .north, mission: Mission(.goTo(named(.box, .grey, 2))))
    }

    @Test func anUnknownActionChangesNothingAndNamesTheValidOnes() {
        var world = sampleWorld()
        let before = world.map.plainText
        let result = world.step("jump over the ball")
        #expect(!result.valid)
        #expect(world.map.plainText == before)
        #expect(result.observation.feedback
            == "'jump over the ball' is not an action here. Valid actions: turn left, turn right, go forward, pick up, drop, toggle, done.")
        let ambiguous = world.step("t")
        #expect(!ambiguous.valid)
        #expect(ambiguous.observation.feedback == "'t' could mean turn left or turn right or toggle; say which.")
    }

    @Test func actionsAreMatchedForgivingly() {
        for (said, facing) in [("Turn_Left!", Direction.west), ("  RIGHT ", .east), ("turn l", .west), ("rotate right", .east)] {
            var world = sampleWorld()
            #expect(world.step(said).valid, "\(said)")
            #expect(world.level.facing == facing, "\(said)")
        }
        var world = sampleWorld()
        #expect(world.step("pickup").observation.feedback == "You pick up a red ball.")
        #expect(world.step("forward").observation.feedback == "You move forward.")
    }

    @Test func actionsThatCannotWorkAreValidNoOpsWithAReason() {
        var world = sampleWorld()
        let cases: [(String, String)] = [
            ("drop", "You carry nothing to drop."),
            ("go forward", "The red ball blocks your way."),
            ("toggle", "Toggling a red ball does nothing."),
            ("done", "The mission is not complete yet; nothing happens."),
        ]
        for (action, feedback) in cases {
            let before = world.map.plainText
            let result = world.step(action)
            #expect(result.valid)
            #expect(result.observation.feedback == feedback)
            #expect(world.map.plainText == before)
        }
        world.step("pick up")
        #expect(world.step("pick up").observation.feedback == "There is nothing in front of you to pick up.")
        world.step("turn left")
        world.step("turn left")
        #expect(world.step("go forward").observation.feedback == "A wall blocks your way.")
    }

    @Test func togglingABoxRevealsWhatItHolds() {
        var world = sampleWorld()
        world.level.agent = Point(x: 1, y: 2)
        let opened = world.step("toggle")
        #expect(opened.observation.feedback == "You open the grey box and find a green key.")
        #expect(opened.ending == nil, "the key is not the box the mission names")
        #expect(world.level.layout.grid[Point(x: 1, y: 1)] == Tile(kind: .key, color: .green, id: 9))
        #expect(world.step("pick up").observation.status == "You carry a green key.")
    }

    @Test func theSameSeedMakesTheSameWorldAndOthersDiffer() throws {
        for task in GridFamily.spec.tasks {
            var a = task.make(), b = task.make()
            let first = try a.reset(seed: 42, options: .defaults)
            #expect(first == (try b.reset(seed: 42, options: .defaults)))
            #expect(a.map.plainText == b.map.plainText)
            #expect(a.instructions == b.instructions)
            var others = Set<String>()
            for seed in UInt64(0)..<20 {
                _ = try a.reset(seed: seed, options: .defaults)
                others.insert(a.map.plainText)
            }
            #expect(others.count == 20, "\(task.id) gives 20 different levels for 20 seeds")
        }
    }

    @Test func budgetsFollowBabyAIsFormula() throws {
        for (name, budget) in [("goto", 64), ("pickup", 64), ("open", 128), ("putnext", 128), ("pick_up_seq_go_to", 128)] {
            var world = try gridTask(name).make()
            for seed in UInt64(0)..<5 {
                _ = try world.reset(seed: seed, options: .defaults)
                #expect(world.stepBudget == budget, "\(name)")
            }
        }
        var small = try gridTask("goto").make()
        _ = try small.reset(seed: 1, options: ["room_size": .int(6), "distractors": .int(2)])
        #expect(small.stepBudget == 36)
        var boss = try gridTask("boss").make() as? GridWorld
        for seed in UInt64(0)..<20 {
            _ = try boss?.reset(seed: seed, options: .defaults)
            let navigations = boss?.level.mission.navigations ?? 0
            #expect(boss?.stepBudget == navigations * 576)
        }
    }

    @Test func successPaysBabyAIsReward() {
        var b = LevelBuilder()
        b.put(.box, .blue, at: 2, 6)
        var world = b.world(agent: 3, 6, facing: .north, mission: Mission(.goTo(named(.box, .blue, 1))))
        world.step("turn right")
        world.step("turn right")
        let win = world.step("turn right")
        #expect(win.ending == .success)
        #expect(abs(win.reward - (1 - 0.9 * 3 / 64)) < 1e-12)
        #expect(!world.step("turn left").valid, "nothing moves after the end")
    }

    @Test func badOptionsAreRefusedWithTheValidChoices() throws {
        var world = try gridTask("goto").make()
        #expect(throws: WorldError.unknownOption(task: "grid/goto", name: "size", valid: ["room_size", "distractors"])) {
            _ = try world.reset(seed: 0, options: ["size": .int(3)])
        }
        #expect(throws: WorldError.badOption(task: "grid/goto", name: "room_size", reason: "3 is below the minimum 5")) {
            _ = try world.reset(seed: 0, options: ["room_size": .int(3)])
        }
        do {
            _ = try world.reset(seed: 0, options: ["room_size": .int(5), "distractors": .int(40)])
            Issue.record("40 objects cannot fit a 3x3 room")
        } catch {
            #expect(error.description == "option 'distractors' for grid/goto: 40 objects do not fit rooms of size 5")
        }
    }

    @Test func instructionsStateTheMissionAndActionsButNotTheBudget() throws {
        var world = try gridTask("putnext").make()
        _ = try world.reset(seed: 3, options: .defaults)
        #expect(world.instructions.contains("Your mission: \(world.observation.mission)."))
        for action in world.legalActions { #expect(world.instructions.contains("- \(action):")) }
        #expect(!world.instructions.contains("128"), "the budget is the harness's to state: a suite may override it")
    }
}
