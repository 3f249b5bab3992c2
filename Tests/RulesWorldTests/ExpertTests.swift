import DelveCore
import Testing
@testable import RulesWorld

/// Plays the expert through one episode; returns the env at the end.
func playExpert(_ task: TaskSpec, seed: UInt64, profile: Profile = .delve) throws -> Env {
    var env = Env(task: task)
    _ = try env.reset(seed: seed, options: WorldOptions(profile: profile))
    while env.endReason == nil {
        guard let action = env.world.expertAction() else { break }
        _ = try env.step(action)
    }
    return env
}

@Suite struct ExpertTests {
    /// Seeds the solver is checked on per task: 200 on every task, as the
    /// rules issue asks (about a minute of a debug build on 2 cores).
    static func seeds(_ task: RulesTask) -> Range<UInt64> { 0..<200 }

    /// The solver is the proof that every generated instance is solvable: its
    /// moves win within BabaIsAI's 100 steps.
    @Test(arguments: RulesTask.all.map(\.name))
    func solverWinsEverySeed(task name: String) throws {
        let task = try #require(RulesTask.all.first { $0.name == name })
        let failures = Self.solverFailures(task, judgesOnEntry: false)
        #expect(failures.isEmpty, "\(name): \(failures.count) failures:\n\(failures.prefix(10).joined(separator: "\n"))")
    }

    /// Where the solver fails on `task`'s seeds: no solution found, or its
    /// moves do not win within BabaIsAI's 100 steps. `judgesOnEntry` judges
    /// wins as BabaIsAI does (the `balrog` profile's rule).
    static func solverFailures(_ task: RulesTask, judgesOnEntry: Bool) -> [String] {
        var failures: [String] = []
        for seed in seeds(task) {
            var level = LevelGenerator.generate(task, seed: seed)
            level.board.judgesOnEntry = judgesOnEntry
            guard let path = Solver().solve(level.board, plan: level.plan) else {
                failures.append("seed \(seed): no solution found; plan \(planText(level.plan))")
                continue
            }
            var board = level.board
            let outcome = play(&board, path)
            if outcome != .won || path.count > RulesTask.stepBudget {
                failures.append("seed \(seed): \(outcome) after \(path.count) moves; plan \(planText(level.plan))")
            }
        }
        return failures
    }

    /// Through `Env`, as `delve eval --agent expert` plays: success, progress
    /// 100, and every milestone of the plan reached in order.
    @Test(arguments: RulesFamily.spec.tasks.map(\.name))
    func expertWinsThroughEnvWithEveryMilestone(task name: String) throws {
        let task = try #require(RulesFamily.spec.tasks.first { $0.name == name })
        for seed: UInt64 in [1_000_000, 1_000_001, 1_000_002] {
            let env = try playExpert(task, seed: seed)
            #expect(env.endReason == .success, "\(name) seed \(seed)")
            #expect(env.tracker.progress == 100)
            let ids = env.world.milestones.map(\.id)
            #expect(env.tracker.reached.map(\.id) == ids, "\(name) seed \(seed)")
        }
    }

    @Test func theExpertIdlesWhenNoWinIsLeft() throws {
        var world = RulesWorld(task: try #require(RulesTask.all.first { $0.name == "make_win" }))
        world.install(Level(board: board([
            "#######",
            "#b...V#",
            "#....=#",
            "#B=Y..#",
            "#######",
        ]), plan: [.makeRule(Rule(.key, is: .win)), .goto(.key)]))
        #expect(world.expertAction() == "idle")
        #expect(world.expertAction() == "idle", "remembered, not searched again")
    }
}
