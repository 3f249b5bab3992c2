import DelveCore
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
        var env = Env(task: task)
        var hash = StableHash()
        hash.combine(try env.reset(seed: seed))
        hash.combine(env.world.instructions)
        var random = SeededRandom(seed: seed ^ 0xD1CE)
        while env.endReason == nil {
            let action: String
            if env.steps < 40 {
                action = env.steps % 9 == 8 ? "jump" : random.pick(env.world.legalActions)
            } else {
                action = env.world.expertAction() ?? "done"
            }
            let step = try env.step(action)
            hash.combine(step.observation)
            hash.combine(step.reward)
            hash.combine(step.progress)
            for id in step.milestones { hash.combine(id) }
            hash.combine(step.endReason?.rawValue ?? "-")
        }
        return hash.hex
    }

    static let pinned: [String: String] = [
        "goto/0": "bbe3a7d20a860276", "goto/7": "429026a520da29bf", "goto/1000000": "3a5e3c50aeb98e2b",
        "pickup/0": "d0a352041577c68b", "pickup/7": "aef92794484d9be4", "pickup/1000000": "8550555217df4152",
        "open/0": "0da3c739e7af8ffc", "open/7": "7e25b8275067fcb9", "open/1000000": "66726cd3998bd475",
        "putnext/0": "7f309febfd432464", "putnext/7": "8a5998221b870a7f", "putnext/1000000": "e19d389fa2b20143",
        "pick_up_seq_go_to/0": "c663be498cd6dfe0", "pick_up_seq_go_to/7": "cb862fb2854cee20",
        "pick_up_seq_go_to/1000000": "90622adabeab3630",
        "boss/0": "000b16ea6b87185d", "boss/7": "ce45ba1a6ac8eeb5", "boss/1000000": "3c82332c8b406058",
    ]

    @Test(arguments: GridFamily.spec.tasks.map(\.name))
    func trajectoriesMatchTheirPinnedHashes(task name: String) throws {
        let task = try gridTask(name)
        for seed: UInt64 in [0, 7, 1_000_000] {
            let hash = try Self.trajectoryHash(task: task, seed: seed)
            #expect(Self.pinned["\(name)/\(seed)"] == hash, "\(name) seed \(seed); revision \(GridFamily.revision)")
        }
    }
}
