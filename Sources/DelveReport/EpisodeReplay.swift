import DelveCore
import DelveEval
import DelveImage
import Foundation

/// One moment of a replayed episode: the state after a step (or after the
/// reset, for frame 0), as the agent saw it and as `play` draws it. In a run
/// made with `--observe image` or `both`, the observation carries the picture
/// the agent saw.
public struct ReplayFrame: Sendable, Hashable, Encodable {
    /// Steps taken so far: 0 for the reset.
    public var step: Int
    /// The action the agent answered on this step; nil for frame 0.
    public var action: String?
    /// The action played in its place, when the world refused it and the run plays the default action.
    public var executed: String?
    /// The agent's reasoning for this step, if it gave any.
    public var reasoning: String?
    /// The exact prompt the agent sent its model for this step, when it reported it (an LLM agent does).
    public var prompt: String?
    /// The agent's raw answer, e.g. its model's whole reply, when it reported it.
    public var raw: String?
    /// Whether the world accepted the action.
    public var valid: Bool
    /// The step's reward.
    public var reward: Double
    /// The episode's progress after the step.
    public var progress: Double
    /// Milestones first reached on this step.
    public var milestones: [String]
    /// What the agent perceived after the step.
    public var observation: Observation
    /// The world's map (`World.map`); nil when the episode could not be
    /// replayed to this frame.
    public var map: ReplayMap?
    /// How the episode ended, on its last frame.
    public var endReason: EndReason?

    enum CodingKeys: String, CodingKey {
        case step, action, executed, reasoning, prompt, raw, valid, reward, progress, milestones, observation, map
        case endReason = "end_reason"
    }
}

/// What became of an episode's trajectory when it was read and replayed.
public enum ReplayStatus: Sendable, Hashable, CustomStringConvertible {
    /// Every step replayed and matched the recorded observation: maps are shown.
    case replayed
    /// The run was made with `--no-trajectories`.
    case notRecorded
    /// The trajectory file is not there.
    case missing(path: String)
    /// The trajectory file has a line that is not a step, or lacks the steps from that line on.
    case corrupt(path: String, line: Int)
    /// This Delve cannot play the episode's task (or its options), so there are no maps; the recorded steps are shown.
    case unplayable(reason: String)
    /// The replay's observation differs from the recorded one from this step on: maps are shown up to the step before.
    case diverged(step: Int)

    /// One line for people.
    public var description: String {
        switch self {
        case .replayed: return "replayed"
        case .notRecorded: return "no trajectory: the run was made with --no-trajectories"
        case let .missing(path): return "trajectory missing: \(path)"
        case let .corrupt(path, line): return "trajectory corrupt: \(path) line \(line) is missing or not a step"
        case let .unplayable(reason): return "no maps: \(reason)"
        case let .diverged(step): return "replay diverged at step \(step): this Delve's world differs from the run's; maps stop before it"
        }
    }

    /// Whether the episode's recorded steps are available (all statuses but the missing and unreadable ones).
    public var hasSteps: Bool {
        switch self {
        case .replayed, .unplayable, .diverged: return true
        case .notRecorded, .missing, .corrupt: return false
        }
    }
}

/// An episode of a stored run brought back step by step: its recorded
/// trajectory, with the map at every step recomputed by playing the recorded
/// actions through a fresh `Env` (worlds are deterministic, so the same task,
/// seed, options, budget and actions give the same states).
public struct EpisodeReplay: Sendable {
    /// The episode's record from episodes.jsonl.
    public var record: EpisodeRecord
    /// Frame 0 (the reset) and one frame per recorded step; empty when the trajectory could not be read.
    public var frames: [ReplayFrame]
    /// Whether the frames have maps, and why not.
    public var status: ReplayStatus

