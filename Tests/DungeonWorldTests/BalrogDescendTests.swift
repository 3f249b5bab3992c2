import DelveCore
import Testing
@testable import DungeonWorld

/// `dungeon/descend` in the `balrog` profile: BALROG's hybrid NetHack text,
/// its progression table, its keystroke actions and questions.
@Suite struct BalrogDescendTests {
    static var balrog: WorldOptions {
        var options = WorldOptions.defaults
        options.profile = .balrog
        return options
    }

    static func world(seed: UInt64 = 42) throws -> DungeonWorld {
        var world = DungeonWorld(task: DescendTask())
        _ = try world.reset(seed: seed, options: balrog)
        return world
    }

    /// The map section's lines: 21 map rows and the two status lines.
    static func mapLines(_ text: String) -> [String] {
        guard let range = text.range(of: "\n\nmap:\n") else { return [] }
        return text[range.upperBound...].split(separator: "\n", omittingEmptySubsequences: false).prefix(23).map(String.init)
    }

    /// The sections come in BALROG's order, the map is NLE's terminal less its message row, and the
    /// short-term context is the inventory alone; no legal actions are sent.
    @Test func theObservationIsBalrogsHybridText() throws {
        let world = try Self.world()
        let text = world.observation.text
        #expect(text.hasPrefix("message:\nHello Agent, welcome to the dungeon! You are a fighter."))
        #expect(!text.contains("Amulet"))
        let headings = ["message:\n", "\n\nlanguage observation:\n", "\n\ncursor:\n", "\n\nmap:\n"]
        let positions = headings.compactMap { text.range(of: $0)?.lowerBound }
        #expect(positions.count == 4 && positions == positions.sorted())
        #expect(text.contains("\n\ncursor:\nYourself a fighter\n(x=50, y=4)\n\nmap:\n"))
        let lines = Self.mapLines(text)
        #expect(lines.count == 23 && lines.allSatisfy { $0.count == 80 })
        // The hero's row: tty row 4 is map line 3 (the message row is left out).
        #expect(lines[3] == String(repeating: " ", count: 43) + "+......@......|" + String(repeating: " ", count: 22))
        #expect(lines[21] == "Agent the Stripling           St:16" + String(repeating: " ", count: 45))
        #expect(lines[22] == "Dlvl:1 $:0 HP:16(16) Pw:2(2) AC:7 Xp:1/0 T:1" + String(repeating: " ", count: 36))
        #expect(text.hasSuffix(lines[22] + "\n\n"))
        #expect(world.observation.status == """
            inventory:
            a: an uncursed +1 long sword (weapon in hand)
            b: 4 uncursed +0 daggers
            c: an uncursed +0 ring mail (being worn)
            d: 2 uncursed food rations
            e: an uncursed potion of healing

            """)
        #expect(world.observation.legalActions.isEmpty)
        #expect(!world.instructions.contains("Amulet"))
    }

    /// After moves the cursor and the hero's row follow the hero, and the turn counter shows on the status line.
    @Test func theCursorAndMapFollowTheHero() throws {
        var world = try Self.world()
        world.step("west")
        world.step("south")
        let p = world.game.hero.pos
        #expect(p == Pos(49, 4))
        #expect(world.observation.text.contains("(x=49, y=5)"))
        let lines = Self.mapLines(world.observation.text)
        #expect(Array(lines[4])[49] == "@")
        #expect(lines[22].hasPrefix("Dlvl:1 $:0 HP:16(16) Pw:2(2) AC:7 Xp:1/0 T:3 "))
    }

    /// BALROG's action space: NLE's 86 useful actions, 52 letters, 10 digits and 100 two-digit counts;
    /// the random agent's legal actions leave out the counts; the default action is `esc`.
    @Test func theVocabularyIsBalrogs() throws {
        let world = try Self.world()
        #expect(world.actionVocabulary?.count == 248)
        #expect(world.legalActions.count == 148)
        #expect(world.defaultAction == "esc")
        for word in ["north", "far southwest", "esc", "more", "pickup", "k", "Z", "0", "42"] {
            #expect(world.actionVocabulary?.contains(word) == true, "\(word)")
        }
        var refused = world
        #expect(!refused.step("eat d").valid)
    }

    /// `eat` asks which food, in NetHack's words, without using a turn; the letter answers and the hero eats.
    @Test func itemCommandsAskForALetter() throws {
        var world = try Self.world()
        let turn = world.game.turn
        world.step("eat")
        #expect(world.observation.text.hasPrefix("message:\nWhat do you want to eat? [d or ?*]\n"))
        #expect(world.game.turn == turn)
        world.step("x")
        #expect(world.observation.feedback == "You don't have that object. What do you want to eat? [d or ?*]")
        world.step("d")
        #expect(world.game.turn > turn)
        #expect(world.prompt == nil)
        world.step("drop")
        #expect(world.observation.feedback == "What do you want to drop? [abde or ?*]")
        world.step("esc")
        #expect(world.observation.feedback == "Never mind.")
        #expect(world.prompt == nil)
    }

    /// Door commands and aimed objects ask for a direction; direction words answer; keystroke letters
    /// are commands (`k` is north) when nothing is asked.
    @Test func directionsAndKeystrokes() throws {
        var world = try Self.world()
        world.step("throw")
        world.step("b")
        #expect(world.observation.feedback == "In what direction?")
        world.step("east")
        #expect(world.game.hero.inventory.first { $0.letter == "b" }?.quantity == 3)
        let before = world.game.hero.pos
        world.step("k")
        #expect(world.game.hero.pos == before.moved(.north))
        world.step("open")
        world.step("wait")
        #expect(world.observation.feedback == "What a strange direction! Never mind.")
    }

    /// Going up the stairs of level 1 without the Amulet asks first, as NetHack does; `y` leaves (a failure).
    @Test func leavingTheDungeonAsks() throws {
        var world = try Self.world()
        #expect(world.game.level[world.game.hero.pos] == .stairsUp)
        world.step("up")
        #expect(world.observation.feedback == "Beware, there will be no return! Still climb? [yn] (n)")
        world.step("n")
        #expect(world.prompt == nil && !world.game.escaped)
        world.step("up")
        #expect(world.step("y").ending == .failure)
    }

    /// Engraving asks what to write with, then takes typed keys, without game time, until Enter (`more`)
    /// writes, a turn's work: NetHack's text entry, where random keystrokes get stuck.
    @Test func engravingTakesTextUntilEnter() throws {
        var world = try Self.world()
        let turn = world.game.turn
        world.step("engrave")
        #expect(world.observation.feedback == "What do you want to write with? [- a-e or ?*]")
        world.step("a")
        #expect(world.observation.feedback == "You write in the dust with it. What do you want to write in the dust here?")
        for word in ["E", "l", "b", "north"] { world.step(word) }
        #expect(world.game.turn == turn && world.prompt == .engraveText)
        world.step("more")
        #expect(world.game.turn == turn + 1 && world.prompt == nil)
    }

    /// Steps that pass no game time (questions, `esc`, `more`, walking into walls) end the episode after 150
    /// in a row, as NLE's no-progress timeout does; a step that moves the turn counter resets the count.
    @Test func stillStepsTruncateAfter150() throws {
        var world = try Self.world()
        for _ in 0..<100 { #expect(!world.step("esc").truncated) }
        world.step("search")
        for _ in 0..<149 { #expect(!world.step("more").truncated) }
        #expect(world.step("esc").truncated)
    }

    /// Progress is BALROG's table from human play: the best of the deepest level's and the experience
    /// level's values (dungeon level 2 is worth 1.54, experience level 5 2.91).
    @Test func progressIsBalrogsProgressionTable() throws {
        var world = try Self.world()
        #expect(world.progress == 0)
        world.game.maxDepth = 2
        #expect(world.progress == 1.53923)
        world.game.hero.level = 5
        #expect(world.progress == 2.9109)
        world.game.maxDepth = 10
        #expect(world.progress == 12.5586)
        #expect(BalrogProgression.depth.count == 50 && BalrogProgression.experience.count == 30)
        #expect(BalrogProgression.value(maxDepth: 1, experienceLevel: 1, won: true) == 100)
        var delve = DungeonWorld(task: DescendTask())
        _ = try delve.reset(seed: 42, options: .defaults)
        delve.game.maxDepth = 2
        #expect(delve.progress == Progression.depth[1])
    }

    /// The descend bot, typed one keystroke a step, plays the same game as in the `delve` profile.
    @Test func theBotPlaysThroughKeystrokes() throws {
        var world = try Self.world(seed: 7)
        var steps = 0
        while steps < 3_000, let action = world.expertAction() {
            #expect(world.actionVocabulary?.contains(action) == true, "\(action)")
            let valid = world.step(action).valid
            #expect(valid, "\(action): \(world.observation.feedback)")
            if !valid { break }
            steps += 1
        }
        #expect(world.game.maxDepth >= 2)
    }
}
