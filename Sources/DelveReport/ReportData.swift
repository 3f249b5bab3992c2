import DelveCore
import DelveEval
import Foundation

/// Everything the report page shows, embedded in it as one JSON block that
/// the page's script renders: one entry per run, in the order given.
public struct ReportData: Sendable, Hashable, Encodable {
    /// The Delve that wrote the report.
    public var delveVersion: String
    /// At most this many episodes of each task carry their steps in the page.
    public var stepsPerTask: Int
    /// The runs, the first one first.
    public var runs: [ReportedRun]

    enum CodingKeys: String, CodingKey {
        case runs
        case delveVersion = "delve_version"
        case stepsPerTask = "steps_per_task"
    }
}

/// One run in the report.
public struct ReportedRun: Sendable, Hashable, Encodable {
    /// Its name in legends: the run id and the agent.
    public var label: String
    /// Its run.json.
    public var info: RunInfo
    /// Its summary.json.
    public var summary: Summary
    /// Per task with achievements, their ids (`TaskSpec.achievements`), so
    /// the bars list the ones nobody unlocked too.
    public var achievements: [String: [String]]
    /// Its episodes, in suite order.
    public var episodes: [ReportedEpisode]
    /// The tasks whose milestones differ from seed to seed (a text game's
    /// `take_red_potato`): their plots draw one curve per kind of milestone,
    /// the id's first word (`take`, `open`, `cook`…), not one per id.
    public var milestonesByKind: [String]

    enum CodingKeys: String, CodingKey {
        case label, info, summary, achievements, episodes
        case milestonesByKind = "milestones_by_kind"
    }
}

/// One episode in the report: its record, what became of its trajectory, and
/// for the sampled episodes every step, compressed.
public struct ReportedEpisode: Sendable, Hashable, Encodable {
    /// Its index in suite order (`delve replay RUN INDEX`).
    public var index: Int
    /// Its line of episodes.jsonl.
    public var record: EpisodeRecord
    /// `replayed`, `diverged`, `unplayable`, `missing`, `corrupt`, `not_recorded`, or `not_embedded`.
    public var trajectory: String
    /// The trajectory's state in words.
    public var note: String
    /// Frame 0 and every step (`ReplayFrame`s as a JSON array), zlib-compressed
    /// and in base64, for the episodes the page embeds; nil for the others.
    /// Maps repeat from step to step, so they compress some fifty times; the
    /// page inflates an episode when it is picked.
    public var framesDeflate: String?

    enum CodingKeys: String, CodingKey {
        case index, record, trajectory, note
        case framesDeflate = "frames_deflate"
    }
}

extension ReplayStatus {
    /// The status's code in the report's JSON.
    var code: String {
        switch self {
        case .replayed: return "replayed"
        case .notRecorded: return "not_recorded"
        case .missing: return "missing"
        case .corrupt: return "corrupt"
        case .unplayable: return "unplayable"
        case .diverged: return "diverged"
        }
    }
}
