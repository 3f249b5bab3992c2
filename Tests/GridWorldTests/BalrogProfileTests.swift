import DelveCore
import Testing
@testable import GridWorld

/// The `balrog` profile: BALROG's BabyAI levels, actions, observation,
/// instructions and pass-or-fail scoring (docs/balrog/babyai.md).
@Suite struct BalrogProfileTests {
    static let balrog = WorldOptions(profile: .balrog)

    /// A world on a hand-made level, playing under `balrog`.
    func balrogWorld(_ builder: LevelBuilder, agent x: Int, _ y: Int, facing: Direction, mission: Mission) -> GridWorld {
        var world = builder.world(agent: x, y, facing: facing, mission: mission)
        world.profile = .balrog
        world.install(world.level)
        return world
    }

    @Test func theObservationListsWhatIsCarriedThenWallsThenObjectsColumnByColumn() {
        var b = LevelBuilder()
        // The agent at (4, 6) faces north: view column 3 is x = 4, row 6 is y = 6.
        b.put(.ball, .red, at: 4, 4)     // 2 forward: column 3
        b.put(.key, .blue, at: 2, 5)     // 2 left, 1 forward: column 1
        b.put(.box, .grey, at: 2, 2)     // 2 left, 4 forward: column 1, farther
        b.put(.ball, .green, at: 6, 6)   // 2 right, same row: column 5
        b.put(.door, .purple, at: 7, 3, door: .closed)  // in the east wall: 3 right, 3 forward
        let world = balrogWorld(b, agent: 4, 6, facing: .north, mission: Mission(.goTo(named(.ball, .red, 1))))
        #expect(world.observation.text == """
            a grey box 2 steps left and 4 steps forward
            a blue key 2 steps left and 1 step forward
            a red ball 2 steps forward
            a green ball 2 steps right
            a closed purple door 3 steps right and 3 steps forward
            """)
        #expect(world.observation.status == "")
        #expect(world.observation.feedback == "")
        #expect(world.observation.legalActions == [])
        #expect(world.observation.mission == "go to the red ball")
    }

    @Test func aCarriedObjectComesFirstWithoutAFullStopThenTheWalls() {
        var b = LevelBuilder()
        b.put(.key, .yellow, at: 3, 2)
        b.put(.ball, .blue, at: 5, 5)
        var world = balrogWorld(b, agent: 3, 3, facing: .north, mission: Mission(.goTo(named(.ball, .blue, 2))))
        world.step("pick up")
        #expect(world.observation.text == "You carry a yellow key\na wall 3 steps forward\na wall 3 steps left")
        #expect(world.observation.feedback == "")
        // Walls one step aside, a closed door ahead: what lies behind it is hidden.
        var c = LevelBuilder(roomSize: 5)
        c.put(.door, .red, at: 2, 0, door: .closed)
        c.layout.grid[Point(x: 1, y: 1)] = .wall
        c.layout.grid[Point(x: 3, y: 1)] = .wall
        let shut = balrogWorld(c, agent: 2, 1, facing: .north, mission: Mission(.open(named(.door, .red, 1))))
        #expect(shut.observation.text == "a wall 1 step left\na wall 1 step right\na closed red door 1 step forward")
    }

    @Test func anOpenDoorIsWrittenAsTheForkWritesIt() {
        var b = LevelBuilder()
        b.put(.door, .blue, at: 7, 3, door: .open)
        let world = balrogWorld(b, agent: 6, 3, facing: .north, mission: Mission(.goTo(named(.door, .blue, 1))))
        #expect(world.observation.text == "a wall 3 steps forward\na open blue door 1 step right")
    }

    @Test func aViewOfBareFloorSaysNothing() {
        var b = LevelBuilder(roomSize: 16)
        b.put(.ball, .red, at: 1, 14)
        let world = balrogWorld(b, agent: 8, 8, facing: .north, mission: Mission(.goTo(named(.ball, .red, 1))))
        #expect(world.observation.text == "")
    }

    @Test func theSixActionsOnlyAndGoForwardByDefault() throws {
        var world = GridWorld(task: try #require(GridTask.named("goto")))
        _ = try world.reset(seed: 3, options: Self.balrog)
        let six = ["turn left", "turn right", "go forward", "pick up", "drop", "toggle"]
        #expect(world.legalActions == six)
        #expect(world.actionVocabulary == six)
        #expect(world.defaultAction == "go forward")
        for word in ["done", "finish", "stop"] {
            #expect(!world.step(word).valid, "\(word)")
        }
        #expect(world.steps == 0)
        #expect(world.step("turn left").valid)
    }

    @Test func sequenceMissionsScoreAllOrNothingWhileMilestonesStillCount() {
        var b = LevelBuilder()
        b.put(.key, .blue, at: 3, 2)
        b.put(.ball, .green, at: 6, 6)
        let mission = Mission(root: .before(.leaf(0), .leaf(1)), leaves: [.pickUp(named(.key, .blue, 1)), .goTo(named(.ball, .green, 2))])
        var delve = b.world(agent: 3, 3, facing: .north, mission: mission)
        var balrog = balrogWorld(b, agent: 3, 3, facing: .north, mission: mission)
        let d = delve.step("pick up"), r = balrog.step("pick up")
        #expect(d.milestones == ["subgoal_1"] && r.milestones == ["subgoal_1"])
        #expect(delve.progress == 50)
        #expect(balrog.progress == 0)
        #expect(balrog.milestones.map(\.weight) == [0, 0, 100])
        #expect(delve.milestones.map(\.weight) == [50, 50, 0])
    }

    /// BabyAI's verifier keeps a picked-up object at its old place until a
    /// drop: "pick up a red ball, then go to a red ball" ends on the pick-up.
    @Test func aGoToCountsThePlaceACarriedTargetWasPickedUpFromUntilADrop() {
        var b = LevelBuilder()
        b.put(.ball, .red, at: 3, 2)
        b.put(.ball, .red, at: 6, 6)
        let both = named(.ball, .red, 1, 2)
        let mission = Mission(root: .before(.leaf(0), .leaf(1)), leaves: [.pickUp(both), .goTo(both)])
        var balrog = balrogWorld(b, agent: 3, 3, facing: .north, mission: mission)
        #expect(balrog.step("pick up").ending == .success)
        var delve = b.world(agent: 3, 3, facing: .north, mission: mission)
        #expect(delve.step("pick up").ending == nil)
        // After a drop the verifier looks again: the old place no longer counts.
        var c = LevelBuilder()
        c.put(.ball, .red, at: 3, 2)
        c.put(.key, .blue, at: 4, 3)
        let keyFirst = Mission(root: .before(.leaf(0), .leaf(1)), leaves: [.pickUp(named(.key, .blue, 2)), .goTo(named(.ball, .red, 1))])
        var dropped = balrogWorld(c, agent: 3, 3, facing: .north, mission: keyFirst)
        play(&dropped, ["pick up", "turn left", "drop", "turn right", "turn right", "pick up", "turn left"])
        #expect(dropped.level.mission.done == [true, false])
        #expect(dropped.step("turn left").ending == .success)
    }

    /// BabyAI's put-next counts only the object to move, dropped beside the
    /// other; the `delve` profile counts either one dropped beside the other.
    @Test func aPutNextCountsOnlyTheObjectToMoveBeingDropped() {
        var b = LevelBuilder()
        b.put(.ball, .red, at: 3, 2)   // the object to move
        b.put(.key, .blue, at: 1, 3)   // the fixed one
        let mission = Mission(.putNext(named(.ball, .red, 1), next: named(.key, .blue, 2)))
        var balrog = balrogWorld(b, agent: 2, 3, facing: .north, mission: mission)
        var delve = b.world(agent: 2, 3, facing: .north, mission: mission)
        // From (2, 3) facing north: the key is west; drop it north at (2, 2), beside the ball.
        let played = ["turn left", "pick up", "turn right", "drop"]
        #expect(play(&balrog, played).last?.ending == nil)
        #expect(play(&delve, played).last?.ending == .success)
        // Carry the ball and drop it beside the key: success in both.
        var c = LevelBuilder()
        c.put(.ball, .red, at: 3, 2)
        c.put(.key, .blue, at: 1, 3)
        var right = balrogWorld(c, agent: 3, 3, facing: .north, mission: mission)
        #expect(play(&right, ["pick up", "turn left", "drop"]).last?.ending == .success)
    }

    @Test(arguments: ["goto", "pickup", "putnext", "pick_up_seq_go_to"])
    func oneRoomLevelsHoldOnlyTheMissionsObjectsAwayFromTheAgent(name: String) throws {
        let task = try #require(GridTask.named(name))
        let oneObject = ["goto", "pickup"].contains(name)
        let count = oneObject ? 1 : 2
        for seed in UInt64(0)..<300 {
            let level = try #require(task.generateBalrog(seed: seed, roomSize: 8, distractors: 0))
            let grid = level.layout.grid
            let objects = grid.tiles.indices.filter { grid.tiles[$0].kind.isPortable }
            #expect(level.layout.rooms.count == 1 && grid.width == 8)
            #expect(objects.count == count, "\(task) seed \(seed)")
            for index in objects {
                #expect(Point(x: index % grid.width, y: index / grid.width).distance(to: level.agent) >= 2)
            }
            #expect(!BalrogLevels.heldOutPhrases.contains(where: level.mission.surface.contains), "\(level.mission.surface)")
            #expect(level.stepBudget == (oneObject ? 64 : 128))
        }
    }

    @Test func openLevelsLockTheDoorWithATrainingColorAndKeepKeyAndAgentTogether() throws {
        var colored = 0
        for seed in UInt64(0)..<300 {
            let level = try #require(GridTask.named("open")?.generateBalrog(seed: seed, roomSize: 8, distractors: 0))
            let grid = level.layout.grid
            let doors = grid.tiles.filter { $0.kind == .door }
            let keys = grid.tiles.indices.filter { grid.tiles[$0].kind.isPortable }
            #expect(doors.count == 1 && doors[0].door == .locked && BalrogLevels.balrogDoorColors.contains(doors[0].color))
            #expect(keys.count == 1 && grid.tiles[keys[0]].kind == .key && grid.tiles[keys[0]].color == doors[0].color)
            let keyAt = Point(x: keys[0] % grid.width, y: keys[0] / grid.width)
            #expect(level.layout.roomIndex(at: keyAt) == level.layout.roomIndex(at: level.agent))
            #expect(grid[level.agent + level.facing.vector].kind != .key)
            #expect(level.stepBudget == 128)
            if level.mission.surface != "open the door" { colored += 1 }
        }
        // The door's color is named about half the time.
        #expect((100...200).contains(colored))
    }

    @Test func theDistractorsOptionStillAddsObjects() throws {
        var world = GridWorld(task: try #require(GridTask.named("goto")))
        _ = try world.reset(seed: 1, options: WorldOptions(["distractors": .int(5)], profile: .balrog))
        #expect(world.level.layout.grid.tiles.filter { $0.kind.isPortable }.count == 6)
        var boss = GridWorld(task: try #require(GridTask.named("boss")))
        _ = try boss.reset(seed: 1, options: Self.balrog)
        #expect(boss.level.layout.rooms.count == 9)
        #expect(boss.level.layout.grid.tiles.filter { $0.kind.isPortable }.count >= 18)
    }

    /// The exact shape of what an agent receives under `balrog`, for one seed.
    @Test func whatAnAgentReceivesIsPinned() throws {
        var env = Env(task: try gridTask("putnext"))
        let first = try env.reset(seed: 0, options: Self.balrog)
        #expect(first.text == "a wall 4 steps forward\na wall 3 steps left\na red ball 1 step left and 1 step forward")
        #expect(first.status == "")
        #expect(first.mission == "put the grey ball next to the red ball")
        #expect(first.legalActions == [])
        #expect(first.feedback == "")
        let next = try env.step("go forward").observation
        #expect(next == Observation(text: "a wall 3 steps forward\na red ball 1 step left", status: "",
                                    mission: "put the grey ball next to the red ball", legalActions: [], feedback: ""))
        #expect(env.world.legalActions == ["turn left", "turn right", "go forward", "pick up", "drop", "toggle"])
        #expect(env.world.defaultAction == "go forward")
        #expect(env.world.instructions == Self.pinnedInstructions)
        #expect(env.budget == 128)
    }

    static let pinnedInstructions = """
        You play a simple navigation game. Your goal: put the grey ball next to the red ball. These are the actions you \
        can take, each with a short description:

        turn left: turn to your left,
        turn right: turn to your right,
        go forward: take one step ahead,
        pick up: take the object below you,
        drop: put down the object you are holding,
        toggle: act on the object in front of you.

        An observation will follow shortly.

        Tips:
        - When the object you want to interact with or pick up is in front of you, the 'toggle' action interacts with it.
        - Repeating one action again and again makes no sense while the observation does not change.

        Start playing!
        """
}
