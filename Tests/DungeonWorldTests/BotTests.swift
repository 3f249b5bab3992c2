import DelveCore
import Foundation
import Testing
@testable import DungeonWorld

/// The descend bot: levels connect for it, and it gets down a documented depth.
@Suite struct BotTests {
    @Test func theStairsAreWithinTheBotsReachOnEveryLevel() {
        for seed: UInt64 in 0..<30 {
            var game = DungeonGame(seed: seed)
            for depth in 2...12 {
                #expect(DescendBot.step(game, toward: { game.level[$0] == .stairsDown }) != nil, "seed \(seed) depth \(depth - 1)")
                game.changeLevel(to: depth, arriveOn: .stairsUp)
            }
        }
    }

    /// Over 12 evaluation seeds the bot averages at least 4 levels (docs/worlds.md gives the 1,000-seed figure).
    @Test func theBotGoesDeep() throws {
        var depths: [Int] = []
        for seed in Catalog.seeds(12) {
            let result = try BotRun(seed: seed)
            depths.append(result.run.maxDepth)
            #expect(result.end == .death || result.end == .budget, "seed \(seed)")
        }
        let mean = Double(depths.reduce(0, +)) / Double(depths.count)
        #expect(mean >= 4, "depths \(depths)")
    }
}

private enum Catalog {
    static func seeds(_ n: Int) -> [UInt64] { (0..<UInt64(n)).map { 1_000_000 + $0 } }
}

/// The progression table and how it is derived.
@Suite struct ProgressionTests {
    @Test func theEstimatorChainsContinuationRates() {
        // 100 runs: 50 stop at level 1, 25 at 2, 25 at 3.
        let runs = (0..<100).map { i in
            ProgressionEstimator.Run(maxDepth: i < 50 ? 1 : i < 75 ? 2 : 3, depthAtLevel: i < 50 ? [1] : [1, 2])
        }
        let table = ProgressionEstimator.estimate(runs, depths: 4, levels: 3)
        // p1 = 0.5, p2 = 0.5, p3 = 0 (25 runs reached 3, none went on), raised to the floor 0.05:
        // hazards ln 2, ln 2, ln 20; values 90 · (0, ln 2, 2 ln 2, 2 ln 2 + ln 20) / (2 ln 2 + ln 20).
        let total = 2 * Portable.log(2) - Portable.log(0.05)
        #expect(table.depth == [0, 90 * Portable.log(2) / total, 90 * 2 * Portable.log(2) / total, 90])
        #expect(table.experience[0] == 0)
        #expect(abs(table.experience[1] - table.depth[1]) < 1e-9)
        // Level 3 is unsampled: mean depths 1 (level 1) and 2 (level 2) step 1 per level, so depth 3.
        #expect(abs(table.experience[2] - table.depth[2]) < 1e-9)
    }

    @Test func theTableRisesWithDepthAndLevel() {
        #expect(zip(Progression.depth, Progression.depth.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(zip(Progression.experience, Progression.experience.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(Progression.value(depth: 50, experienceLevel: 1, amuletDepth: 1, escaped: false) < 100)
        #expect(Progression.value(depth: 50, experienceLevel: 1, amuletDepth: 1, escaped: true) == 100)
    }
}
