import ArgumentParser
import DelveCore
import DelveEval
import Foundation
import WorldCatalog

/// `delve export RUN_DIR --format balrog --out DIR`: a run in another tool's layout.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a finished run in BALROG's results layout, for BALROG's own tools.",
        discussion: """
            --format balrog writes ENV/TASK/TASK_run_NN.json per episode (BALROG's names and keys, progression in \
            [0, 1]), ENV/ENV_summary.json and summary.json, as BALROG's evaluator does; BALROG's summariser run on \
            OUT gives Delve's group and overall numbers. Episodes that ended in an agent error are not scored and \
            are left out. Environments are the suite's groups (the balrog suite's are BALROG's six), else the \
            BALROG environment each family stands for.
            """)

    /// The layouts `export` writes.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case balrog
    }

    @Argument(help: "The run directory.")
    var runDirectory: String

    @Option(help: "The layout: balrog.")
    var format: Format

    @Option(help: "The folder to write; it must not exist.")
    var out: String

    func run() throws {
        let stored: StoredRun, plan: EvalPlan
        do {
            stored = try StoredRun(at: URL(fileURLWithPath: runDirectory, isDirectory: true))
            plan = try stored.plan(catalog: Catalog.standard, builtins: Catalog.suites)
        } catch {
            throw UsageError(error)
        }
        let export = BalrogExport(run: stored, plan: plan) { task in
            BalrogExport.Name(environment: BalrogNames.environment(of: task), task: BalrogNames.task(task))
        }
        let summary: BalrogSummary
        do {
            summary = try export.write(to: URL(fileURLWithPath: out, isDirectory: true))
        } catch let error as RunDirectoryError {
            throw UsageError(error)
        }
        let environments = summary.environments.keys.sorted().map { name in
            let row = summary.environments[name]
            return "\(name) \(String(format: "%.1f", row?.progressionPercentage ?? 0))"
        }
        print("BALROG layout in \(out): average progress \(String(format: "%.2f", summary.averageProgress)) ± "
              + "\(String(format: "%.2f", summary.standardError)) (\(environments.joined(separator: ", ")))")
    }
}
