import ArgumentParser
import DelveEval
import Foundation

/// `delve compare RUN_A RUN_B`: two finished runs side by side.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Put two finished runs side by side per task: mean progress, 95% intervals, B − A, and whether the intervals overlap.")

    @Argument(help: "The first run directory, A.")
    var first: String

    @Argument(help: "The second run directory, B.")
    var second: String

    func run() throws {
        let summaries: [Summary]
        do {
            summaries = try [first, second].map { path throws(StoredRunError) in
                try Summary(runDirectory: URL(fileURLWithPath: path, isDirectory: true))
            }
        } catch {
            throw UsageError(error)
        }
        print("A: \(first)\nB: \(second)\n")
        print(Comparison(summaries[0], summaries[1]).table, terminator: "")
    }
}
