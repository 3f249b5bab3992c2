import DelveCore
@testable import DelvePlay
import Testing
import WorldCatalog

/// Playing with single keys: each family's table, the help line, mistakes that use no step, the switch to typed commands.
@Suite struct KeyPlayTests {
    private func session(_ task: String, seed: UInt64 = 7, profile: Profile = .delve) throws -> PlaySession {
        try PlaySession(task: Catalog.standard.task(task), seed: seed, profile: profile, screen: .plain, mode: .keys)
    }

    /// Every key of the fixed-vocabulary families plays one of the task's actions, in both profiles.
    @Test(arguments: ["grid/goto", "craft/balrog", "rules/make_win"], Profile.allCases)
    func everyKeyPlaysAnActionOfTheVocabulary(task: String, profile: Profile) throws {
        let play = try session(task, profile: profile)
        let keyMap = try #require(play.keyMap)
        #expect(!keyMap.bindings.isEmpty)
        for binding in keyMap.bindings {
            #expect(play.env.world.actionSpace.contains(binding.action), "\(task) \(profile): \(binding.action)")
        }
    }

    /// The dungeon's keys type commands the game knows: in the `delve` profile with their answers filled in,
    /// in the `balrog` profile words of the task's vocabulary.
    @Test(arguments: ["dungeon/descend", "dungeon/quest_easy"])
    func everyDungeonKeyTypesACommandTheGameKnows(task: String) throws {
        let play = try session(task)
        for binding in try #require(play.keyMap).bindings {
            let answers = binding.asks.map { $0 == .item ? "a" : "north" }
            var world = play.env.world
            let feedback = world.step(([binding.action] + answers).joined(separator: " ")).observation.feedback
            #expect(!feedback.hasPrefix("Unknown command"), "\(binding.action): \(feedback)")
        }
        let balrog = try session(task, profile: .balrog)
        let vocabulary = try #require(balrog.env.world.actionVocabulary)
        for binding in try #require(balrog.keyMap).bindings {
            #expect(vocabulary.contains(binding.action), "\(binding.action)")
        }
    }

    /// On grid/pickup only "pick up" can end the episode, so every turn counts.
    @Test func gridKeysPlayAndTheHelpLineShowsThem() throws {
        var play = try session("grid/pickup")
        let first = play.handle(key: .right)
        #expect(play.env.steps == 1)
        #expect(first.text.contains("Keys      ↑/w go forward  ←/a turn left  →/d turn right  Space/t toggle  PgUp/p pick up  PgDn/x drop  Enter done"))
        #expect(first.text.contains("` typed commands  ? all keys  Ctrl-C quit"))
        _ = play.handle(key: .character("a"))
        #expect(play.env.steps == 2)
        let balrog = try session("grid/goto", profile: .balrog)
        #expect(balrog.keyMap?.binding(for: .enter) == nil, "BALROG's BabyAI has no done")
    }

    @Test func aKeyThatMeansNothingUsesNoStepAndSaysWhichKeysDo() throws {
        var play = try session("grid/goto")
        let reply = play.handle(key: .character("z"))
        #expect(reply.text.hasPrefix("The key z does nothing here (no step used). Keys      ↑/w go forward"))
        #expect(play.env.steps == 0)
        let help = play.handle(key: .character("?"))
        #expect(help.text.contains("  ←/a turn left\n"))
        #expect(play.env.steps == 0)
    }

    @Test func theSwitchKeyGoesToTypedCommandsAndBack() throws {
        var play = try session("rules/make_win")
        #expect(play.mode == .keys)
        #expect(play.handle(key: PlaySession.switchKey).text.hasPrefix("Typed commands: type an action or :help."))
        #expect(play.mode == .typed)
        _ = play.handle("left")
        #expect(play.env.steps == 1)
        _ = play.handle("`")
        #expect(play.mode == .keys)
        _ = play.handle(key: .right)
        #expect(play.env.steps == 2)
        _ = play.handle(key: PlaySession.switchKey)
        _ = play.handle(":keys")
        #expect(play.mode == .keys)
    }

    @Test func craftKeysAreCraftersOwn() throws {
        var play = try session("craft/balrog", seed: 1)
        _ = play.handle(key: .character(" "))
        _ = play.handle(key: .tab)
        _ = play.handle(key: .character("d"))
        #expect(play.env.steps == 3)
        #expect(play.keyMap?.binding(for: .character("1"))?.action == "Make Wood Pickaxe")
    }

    /// NetHack's way: `e` asks what to eat, the letter answers; Esc cancels; a wrong answer is asked again.
    @Test func dungeonKeysAskForTheItemAndTheDirection() throws {
        var play = try session("dungeon/descend", seed: 42)
        #expect(play.handle(key: .character("o")).text.hasPrefix("Open in what direction? Press hjklyubn/←/↓/↑/→ (Esc cancels)."))
        #expect(play.handle(key: .character("x")).text.hasPrefix("Press a direction (hjklyubn/←/↓/↑/→) for open, or Esc."))
        #expect(play.handle(key: .escape).text == "Never mind: open cancelled, no step used.\n")
        #expect(play.handle(key: .character("T")).text == "Take off what? Press an inventory letter (Esc cancels).\n")
        _ = play.handle(key: .escape)
        #expect(play.handle(key: .character("e")).text == "Eat what? Press an inventory letter (Esc cancels).\n")
        #expect(play.handle(key: .character("x")).text.contains("You don't have that object: x. (No step used.)"))
        #expect(play.env.steps == 0)
        _ = play.handle(key: .character("e"))
        let eaten = play.handle(key: .character("d"))
        #expect(play.env.steps == 1)
        #expect(play.messages.last?.hasPrefix("1: ") == true, "\(eaten.text)")
        _ = play.handle(key: .character("s"))
        #expect(play.env.steps == 2)
    }

    /// In the `balrog` profile every key is one NetHack keystroke, one step: `e` then the letter is two.
    @Test func balrogDungeonKeysAreKeystrokes() throws {
        var play = try session("dungeon/descend", seed: 42, profile: .balrog)
        #expect(play.keyMap?.binding(for: .character("e"))?.action == "eat")
        #expect(play.keyMap?.binding(for: .escape)?.action == "esc")
        #expect(play.keyMap?.binding(for: .up)?.action == "north")
        _ = play.handle(key: .character("e"))
        _ = play.handle(key: .character("d"))
        #expect(play.env.steps == 2)
    }

    @Test func anEndedEpisodeInKeyModeSaysHowToGoOn() throws {
        var play = try session("grid/goto")
        var last = ""
        while play.env.endReason == nil, let action = play.env.world.expertAction() { last = play.handle(action).text }
        #expect(last.contains("Press ` and type :restart to play seed 7 again"))
        #expect(play.handle(key: .up).text.hasPrefix("The episode is over (success, the mission is accomplished). Press ` and type :restart"))
    }

    /// The help line breaks between entries to fit the terminal.
    @Test func theKeyLineFitsTheWidth() throws {
        let play = try session("dungeon/descend", seed: 42)
        let keyMap = try #require(play.keyMap)
        let lines = Screen(color: false, clears: true, width: 60).keyLine(keyMap, switchKey: PlaySession.switchKey).split(separator: "\n")
        #expect(lines.count > 2)
        #expect(lines.allSatisfy { $0.count <= 60 })
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("          ") && !$0.hasPrefix("           ") })
        #expect(lines.contains { $0.hasSuffix("Ctrl-C quit") })
    }

    /// Ctrl-D quits where the world has no Ctrl-D key; in the dungeon it kicks, and Ctrl-C quits.
    @Test func ctrlDKicksInTheDungeon() throws {
        var play = try session("dungeon/descend", seed: 42)
        #expect(play.handle(key: .control("d")).text.hasPrefix("Kick in what direction?"))
        #expect(play.handle(key: .control("c")).quits)
        var grid = try session("grid/pickup")
        #expect(grid.handle(key: .control("d")).quits)
    }

    @Test func textWorldsAreTypedOnly() throws {
        let play = try session("text/cooking", seed: 3)
        #expect(play.keyMap == nil)
        #expect(play.mode == .typed)
    }

    @Test func theRunLoopReadsKeysAndGivesTheTerminalBack() throws {
        var play = try session("grid/pickup")
        var lines = ScriptedLines([":quit"])
        var keys = ScriptedKeys([.left, .left, PlaySession.switchKey])
        var output = ""
        play.run(lines: &lines, keys: &keys, output: &output)
        #expect(play.env.steps == 2)
        #expect(output.contains("step 2/"))
        #expect(output.hasSuffix("Bye. grid/pickup seed 7: step 2/\(play.env.budget), progress \(Screen.percent(play.env.tracker.progress))/100.\n"))
        #expect(keys.releases >= 2, "before the typed line and at the end")
        var quitting = try session("grid/goto")
        var ctrlD = ScriptedKeys([.control("d")])
        var none = ScriptedLines([])
        output = ""
        quitting.run(lines: &none, keys: &ctrlD, output: &output)
        #expect(output.hasSuffix("Bye. grid/goto seed 7: step 0/\(quitting.env.budget), progress 0/100.\n"))
    }
}
