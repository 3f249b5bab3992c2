import DelveCore
import DelveFormats
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Why a results directory could not be made or written.
public enum RunDirectoryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The run directory is already there; runs never overwrite each other.
    case exists(path: String)
    /// A run id that is not a plain directory name.
    case badRunID(String)
    /// Another process is writing the run (a second `--resume` of it).
    case busy(path: String)
    /// The file system refused.
    case io(path: String, reason: String)

    /// One line naming the problem.
    public var description: String {
        switch self {
        case let .exists(path):
            return "run directory \(path) already exists; choose another --run-id or --out (runs are never overwritten)"
        case let .badRunID(id):
            let shown = id.count > 40 ? "\(Escaping.terminalLine(String(id.prefix(40))))… (\(id.count) characters)" : Escaping.terminalLine(id)
            return "run id '\(shown)' is not a plain name; use 1 to \(RunDirectory.maximumRunIDLength) letters, digits, '.', '_' and '-' (not starting with '.')"
        case let .busy(path):
            return "\(path) is being written by another delve process; wait for it to end"
        case let .io(path, reason):
            return "cannot write \(path): \(reason)"
        }
    }
}

/// A run's results directory, `OUT/<run-id>/` (docs/results.md):
/// run.json, episodes.jsonl, trajectories/<family>/<task>/seed-<seed>.jsonl,
/// summary.json, summary.md and summary.csv.
public struct RunDirectory {
    /// The directory.
    public let url: URL
    private let episodes: FileHandle
    private let lineEncoder = JSONFormat.compact()
    /// The group commit, with `Durability.machine`; nil with `.process`, which fsyncs nothing.
    private let commits: GroupCommit?
    private let episodesPath: String

    /// Makes `root/<run id>/` holding run.json and an empty episodes.jsonl,
    /// and opens episodes.jsonl. Refuses a directory that already exists.
    /// The directory is filled under a hidden staging name and renamed into
    /// place, so a run directory never lacks its run.json. Its lines and
    /// trajectories then survive what `durability` says.
    public init(root: URL, info: RunInfo, durability: Durability = .process) throws(RunDirectoryError) {
        let runID = info.runID
        try Self.check(runID: runID)
        let url = root.appendingPathComponent(runID, isDirectory: true)
        let files = FileManager.default
        guard !files.fileExists(atPath: url.path) else { throw .exists(path: url.path) }
        let staging = root.appendingPathComponent(".\(runID).\(ProcessInfo.processInfo.processIdentifier).partial",
                                                  isDirectory: true)
        do {
            try files.createDirectory(at: root, withIntermediateDirectories: true)
            try? files.removeItem(at: staging)
            try files.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw .io(path: staging.path, reason: Self.reason(error))
        }
        try Self.write(text: { try JSONFormat.prettyText(info) }, to: staging.appendingPathComponent("run.json"))
        try Self.write(text: { "" }, to: staging.appendingPathComponent("episodes.jsonl"))
        guard rename(staging.path, url.path) == 0 else {
            try? files.removeItem(at: staging)
            if files.fileExists(atPath: url.path) { throw .exists(path: url.path) }
            throw .io(path: url.path, reason: String(cString: strerror(errno)))
        }
        try self.init(existing: url, durability: durability)
    }

    /// The longest run id: with the staging name around it
    /// (`.<id>.<pid>.partial`) it stays within a file name's 255 bytes.
    public static let maximumRunIDLength = 200

    /// Refuses a run id that is not a plain directory name: empty, longer
    /// than `maximumRunIDLength`, starting with `.`, or holding anything but
    /// ASCII letters, digits, `.`, `_` and `-`. `delve eval --run-id` checks
    /// it when parsing, before any run starts.
    public static func check(runID: String) throws(RunDirectoryError) {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")
        guard !runID.isEmpty, runID.count <= maximumRunIDLength, !runID.hasPrefix("."), runID.allSatisfy(allowed.contains) else {
            throw .badRunID(runID)
        }
    }

