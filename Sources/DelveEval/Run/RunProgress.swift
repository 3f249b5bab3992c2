import DelveCore
import Foundation

/// Where a run stands after an episode finished: what `delve eval` shows on
/// stderr, as a progress bar on a terminal or one log line per episode.
public struct RunProgress: Sendable, Hashable {
    /// Episodes finished, those kept from before a resume included (agent errors of this session too).
    public var finished: Int
    /// Episodes in the run.
    public var total: Int
    /// The episode that just finished.
    public var record: EpisodeRecord
    /// Mean progress over the finished episodes that have a score (agent errors left out).
    public var meanProgress: Double
    /// Episodes played in this session (not kept from before a resume).
    public var played: Int
    /// Steps taken in this session.
    public var steps: Int
    /// Wall-clock seconds since this session started.
    public var seconds: Double
    /// Episodes of this session that ended `agent_error`.
    public var agentErrors: Int
    /// Prompt and completion tokens the agent reported in this session.
    public var tokens: Int
    /// Cost the agent reported in this session; nil when it reported none.
    public var costUSD: Double?

    /// Creates a progress report.
    public init(finished: Int, total: Int, record: EpisodeRecord, meanProgress: Double, played: Int, steps: Int, seconds: Double,
                agentErrors: Int = 0, tokens: Int = 0, costUSD: Double? = nil) {
        self.finished = finished
        self.total = total
        self.record = record
        self.meanProgress = meanProgress
        self.played = played
        self.steps = steps
        self.seconds = seconds
        self.agentErrors = agentErrors
        self.tokens = tokens
        self.costUSD = costUSD
    }

    /// `  12.3k tokens  $0.0123  2 agent errors`: what the agent spent and how often it failed, when it did.
    private var spend: String {
        (tokens > 0 ? "  \(SummaryReport.tokens(tokens)) tokens" : "")
            + (costUSD.map { "  \(SummaryReport.dollars($0))" } ?? "")
            + (agentErrors > 0 ? "  \(agentErrors) agent error\(agentErrors == 1 ? "" : "s")" : "")
    }

    /// World steps per wall-clock second in this session.
    public var stepsPerSecond: Double { seconds > 0 ? Double(steps) / seconds : 0 }

    /// Seconds left at this session's pace so far.
    public var secondsLeft: Double { played > 0 ? seconds / Double(played) * Double(total - finished) : 0 }

    /// The terminal bar, redrawn in place (carriage return, clear line): `[#####-----] 12/30 episodes  8,210 steps/s  ETA 3s  mean progress 41.2`.
    public var bar: String {
        let width = 20, filled = total > 0 ? width * finished / total : width
        return "\r\u{1B}[K[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "] "
            + "\(finished)/\(total) episodes  \(Int(stepsPerSecond.rounded())) steps/s  ETA \(Int(secondsLeft.rounded()))s  "
            + "mean progress \(SummaryReport.fixed(meanProgress, 1))" + spend + (finished == total ? "\n" : "")
    }

    /// One line for a log: `[12/30] grid/goto seed 1000003: success, progress 100.0, 8 steps`, then, when the
    /// agent reported them, the episode's tokens and the session's running cost (`, 2.1k tokens, $0.0042 so far`).
    public var logLine: String {
        let used = record.promptTokens.addingSaturated(record.completionTokens)
        return "[\(finished)/\(total)] \(record.task) seed \(record.seed): \(record.endReason.rawValue), "
            + "progress \(SummaryReport.fixed(record.progress, 1)), \(record.steps) steps"
            + (used > 0 ? ", \(SummaryReport.tokens(used)) tokens" : "") + (costUSD.map { ", \(SummaryReport.dollars($0)) so far" } ?? "")
            + (record.scored ? "" : " (\(record.error ?? "agent error"))") + "\n"
    }
}
