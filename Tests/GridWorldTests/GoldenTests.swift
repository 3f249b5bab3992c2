import DelveCore
import DelveTestSupport
import Testing
@testable import GridWorld

/// Golden trajectories: a fixed seed and a fixed stream of actions give a
/// pinned hash of everything the agent sees (observations, rewards, progress,
/// milestones, endings). A change here changes what agents are scored on:
/// bump `GridFamily.revision` with it, on purpose.
@Suite struct GoldenTests {
    /// Plays 40 seeded random actions (every 9th an unknown word), then the
    /// expert to the end; hashes every step.
    static func trajectoryHash(task: TaskSpec, seed: UInt64) throws -> String {
        try GoldenTrajectory(opening: 40, fallback: "done", openingAction: GoldenTrajectory.randomOpening(unknown: "jump", every: 9))
            .hash(task: task, seed: seed)
    }

    /// The same recipe under the `balrog` profile; its fallback is one of BALROG's actions.
    static func balrogTrajectoryHash(task: TaskSpec, seed: UInt64) throws -> String {
        try GoldenTrajectory(opening: 40, fallback: "turn left", openingAction: GoldenTrajectory.randomOpening(unknown: "jump", every: 9))
            .hash(task: task, seed: seed, profile: .balrog)
    }

    static let pinned: [String: String] = [
        "goto/0": "8ad7875964036624", "goto/7": "4481efb2535631cd", "goto/1000000": "be92b420ee50e68b",
        "pickup/0": "7d89075552ad696b", "pickup/7": "bc8ce4d5ad18afe4", "pickup/1000000": "dfb26f2aa9edbe08",
        "open/0": "7ce1afc357ef8d65", "open/7": "7a1f1b08dc9e1afe", "open/1000000": "52f0f9973b98e20a",
        "putnext/0": "8b60f92a5981ecc3", "putnext/7": "b4a20fbd832eed7c", "putnext/1000000": "decbf1938e737462",
        "pick_up_seq_go_to/0": "d684bafc1de2b7ad", "pick_up_seq_go_to/7": "5d7c604a3a0bac25",
        "pick_up_seq_go_to/1000000": "035f1dc67415cc0d",
        "boss/0": "04614e847b80df60", "boss/7": "087eb6b104f394c5", "boss/1000000": "1bac5ecfc14302ac",
    ]

    static let pinnedBalrog: [String: String] = [
        "goto/0": "0feac5d2c2d7a9f1", "goto/7": "3a2503cd2c1118d4", "goto/1000000": "2bae1c2927e1bd52",
        "pickup/0": "13e975fca24e255c", "pickup/7": "7285e233bcf37aa5", "pickup/1000000": "fa6947c0af03c4d3",
        "open/0": "4325a215b9bebd0a", "open/7": "ce3e9886c03da8fa", "open/1000000": "8f40aea51e63a148",
        "putnext/0": "19186906ed7c7651", "putnext/7": "9d22c6cbdb420d22", "putnext/1000000": "dd309b85ee92e058",
        "pick_up_seq_go_to/0": "1b469dd8321403e7", "pick_up_seq_go_to/7": "e6b345c0e224b02b",
        "pick_up_seq_go_to/1000000": "08c504046d37b168",
        "boss/0": "de5d0f20f6696348", "boss/7": "0cf60e51f1be3aab", "boss/1000000": "336bba908490a24e",
    ]

    @Test(arguments: GridFamily.spec.tasks.map(\.name))
    func balrogTrajectoriesMatchTheirPinnedHashes(task name: String) throws {
        let task = try gridTask(name)
        for seed: UInt64 in [0, 7, 1_000_000] {
            let hash = try Self.balrogTrajectoryHash(task: task, seed: seed)
            #expect(Self.pinnedBalrog["\(name)/\(seed)"] == hash, "balrog \(name)/\(seed): \(hash); revision \(GridFamily.revision)")
        }
    }

    @Test(arguments: GridFamily.spec.tasks.map(\.name))
    func trajectoriesMatchTheirPinnedHashes(task name: String) throws {
        let task = try gridTask(name)
        for seed: UInt64 in [0, 7, 1_000_000] {
            let hash = try Self.trajectoryHash(task: task, seed: seed)
            #expect(Self.pinned["\(name)/\(seed)"] == hash, "\(name) seed \(seed); revision \(GridFamily.revision)")
        }
    }
}