    /// Opens the run directory at `url` to append to its episodes.jsonl,
    /// holding an exclusive lock on that file until `close()` so that no two
    /// processes write one run, and removes summary files a kill left
    /// half-written. With `expected`, episodes.jsonl must still be as it was
    /// read (`size` bytes) and is cut to its first `keep` bytes: a torn last line dropped.
    public init(existing url: URL, expected: (size: Int, keep: Int)? = nil, durability: Durability = .process) throws(RunDirectoryError) {
        let episodesURL = url.appendingPathComponent("episodes.jsonl")
        do {
            episodes = try FileHandle(forWritingTo: episodesURL)
        } catch {
            throw .io(path: episodesURL.path, reason: Self.reason(error))
        }
        // Not inherited by agent processes: a child that outlives a killed
        // Delve would otherwise hold the lock below and refuse the resume.
        _ = fcntl(episodes.fileDescriptor, F_SETFD, fcntl(episodes.fileDescriptor, F_GETFD) | FD_CLOEXEC)
        guard flock(episodes.fileDescriptor, LOCK_EX | LOCK_NB) == 0 else {
            try? episodes.close()
            throw .busy(path: url.path)
        }
        do {
            let size = try episodes.seekToEnd()
            if let expected {
                guard size == UInt64(expected.size) else {
                    try? episodes.close()
                    throw RunDirectoryError.busy(path: url.path)
                }
                try episodes.truncate(atOffset: UInt64(expected.keep))
                try episodes.seekToEnd()
            }
        } catch let error as RunDirectoryError {
            throw error
        } catch {
            throw .io(path: episodesURL.path, reason: Self.reason(error))
        }
        for name in Self.summaryFiles {
            try? FileManager.default.removeItem(at: url.appendingPathComponent(name + Self.partialSuffix))
        }
        self.url = url
        episodesPath = episodesURL.path
        commits = durability == .machine ? GroupCommit(episodes: episodesURL.path, interval: Self.commitInterval) : nil
    }

