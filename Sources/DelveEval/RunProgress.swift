import DelveCore
import Foundation

/// Where a run stands after an episode finished: what `delve eval` shows on
/// stderr, as a progress bar on a terminal or one log line per episode.
public struct RunProgress: Sendable, Hashable {
    /// Episodes finished, those kept from before a resume included.
    public var finished: Int
    /// Episodes in the run.
    public var total: Int
    /// The episode that just finished.
    public var record: EpisodeRecord
    /// Mean progress over the finished episodes.
    public var meanProgress: Double
    /// Episodes played in this session (not kept from before a resume).
    public var played: Int
    /// Steps taken in this session.
    public var steps: Int
    /// Wall-clock seconds since this session started.
    public var seconds: Double

    /// Creates a progress report.
    public init(finished: Int, total: Int, record: EpisodeRecord, meanProgress: Double, played: Int, steps: Int, seconds: Double) {
        self.finished = finished
        self.total = total
        self.record = record
        self.meanProgress = meanProgress
        self.played = played
        self.steps = steps
        self.seconds = seconds
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
            + "mean progress \(SummaryReport.fixed(meanProgress, 1))" + (finished == total ? "\n" : "")
    }

    /// One line for a log: `[12/30] grid/goto seed 1000003: success, progress 100.0, 8 steps`.
    public var logLine: String {
        "[\(finished)/\(total)] \(record.task) seed \(record.seed): \(record.endReason.rawValue), "
            + "progress \(SummaryReport.fixed(record.progress, 1)), \(record.steps) steps\n"
    }
}
