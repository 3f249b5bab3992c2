import DelveCore
import DelveTestSupport
import Testing
@testable import DungeonWorld

/// Golden trajectories: a fixed seed and a fixed stream of actions give a
/// pinned hash of everything the agent sees. A change here changes what
/// agents are scored on: bump `DungeonFamily.revision` with it, on purpose.
@Suite struct GoldenTests {
    /// 100 seeded random legal commands (every 11th an unknown word), then the
    /// descend bot for up to 500 more; hashes every step.
    static func trajectoryHash(seed: UInt64, profile: Profile = .delve) throws -> String {
        try GoldenTrajectory(opening: 100, fallback: "search", stepLimit: 600,
                             openingAction: GoldenTrajectory.randomOpening(unknown: "dance", every: 11))
            .hash(task: descendTask(), seed: seed, profile: profile)
    }

    static let pinned: [UInt64: String] = [0: "9d886ddeddf84872", 7: "9aa1f6bcd2432293", 1_000_000: "773697ac6e9481c3"]

    @Test func trajectoriesMatchTheirPinnedHashes() throws {
        for seed: UInt64 in [0, 7, 1_000_000] {
            let hash = try Self.trajectoryHash(seed: seed)
            #expect(Self.pinned[seed] == hash, "seed \(seed); revision \(DungeonFamily.revision)")
        }
    }

    static let balrogPinned: [UInt64: String] = [0: "a183f13cc63d7c38", 7: "85ea0121fe1c3bd6", 1_000_000: "8f88ede24ba71e19"]

    /// The same in the `balrog` profile: random action words, then the bot typing keystrokes.
    @Test func balrogTrajectoriesMatchTheirPinnedHashes() throws {
        for seed: UInt64 in [0, 7, 1_000_000] {
            let hash = try Self.trajectoryHash(seed: seed, profile: .balrog)
            #expect(Self.balrogPinned[seed] == hash, "\(seed): \"\(hash)\"")
        }
    }

    /// The first level's terrain, pinned: generation is the same bits everywhere.
    @Test func levelMapsMatchTheirPinnedHashes() {
        let pinnedMaps: [UInt64: String] = [0: "8821e5c9f4cea649", 42: "94382d75b7779be4"]
        for seed: UInt64 in [0, 42] {
            var hash = StableHash()
            let level = LevelGenerator.generate(depth: 1, seed: seed)
            for t in level.terrain { hash.combine(UInt64(t.rawValue)) }
            #expect(pinnedMaps[seed] == hash.hex, "seed \(seed)")
        }
    }
}
