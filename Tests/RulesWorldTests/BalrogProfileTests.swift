import DelveCore
import Testing
@testable import RulesWorld

/// The `balrog` profile: BALROG's BabaIsAI observation and instructions,
/// BabaIsAI's judging of a win, and BALROG's reset when nothing is `you`.
@Suite struct BalrogProfileTests {
    static let balrog = WorldOptions(profile: .balrog)

    static func task(_ name: String) throws -> RulesTask {
        try #require(RulesTask.all.first { $0.name == name })
    }

    /// A world under `balrog` playing the given board.
    static func world(_ board: Board, task: String = "goto_win") throws -> RulesWorld {
        var world = RulesWorld(task: try Self.task(task))
        _ = try world.reset(seed: 0, options: balrog)
        world.install(Level(board: board, plan: [.goto(.key)]))
        return world
    }

    /// Everything an agent receives at reset on one seed, pinned.
    @Test func firstObservationHasBalrogsShape() throws {
        var world = RulesWorld(task: try Self.task("goto_win-distr_obj_rule"))
        let first = try world.reset(seed: 4, options: Self.balrog)
        #expect(first.text == """
        Active rules:
        door is win
        baba is you

        Objects on the map:
        rule `door` 1 step to the left and 3 steps up
        rule `is` 3 steps up
        rule `win` 1 step to the right and 3 steps up
        key 1 step to the left and 2 steps up
        rule `key` 4 steps to the right and 2 steps up
        door 1 step to the right and 1 step down
        rule `baba` 1 step to the left and 2 steps down
        rule `is` 2 steps down
        rule `you` 1 step to the right and 2 steps down
        """)
        #expect(first.status == "" && first.mission == "" && first.feedback == "")
        #expect(first.legalActions.isEmpty)
        #expect(world.legalActions == ["idle", "up", "right", "down", "left"])
        #expect(world.actionVocabulary == ["idle", "up", "right", "down", "left"])
        #expect(world.defaultAction == "idle")
        #expect(world.instructions == """
        You are playing Baba Is You, a puzzle game in which the rules of each level can be changed. The actions you can take, each with what it does:

        idle: stay where you are for one step,
        up: move one step up,
        right: move one step to the right,
        down: move one step down,
        left: move one step to the left.

        Tips:
        - Look the level over with care: note every object and every text block on it.
        - Work out the rules in force: text blocks in a line spelling [Subject] IS [Property] (for instance "BABA IS YOU").
        - Think about which rules you could change or create by pushing text blocks around.
        - Objects and text that are "STOP", or held in place some other way, cannot be moved.
        - Usually you win by reaching an object that is "WIN", but that can change.
        - Be inventive: a changed rule can make objects behave in surprising ways.
        - When stuck, try taking an existing rule apart or building an entirely new one.
        - Sometimes the answer is to become another object, or to change what counts as winning.

        Begin!
        """)
        for action in ["idle", "up"] {
            let next = world.step(action).observation
            #expect(next.feedback == "" && next.mission == "" && next.legalActions.isEmpty)
        }
    }

    @Test func instructionsCarryTheActionsAndTipsOnly() {
        let text = RulesWorld.balrogInstructions
        for action in RulesWorld.actions { #expect(text.contains("\n\(action): ")) }
        #expect(text.split(separator: "\n").filter { $0.hasPrefix("- ") }.count == 8, "eight tips")
        #expect(!text.contains("defeat") && !text.contains("Answer with one action"))
    }

    /// BALROG lists the top thing of each cell (not `baba`), row by row; the
    /// `you` object itself is an empty line; NOUN IS NOUN rules are left out.
    @Test func objectsAreTopThingsRowByRow() throws {
        var b = board([
            "#######",
            "#B=Y..#",
            "#.b.o.#",
            "#K=B.k#",
            "#######",
        ])
        #expect(RulesBalrogText.describe(b) == """
        Active rules:
        baba is you

        Objects on the map:
        rule `baba` 1 step to the left and 1 step up
        rule `is` 1 step up
        rule `you` 1 step to the right and 1 step up
        ball 2 steps to the right
        rule `key` 1 step to the left and 1 step down
        rule `is` 1 step down
        rule `baba` 1 step to the right and 1 step down
        key 3 steps to the right and 1 step down
        """)
        play(&b, [.right, .right])  // baba onto the ball, which it hides
        #expect(RulesBalrogText.describe(b)?.contains("ball") == false)
        let ballIsYou = board([
            "#######",
            "#O=Y..#",
            "#.b.o.#",
            "#######",
        ])
        #expect(RulesBalrogText.describe(ballIsYou) == "Active rules:\nball is you\n\nObjects on the map:\nrule `ball` 3 steps to the left and 1 step up\nrule `is` 2 steps to the left and 1 step up\nrule `you` 1 step to the left and 1 step up\n")
    }

    /// BabaIsAI judges a win as a `you` object enters a cell, by the rules
    /// before the move: spelling `key is win` while landing on the key does
    /// not win; stepping onto it again does. Delve's own judging wins at once.
    @Test func winIsJudgedOnEntryByTheRulesBeforeTheMove() throws {
        let base = board([
            "#######",
            "#B=Y..#",
            "#.....#",
            "#K=.Vb#",
            "#.....#",
            "#######",
        ])
        let keyUnderWin = Thing(.object(.key), cell: UInt8(3 * 7 + 4))
        var delve = Board(width: 7, height: 6, things: base.things + [keyUnderWin])
        var balrog = delve
        balrog.judgesOnEntry = true
        #expect(delve.move(.left).outcome == .won)
        #expect(balrog.move(.left).outcome == .playing)
        #expect(balrog.isActive(Rule(.key, is: .win)))
        #expect(balrog.move(.down).outcome == .playing)
        #expect(balrog.move(.up).outcome == .won)
    }

    /// Breaking `baba is you` does not end the episode: BALROG's wrapper
    /// resets BabaIsAI, so a new level is dealt and play goes on.
    @Test func breakingYouDealsANewLevel() throws {
        var world = try Self.world(board([
            "#######",
            "#.....#",
            "#B=Y..#",
            "#.bk..#",
            "#######",
        ]))
        let result = world.step("up")
        #expect(result.ending == nil && result.valid)
        #expect(result.observation.text.hasPrefix("[...] IS YOU rule was broken, environment resetActive rules:\n\n\nObjects on the map:\nActive rules:\n"))
        #expect(result.observation.text.contains("\nbaba is you\n"))
        #expect(world.levelsDealt == 1 && world.steps == 0 && !world.finished)
        #expect(world.board.anyYou)
        let next = world.step("idle").observation.text
        #expect(next.hasPrefix("Active rules:\n") && next.contains("\nbaba is you\n") && !next.contains("broken"))
    }

    /// The same episode twice deals the same levels.
    @Test func dealtLevelsFollowTheSeed() throws {
        var one = RulesWorld(task: try Self.task("make_win")), two = one
        _ = try one.reset(seed: 9, options: Self.balrog)
        _ = try two.reset(seed: 9, options: Self.balrog)
        var rng = SeededRandom(seed: 5)
        for _ in 0..<100 {
            let action = RulesWorld.actions[Int(rng.next() % 5)]
            #expect(one.step(action) == two.step(action))
        }
    }

    /// The solver, judging as BabaIsAI does, wins every seed within 100 steps.
    @Test(arguments: RulesTask.all.map(\.name))
    func solverWinsEverySeedJudgingOnEntry(task name: String) throws {
        let task = try Self.task(name)
        let failures = ExpertTests.solverFailures(task, judgesOnEntry: true)
        #expect(failures.isEmpty, "\(name): \(failures.count) failures:\n\(failures.prefix(10).joined(separator: "\n"))")
    }

    /// Through `Env` under `balrog`: the expert wins, progress 100.
    @Test(arguments: RulesFamily.spec.tasks.map(\.name))
    func expertWinsThroughEnv(task name: String) throws {
        let task = try #require(RulesFamily.spec.tasks.first { $0.name == name })
        for seed: UInt64 in [1_000_000, 1_000_001, 1_000_002] {
            let env = try playExpert(task, seed: seed, profile: .balrog)
            #expect(env.endReason == .success, "\(name) seed \(seed)")
            #expect(env.tracker.progress == 100)
        }
    }
}
