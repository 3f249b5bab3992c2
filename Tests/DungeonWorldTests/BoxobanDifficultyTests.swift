import DelveCore
import Foundation
import Testing
@testable import DungeonWorld

/// Boxoban difficulty beside DeepMind's published sets (docs/balrog/minihack.md):
/// solution moves, pushes and box changes of the solver's fewest-push
/// solutions. With `DELVE_BOXOBAN_LEVELS` set to a checkout of
/// google-deepmind/boxoban-levels it also solves a sample of the medium and
/// hard sets and prints both tables.
@Suite struct BoxobanDifficultyTests {
    /// Mean and percentiles of a list.
    static func summary(_ values: [Int]) -> String {
        guard !values.isEmpty else { return "-" }
        let sorted = values.sorted(), mean = Double(values.reduce(0, +)) / Double(values.count)
        func at(_ q: Double) -> Int { sorted[min(sorted.count - 1, Int(q * Double(sorted.count)))] }
        return String(format: "%.1f (p10 %d, median %d, p90 %d)", mean, at(0.1), at(0.5), at(0.9))
    }

    static func row(_ name: String, _ solutions: [SokobanSolver.Solution], of total: Int) -> String {
        let within = solutions.filter { $0.moves.count <= SkillTask.budget }.count
        return "| \(name) | \(solutions.count)/\(total) | \(summary(solutions.map(\.moves.count))) | "
            + "\(summary(solutions.map(\.pushes))) | \(summary(solutions.map(\.boxChanges))) | \(within)/\(solutions.count) |"
    }

    /// Our levels: every one has a solution within BALROG's 100 steps, and hard ones need more pushes than
    /// medium ones on average.
    @Test func ourLevelsFitTheBudgetAndHardIsHarder() throws {
        var lines: [String] = []
        var meanPushes: [Double] = []
        for tier in [BoxobanGenerator.Tier.medium, .hard] {
            let solutions = (0..<40).map { BoxobanGenerator(tier: tier, maxMoves: SkillTask.budget).generate(seed: UInt64($0)).solution }
            #expect(solutions.allSatisfy { $0.moves.count <= SkillTask.budget })
            meanPushes.append(Double(solutions.map(\.pushes).reduce(0, +)) / Double(solutions.count))
            lines.append(Self.row("Delve \(tier)", solutions, of: solutions.count))
        }
        #expect(meanPushes[1] > meanPushes[0])
        // The balrog profile's levels: every one at least its tier's floor, within the budget.
        for tier in [BoxobanGenerator.Tier.medium, .hard] {
            let solutions = (0..<40).map {
                BoxobanGenerator(tier: tier, maxMoves: SkillTask.budget, balrog: true).generate(seed: UInt64($0)).solution
            }
            #expect(solutions.allSatisfy { $0.moves.count <= SkillTask.budget && BoxobanGenerator.Tier.difficulty($0) >= tier.balrogFloor })
            lines.append(Self.row("Delve balrog \(tier)", solutions, of: solutions.count))
        }
        guard let root = ProcessInfo.processInfo.environment["DELVE_BOXOBAN_LEVELS"] else { return }
        let count = Int(ProcessInfo.processInfo.environment["DELVE_BOXOBAN_SAMPLE"] ?? "") ?? 50
        for (name, file) in [("DeepMind medium (train/000)", "medium/train/000.txt"), ("DeepMind hard (000)", "hard/000.txt")] {
            let text = try String(contentsOfFile: root + "/" + file, encoding: .utf8)
            let boards = text.components(separatedBy: "\n\n").prefix(count).compactMap { block in
                SokobanBoard(rows: block.split(separator: "\n").filter { !$0.hasPrefix(";") }.map(String.init))
            }
            let solver = SokobanSolver(maxMoves: 400, nodeLimit: 400_000)
            let solutions = boards.compactMap { solver.solve($0) }
            lines.append(Self.row(name, solutions, of: boards.count))
        }
        print("| set | solved | moves | pushes | box changes | within 100 moves |\n|---|---|---|---|---|---|\n"
              + lines.joined(separator: "\n"))
    }
}
