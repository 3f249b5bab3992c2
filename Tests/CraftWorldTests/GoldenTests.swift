import DelveCore
import DelveTestSupport
import Testing
@testable import CraftWorld

/// Golden trajectories: a fixed seed and a fixed stream of actions give a
/// pinned hash of everything the agent sees. A change here changes what
/// agents are scored on: bump `CraftFamily.revision` with it, on purpose.
@Suite struct GoldenTests {
    /// 150 seeded random actions (every 9th an unknown word), then the expert
    /// for 350 more; hashes every step.
    static func trajectoryHash(task: TaskSpec, seed: UInt64, profile: Profile = .delve) throws -> String {
        try GoldenTrajectory(opening: 150, fallback: "Noop", stepLimit: 500,
                             openingAction: GoldenTrajectory.randomOpening(unknown: "jump", every: 9))
            .hash(task: task, seed: seed, profile: profile)
    }

    static let pinned: [String: String] = [
        "balrog/0": "bbf717a6e39925c2", "balrog/7": "9881cbd955db1041", "balrog/1000000": "4e35e7f563815b7e",
        "full/0": "bbf717a6e39925c2", "full/7": "9881cbd955db1041", "full/1000000": "4e35e7f563815b7e",
    ]

    @Test(arguments: CraftFamily.spec.tasks.map(\.name))
    func trajectoriesMatchTheirPinnedHashes(task name: String) throws {
        let task = try craftTask(name)
        for seed: UInt64 in [0, 7, 1_000_000] {
            let hash = try Self.trajectoryHash(task: task, seed: seed)
            #expect(Self.pinned["\(name)/\(seed)"] == hash, "\(name) seed \(seed); revision \(CraftFamily.revision)")
        }
    }

    /// The same trajectories under the `balrog` profile.
    static let pinnedBalrog: [String: String] = [
        "balrog/0": "25be3f707f4e9d3b", "balrog/7": "276027f3b4b48426", "balrog/1000000": "eee1daef6378627e",
        "full/0": "25be3f707f4e9d3b", "full/7": "276027f3b4b48426", "full/1000000": "eee1daef6378627e",
    ]

    @Test(arguments: CraftFamily.spec.tasks.map(\.name))
    func balrogTrajectoriesMatchTheirPinnedHashes(task name: String) throws {
        let task = try craftTask(name)
        for seed: UInt64 in [0, 7, 1_000_000] {
            let hash = try Self.trajectoryHash(task: task, seed: seed, profile: .balrog)
            #expect(Self.pinnedBalrog["\(name)/\(seed)"] == hash, "\(name) seed \(seed) under balrog; revision \(CraftFamily.revision)")
        }
    }
}
