import DelveCore
import Testing
@testable import DungeonWorld

/// The MiniHack skill tasks in the `balrog` profile: MiniHack's action sets
/// and kits, BALROG's prompt without solution hints, the map as BALROG's
/// hybrid text shows it, and pass/fail scoring.
@Suite struct BalrogSkillsTests {
    static func world(_ name: String, seed: UInt64 = 3) throws -> DungeonWorld {
        let task = try #require(SkillTask.all.first { $0.name == name })
        var options = WorldOptions.defaults
        options.profile = .balrog
        var world = DungeonWorld(task: task)
        _ = try world.reset(seed: seed, options: options)
        return world
    }

    /// The navigation tasks take only MiniHack's compass moves (Boxoban the four cardinal ones, the
    /// corridor also open, kick and search); anything else is refused; the default action is `north`.
    @Test func theNavigationTasksTakeOnlyTheirMoves() throws {
        let moves = ["north", "east", "south", "west", "northeast", "southeast", "southwest", "northwest"]
        for name in ["maze_walk_9x9", "maze_walk_15x15", "corridor_battle"] {
            var world = try Self.world(name)
            #expect(world.actionVocabulary == moves && world.legalActions == moves, "\(name)")
            #expect(!world.step("search").valid && !world.step("far east").valid && !world.step("esc").valid, "\(name)")
            #expect(world.defaultAction == "north")
        }
        #expect(try Self.world("corridor").actionVocabulary == moves + ["open", "kick", "search"])
        var boxoban = try Self.world("boxoban_hard")
        #expect(boxoban.actionVocabulary == ["north", "east", "south", "west"])
        #expect(!boxoban.step("northeast").valid)
        let quest = try Self.world("quest_easy")
        #expect(quest.actionVocabulary?.count == 32 && quest.actionVocabulary?.contains("zap") == true)
        #expect(quest.actionVocabulary?.contains("e") == false)
    }

    /// No healing potions: the fighter's kit without its potion, MiniHack's knight with apples.
    @Test func theKitsHaveNoPotions() throws {
        for task in SkillTask.all {
            let world = try Self.world(task.name)
            #expect(!world.game.hero.inventory.contains { $0.itemClass == .potion }, "\(task.name)")
        }
        let knight = try Self.world("corridor_battle").game.hero
        #expect(knight.ac == 3 && knight.inventory.last?.quantity == 10)
    }

    /// The prompts state BALROG's goals and no tactics: no mention of the wand and horn or of pushing rules.
    @Test func theInstructionsGiveNoSolutionHints() throws {
        let quest = try Self.world("quest_medium").instructions
        #expect(quest.contains("staircase down") && !quest.contains("wand of cold") && !quest.contains("frost horn") && !quest.contains("lava"))
        let boxoban = try Self.world("boxoban_medium").instructions
        #expect(boxoban.contains("boulders onto the fountains") && !boxoban.contains("diagonal") && !boxoban.contains("plan"))
        let maze = try Self.world("maze_walk_9x9").instructions
        #expect(maze.contains("get as far as you can") && maze.contains("northwest: step one cell northwest"))
        let battle = try Self.world("corridor_battle").instructions
        #expect(battle.contains("explore the level and reach the staircase down") && !battle.contains("rat"))
    }

    /// The map shows the level centered in NetHack's 80 × 21 field, the hero on it, then the status lines.
    @Test func theMapShowsTheHeroAndTheStatusLines() throws {
        let world = try Self.world("corridor_battle", seed: 0)
        let lines = BalrogDescendTests.mapLines(world.observation.text)
        #expect(lines.count == 23 && lines.allSatisfy { $0.count == 80 })
        let p = world.game.hero.pos, o = BalrogView.origin(world.game.level)
        #expect(o.x == 23 && o.y == 8)
        #expect(Array(lines[p.y + o.y])[p.x + o.x] == "@")
        #expect(world.observation.text.contains("(x=\(p.x + o.x), y=\(p.y + o.y + 1))"))
        #expect(lines[22].hasPrefix("Dlvl:1 $:0 HP:16(16) Pw:2(2) AC:3 Xp:1/0 T:1 "))
        #expect(world.observation.status.hasPrefix("inventory:\na: an uncursed +1 long sword (weapon in hand)\n"))
    }

    /// In the quests an item is chosen by the action word whose key is its letter, as in BALROG (MiniHack's
    /// quests have no letter actions): in the easy quest the frost horn lands on e, which `eat` types; in the
    /// medium one the wand lands on h, which `west` types.
    @Test func questItemsAreChosenByKeystrokeWords() throws {
        var world = try Self.world("quest_easy", seed: 1)
        world.step("pickup")
        #expect(world.game.hero.inventory.first { $0.itemClass == .tool }?.letter == "e")
        world.step("apply")
        #expect(world.observation.feedback == "What do you want to use or apply? [e or ?*]")
        world.step("eat")
        #expect(world.observation.feedback == "In what direction?")
        var medium = try Self.world("quest_medium", seed: 1)
        medium.step("pickup")
        #expect(medium.game.hero.inventory.first { $0.itemClass == .wand }?.letter == "h")
        medium.step("zap")
        medium.step("west")
        #expect(medium.observation.feedback == "In what direction?")
    }

    /// Progress is BALROG's MiniHack rule: 100 on success, else 0.
    @Test func progressIsPassOrFail() throws {
        var world = try Self.world("maze_walk_9x9")
        #expect(world.progress == 0)
        while let action = world.expertAction(), world.step(action).ending == nil {}
        #expect(world.progress == 100)
    }
}
