import DelveCore
import Testing
@testable import GridWorld

@Suite struct MissionTests {
    @Test func missionsReadAsBabyAIWritesThem() {
        let ball = named(.ball, .red, 1), box = named(.box, .blue, 2)
        #expect(Mission(root: .before(.leaf(0), .leaf(1)), leaves: [.pickUp(ball), .goTo(box)]).surface
            == "pick up the red ball, then go to the blue box")
        #expect(Mission(root: .after(.leaf(1), .leaf(0)), leaves: [.pickUp(ball), .goTo(box)]).surface
            == "go to the blue box after you pick up the red ball")
        #expect(Mission(root: .and(.leaf(0), .leaf(1)), leaves: [.open(named(.door, .grey, 3)), .putNext(ball, next: box)]).surface
            == "open the grey door and put the red ball next to the blue box")
        #expect(Mission(.goTo(named(.key, nil, 4, 5))).surface == "go to a key")
        #expect(Mission(.pickUp(ObjectDescription(kind: .ball, color: .red, location: .left, targets: [1]))).surface
            == "pick up the red ball on your left")
        #expect(Mission(.goTo(ObjectDescription(kind: .box, color: nil, location: .behind, targets: [1, 2]))).surface
            == "go to a box behind you")
    }

    @Test func goToIsDoneWhenTheObjectIsInFront() {
        var b = LevelBuilder()
        let box = b.put(.box, .blue, at: 2, 6)
        var world = b.world(agent: 3, 6, facing: .north, mission: Mission(.goTo(named(.box, .blue, box))))
        let turn = world.step("turn left")
        #expect(turn.ending == .success)
        #expect(turn.milestones == ["goal"])
        #expect(world.progress == 100)
        #expect(turn.observation.feedback == "You turn left. Mission complete!")
    }

    @Test func sequencesCountInOrderAndGivePartialProgress() {
        var b = LevelBuilder()
        let ball = b.put(.ball, .red, at: 3, 5)
        let box = b.put(.box, .blue, at: 2, 6)
        let mission = Mission(root: .before(.leaf(0), .leaf(1)), leaves: [.pickUp(named(.ball, .red, ball)), .goTo(named(.box, .blue, box))])
        var world = b.world(agent: 3, 6, facing: .north, mission: mission, task: "pick_up_seq_go_to")
        #expect(world.milestones.map(\.id) == ["subgoal_1", "subgoal_2", "goal"])
        #expect(world.milestones.map(\.weight) == [50, 50, 0])
        let take = world.step("pick up")
        #expect(take.milestones == ["subgoal_1"])
        #expect(take.ending == nil)
        #expect(world.progress == 50)
        let reach = world.step("turn left")
        #expect(reach.milestones == ["subgoal_2", "goal"])
        #expect(reach.ending == .success)
        #expect(world.progress == 100)
    }

    @Test func theSecondInstructionDoneFirstDoesNotCount() {
        var b = LevelBuilder()
        let ball = b.put(.ball, .red, at: 3, 5)
        let box = b.put(.box, .blue, at: 2, 6)
        // "go to the blue box, then pick up the red ball", played backwards first.
        let mission = Mission(root: .before(.leaf(0), .leaf(1)), leaves: [.goTo(named(.box, .blue, box)), .pickUp(named(.ball, .red, ball))])
        var world = b.world(agent: 3, 6, facing: .north, mission: mission)
        #expect(world.step("pick up").milestones.isEmpty)
        #expect(world.progress == 0)
        #expect(world.step("turn left").milestones == ["subgoal_1"])
        #expect(world.progress == 50)
        world.step("turn right")
        world.step("drop")
        let again = world.step("pick up")
        #expect(again.milestones == ["subgoal_2", "goal"])
        #expect(again.ending == .success)
    }

    @Test func afterYouMeansTheSecondClauseFirst() {
        var b = LevelBuilder()
        let ball = b.put(.ball, .red, at: 3, 5)
        let box = b.put(.box, .blue, at: 2, 6)
        // "pick up the red ball after you go to the blue box".
        let mission = Mission(root: .after(.leaf(0), .leaf(1)), leaves: [.pickUp(named(.ball, .red, ball)), .goTo(named(.box, .blue, box))])
        var world = b.world(agent: 3, 6, facing: .north, mission: mission)
        #expect(world.observation.mission == "pick up the red ball after you go to the blue box")
        #expect(world.step("pick up").milestones.isEmpty)
        #expect(world.step("turn left").milestones == ["subgoal_2"])
    }

    @Test func pickingUpTheWrongObjectDoesNotCount() {
        var b = LevelBuilder()
        b.put(.ball, .green, at: 3, 5)
        let red = b.put(.ball, .red, at: 5, 5)
        var world = b.world(agent: 3, 6, facing: .north, mission: Mission(.pickUp(named(.ball, .red, red))), task: "pickup")
        let take = world.step("pick up")
        #expect(take.valid)
        #expect(take.ending == nil)
        #expect(world.progress == 0)
    }

    @Test func putNextIsDoneByDroppingBesideTheOtherObject() {
        var b = LevelBuilder()
        let ball = b.put(.ball, .red, at: 3, 5)
        let box = b.put(.box, .blue, at: 5, 6)
        var world = b.world(agent: 3, 6, facing: .north, mission: Mission(.putNext(named(.ball, .red, ball), next: named(.box, .blue, box))), task: "putnext")
        #expect(world.step("pick up").ending == nil)
        #expect(world.step("turn right").ending == nil)
        let drop = world.step("drop")
        #expect(drop.ending == .success)
        #expect(drop.observation.feedback == "You drop a red ball. Mission complete!")
    }

    @Test func aLockedDoorOpensOnlyWithItsKey() {
        var b = LevelBuilder(rows: 1, cols: 2)
        let door = b.put(.door, .yellow, at: 7, 3, door: .locked)
        b.put(.key, .purple, at: 6, 2)
        b.put(.key, .yellow, at: 6, 4)
        var world = b.world(agent: 6, 3, facing: .east, mission: Mission(.open(named(.door, .yellow, door))), task: "open")
        let refused = world.step("toggle")
        #expect(refused.ending == nil)
        #expect(refused.observation.feedback == "The yellow door is locked; you need the yellow key.")
        play(&world, ["turn left", "pick up", "turn right"])
        #expect(world.step("toggle").ending == nil, "the purple key does not fit")
        play(&world, ["turn right", "turn right", "drop", "turn left", "pick up", "turn left"])
        #expect(world.observation.status == "You carry a yellow key.")
        let opened = world.step("toggle")
        #expect(opened.ending == .success)
        #expect(opened.observation.feedback == "You unlock the yellow door with the key and open it. Mission complete!")
    }
}
