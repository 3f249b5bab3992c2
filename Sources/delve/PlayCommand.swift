import ArgumentParser
import DelveCore
import DelveEval
import DelvePlay
import Foundation
import WorldCatalog

/// `delve play [FAMILY/TASK] [--seed N] [--suite S] [--record RUN_DIR [--as NAME]] [--typed] [--no-color] [--image FILE]`:
/// a world by hand in the terminal, and human baselines.
struct PlayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "play",
        abstract: "Play a world by hand in the terminal; record human baselines.",
        discussion: """
            On a terminal, grid, craft, rules and dungeon play with single keys (arrows, WASD; the dungeon NetHack's \
            keys), shown on screen; ` switches to typed commands (line editing, history, TAB completion) and back. \
            Text worlds are typed. Input the world refuses uses no step. Piped: reads one action per line from \
            standard input and prints plain text, e.g. printf 'go forward\\nturn left\\n' | delve play grid/goto --seed 7. \
            With --record RUN_DIR every finished episode is appended to a run directory as delve eval writes one \
            (agent human:NAME); with --suite it plays that suite's episodes in order, resuming at the first unrecorded one.
            """)

    @Argument(help: "The task to play, as FAMILY/TASK (e.g. grid/goto); a bare FAMILY plays its first task. Not with --suite.")
    var task: String?

    @Option(help: "The episode seed (default: a random one, shown on screen; with --record, the seeds delve eval --task plays).")
    var seed: UInt64?

    @Option(help: ArgumentHelp("What the world shows and how it scores: \(Profile.helpList). Default: delve (with --suite, the suite's).",
                               valueName: "profile"))
    var profile: Profile?

    @Option(help: ArgumentHelp("Play this suite's episodes in order, recording them (needs --record): a built-in suite or a suite file.",
                               valueName: "suite"))
    var suite: String?

    @Option(help: ArgumentHelp("Append every finished episode to this run directory (made if missing), as delve eval writes one.",
                               valueName: "run-dir"))
    var record: String?

    @Option(name: .customLong("as"), help: ArgumentHelp("The player's name in the run (agent human:NAME). Default: $USER.",
                                                        valueName: "name"))
    var player: String?

    @Flag(help: "Start with typed commands instead of single keys.")
    var typed = false

    @Flag(help: "Draw without color (so does a non-empty NO_COLOR).")
    var noColor = false

    @Option(help: ArgumentHelp("Keep this PNG file showing the agent's view, rewritten after every turn (open it in an "
                               + "image viewer that reloads).", valueName: "file"))
    var image: String?

    func validate() throws {
        if suite != nil, task != nil { throw ValidationError("give a task or --suite, not both") }
        if suite == nil, task == nil { throw ValidationError("give a task to play (e.g. grid/goto) or --suite with --record") }
        if suite != nil, record == nil { throw ValidationError("--suite plays a suite to record it: give --record RUN_DIR too") }
        if suite != nil, seed != nil { throw ValidationError("--seed goes with a task; a suite names its seeds") }
        if record == nil, player != nil { throw ValidationError("--as names the player of --record") }
        if let player, player.isEmpty || player.contains(where: { $0.isWhitespace || $0 == "/" }) {
            throw ValidationError("--as '\(player)' is not a plain name: no spaces or slashes")
        }
        if let seed, !Seeds.range.contains(seed) { throw ValidationError("--seed must be \(Seeds.rule), got \(seed)") }
    }

    func run() throws {
        if let record {
            return try recordRun(in: URL(fileURLWithPath: record, isDirectory: true))
        }
        let spec = try Catalog.standard.task(named: task ?? "")
        try checkImage(spec)
        try TerminalPlay.run(task: spec, seed: seed ?? UInt64.random(in: 0..<1_000_000), profile: profile ?? .delve,
                             noColor: noColor, imageFile: image, typed: typed)
    }

    private func checkImage(_ spec: TaskSpec) throws {
        if image != nil, !spec.isVisual {
            throw UsageError("\(spec.id) has no picture for --image: its family is text only; "
                             + "families with pictures: \(Catalog.standard.visualFamilies.joined(separator: ", "))")
        }
    }

    /// `--record`: the run directory's next episodes, each appended as it ends.
    private func recordRun(in directory: URL) throws {
        let name = player ?? ProcessInfo.processInfo.environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? "player"
        let run: HumanRun
        do {
            if let suite {
                var chosen = try SuiteLookup.find(suite, builtins: Catalog.suites)
                if let profile { chosen.profile = profile }
                run = try HumanRun(at: directory, suite: chosen, player: name, catalog: Catalog.standard, builtins: Catalog.suites)
            } else {
                let spec = try Catalog.standard.task(named: task ?? "")
                try checkImage(spec)
                run = try HumanRun(at: directory, task: spec.id, profile: profile ?? .delve, firstSeed: seed,
                                   defaultSeed: Catalog.firstEvalSeed(for: spec.family), player: name,
                                   catalog: Catalog.standard, builtins: Catalog.suites)
            }
        } catch let error as SuiteLookupError {
            throw UsageError(error)
        } catch let error as HumanRunError {
            throw UsageError(error)
        }
        let played = try TerminalPlay.record(with: PlayRecording(run: run), noColor: noColor, imageFile: image, typed: typed)
        if !played { print("Every episode of \(run.info.suite.name) is already recorded in \(directory.path).") }
    }
}

/// A `HumanRun` as `delve play` records into it.
struct PlayRecording: PlayRecorder {
    var run: HumanRun

    var location: String { run.url.path }

    mutating func nextEpisode() throws -> PlayEpisode? {
        try run.nextEpisode().map { PlayEpisode(task: $0.task, seed: $0.seed, options: $0.options, stepBudget: $0.stepBudget) }
    }

    mutating func record(_ record: EpisodeRecord, trajectory: [TrajectoryStep]) throws -> String {
        try run.append(EpisodeOutcome(record: record, trajectory: trajectory))
        return "\(run.recorded) of \(run.planned) episodes recorded"
    }
}
