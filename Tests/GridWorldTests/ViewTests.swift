import DelveCore
import Testing
@testable import GridWorld

@Suite struct ViewTests {
    @Test func listsStraightWallsThenObjectsNearestFirst() {
        var b = LevelBuilder()
        let ball = b.put(.ball, .red, at: 2, 4)
        b.put(.key, .blue, at: 3, 3)
        b.put(.box, .green, at: 4, 6) // beside the agent, to its right
        let world = b.world(agent: 3, 6, facing: .north, mission: Mission(.goTo(named(.ball, .red, ball))))
        #expect(world.observation.text == """
            a wall 3 steps left
            a green box 1 step right
            a red ball 1 step left and 2 steps forward
            a blue key 3 steps forward
            """)
        #expect(world.observation.status == "You carry nothing.")
        #expect(world.observation.mission == "go to the red ball")
    }

    @Test func straightWallsAreListedOnlyWhenNothingStandsBetween() {
        var b = LevelBuilder()
        b.put(.ball, .grey, at: 3, 2)
        let world = b.world(agent: 3, 6, facing: .north, mission: Mission(.goTo(named(.ball, .grey, 1))))
        // Ahead the ball hides the wall; left the wall is 3 away; right it is 4 away, outside the view.
        #expect(world.observation.text == "a wall 3 steps left\na grey ball 4 steps forward")
    }

    @Test func objectsBehindTheAgentAreNotSeen() {
        var b = LevelBuilder()
        b.put(.ball, .red, at: 3, 6)
        let world = b.world(agent: 3, 5, facing: .north, mission: Mission(.goTo(named(.ball, .red, 1))))
        #expect(!world.observation.text.contains("ball"))
    }

    @Test func closedDoorsHideTheNextRoomAndOpenOnesShowIt() {
        for (state, expected) in [
            (DoorState.closed, "a wall 3 steps left\na closed red door 2 steps forward"),
            (.locked, "a wall 3 steps left\na locked red door 2 steps forward"),
            (.open, "a wall 3 steps left\nan open red door 2 steps forward\na purple ball 4 steps forward"),
        ] {
            var b = LevelBuilder(rows: 1, cols: 2)
            b.put(.door, .red, at: 7, 3, door: state)
            let ball = b.put(.ball, .purple, at: 9, 3)
            let world = b.world(agent: 5, 3, facing: .east, mission: Mission(.goTo(named(.ball, .purple, ball))))
            #expect(world.observation.text == expected, "door \(state)")
        }
    }

    /// The wall ahead hides the next room; a door to the side lets light in
    /// when open, and then it spreads across the rows beyond it (MiniGrid's
    /// rule, which BabyAI agents see too).
    @Test func sightEntersTheNextRoomOnlyThroughAnOpenDoor() {
        for (state, expected) in [
            (DoorState.closed, "a wall 1 step forward\na wall 3 steps right\na closed red door 3 steps left and 1 step forward"),
            (.open, "a wall 1 step forward\na wall 3 steps right\na yellow ball 3 steps forward\nan open red door 3 steps left and 1 step forward"),
        ] {
            var b = LevelBuilder(rows: 1, cols: 2)
            b.put(.door, .red, at: 7, 1, door: state)
            b.put(.ball, .yellow, at: 9, 4)
            let world = b.world(agent: 6, 4, facing: .east, mission: Mission(.goTo(named(.ball, .yellow, 2))))
            #expect(world.observation.text == expected, "door \(state)")
        }
    }

    @Test func visibilityFollowsFacing() {
        var b = LevelBuilder()
        b.put(.key, .yellow, at: 5, 3)
        var world = b.world(agent: 3, 3, facing: .north, mission: Mission(.goTo(named(.key, .yellow, 1))))
        #expect(world.observation.text.contains("a yellow key 2 steps right"))
        world.step("turn right")
        #expect(world.observation.text.contains("a yellow key 2 steps forward"))
        world.step("turn right")
        #expect(world.observation.text.contains("a yellow key 2 steps left"))
        world.step("turn right")
        #expect(!world.observation.text.contains("key"))
    }

    @Test func carriedObjectEndsTheText() {
        var b = LevelBuilder()
        b.put(.key, .green, at: 3, 5)
        b.put(.ball, .red, at: 1, 1)
        var world = b.world(agent: 3, 6, facing: .north, mission: Mission(.goTo(named(.ball, .red, 2))))
        world.step("pick up")
        #expect(world.observation.text.hasSuffix("\nYou carry a green key."))
        #expect(world.observation.status == "You carry a green key.")
    }

    @Test func theMapDrawsEveryCellAndShadesTheView() {
        var b = LevelBuilder()
        b.put(.key, .green, at: 3, 5)
        b.put(.door, .red, at: 7, 3, door: .locked)
        let world = b.world(agent: 3, 6, facing: .north, mission: Mission(.goTo(named(.key, .green, 1))))
        let map = world.map
        let plain = map.plainText.split(separator: "\n").map(String.init)
        #expect(plain[0] == String(repeating: "##", count: 8))
        #expect(plain[5] == "## . .Kg . . .##")
        #expect(plain[6] == "## . .^^ . . .##")
        #expect(plain[3] == "## . . . . . .Lr")
        #expect(plain[8] == "facing north, carrying nothing")
        #expect(map.rows[5][3] == MapCell("Kg", ink: 46, paper: GridRenderer.viewShade, emphasis: .bold), "in view: shaded")
        #expect(map.rows[6][3] == MapCell("^^", ink: 231, paper: GridRenderer.viewShade, emphasis: .bold))
        #expect(map.rows[3][7] == MapCell("Lr", ink: 196, emphasis: .bold), "behind the wall: not shaded")
        #expect(map.rows[0][0] == MapCell("##", ink: 245, paper: 240), "walls keep their own paper")
    }
}
