import ArgumentParser
import DelveEval
import Foundation

/// `delve summary RUN_DIR [--json]`: a finished run's scores again.
struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary", abstract: "Print a finished run's summary: a table, or summary.json with --json.")

    @Argument(help: "The run directory.")
    var directory: String

    @Flag(help: "Print summary.json instead of a table.")
    var json = false

    func run() throws {
        let summary: Summary
        do {
            summary = try Summary(runDirectory: URL(fileURLWithPath: directory, isDirectory: true))
        } catch {
            throw UsageError(error)
        }
        print(json ? try summary.json() : SummaryReport(summary).table, terminator: "")
    }
}