    /// A fresh run id: the UTC time to the second and a random suffix, e.g.
    /// `20250107-142233-9f3a`. Only a name; nothing depends on it.
    public static func newRunID(at date: Date = Date()) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ value: Int?) -> String { value.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "00" }
        let suffix = String(UInt16.random(in: 0...UInt16.max), radix: 16)
        return "\(c.year ?? 0)\(two(c.month))\(two(c.day))-\(two(c.hour))\(two(c.minute))\(two(c.second))-"
            + String(repeating: "0", count: 4 - suffix.count) + suffix
    }

    /// Records a finished episode's line in episodes.jsonl, with the check of
    /// its trajectory file (`TrajectoryFile`, which wrote it already) when it
    /// has one; `replacesUnverified` when the episode is played again because
    /// its earlier attempt's trajectory failed its check. The line is written
    /// at once, so a killed process loses none; with `Durability.machine` it is
    /// made durable, with the trajectory, by the next group commit (at most `commitInterval` later).
    public func append(_ record: EpisodeRecord, trajectory: TrajectoryCheck?, replacesUnverified: Bool = false) throws(RunDirectoryError) {
        let file = trajectory.map { _ in Self.trajectoryFile(in: url, task: record.task, seed: record.seed) }
        try appendLine(EpisodeLine(record: record, extras: EpisodeLineExtras(trajectory: trajectory, replacesUnverified: replacesUnverified)),
                       trajectory: file)
    }

    /// Records an episode of another run directory, `source`: copies its
    /// trajectory file when it has one, then appends its line with the copy's check.
    public func append(_ record: EpisodeRecord, from source: URL) throws(RunDirectoryError) {
        let original = source.appendingPathComponent(Self.trajectoryPath(task: record.task, seed: record.seed))
        let line = EpisodeLine(record: record, extras: EpisodeLineExtras())
        guard FileManager.default.fileExists(atPath: original.path) else { return try appendLine(line, trajectory: nil) }
        let file = try trajectoryFile(record)
        let contents: Data
        do {
            contents = try Data(contentsOf: original)
            try contents.write(to: file)
        } catch {
            throw .io(path: file.path, reason: Self.reason(error))
        }
        var checked = line
        checked.extras.trajectory = TrajectoryCheck(of: [UInt8](contents))
        try appendLine(checked, trajectory: file.path)
    }

    /// Where `record`'s trajectory goes, its folder made.
    private func trajectoryFile(_ record: EpisodeRecord) throws(RunDirectoryError) -> URL {
        let file = url.appendingPathComponent(Self.trajectoryPath(task: record.task, seed: record.seed))
        let folder = file.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .io(path: folder.path, reason: Self.reason(error))
        }
        return file
    }

    /// Appends `line` to episodes.jsonl and hands it, with the trajectory
    /// file at `trajectory` if any, to the group commit when there is one.
    private func appendLine(_ line: EpisodeLine, trajectory: String?) throws(RunDirectoryError) {
        do {
            try episodes.write(contentsOf: Data(try self.line(line).utf8))
        } catch {
            throw .io(path: episodesPath, reason: Self.reason(error))
        }
        try commits?.written(trajectory: trajectory)
    }

    /// Replaces run.json with `info`, whole or not at all (`--resume --agent` records the new agent).
    public func write(_ info: RunInfo) throws(RunDirectoryError) {
        try write(text: { try JSONFormat.prettyText(info) }, to: "run.json")
    }

    /// Writes summary.json, summary.md (under `title`) and summary.csv.
    public func write(_ summary: Summary, title: String) throws(RunDirectoryError) {
        let report = SummaryReport(summary, runDirectory: url.path)
        try write(text: { try JSONFormat.prettyText(summary) }, to: "summary.json")
        try write(text: { report.markdown(title: title) }, to: "summary.md")
        try write(text: { report.csv }, to: "summary.csv")
    }

    /// The summary files, written last.
    static let summaryFiles = ["summary.json", "summary.md", "summary.csv"]

    /// How long a line of episodes.jsonl, or a trajectory file, may wait to
    /// be made durable with `Durability.machine` (docs/results.md, "Durability").
    public static let commitInterval = Duration.milliseconds(100)

    /// Makes every line and trajectory written so far durable (with
    /// `Durability.machine`), then closes episodes.jsonl.
    public func close() throws(RunDirectoryError) {
        try commits?.commitNow()
        do {
            try episodes.close()
        } catch {
            throw .io(path: url.appendingPathComponent("episodes.jsonl").path, reason: Self.reason(error))
        }
    }

    /// Where an episode's trajectory lives, relative to the run directory.
    public static func trajectoryPath(task: String, seed: UInt64) -> String {
        "trajectories/\(task)/seed-\(seed).jsonl"
    }

    /// The path of an episode's trajectory file in the run directory `run`.
    /// Joined as text: `URL.appendingPathComponent` asks the file system
    /// whether the path is a folder, a `stat` that waits on the folder's
    /// lock while another worker creates a file in it.
    static func trajectoryFile(in run: URL, task: String, seed: UInt64) -> String {
        run.path + "/" + trajectoryPath(task: task, seed: seed)
    }

    private func line<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try lineEncoder.encode(value), as: UTF8.self) + "\n"
    }

    private func write(text: () throws -> String, to path: String) throws(RunDirectoryError) {
        try Self.write(text: text, to: url.appendingPathComponent(path))
    }

    /// Writes `file` whole or not at all: into `<file>.partial`, then renamed over it.
    private static func write(text: () throws -> String, to file: URL) throws(RunDirectoryError) {
        let partial = file.path + partialSuffix
        do {
            try Data(try text().utf8).write(to: URL(fileURLWithPath: partial))
        } catch {
            throw .io(path: file.path, reason: reason(error))
        }
        guard rename(partial, file.path) == 0 else { throw .io(path: file.path, reason: String(cString: strerror(errno))) }
    }

    /// What a file being replaced is called until it is complete.
    static let partialSuffix = ".partial"

    static func reason(_ error: any Error) -> String {
        (error as? CocoaError)?.localizedDescription ?? String(describing: error)
    }
}
