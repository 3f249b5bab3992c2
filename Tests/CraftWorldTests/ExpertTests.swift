import DelveCore
import Testing
@testable import CraftWorld

@Suite struct ExpertTests {
    /// The expert climbs the first eight rungs of the tech tree (or any
    /// eight achievements) on at least 90% of seeds, well within the budget.
    /// In both profiles (under `balrog` the world starts one Noop later).
    @Test(arguments: Profile.allCases)
    func expertReachesEightAchievementsOnNineSeedsInTen(profile: Profile) throws {
        let seeds = 0..<60
        var misses: [String] = []
        for seed in seeds {
            var world = CraftWorld(task: .full)
            _ = try world.reset(seed: UInt64(seed), options: WorldOptions(profile: profile))
            while world.unlockedCount < 8, world.steps < 1_500, let action = world.expertAction() {
                world.step(action)
            }
            if world.unlockedCount < 8 {
                misses.append("seed \(seed): \(world.unlockedCount) after \(world.steps) steps, health \(world.player.health)")
            }
        }
        let rate = Double(seeds.count - misses.count) / Double(seeds.count)
        #expect(rate >= 0.9, "\(misses.joined(separator: "\n"))")
    }
}
