import ArgumentParser
import DelveBench
import DelveCore
import DelveEval
import WorldCatalog

/// `delve bench [FAMILY/TASK...] [--json]`.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure world resets and steps per second, single-threaded.",
        discussion: """
            Each figure is the median of 5 timed loops of 0.2 s with random legal actions. With --serve, \
            serve mode's env steps per second instead: batch lines of --envs env/step requests over a socket pair \
            to the serve loop on another thread, every answer parsed (median of 5 runs of 1 s).
            """)

    @Argument(help: "Families or FAMILY/TASK names; every task when omitted.")
    var tasks: [String] = []

    @Flag(help: "Print a JSON array instead of a table.")
    var json = false

    @Flag(help: ArgumentHelp("Measure frames instead: CPU microseconds to draw the agent's view and to encode it as a PNG, per "
                             + "visual task (default: the first task of each family with pictures)."))
    var frames = false

    @Flag(help: "Measure serve mode's throughput (env steps per second through JSON-RPC) instead.")
    var serve = false

    @Option(help: "With --serve: envs stepped per batch line.")
    var envs = 64

    @Option(help: "With --serve: batch lines kept in flight, each stepping its own envs.")
    var linesInFlight = 1

    @Option(help: "With --serve: the length of each of the 5 timed runs, in seconds.")
    var seconds = 1.0

    func run() async throws {
        let selected: [TaskSpec]
        do {
            selected = try Catalog.standard.select(tasks)
        } catch {
            throw UsageError(error)
        }
        if serve { return try serveBench(selected) }
        if frames { return try frameBench(tasks.isEmpty ? Catalog.standard.families.filter(\.isVisual).compactMap(\.tasks.first) : selected) }
        let bench = Bench()
        var results: [BenchResult] = []
        for task in selected {
            results.append(try bench.measure(task))
        }
        let report = BenchReport(results)
        print(json ? try report.json() : report.table, terminator: "")
    }

    private func frameBench(_ selected: [TaskSpec]) throws {
        let bench = FrameBench()
        var results: [FrameBenchResult] = []
        for task in selected {
            if let result = try bench.measure(task) { results.append(result) }
        }
        guard !results.isEmpty else {
            throw UsageError("no task given has pictures; families with pictures: \(Catalog.standard.visualFamilies.joined(separator: ", "))")
        }
        let report = FrameBenchReport(results)
        print(json ? try report.json() : report.table, terminator: "")
    }

    private func serveBench(_ selected: [TaskSpec]) throws {
        guard envs >= 1 else { throw UsageError("--envs must be at least 1, got \(envs)") }
        guard linesInFlight >= 1 else { throw UsageError("--lines-in-flight must be at least 1, got \(linesInFlight)") }
        guard seconds > 0 && seconds <= 3600 else { throw UsageError("--seconds must be above 0 and at most 3600, got \(seconds)") }
        var objects: [String] = []
        for task in selected {
            let runs = try ServeBench(task: task.id, envs: envs, linesInFlight: linesInFlight, duration: .seconds(seconds)).run(catalog: Catalog.standard)
            let wall = runs.map(\.stepsPerSecond), cpu = runs.map(\.stepsPerCPUSecond), server = runs.map(\.stepsPerServerCPUSecond)
            let median = { (rates: [Double]) in Int(rates.median.rounded()) }
            let list = { (rates: [Double]) in rates.map { String(Int($0.rounded())) }.joined(separator: ", ") }
            if json {
                objects.append(#"{"task":"\#(task.id)","envs_per_line":\#(envs),"lines_in_flight":\#(linesInFlight),"env_steps_per_sec":\#(median(wall)),"#
                    + #""env_steps_per_cpu_sec":\#(median(cpu)),"env_steps_per_server_cpu_sec":\#(median(server)),"#
                    + #""runs":[\#(list(wall))],"cpu_runs":[\#(list(cpu))],"server_cpu_runs":[\#(list(server))]}"#)
            } else {
                print("\(task.id), \(envs) envs per batch line, \(linesInFlight) in flight: \(median(wall)) env steps/s (runs: \(list(wall))); "
                    + "\(median(cpu)) per CPU-second, client and server (runs: \(list(cpu))); "
                    + "\(median(server)) per server CPU-second (runs: \(list(server)))")
            }
        }
        if json { print("[" + objects.joined(separator: ",") + "]") }
    }
}