    /// Reads and replays `record`'s trajectory in the run at `run`, described by `info`, against `catalog`.
    public init(record: EpisodeRecord, run: URL, info: RunInfo, catalog: TaskCatalog) {
        self.record = record
        guard info.trajectories else {
            frames = []
            status = .notRecorded
            return
        }
        let relative = RunDirectory.trajectoryPath(task: record.task, seed: record.seed)
        var steps: [TrajectoryStep] = []
        // An episode that ended before its first step has no trajectory file.
        if record.steps > 0 {
            switch Self.read(run.appendingPathComponent(relative)) {
            case let .success(read) where read.count == record.steps: steps = read
            case let .success(read):
                frames = []
                status = .corrupt(path: relative, line: read.count + 1)
                return
            case let .failure(problem):
                frames = []
                status = problem.status(path: relative)
                return
            }
        }
        (frames, status) = Self.replay(record: record, steps: steps, info: info, catalog: catalog)
    }

    /// Plays `steps` again from the reset, comparing each observation with the recorded one.
    private static func replay(record: EpisodeRecord, steps: [TrajectoryStep], info: RunInfo,
                               catalog: TaskCatalog) -> ([ReplayFrame], ReplayStatus) {
        var recorded = steps.map(ReplayFrame.init(recorded:))
        let entry = info.suite.entries.first { $0.task == record.task && $0.seeds.contains(record.seed) }
        var env: Env
        let start: Observation
        do {
            env = Env(task: try catalog.task(record.task))
            env.invalidActionPolicy = info.invalidAction
            env.imaging = Imaging.for(info.observe, frame: info.picture)
            start = try env.reset(seed: record.seed, options: entry?.options ?? .defaults, budget: entry?.stepBudget)
        } catch {
            let first = ReplayFrame(step: 0, valid: true, reward: 0, progress: 0, milestones: [],
                                    observation: Observation(text: "", status: "", mission: "", legalActions: [], feedback: ""))
            return ([first] + recorded, .unplayable(reason: "this Delve cannot play it (\(error))"))
        }
        var frames = [ReplayFrame(step: 0, valid: true, reward: 0, progress: env.tracker.progress, milestones: [],
                                  observation: start, map: ReplayMap(env.world.map))]
        for index in recorded.indices {
            let step = recorded[index]
            guard let played = try? env.step(step.action ?? ""), played.observation.withoutImage == step.observation.withoutImage,
                  played.valid == step.valid, played.executed == step.executed, played.progress == step.progress else {
                return (frames + recorded[index...], .diverged(step: step.step))
            }
            recorded[index].map = ReplayMap(env.world.map)
            frames.append(recorded[index])
        }
        return (frames, .replayed)
    }

    /// Why a trajectory file could not be read.
    private enum ReadProblem: Error {
        case missing
        case corrupt(line: Int)

        func status(path: String) -> ReplayStatus {
            switch self {
            case .missing: return .missing(path: path)
            case let .corrupt(line): return .corrupt(path: path, line: line)
            }
        }
    }

    /// The steps of the trajectory file at `url`: every line must be a step, numbered 1, 2, 3….
    private static func read(_ url: URL) -> Result<[TrajectoryStep], ReadProblem> {
        guard let data = try? Data(contentsOf: url) else { return .failure(.missing) }
        let decoder = JSONDecoder()
        var steps: [TrajectoryStep] = []
        for (number, line) in data.split(separator: UInt8(ascii: "\n")).enumerated() {
            guard let step = try? decoder.decode(TrajectoryStep.self, from: Data(line)), step.step == number + 1 else {
                return .failure(.corrupt(line: number + 1))
            }
            steps.append(step)
        }
        return .success(steps)
    }
}

extension Observation {
    /// The observation without its picture: replays compare the words, since
    /// another zlib may encode the same frame in other bytes.
    var withoutImage: Observation {
        var copy = self
        copy.image = nil
        return copy
    }
}

extension ReplayFrame {
    /// A trajectory line as a frame, without its map.
    init(recorded step: TrajectoryStep) {
        var observation = step.observation
        observation.map = nil
        self.init(step: step.step, action: step.action, executed: step.executed, reasoning: step.reasoning,
                  prompt: step.prompt, raw: step.raw, valid: step.valid,
                  reward: step.reward, progress: step.progress, milestones: step.milestones, observation: observation,
                  endReason: step.endReason)
    }
}
