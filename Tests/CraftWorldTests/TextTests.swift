import DelveCore
import Testing
@testable import CraftWorld

/// The observation reads as BALROG's Crafter text.
@Suite struct TextTests {
    @Test func nearestOfEachKindInTheWindow() throws {
        var world = try stage()
        let p = world.player.at
        world.terrain[p + Cell(-3, -2)] = Mat.tree
        world.terrain[p + Cell(-1, -1)] = Mat.tree
        world.terrain[p + Cell(4, 0)] = Mat.water
        world.terrain[p + Cell(5, 0)] = Mat.stone  // outside the 9x7 window
        world.terrain[p + Cell(0, 4)] = Mat.stone  // outside too
        world.add(Creature(.cow, at: p + Cell(0, 1)))
        let text = CraftText.describe(world)
        #expect(text == """
        You see:
        - grass 1 step to your west
        - tree 2 steps to your north-west
        - cow 1 step to your south
        - water 4 steps to your east

        You face cow at your front.
        """)
    }

    @Test func statusListsVitalsThenInventory() throws {
        var world = try stage()
        #expect(CraftText.status(world.player).hasSuffix("- energy: 9/9\n\nYou have nothing in your inventory."))
        world.give("wood", 3)
        world.give("wood_pickaxe", 1)
        world.give("food", 4)
        #expect(CraftText.status(world.player) == """
        Your status:
        - health: 9/9
        - food: 4/9
        - drink: 9/9
        - energy: 9/9

        Your inventory:
        - wood: 3
        - wood_pickaxe: 1
        """)
    }

    @Test func renderShowsTheViewAndTheStatusLine() throws {
        var world = try stage()
        world.terrain[world.player.at + Cell(1, 0)] = Mat.tree
        let map = world.map
        let rows = map.plainText.split(separator: "\n")
        #expect(rows[3] == " . . . .vv T . . .")
        #expect(rows[7].hasPrefix("health 9/9  food 9/9  drink 9/9  energy 9/9"))
        #expect(map.rows[3][4].ink == 231 && map.rows[3][4].emphasis == .bold, "the player: bold white")
        #expect(map.rows[3][5] == MapCell(" T", ink: 255, paper: CraftRules.materials[Int(Mat.tree)].color, emphasis: .bold))
    }

    @Test func unparseableWordsAreInvalidAndChangeNothing() throws {
        var world = try stage()
        let before = world
        let result = world.step("fly away")
        #expect(!result.valid)
        #expect(world.steps == before.steps && world.player == before.player)
        let noop = world.step("Place Table")
        #expect(noop.valid, "a Crafter action that does nothing still takes its step")
        #expect(noop.observation.feedback.hasPrefix("You need"))
    }
}
