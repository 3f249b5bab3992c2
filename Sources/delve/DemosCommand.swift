import ArgumentParser
import DelveCore
import DelveEval
import Foundation
import WorldCatalog

/// `delve demos TASK --episodes K --out FILE`: expert demonstrations for few-shot prompting.
struct DemosCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demos",
        abstract: "Record expert episodes on training seeds as few-shot demonstrations (JSON lines).",
        discussion: """
            Each line is one episode: task, seed, profile, revision, progress, end_reason, instructions, the \
            observations the agent saw (one more than the actions) and the expert's actions. Seeds come from the \
            family's training range only (docs/determinism.md), so a demonstration never shows an evaluation \
            episode. Use the profile the evaluation runs under, e.g.: \
            delve demos grid/goto --episodes 3 --profile balrog --out goto.jsonl, then \
            llm_agent.py --agent-type few-shot --few-shot 1 --demos goto.jsonl
            """)

    @Argument(help: "The task, as FAMILY/TASK.")
    var task: String

    @Option(help: "Episodes to record. Default: 5.")
    var episodes = 5

    @Option(name: .customLong("first-seed"), help: "The first training seed; the others follow it. Default: 0.")
    var firstSeed: UInt64 = 0

    @Option(help: ArgumentHelp("The profile the observations are shown under: \(Profile.helpList). Default: delve.",
                               valueName: "profile"))
    var profile: Profile?

    @Option(name: .customLong("step-budget"), help: "Cut each demonstration at this many steps. Default: the task's budget.")
    var stepBudget: Int?

    @Option(help: "The file to write (JSON lines). Default: standard output.")
    var out: String?

    func validate() throws {
        if episodes < 1 { throw ValidationError("--episodes must be at least 1, got \(episodes)") }
        if let stepBudget, stepBudget < 1 { throw ValidationError("--step-budget must be at least 1, got \(stepBudget)") }
    }

    func run() throws {
        let spec = try Catalog.standard.task(named: task)
        let training = Catalog.trainingSeeds(for: spec.family)
        let (last, overflow) = firstSeed.addingReportingOverflow(UInt64(episodes - 1))
        guard !overflow, training.contains(firstSeed), training.contains(last) else {
            throw UsageError("demonstrations use \(spec.family)'s training seeds \(training.lowerBound)–\(training.upperBound - 1) "
                             + "only; seeds \(firstSeed)… for \(episodes) episodes leave that range")
        }
        var demos: [Demonstration] = []
        for seed in firstSeed...last {
            do {
                demos.append(try Demonstration.record(task: spec, seed: seed, profile: profile ?? .delve, stepBudget: stepBudget))
            } catch {
                throw UsageError(error)
            }
        }
        let text = try Demonstration.jsonLines(demos)
        if let out {
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
            } catch {
                throw UsageError("cannot write \(out): \(error.localizedDescription)")
            }
        } else {
            print(text, terminator: "")
        }
    }
}
