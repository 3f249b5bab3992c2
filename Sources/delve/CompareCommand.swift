import ArgumentParser
import DelveEval
import Foundation

/// `delve compare RUN_A RUN_B`: two finished runs side by side.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two finished runs on the episodes both played (same task and seed): B − A per task, family "
            + "and overall with 95% intervals; says what differs between the runs and warns when they played other episodes.")

    @Argument(help: "The first run directory, A.")
    var first: String

    @Argument(help: "The second run directory, B.")
    var second: String

    func run() throws {
        let runs: [ComparedRun]
        do {
            runs = try [first, second].map { path throws(StoredRunError) in try ComparedRun(path: path) }
        } catch {
            throw UsageError(error)
        }
        print(RunComparison(runs[0], runs[1]).text, terminator: "")
    }
}
