import DelveCore
import DelveTestSupport
import Testing
@testable import TextWorlds

/// Golden trajectories: a fixed seed and a fixed stream of commands give a
/// pinned hash of everything the agent sees. A change here changes what
/// agents are scored on: bump `TextFamily.revision` with it, on purpose.
@Suite struct GoldenTests {
    /// Plays 30 seeded random admissible commands (every 7th an unknown
    /// word, every 11th a typed variant), then the expert to the end; hashes every step.
    /// Under the balrog profile every 13th command is `goal` and every 17th `help`.
    static func trajectoryHash(task: TaskSpec, seed: UInt64, profile: Profile = .delve) throws -> String {
        try GoldenTrajectory(opening: 30, fallback: "look") { step, random, world in
            if profile == .balrog, step % 13 == 12 { return "goal" }
            if profile == .balrog, step % 17 == 16 { return "help" }
            return step % 7 == 6 ? "dance" : step % 11 == 10 ? "x " + random.pick(["key", "door", "table", "coin"]) : random.pick(world.legalActions)
        }.hash(task: task, seed: seed, profile: profile)
    }

    static let pinned: [String: String] = [
        "arithmetic/0": "b61e6f1d67c23060",
        "arithmetic/20000": "f4beca40a5f9a0a8",
        "arithmetic/7": "132f0dadb82bb608",
        "coin_collector/0": "075952bbdf849a1c",
        "coin_collector/20000": "dc748ea2d1ec21f2",
        "coin_collector/7": "829ef7c03060a8f4",
        "cooking/0": "45d90c66d6cabc9c",
        "cooking/20000": "da3b87c3520a8277",
        "cooking/7": "74ed4a030b05ff4b",
        "tidying/0": "10c8cc3686579eb8",
        "tidying/20000": "9012eeb081068f52",
        "tidying/7": "8860f0bf80bfd61d",
        "treasure_hunter/0": "8be959b13a98c39d",
        "treasure_hunter/20000": "f73718d9ff139e90",
        "treasure_hunter/7": "4a1d488c4b51f75b",
    ]

    /// The balrog profile's trajectories: the same openings, with `goal` and `help`.
    static let pinnedBalrog: [String: String] = [
        "arithmetic/0": "4fe3523b1c7e29f4",
        "arithmetic/20000": "ed23f24c8539f6db",
        "arithmetic/7": "b63f1aba55560f96",
        "coin_collector/0": "53ffef169e2ce1c2",
        "coin_collector/20000": "f69548622b6d3362",
        "coin_collector/7": "f3b29a4c64387bf1",
        "cooking/0": "f8b28f80f314be93",
        "cooking/20000": "4baca1dd2753a46a",
        "cooking/7": "3e203d20d2dd7c7c",
        "tidying/0": "38b938cf58dfcd6b",
        "tidying/20000": "2cb3a78d611e3ee2",
        "tidying/7": "88963adff3c77c77",
        "treasure_hunter/0": "ee4d37423578e5f1",
        "treasure_hunter/20000": "187ced18c780976d",
        "treasure_hunter/7": "e494d164d4736e73",
    ]

    @Test(arguments: TextFamily.spec.tasks.map(\.name))
    func balrogTrajectoriesMatchTheirPinnedHashes(task name: String) throws {
        let task = try textTask(name)
        for seed: UInt64 in [0, 7, 20_000] {
            let hash = try Self.trajectoryHash(task: task, seed: seed, profile: .balrog)
            #expect(Self.pinnedBalrog["\(name)/\(seed)"] == hash, "PIN \"\(name)/\(seed)\": \"\(hash)\",")
        }
    }

    @Test(arguments: TextFamily.spec.tasks.map(\.name))
    func trajectoriesMatchTheirPinnedHashes(task name: String) throws {
        let task = try textTask(name)
        for seed: UInt64 in [0, 7, 20_000] {
            let hash = try Self.trajectoryHash(task: task, seed: seed)
            #expect(Self.pinned["\(name)/\(seed)"] == hash, "\"\(name)/\(seed)\": \"\(hash)\"; revision \(TextFamily.revision)")
        }
    }

    @Test(arguments: TextFamily.spec.tasks.map(\.name))
    func theSameSeedGivesTheSameWorldAndOthersDiffer(task name: String) throws {
        let task = try textTask(name)
        var a = task.make(), b = task.make()
        let first = try a.reset(seed: 20_001, options: .defaults)
        _ = try b.reset(seed: 5, options: .defaults)
        #expect(try b.reset(seed: 20_001, options: .defaults) == first)
        #expect(try b.reset(seed: 20_002, options: .defaults) != first)
    }
}
