import ArgumentParser
import DelveEval
import Foundation
import WorldCatalog

/// `delve merge RUN_DIR... --out RUN_DIR`: joins the shards of one run.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Join the shard directories of one run (delve eval --shard K/N) into one run directory.",
        discussion: """
            Every shard 1…N must be given once; the merged summary equals a single-machine run's. A shard that is \
            incomplete (agent errors, episodes not played) is merged as it is: the merged run is incomplete too, its \
            summary says what is missing, and merge exits 3 after naming the shards to finish with delve eval --resume \
            (then merge again into a new directory).
            """)

    @Argument(help: ArgumentHelp("The shards' run directories.", valueName: "run-dir"))
    var shards: [String]

    @Option(help: ArgumentHelp("The merged run directory to create.", valueName: "run-dir"))
    var out: String

    func validate() throws {
        if shards.isEmpty { throw ValidationError("give the shards' run directories") }
    }

    func run() throws {
        let run: RecordedRun
        let incomplete: [String]
        do {
            let stored = try shards.map { path throws(StoredRunError) in try StoredRun(at: URL(fileURLWithPath: path, isDirectory: true)) }
            let merge = try ShardMerge(stored, catalog: Catalog.standard, builtins: Catalog.suites)
            incomplete = merge.incompleteShards
            run = try merge.write(to: URL(fileURLWithPath: out, isDirectory: true))
        } catch let error as StoredRunError {
            throw UsageError(error)
        } catch let error as MergeError {
            throw UsageError(error)
        } catch let error as RunDirectoryError {
            if case .io = error { throw error }
            throw UsageError(error)
        }
        print(SummaryReport(run.summary, runDirectory: run.directory.standardizedFileURL.path).table)
        print("Results: \(run.directory.path)")
        guard !incomplete.isEmpty else { return }
        print("Incomplete shard\(incomplete.count == 1 ? "" : "s"): finish with "
            + incomplete.map { "delve eval --resume \($0)" }.joined(separator: "; ") + ", then merge again.")
        throw ExitStatus.incomplete
    }
}
