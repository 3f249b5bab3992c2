import DelveCore
import DelveFormats
import DelveSuites
import Foundation

/// A run directory as found on disk: its run.json and the episodes its
/// episodes.jsonl records. Reading it changes nothing.
public struct StoredRun: Sendable {
    /// The run directory.
    public var url: URL
    /// Its run.json.
    public var info: RunInfo
    /// The episodes recorded, each by its newest attempt, in the order those finished.
    public var records: [EpisodeRecord]
    /// Lines of episodes.jsonl that a later attempt of the same episode
    /// replaced: agent errors that `--resume` played again, and attempts whose trajectory failed its check.
    public var retried: Int
    /// Bytes after the last complete line of episodes.jsonl: a line torn by a
    /// kill while it was being appended. Zero when the file ends cleanly.
    public var tornBytes: Int
    /// The length of episodes.jsonl up to the end of its last complete line.
    var completeBytes: Int
    /// The recorded check of each episode's trajectory file (by `key`), for the newest attempts whose lines have one.
    var trajectoryChecks: [String: TrajectoryCheck]

    /// Reads the run directory at `url`. Every complete line of
    /// episodes.jsonl must be an episode record with every field in range
    /// (`EpisodeRecord.rangeProblem`); an episode may appear again
    /// only after attempts that ended `agent_error` (`--resume` plays those
    /// again, and the newest attempt counts) or when the later line replaces
    /// an attempt whose trajectory failed its check; a last line without its newline
    /// is torn and set aside.
    public init(at url: URL) throws(StoredRunError) {
        let infoURL = url.appendingPathComponent("run.json")
        guard FileManager.default.fileExists(atPath: infoURL.path) else { throw .notARun(path: url.path) }
        let infoData: Data
        do { infoData = try Data(contentsOf: infoURL) } catch { throw .unreadable(path: infoURL.path, reason: RunDirectory.reason(error)) }
        if let format = Self.format(of: infoData), format > RunInfo.currentFormat {
            throw .newerFormat(path: infoURL.path, format: format)
        }
        do {
            info = try JSONDecoder().decode(RunInfo.self, from: infoData)
        } catch let error as DecodingError {
            throw .unreadable(path: infoURL.path, reason: DecodingExplanation(error).text)
        } catch {
            throw .unreadable(path: infoURL.path, reason: String(describing: error))
        }

        let episodesURL = url.appendingPathComponent("episodes.jsonl")
        let data: Data
        do { data = try Data(contentsOf: episodesURL) } catch { throw .unreadable(path: episodesURL.path, reason: RunDirectory.reason(error)) }
        let complete = data.lastIndex(of: UInt8(ascii: "\n")).map { data.index(after: $0) } ?? data.startIndex
        var records: [EpisodeRecord?] = []
        var position: [String: Int] = [:]
        var retried = 0
        var checks: [String: TrajectoryCheck] = [:]
        let decoder = JSONDecoder()
        for (number, line) in data[..<complete].split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .dropLast().enumerated() {
            let record: EpisodeRecord
            do {
                record = try decoder.decode(EpisodeRecord.self, from: Data(line))
            } catch let error as DecodingError {
                throw .corruptLine(path: episodesURL.path, line: number + 1, reason: DecodingExplanation(error).text)
            } catch {
                throw .corruptLine(path: episodesURL.path, line: number + 1, reason: String(describing: error))
            }
            if let problem = record.rangeProblem {
                throw .corruptLine(path: episodesURL.path, line: number + 1, reason: problem)
            }
            let extras = (try? decoder.decode(EpisodeLineExtras.self, from: Data(line))) ?? EpisodeLineExtras()
            let key = Self.key(record.task, record.seed)
            checks[key] = extras.trajectory
            if let earlier = position[key] {
                guard let previous = records[earlier], !previous.scored || extras.replacesUnverified else {
                    throw .duplicateEpisode(path: episodesURL.path, task: record.task, seed: record.seed)
                }
                records[earlier] = nil
                retried += 1
            }
            position[key] = records.count
            records.append(record)
        }
        self.url = url
        self.records = records.compactMap { $0 }
        self.retried = retried
        trajectoryChecks = checks
        completeBytes = complete - data.startIndex
        tornBytes = data.count - completeBytes
    }

    /// Why `record`'s trajectory file does not match its line, nil when it
    /// does: the recorded check, or for lines written before checks were
    /// recorded, only that a file is there for an episode that took steps.
    func trajectoryMismatch(_ record: EpisodeRecord) -> String? {
        let path = RunDirectory.trajectoryFile(in: url, task: record.task, seed: record.seed)
        if let check = trajectoryChecks[Self.key(record.task, record.seed)] { return check.mismatch(at: path) }
        guard record.steps > 0, !FileManager.default.fileExists(atPath: path) else { return nil }
        return "its trajectory file is missing"
    }

    /// The run's plan, rebuilt from run.json against `catalog`: refused when a
    /// family's revision changed, when run.json's suite is a built-in whose
    /// definition changed, or when episodes.jsonl records an episode the plan
    /// does not play. The profile, invalid-action policy and action matching
    /// are the run's settings (`--profile` and the others override a built-in
    /// suite's own), not part of the definition compared.
    public func plan(catalog: TaskCatalog, builtins: [Suite]) throws(StoredRunError) -> EvalPlan {
        let path = url.appendingPathComponent("run.json").path
        if var builtin = builtins.first(where: { $0.name == info.suite.name }) {
            builtin.profile = info.suite.profile
            builtin.invalidAction = info.suite.invalidAction
            builtin.actionMatching = info.suite.actionMatching
            if let difference = info.suite.difference(from: builtin) {
                throw .mismatch(path: path, what: "run.json's \(difference) in this Delve's built-in suite")
            }
        }
        let plan: EvalPlan
        do { plan = try EvalPlan(suite: info.suite, catalog: catalog) } catch { throw .plan(path: path, error) }
        if let difference = info.worlds.difference(from: plan.worlds, mine: "run.json", theirs: "this Delve") {
            throw .mismatch(path: path, what: difference)
        }
        let sliced = plan.sliced(info.shard)
        let planned = Set(sliced.episodes.map { Self.key($0.task.id, $0.seed) })
        if let foreign = records.first(where: { !planned.contains(Self.key($0.task, $0.seed)) }) {
            throw .foreignEpisode(path: url.appendingPathComponent("episodes.jsonl").path, task: foreign.task, seed: foreign.seed)
        }
        return sliced
    }

    /// `records` put in `plan` order; episodes of the plan that `records` lacks are left out.
    static func ordered(_ records: [EpisodeRecord], by plan: EvalPlan) -> [EpisodeRecord] {
        var byKey: [String: EpisodeRecord] = [:]
        for record in records { byKey[key(record.task, record.seed)] = record }
        return plan.episodes.compactMap { byKey[key($0.task.id, $0.seed)] }
    }

    /// An episode's identity within a run.
    static func key(_ task: String, _ seed: UInt64) -> String { "\(task) \(seed)" }

    /// run.json's `format`, read before the rest so a newer layout is named as such.
    private static func format(of data: Data) -> Int? {
        struct Format: Decodable { var format: Int }
        return try? JSONDecoder().decode(Format.self, from: data).format
    }
}
