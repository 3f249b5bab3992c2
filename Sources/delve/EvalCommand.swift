import ArgumentParser
import DelveAgents
import DelveCore
import DelveEval
import Foundation
import WorldCatalog

/// `delve eval`: plays a suite with an agent and writes a results directory.
struct EvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Play a suite of episodes with an agent; write and print the scores.",
        discussion: "Results go to OUT/RUN-ID/ (docs/results.md). Exits 1 when any episode ended in an agent error.")

    @Option(help: "A built-in suite (smoke) or a suite JSON file. Default: smoke.")
    var suite: String?

    @Option(help: "Play one task, FAMILY/TASK, instead of a suite.")
    var task: String?

    @Option(help: "Episodes of --task. Default: 5.")
    var episodes: Int?

    @Option(name: .customLong("first-seed"), help: "The first seed of --task; the others follow it. Default: \(Catalog.firstEvalSeed).")
    var firstSeed: UInt64?

    @Option(help: "The agent: \(BuiltinAgent.names.joined(separator: " or ")).")
    var agent = BuiltinAgent.random.rawValue

    @Option(help: "Episodes played at once. Default: the number of cores.")
    var jobs: Int?

    @Option(help: "The folder that holds run directories.")
    var out = "runs"

    @Option(name: .customLong("run-id"), help: "The run directory's name. Default: the time and a random suffix.")
    var runID: String?

    @Flag(name: .customLong("no-trajectories"), help: "Don't write a trajectory file per episode.")
    var noTrajectories = false

    func validate() throws {
        if let episodes, episodes < 1 { throw ValidationError("--episodes must be at least 1, got \(episodes)") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
        if suite != nil && task != nil { throw ValidationError("give --suite or --task, not both") }
        if task == nil && (episodes != nil || firstSeed != nil) {
            throw ValidationError("--episodes and --first-seed go with --task FAMILY/TASK")
        }
    }

    func run() async throws {
        let builtin = try chosenAgent()
        let plan = try makePlan()
        let jobs = jobs ?? ProcessInfo.processInfo.activeProcessorCount
        let evaluation = Evaluation(plan: plan, jobs: jobs, runner: EpisodeRunner(recordsTrajectory: !noTrajectories),
                                    makeAgent: { builtin.make() })
        let showProgress = isatty(STDERR_FILENO) == 1
        let run: RecordedRun
        do {
            run = try await evaluation.record(
                to: URL(fileURLWithPath: out, isDirectory: true), runID: runID ?? RunDirectory.newRunID(),
                agentName: builtin.rawValue,
                progress: { finished, total in
                    guard showProgress else { return }
                    FileHandle.standardError.write(Data("\r\(finished)/\(total) episodes\(finished == total ? "\n" : "")".utf8))
                })
        } catch let error as RunDirectoryError {
            if case .io = error { throw error }
            throw UsageError(error)
        }
        print(SummaryReport(run.summary).table)
        if run.agentErrors > 0 {
            print("\(run.agentErrors) of \(run.records.count) episodes ended in an agent error (see episodes.jsonl).")
        }
        print("Results: \(run.directory.path)")
        if run.agentErrors > 0 { throw ExitCode.failure }
    }

    private func chosenAgent() throws -> BuiltinAgent {
        if let builtin = BuiltinAgent(rawValue: agent) { return builtin }
        throw UsageError("unknown agent '\(agent)'; valid agents: \(BuiltinAgent.names.joined(separator: ", ")) "
            + "(external agent processes arrive with the protocol work)")
    }

    private func makePlan() throws -> EvalPlan {
        do {
            let chosen: Suite
            if let task {
                chosen = try Suite.single(task: task, episodes: episodes ?? 5, firstSeed: firstSeed ?? Catalog.firstEvalSeed)
            } else {
                chosen = try SuiteLookup.find(suite ?? "smoke", builtins: Catalog.suites)
            }
            return try EvalPlan(suite: chosen, catalog: Catalog.standard)
        } catch let error as PlanError {
            throw UsageError(error)
        } catch let error as SuiteLookupError {
            throw UsageError(error)
        }
    }
}
