import DelveCore
import Testing
@testable import RulesWorld

@Suite struct WorldTests {
    func world(_ name: String, seed: UInt64) throws -> RulesWorld {
        var world = RulesWorld(task: try #require(RulesTask.all.first { $0.name == name }))
        _ = try world.reset(seed: seed, options: .defaults)
        return world
    }

    @Test func actionsBudgetAndDefaultAreBabaIsAIs() throws {
        let world = try world("make_win", seed: 4)
        #expect(world.legalActions == ["idle", "up", "right", "down", "left"])
        #expect(world.defaultAction == "idle" && world.stepBudget == 100)
        #expect(world.taskID == "rules/make_win" && world.revision == RulesFamily.revision)
        #expect(world.observation.text.hasPrefix("Active rules:\nbaba is you\n\nObjects on the map:\n"))
        #expect(world.instructions.contains("`baba is you`") && world.instructions.contains("idle"))
        #expect(world.targetPlan.hasPrefix("make[") && world.targetPlan.contains(" is win], goto["))
        #expect(throws: WorldError.self) { var w = world; _ = try w.reset(seed: 1, options: ["size": .int(3)]) }
    }

    @Test func unknownActionsChangeNothingAndSynonymsWork() throws {
        var world = try world("goto_win", seed: 2)
        let before = world.board
        let bad = world.step("jump")
        #expect(!bad.valid && world.board == before && bad.observation.feedback.contains("Valid actions: idle, up, right, down, left"))
        let idle = world.step("Wait")
        #expect(idle.valid && world.board == before && idle.observation.feedback == "You wait.")
        #expect(world.step("north").valid)
    }

    @Test func winningEndsWithSuccessRewardAndProgress() throws {
        var world = try world("two_room-break_stop-make_win", seed: 9)
        let plan = world.plan
        var milestones: [String] = []
        var last: StepResult?
        while let action = world.expertAction() {
            last = world.step(action)
            milestones += last?.milestones ?? []
        }
        #expect(last?.ending == .success && world.progress == 100)
        #expect((last?.reward ?? 0) > 0.1)
        #expect(milestones == plan.map(\.milestoneID))
        #expect(milestones.first == "break_wall_is_stop" && milestones.last == "win")
        #expect(world.milestones.map(\.weight) == [0, 0, 100])
        #expect(!world.step("up").valid, "the episode is over")
    }

    @Test func breakingYouFails() throws {
        var world = RulesWorld(task: try #require(RulesTask.all.first { $0.name == "make_win" }))
        world.install(Level(board: board([
            "#######",
            "#.b...#",
            "#.B=Y.#",
            "#.....#",
            "#######",
        ]), plan: [.goto(.key)]))
        let step = world.step("down")
        #expect(step.ending == .failure && step.observation.feedback.contains("Broken rule: baba is you."))
        #expect(world.progress == 0)
    }

    @Test func theBoardIsDrawnWithWordsSetApartAndTheRulesListed() throws {
        let world = try world("make_win", seed: 4)
        let map = world.map
        let ascii = map.plainText
        #expect(ascii.contains("BAB  IS YOU") && ascii.contains("ba*") && ascii.contains("Active rules:\n  baba is you"))
        let cells = map.rows.flatMap { $0 }
        #expect(cells.contains(MapCell("BAB", ink: 16, paper: 223, emphasis: .bold)), "word blocks: dark on a light tile")
        #expect(cells.contains(MapCell("ba*", ink: 231, emphasis: [.bold, .underline])), "you: bold, underlined, in its color")
        #expect(map.rows.allSatisfy { row in row.indices.allSatisfy { $0 % 2 == 0 || row[$0] == MapCell(" ") } }, "cells apart by a plain space")
    }
}
