import ArgumentParser
import DelveEval
import Foundation
import WorldCatalog

/// `delve merge RUN_DIR... --out RUN_DIR`: joins the shards of one run.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Join the shard directories of one run (delve eval --shard K/N) into one run directory.",
        discussion: "Every shard 1…N must be given once and be finished; the merged summary equals a single-machine run's.")

    @Argument(help: ArgumentHelp("The shards' run directories.", valueName: "run-dir"))
    var shards: [String]

    @Option(help: ArgumentHelp("The merged run directory to create.", valueName: "run-dir"))
    var out: String

    func validate() throws {
        if shards.isEmpty { throw ValidationError("give the shards' run directories") }
    }

    func run() throws {
        let run: RecordedRun
        do {
            let stored = try shards.map { path throws(StoredRunError) in try StoredRun(at: URL(fileURLWithPath: path, isDirectory: true)) }
            run = try ShardMerge(stored, catalog: Catalog.standard, builtins: Catalog.suites)
                .write(to: URL(fileURLWithPath: out, isDirectory: true))
        } catch let error as StoredRunError {
            throw UsageError(error)
        } catch let error as MergeError {
            throw UsageError(error)
        } catch let error as RunDirectoryError {
            if case .io = error { throw error }
            throw UsageError(error)
        }
        print(SummaryReport(run.summary).table)
        print("Results: \(run.directory.path)")
    }
}
