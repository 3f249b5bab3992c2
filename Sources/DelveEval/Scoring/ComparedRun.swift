import DelveCore
import Foundation

/// A finished run as `delve compare` reads it: its name, run.json,
/// summary.json and its scored and unscored episodes.
public struct ComparedRun: Sendable {
    /// How the run is named in the comparison: the path it was given by.
    public var name: String
    /// Its run.json.
    public var info: RunInfo
    /// Its summary.json.
    public var summary: Summary
    /// Its episodes, each by its newest attempt.
    public var records: [EpisodeRecord]

    /// A run from its parts.
    public init(name: String, info: RunInfo, summary: Summary, records: [EpisodeRecord]) {
        self.name = name
        self.info = info
        self.summary = summary
        self.records = records
    }

    /// Reads the finished run at `path`: refused, as `delve summary` refuses
    /// it, when it is not a run, did not finish or cannot be read.
    public init(path: String) throws(StoredRunError) {
        let url = URL(fileURLWithPath: path, isDirectory: true)
        let summary = try Summary(runDirectory: url)
        let stored = try StoredRun(at: url)
        self.init(name: path, info: stored.info, summary: summary, records: stored.records)
    }

    /// The episodes that count in the scores (not ended `agent_error`).
    var scored: [EpisodeRecord] { records.filter(\.scored) }

    /// One line on what the run is: `runs/a (agent random, suite smoke, profile delve, 40 scored episodes)`.
    var line: String {
        "\(name) (agent \(info.agent), suite \(info.suite.name), profile \(info.profile.rawValue), "
            + "\(scored.count) scored episode\(scored.count == 1 ? "" : "s"))"
    }
}
