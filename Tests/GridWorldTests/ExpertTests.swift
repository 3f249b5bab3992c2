import DelveCore
import Testing
@testable import GridWorld

/// Plays the expert through one episode; returns the env at the end.
func playExpert(_ task: TaskSpec, seed: UInt64, options: WorldOptions = .defaults) throws -> Env {
    var env = Env(task: task)
    _ = try env.reset(seed: seed, options: options)
    while env.endReason == nil {
        guard let action = env.world.expertAction() else { break }
        _ = try env.step(action)
    }
    return env
}

@Suite struct ExpertTests {
    /// The expert is the proof that every generated instance is solvable.
    @Test(arguments: GridFamily.spec.tasks.map(\.name))
    func expertSolvesEverySeed(task name: String) throws {
        let task = try #require(GridFamily.spec.tasks.first { $0.name == name })
        var failures: [String] = []
        for seed in UInt64(0)..<200 {
            let env = try playExpert(task, seed: seed)
            if env.endReason != .success {
                failures.append("seed \(seed): \(env.endReason.map(\.rawValue) ?? "stuck") after \(env.steps) steps, mission: \(env.observation.mission)")
            }
        }
        #expect(failures.isEmpty, "\(failures.count) failures:\n\(failures.prefix(10).joined(separator: "\n"))")
    }

    /// Under `balrog` too: BALROG's levels (and `boss`), six actions, no done.
    @Test(arguments: GridFamily.spec.tasks.map(\.name))
    func expertSolvesEverySeedUnderBalrog(task name: String) throws {
        let task = try gridTask(name)
        var failures: [String] = []
        for seed in UInt64(0)..<300 {
            let env = try playExpert(task, seed: seed, options: WorldOptions(profile: .balrog))
            if env.endReason != .success || env.invalidActions > 0 {
                failures.append("seed \(seed): \(env.endReason.map(\.rawValue) ?? "stuck") after \(env.steps) steps, mission: \(env.observation.mission)")
            }
        }
        #expect(failures.isEmpty, "\(failures.count) failures:\n\(failures.prefix(10).joined(separator: "\n"))")
    }

    @Test func expertSolvesOtherRoomSizesAndCrowdedRooms() throws {
        for name in ["goto", "putnext", "boss"] {
            let task = try #require(GridFamily.spec.tasks.first { $0.name == name })
            for seed in UInt64(0)..<40 {
                for options: WorldOptions in [["room_size": .int(6), "distractors": .int(3)], ["room_size": .int(11), "distractors": .int(14)]] {
                    let env = try playExpert(task, seed: seed, options: options)
                    #expect(env.endReason == .success, "\(name) seed \(seed) \(options.values): \(env.observation.mission)")
                }
            }
        }
    }
}
