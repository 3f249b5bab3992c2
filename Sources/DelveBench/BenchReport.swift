import DelveFormats

/// Bench results drawn as a terminal table.
public struct BenchReport: Sendable {
    /// The results, one per task.
    public var results: [BenchResult]

    /// A report of `results`.
    public init(_ results: [BenchResult]) { self.results = results }

    /// One row per task: world steps, resets and env steps per second.
    public var table: String {
        TextTable(header: ["task", "steps/s", "resets/s", "env steps/s"],
                  rows: results.map { [$0.task, Self.grouped($0.stepsPerSec), Self.grouped($0.resetsPerSec),
                                       Self.grouped($0.envStepsPerSec)] }).plain
    }

    /// The results as a JSON array: `[{"task": ..., "steps_per_sec": ..., "resets_per_sec": ...}]`.
    public func json() throws -> String {
        try JSONFormat.prettyText(results)
    }

    /// A rate rounded to a whole number, thousands separated by commas.
    static func grouped(_ rate: Double) -> String {
        guard rate.isFinite else { return "-" }
        let digits = String(Int(rate.rounded()))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }
}
