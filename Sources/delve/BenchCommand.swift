import ArgumentParser
import DelveCore
import DelveEval
import WorldCatalog

/// `delve bench [FAMILY/TASK...] [--json]`.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure world resets and steps per second, single-threaded.",
        discussion: "Each figure is the median of 5 timed loops of 0.2 s with random legal actions.")

    @Argument(help: "Families or FAMILY/TASK names; every task when omitted.")
    var tasks: [String] = []

    @Flag(help: "Print a JSON array instead of a table.")
    var json = false

    func run() async throws {
        let selected: [TaskSpec]
        do {
            selected = try Catalog.standard.select(tasks)
        } catch {
            throw UsageError(error)
        }
        let bench = Bench()
        var results: [BenchResult] = []
        for task in selected {
            results.append(try bench.measure(task))
        }
        let report = BenchReport(results)
        print(json ? try report.json() : report.table, terminator: "")
    }
}
