import DelveCore
import Testing
@testable import TextWorlds

/// Plays the expert through one episode under the task's budget; returns the env at the end.
func playExpert(_ task: TaskSpec, seed: UInt64, options: WorldOptions = .defaults) throws -> Env {
    var env = Env(task: task)
    _ = try env.reset(seed: seed, options: options)
    while env.endReason == nil {
        guard let action = env.world.expertAction() else { break }
        let step = try env.step(action)
        if !step.valid { break }
    }
    return env
}

func textTask(_ name: String) throws -> TaskSpec {
    try #require(TextFamily.spec.tasks.first { $0.name == name })
}

@Suite struct ExpertTests {
    /// The expert is the proof that every generated instance is solvable within BALROG's 80 steps:
    /// every game at its defaults, then settings at the edges of their options.
    static let settings: [(String, WorldOptions)] = TextGames.all.map { ($0.name, .defaults) } + [
        ("treasure_hunter", ["rooms": .int(5), "distractors": .int(5), "locked": .int(1)]),
        ("treasure_hunter", ["rooms": .int(1), "distractors": .int(0), "locked": .int(0)]),
        ("treasure_hunter", ["rooms": .int(40), "distractors": .int(40), "locked": .int(4)]),
        ("cooking", ["ingredients": .int(1), "locations": .int(1), "closed": .int(0)]),
        ("cooking", ["ingredients": .int(3), "locations": .int(6), "cut": .int(0)]),
        ("coin_collector", ["path": .int(5), "rooms": .int(10)]),
        ("coin_collector", ["path": .int(40), "rooms": .int(120)]),
        ("arithmetic", ["distractors": .int(8)]),
        ("tidying", ["objects": .int(8), "rooms": .int(4)]),
        ("tidying", ["objects": .int(1), "rooms": .int(1)]),
    ]

    @Test(arguments: settings.indices, Profile.allCases)
    func expertWinsEverySeed(setting: Int, profile: Profile) throws {
        let (name, given) = Self.settings[setting]
        let options = given.under(profile)
        let task = try textTask(name)
        var failures: [String] = []
        for seed in UInt64(0)..<200 {
            let env = try playExpert(task, seed: seed, options: options)
            if env.endReason != .success {
                failures.append("seed \(seed): \(env.endReason.map(\.rawValue) ?? "stuck") after \(env.steps) steps: \(env.observation.feedback)")
            }
            #expect(env.tracker.progress == (env.endReason == .success ? 100 : env.tracker.progress))
        }
        #expect(failures.isEmpty, "\(name) \(options.values) \(profile): \(failures.count) failures:\n\(failures.prefix(10).joined(separator: "\n"))")
    }
}
