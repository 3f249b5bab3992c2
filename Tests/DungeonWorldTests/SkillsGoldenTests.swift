import DelveCore
import DelveTestSupport
import Testing
@testable import DungeonWorld

/// Golden trajectories of the skill tasks: a fixed seed and a fixed stream of
/// actions give a pinned hash of everything the agent sees. A change here
/// changes what agents are scored on: bump `DungeonFamily.revision` with it.
@Suite struct SkillsGoldenTests {
    /// Plays 10 seeded random legal actions (every 4th an unknown word), then the expert to the end.
    static func trajectoryHash(_ task: TaskSpec, seed: UInt64, profile: Profile = .delve) throws -> String {
        try GoldenTrajectory(opening: 10, fallback: "search", salt: 0x5C111,
                             openingAction: GoldenTrajectory.randomOpening(unknown: "dance", every: 4))
            .hash(task: task, seed: seed, profile: profile)
    }

    static let pinned: [String: String] = [
        "maze_walk_9x9/0": "28e275c9ec398e40", "maze_walk_9x9/1000000": "0031c5701464c103",
        "maze_walk_15x15/0": "90652e4a5b4a4dcf", "maze_walk_15x15/1000000": "eb0fc4cead5f2508",
        "corridor/0": "47a08dceee1f065a", "corridor/1000000": "0cd952524f8d57ec",
        "corridor_battle/0": "62361fe073905e16", "corridor_battle/1000000": "441af4cbcf691230",
        "quest_easy/0": "b62d57812eecd92f", "quest_easy/1000000": "d869b3096db2c42d",
        "quest_medium/0": "c2c81dee60ac7946", "quest_medium/1000000": "3ca607cd3dc5bf37",
        "boxoban_medium/0": "7bfd3e39f537fbe9", "boxoban_medium/1000000": "b283555c763a2ac2",
        "boxoban_hard/0": "5d429dcc3516e6a8", "boxoban_hard/1000000": "1727f87f35734c59",
    ]

    @Test(arguments: SkillTask.all.map(\.name))
    func trajectoriesMatchTheirPinnedHashes(task name: String) throws {
        let task = try #require(DungeonFamily.spec.tasks.first { $0.name == name })
        for seed: UInt64 in [0, 1_000_000] {
            let hash = try Self.trajectoryHash(task, seed: seed)
            #expect(Self.pinned["\(name)/\(seed)"] == hash, "\"\(name)/\(seed)\": \"\(hash)\"")
        }
    }

    static let balrogPinned: [String: String] = [
        "maze_walk_9x9/0": "17b857379897d99e", "maze_walk_9x9/1000000": "18ecbdd54052a714",
        "maze_walk_15x15/0": "3e170b0766d3f70e", "maze_walk_15x15/1000000": "b67cc9dd4b25d731",
        "corridor/0": "511b260d77ea0658", "corridor/1000000": "a2c3c4c9ab0329db",
        "corridor_battle/0": "675da91b5e74c119", "corridor_battle/1000000": "c32ccb82e7551fae",
        "quest_easy/0": "73f5c84d78426d9e", "quest_easy/1000000": "2d61994f55d9419a",
        "quest_medium/0": "273bef356995563a", "quest_medium/1000000": "a16517f43123a887",
        "boxoban_medium/0": "14bf969508ba10ca", "boxoban_medium/1000000": "835fc8ec3c056425",
        "boxoban_hard/0": "c24dfea44c5ebc8c", "boxoban_hard/1000000": "abb887be38d0b23e",
    ]

    /// The same in the `balrog` profile (MiniHack's actions and kits, the hybrid text, keystroke experts).
    @Test(arguments: SkillTask.all.map(\.name))
    func balrogTrajectoriesMatchTheirPinnedHashes(task name: String) throws {
        let task = try #require(DungeonFamily.spec.tasks.first { $0.name == name })
        for seed: UInt64 in [0, 1_000_000] {
            let hash = try Self.trajectoryHash(task, seed: seed, profile: .balrog)
            #expect(Self.balrogPinned["\(name)/\(seed)"] == hash, "\"\(name)/\(seed)\": \"\(hash)\",")
        }
    }
}
