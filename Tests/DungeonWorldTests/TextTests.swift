import DelveCore
import Testing
@testable import DungeonWorld

/// The observation's wording, after the NetHack language wrapper.
@Suite struct TextTests {
    @Test func distanceWordsAndSixteenPoints() {
        #expect(Bearing.band(dx: 1, dy: 1) == 0)
        #expect(Bearing.band(dx: 2, dy: 0) == 1)
        #expect(Bearing.band(dx: 3, dy: 0) == 2)
        #expect(Bearing.band(dx: 7, dy: 3) == 3)
        #expect(Bearing.band(dx: 20, dy: 3) == 4)
        let cases: [(Int, Int, String)] = [
            (0, -5, "north"), (1, -5, "northnortheast"), (3, -3, "northeast"), (5, -2, "eastnortheast"), (5, 0, "east"),
            (5, 2, "eastsoutheast"), (3, 3, "southeast"), (1, 4, "southsoutheast"), (0, 4, "south"),
            (-1, 4, "southsouthwest"), (-3, 3, "southwest"), (-4, 2, "westsouthwest"), (-4, 0, "west"),
            (-5, -2, "westnorthwest"), (-2, -2, "northwest"), (-1, -5, "northnorthwest"),
        ]
        for (dx, dy, word) in cases { #expect(Bearing.points[Bearing.point(dx: dx, dy: dy)] == word, "\(dx), \(dy)") }
    }

    @Test func thingsAreMergedByKindAndDistance() throws {
        var game = stagedGame([
            "-------",
            "|.....|",
            "|@...>|",
            "|.....|",
            "-------",
        ])
        game.level.add(try #require(Monster("jackal", at: Pos(2, 1))))
        game.level.add(try #require(Monster("jackal", at: Pos(2, 3))))
        game.level.add(try #require(Monster("newt", at: Pos(4, 1))))
        game.level.add(Item("apple"), at: Pos(3, 2))
        game.refreshVision()
        let lines = DungeonText.describe(game).split(separator: "\n").map(String.init)
        #expect(lines.contains("2 jackals adjacent northeast and southeast"))
        #expect(lines.contains("vertical wall adjacent southwest, west, and northwest"))
        #expect(lines.contains("staircase down near east"))
        #expect(lines.contains("newt near eastnortheast"))
        #expect(lines.contains("apple very near east"))
        // Farthest first.
        #expect(lines.firstIndex(of: "staircase down near east") ?? 99 < lines.firstIndex(of: "2 jackals adjacent northeast and southeast") ?? 0)
    }

    @Test func theObservationHasMessageStatusAndInventory() throws {
        var world = DungeonWorld(task: DescendTask())
        let observation = try world.reset(seed: 42, options: .defaults)
        #expect(observation.text.hasPrefix("message:\nHello Agent, welcome to the dungeon!"))
        #expect(observation.text.contains("\n\nlanguage observation:\n"))
        #expect(observation.status.hasPrefix("statistics:\nDlvl:1 $:0 HP:16(16) Pw:2(2) AC:7 Xp:1/0 T:1 Not Hungry"))
        #expect(observation.status.contains("inventory:\na: an uncursed +1 long sword (weapon in hand)\nb: 4 uncursed +0 daggers"))
        #expect(observation.status.contains("c: an uncursed +0 ring mail (being worn)"))
        #expect(observation.legalActions.contains("search"))
        #expect(observation.legalActions.contains("eat d"))
        #expect(observation.legalActions.contains("go up"))
    }

    @Test func unknownCommandsAreRefusedWithTheList() throws {
        var world = DungeonWorld(task: DescendTask())
        _ = try world.reset(seed: 42, options: .defaults)
        let result = world.step("dance wildly")
        #expect(!result.valid)
        #expect(result.observation.feedback.hasPrefix("Unknown command 'dance wildly'. Commands:"))
        #expect(!world.step("eat").valid)
        #expect(world.step("eat").observation.feedback == "Eat what? Give an inventory letter: 'eat f'.")
    }

    @Test func commandsAreParsedForgivingly() {
        let pack = [Item("food ration"), Item("wand of cold")].enumerated().map { i, item in
            var item = item
            item.letter = Hero.letters[i]
            return item
        }
        let names: (Item) -> String = { DungeonData.items[$0.kind].name }
        func parse(_ s: String) -> Command? { try? Command.parse(s, pack: pack, names: names).get() }
        #expect(parse("North") == .move(.north))
        #expect(parse("move south-west") == .move(.southwest))
        #expect(parse("far east") == .far(.east))
        #expect(parse(">") == .down)
        #expect(parse("go down") == .down)
        #expect(parse("eat a") == .eat("a"))
        #expect(parse("eat food ration") == .eat("a"))
        #expect(parse("zap b north east") == .zap("b", .northeast))
        #expect(parse("zap wand of cold w") == .zap("b", .west))
        #expect(parse("kick door north") == .kick(.north))
        #expect(parse("pick up") == .pickUp)
        #expect(parse("fly") == nil)
    }

    /// The world reuses the terrain seen from a cell and the legal actions; what it shows is
    /// what a fresh computation gives, step after step.
    @Test func reusedPartsMatchAFreshComputation() throws {
        var world = DungeonWorld(task: DescendTask())
        _ = try world.reset(seed: 8, options: .defaults)
        var random = SeededRandom(seed: 8)
        for _ in 0..<400 {
            let result = world.step(random.pick(world.observation.legalActions))
            if result.terminated { break }
            let fresh = DungeonText.describe(world.game)
            #expect(world.observation.text.hasSuffix("language observation:\n" + fresh))
            var actions: [String] = [], commands: [Command] = []
            var pack = PackCache()
            pack.refresh(world.game)
            LegalActions.collect(world.game, pack: pack, into: &actions, &commands)
            #expect(world.observation.legalActions == actions)
        }
    }

    @Test func thePlayMapUsesNetHackGlyphs() {
        var game = stagedGame(["-----", "|@.>|", "-----"])
        game.refreshVision()
        let map = DungeonRenderer.map(game)
        let rows = map.plainText.split(separator: "\n").map(String.init)
        #expect(rows[0] == "-----")
        #expect(rows[1] == "|@.>|")
        #expect(rows[3].hasPrefix("Dlvl:1 $:0 HP:16(16)"))
        #expect(map.rows[1][1] == MapCell("@", ink: 15, emphasis: .bold), "the hero: bright white")
        #expect(map.rows[1][3] == MapCell(">", ink: 15, emphasis: .bold), "stairs: bright white")
        #expect(map.rows[1][2] == MapCell(".", ink: 7), "floor: gray")
    }
}
