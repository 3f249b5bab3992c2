import DelveCore
import Testing
@testable import DungeonWorld

/// `maze_walk`'s mazes, shaped as MiniHack's.
@Suite struct SkillsMazeTests {
    @Test(arguments: [9, 15])
    func mazesHaveMiniHacksShapeAndTheStairsAreWithinReach(size: Int) {
        var failures: [String] = []
        for seed: UInt64 in 0..<200 {
            let layout = MazeGenerator(size: size, maxDistance: 100).generate(seed: seed)
            let floor = layout.points { $0 == .floor }
            let cells = (size - 1) / 2
            // A spanning tree of the cells (every cell open, one opening per edge of the tree), plus
            // MAZEWALK's start opening, which closes a loop unless the tree already holds it.
            let tree = cells * cells + (cells * cells - 1)
            if floor.count != tree && floor.count != tree + 1 { failures.append("seed \(seed): \(floor.count) floor cells") }
            if floor.contains(where: { $0.x % 2 == 1 && $0.y % 2 == 1 }) { failures.append("seed \(seed): a cell off the passage grid") }
            let border = (0..<(size + 2)).allSatisfy { i in
                [SkillPoint(i, 0), SkillPoint(i, size + 1), SkillPoint(0, i), SkillPoint(size + 1, i)].allSatisfy { layout[$0] == .wall }
            }
            if !border { failures.append("seed \(seed): the border is open") }
            // Next to the border, stone: the maze is (size - 2) wide, as MiniHack centres it.
            let rim = (1...size).allSatisfy { i in
                [SkillPoint(i, 1), SkillPoint(i, size), SkillPoint(1, i), SkillPoint(size, i)].allSatisfy { layout[$0] == .stone }
            }
            if !rim { failures.append("seed \(seed): an open cell next to the border") }
            let distances = SkillPaths(layout, moves: .cardinal).distances(from: layout.hero)
            if floor.contains(where: { distances[$0.y * layout.width + $0.x] < 0 }) { failures.append("seed \(seed): not connected") }
            guard let stairs = layout.stairsDown, stairs != layout.hero,
                  let steps = SkillPaths(layout, moves: .king).distance(from: layout.hero, to: stairs), steps <= 100
            else {
                failures.append("seed \(seed): stairs out of reach")
                continue
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(10).joined(separator: "\n"))")
    }

    /// MiniHack's mazes (MazeWalk-Mapped, 30 and 20 resets): 9×9 has 31 or 32 open cells, 32 in 26 of 30;
    /// 15×15 has 97 or 98, 98 in 12 of 20 (docs/balrog/minihack.md). The extra cell is MAZEWALK's start
    /// opening closing a loop; ours closes one as often, within sampling error.
    @Test(arguments: [(9, 31, 0.87), (15, 97, 0.60)])
    func openCellsAndLoopsAreMiniHacks(size: Int, tree: Int, loopShare: Double) {
        var loops = 0
        for seed: UInt64 in 0..<200 {
            let open = MazeGenerator(size: size, maxDistance: 100).generate(seed: seed).points { $0 == .floor }.count
            #expect(open == tree || open == tree + 1, "seed \(seed): \(open) open cells")
            if open == tree + 1 { loops += 1 }
        }
        #expect(abs(Double(loops) / 200 - loopShare) < 0.2, "\(loops) of 200 mazes have a loop")
    }

    @Test func aTightBudgetBringsTheStairsCloser() {
        for seed: UInt64 in 0..<50 {
            let layout = MazeGenerator(size: 15, maxDistance: 10).generate(seed: seed)
            let steps = layout.stairsDown.flatMap { SkillPaths(layout, moves: .king).distance(from: layout.hero, to: $0) }
            #expect(steps.map { $0 <= 10 } == true)
        }
    }

    @Test func theSameSeedGivesTheSameMaze() {
        let generator = MazeGenerator(size: 15, maxDistance: 100)
        #expect(generator.generate(seed: 3) == generator.generate(seed: 3))
        #expect(generator.generate(seed: 3).picture != generator.generate(seed: 4).picture)
    }
}
