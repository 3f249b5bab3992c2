import DelveCore
import Testing
@testable import DungeonWorld

/// The skill tasks' experts: each wins every seed within BALROG's 100 steps.
@Suite struct SkillsExpertTests {
    /// Plays the expert's commands on the game of `seed` as `DungeonWorld`
    /// does (parse, perform, judge), without building observations; returns
    /// the game at the end, the steps taken and how it ended.
    static func play(_ task: SkillTask, seed: UInt64) throws -> (game: DungeonGame, steps: Int, ending: EndReason?) {
        var game = try task.makeGame(seed: seed, options: .defaults)
        var steps = 0
        var ending: EndReason?
        while ending == nil, steps < task.stepBudget, let action = task.expertAction(for: game) {
            guard case let .success(command) = Command.parse(action, pack: game.hero.inventory, names: { game.fullName($0) })
            else { throw ExpertError.unparsed(action) }
            let before = game
            if case .refused = game.perform(command) { game = before }
            steps += 1
            ending = game.dead ? .death : task.ending(of: game)
        }
        return (game, steps, ending)
    }

    /// An expert command the parser did not understand.
    enum ExpertError: Error { case unparsed(String) }

    /// The expert wins every one of 200 seeds within the budget.
    @Test(arguments: SkillTask.all.map(\.name))
    func theExpertWinsEverySeed(task name: String) throws {
        let task = try #require(SkillTask.all.first { $0.name == name })
        var failures: [String] = []
        for seed: UInt64 in 0..<200 {
            let (game, steps, ending) = try Self.play(task, seed: seed)
            if ending != .success {
                failures.append("seed \(seed): \(ending.map(\.rawValue) ?? "budget") after \(steps) steps; \(game.deathCause)")
            }
        }
        #expect(failures.isEmpty, "\(name): \(failures.count) failures:\n\(failures.prefix(10).joined(separator: "\n"))")
    }
}
