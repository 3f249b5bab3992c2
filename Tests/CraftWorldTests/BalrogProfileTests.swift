import DelveCore
import Testing
@testable import CraftWorld

/// The `balrog` profile: what BALROG's Crafter wrapper gives the model, and
/// its observation options.
@Suite struct BalrogProfileTests {
    static let balrog = WorldOptions(profile: .balrog)

    /// A stage (see `stage`) under `balrog` with the given options.
    static func balrogStage(_ values: [String: OptionValue] = [:]) throws -> CraftWorld {
        var world = try stage()
        world.profile = .balrog
        world.view = try CraftView(WorldOptions(values, profile: .balrog), task: world.taskID)
        return world
    }

    /// Everything an agent receives at reset on seed 3, pinned.
    @Test func firstObservationHasBalrogsShape() throws {
        var world = CraftWorld(task: .balrog)
        let first = try world.reset(seed: 3, options: Self.balrog)
        #expect(first.text == """
        You see:
        - grass 1 step to your west
        - tree 4 steps to your south-east

        You face grass at your front.
        """)
        #expect(first.status == """
        Your status:
        - health: 9/9
        - food: 9/9
        - drink: 9/9
        - energy: 9/9

        You have nothing in your inventory.
        """)
        #expect(first.mission == "")
        #expect(first.feedback == "")
        #expect(first.legalActions.isEmpty)
        #expect(world.legalActions == CraftAction.names)
        #expect(world.actionVocabulary == CraftAction.names)
        #expect(world.defaultAction == "Noop")
        #expect(world.instructions == """
        You are playing Crafter. These 17 actions are the only ones you can take; each is followed by what it does:

        Noop: nothing happens,
        Move West: walk one step west over flat ground,
        Move East: walk one step east over flat ground,
        Move North: walk one step north over flat ground,
        Move South: walk one step south over flat ground,
        Do: the all-purpose action: gather the material in front of you, drink from the water there, or strike the creature there,
        Sleep: go to sleep while your energy is under its maximum,
        Place Stone: put down a stone in front of you,
        Place Table: put down a table,
        Place Furnace: put down a furnace,
        Place Plant: put down a plant,
        Make Wood Pickaxe: craft a wood pickaxe; needs a table close by and wood in your inventory,
        Make Stone Pickaxe: craft a stone pickaxe; needs a table close by and wood and stone in your inventory,
        Make Iron Pickaxe: craft an iron pickaxe; needs a table and a furnace close by and wood, coal and iron in your inventory,
        Make Wood Sword: craft a wood sword; needs a table close by and wood in your inventory,
        Make Stone Sword: craft a stone sword; needs a table close by and wood and stone in your inventory,
        Make Iron Sword: craft an iron sword; needs a table and a furnace close by and wood, coal and iron in your inventory.

        The achievements the game rewards:
        1. Collect Wood
        2. Place Table
        3. Eat Cow
        4. Collect Sapling
        5. Collect Drink
        6. Make Wood Pickaxe
        7. Make Wood Sword
        8. Place Plant
        9. Defeat Zombie
        10. Collect Stone
        11. Place Stone
        12. Eat Plant
        13. Defeat Skeleton
        14. Make Stone Pickaxe
        15. Make Stone Sword
        16. Wake Up
        17. Place Furnace
        18. Collect Coal
        19. Collect Iron
        20. Make Iron Pickaxe
        21. Make Iron Sword
        22. Collect Diamond

        Next comes the history of your actions and the game's observations.
        Get as far as you can: aim to unlock every achievement.
        """)
        let next = world.step("Move West").observation
        #expect(next.feedback == "" && next.mission == "" && next.legalActions.isEmpty)
    }

    /// BALROG's reset plays one Noop: the world is one step on.
    @Test func resetPlaysOneNoop() throws {
        var world = CraftWorld(task: .balrog)
        _ = try world.reset(seed: 3, options: Self.balrog)
        var plain = CraftWorld(task: .balrog)
        _ = try plain.reset(seed: 3, options: .defaults)
        #expect(world.steps == 1 && plain.steps == 0)
        plain.step("Noop")
        #expect(world.creatures == plain.creatures && world.player == plain.player)
    }

    @Test func instructionsListActionsAndAchievementsInBalrogsOrderWithoutAdvice() {
        let text = CraftText.balrogInstructions
        for name in CraftAction.names { #expect(text.contains("\n\(name): ")) }
        let numbered = CraftText.balrogAchievementOrder.enumerated().map { "\($0.offset + 1). \(RuleBook.title($0.element))" }
        #expect(text.contains(numbered.joined(separator: "\n")))
        #expect(Set(CraftText.balrogAchievementOrder) == Set(CraftRules.achievements))
        #expect(!text.contains("zombies come out at night") && !text.contains("9x7"))
        #expect(text.contains("Make Iron Pickaxe: craft an iron pickaxe; needs a table and a furnace close by and wood, coal and iron in your inventory"))
    }

    /// Sleeping is told before death, with the blank lines BALROG's wrapper leaves.
    @Test func sleepingNoteComesFirstWithFourNewlines() throws {
        var world = try Self.balrogStage()
        world.player.sleeping = true
        world.give("health", 0)
        #expect(CraftText.describe(world).hasPrefix("You are sleeping, and will not be able take actions until energy is full.\n\n\n\nYou see:\n- grass"))
        world.player.sleeping = false
        #expect(CraftText.describe(world).hasPrefix("You died.\n\n\n\nYou see:"))
        world.profile = .delve
        #expect(CraftText.describe(world).hasPrefix("You died.\n\nYou see:"))
    }

    /// BALROG slices the semantic map from the window's corner: over the
    /// west or north edge the slice is empty.
    @Test func windowOverTheWestOrNorthEdgeSeesNothing() throws {
        var world = try Self.balrogStage()
        world.player.at = Cell(3, 30)
        #expect(CraftText.describe(world) == "You see nothing away from you.\n\nYou face nothing at your front.")
        world.player.at = Cell(60, 30)
        #expect(CraftText.describe(world).hasPrefix("You see:\n- grass 1 step to your west"))
    }

    @Test func preciseLocationsAndEveryCell() throws {
        var world = try Self.balrogStage(["unique_items": .bool(false), "precise_location": .bool(true), "skip_items": .string("grass")])
        let p = world.player.at
        world.terrain[p + Cell(-3, -2)] = Mat.tree
        world.terrain[p + Cell(-1, -1)] = Mat.tree
        world.terrain[p + Cell(2, 3)] = Mat.water
        #expect(CraftText.describe(world) == """
        You see:
        - tree 2 steps north and 3 steps west
        - tree 1 step north and 1 step west
        - water 3 steps south and 2 steps east

        You face nothing at your front.
        """)
    }

    @Test func edgeOnlyItemsKeepTheirBorderCells() throws {
        var world = try Self.balrogStage(["unique_items": .bool(false), "skip_items": .string("grass"), "edge_only_items": .string("water")])
        let p = world.player.at
        // A 3x3 pool east of the player: only its centre has water on all four sides.
        for dx in 1...3 { for dy in -1...1 { world.terrain[p + Cell(dx, dy)] = Mat.water } }
        let lines = CraftText.describe(world).split(separator: "\n").filter { $0.hasPrefix("- water") }
        #expect(lines.count == 8)
        #expect(!lines.contains("- water 2 steps to your east"))
        #expect(lines.contains("- water 1 step to your east"))
    }

    @Test func badOptionsAreRefused() {
        var world = CraftWorld(task: .balrog)
        #expect(throws: WorldError.self) { try world.reset(seed: 1, options: WorldOptions(["skip_items": .string("grass,lava2")])) }
        #expect(throws: WorldError.self) { try world.reset(seed: 1, options: WorldOptions(["unique_items": .string("yes")])) }
        #expect(throws: WorldError.self) { try world.reset(seed: 1, options: WorldOptions(["edge_only": .string("water")])) }
        #expect(throws: Never.self) { try world.reset(seed: 1, options: WorldOptions(["skip_items": .string("grass, sand,path")])) }
    }

    /// The `delve` profile with BALROG's default options writes what it always did.
    @Test func generalPathMatchesTheFastPathOnDefaults() throws {
        for seed: UInt64 in [0, 5, 9] {
            var world = CraftWorld(task: .balrog)
            _ = try world.reset(seed: seed, options: .defaults)
            for action in ["Move West", "Move North", "Do", "Move North", "Move East"] { world.step(action) }
            let fast = CraftText.describe(world)
            world.view.preciseLocation = false
            world.view.edgeOnlyItems = [Int(Mat.lava)]  // forces the general path; no lava near spawn
            #expect(CraftText.describe(world) == fast)
        }
    }
}
