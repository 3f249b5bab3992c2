import DelveCore
import Testing
@testable import GridWorld

@Suite struct GeneratorTests {
    /// Every level keeps the invariants that make it solvable without moving
    /// blockers, and every mission names objects that exist.
    @Test(arguments: GridTask.all)
    func levelsAreSoundAndMissionsNameRealObjects(task: GridTask) throws {
        for seed in UInt64(0)..<300 {
            let level = try #require(task.generate(seed: seed, roomSize: 8, distractors: task.defaultDistractors))
            let grid = level.layout.grid
            #expect(Soundness.holds(grid, agent: level.agent), "\(task) seed \(seed)")
            #expect(grid[level.agent].kind == .empty)
            for leaf in level.mission.leaves {
                #expect(!leaf.targets.isEmpty)
                for id in leaf.targets { #expect(grid.position(of: id) != nil, "\(task) seed \(seed): \(leaf.surface)") }
            }
        }
    }

    @Test func localTasksUseOneRoomAndTheirObjectCounts() throws {
        for (name, objects) in [("goto", 9), ("pickup", 9), ("putnext", 8), ("pick_up_seq_go_to", 10)] {
            let task = try #require(GridTask.named(name))
            let level = try #require(task.generate(seed: 5, roomSize: 8, distractors: task.defaultDistractors))
            #expect(level.layout.rooms.count == 1)
            #expect(level.layout.grid.tiles.filter { $0.kind.isPortable }.count == objects, "\(task)")
        }
        let open = try #require(GridTask.named("open")?.generate(seed: 5, roomSize: 8, distractors: 4))
        let doors = open.layout.grid.tiles.filter { $0.kind == .door }
        #expect(doors.count == 1 && doors[0].door == .locked)
        #expect(open.layout.grid.tiles.contains { $0.kind == .key && $0.color == doors[0].color })
    }

    /// The boss level draws every instruction kind, locked rooms about half the
    /// time, and sometimes hides the key in a box.
    @Test func bossLevelsCoverEveryKind() throws {
        var kinds = Set<String>()
        var locked = 0, hidden = 0
        for seed in UInt64(0)..<300 {
            let level = try #require(GridTask.named("boss")?.generate(seed: seed, roomSize: 8, distractors: 18))
            let text = level.mission.surface
            for word in ["go to", "pick up", "open", "next to", " and ", ", then ", " after you ", "in front of you", "behind you", "on your left", "on your right"]
            where text.contains(word) { kinds.insert(word) }
            let grid = level.layout.grid
            if grid.tiles.contains(where: { $0.kind == .door && $0.door == .locked }) { locked += 1 }
            if grid.tiles.contains(where: { $0.inside?.kind == .key }) { hidden += 1 }
            #expect(grid.tiles.filter { $0.kind.isPortable }.count >= 18)
        }
        #expect(kinds.count == 11, "missing: \(kinds)")
        #expect((110...190).contains(locked))
        #expect(hidden > 10)
    }
}
