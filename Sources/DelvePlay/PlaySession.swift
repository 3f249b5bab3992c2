import DelveCore
import DelveFormats
import DelveImage
import Foundation

/// One person playing one task in the terminal: an `Env`, the steps that
/// `:undo` can take back, and what the screen shows. A value type; it reads
/// lines from any `LineSource`, keys from any `KeySource`, and writes to any
/// text stream, so a script can drive it as well as a person.
///
/// Unlike an agent's, a person's input that the world refuses (a word it does
/// not know, one that could mean several actions, a move it will not make) is
/// not played: it uses no step, and the world's answer says why.
public struct PlaySession: Sendable {
    /// The episode being played.
    public private(set) var env: Env
    /// Whether turn screens include the map (`:map` toggles it).
    public private(set) var showsMap = true
    /// How screens are drawn.
    public let screen: Screen
    /// The episode before each step taken, newest last, for `:undo`.
    private var undoStack: [Env] = []
    /// A PNG file kept showing the current frame (`delve play --image`), or nil.
    public var imageFile: String?
    /// The feedback of each step, with its step number, newest last (`:messages`).
    public private(set) var messages: [String] = []
    /// How many messages `:messages` shows.
    static let messageHistory = 40
    /// The words a person has been shown (instructions and observations),
    /// first seen first: what TAB completes in a parser game.
    private var seenWords: [String] = []

    /// Single keys or typed lines; keys only where the world has a key map.
    public private(set) var mode: InputMode
    /// A key command waiting for its answers (NetHack's "What do you want to eat?").
    private var pending: (binding: KeyBinding, answers: [String])?
    /// Where finished episodes are recorded (`delve play --record`), or nil.
    public private(set) var recorder: (any PlayRecorder)?
    /// The steps of the episode, kept while recording.
    private var trajectory: [TrajectoryStep] = []
    /// Seconds the person took over each step, while recording.
    private var thinking: [Double] = []
    /// When the current screen was shown, to time the next step.
    private var shownAt = ContinuousClock.now
    /// Whether the finished episode has been recorded: the next input starts the next one.
    private var recorded = false
    /// Whether the player chose single keys: each episode whose world has them starts in key mode.
    private var prefersKeys: Bool

    /// The note on the first screen.
    static let greeting = "Type an action (TAB completes it) or :help."
    /// The key that switches from single keys to typed commands; in typed mode
    /// a line holding only it (or `:keys`) switches back.
    public static let switchKey = Key.character("`")

    /// Starts an episode of `task` with `seed` under `profile`.
    ///
    /// - Throws: the world's error when it cannot be reset.
    public init(task: TaskSpec, seed: UInt64, profile: Profile = .delve, screen: Screen, mode: InputMode = .typed) throws(WorldError) {
        try self.init(episode: PlayEpisode(task: task, seed: seed, options: WorldOptions(profile: profile)), screen: screen, mode: mode)
    }

    /// Starts `episode`; `mode` is kept only when the world has single keys.
    ///
    /// - Throws: the world's error when it cannot be reset.
    public init(episode: PlayEpisode, screen: Screen, mode: InputMode = .typed) throws(WorldError) {
        env = Env(task: episode.task)
        self.screen = screen
        self.mode = .typed
        prefersKeys = mode == .keys
        try begin(episode)
    }

    /// Plays the episodes `recorder` hands out, from its next unplayed one,
    /// recording each as it ends; nil when the run has every episode already.
    ///
    /// - Throws: the recorder's error, or the world's when it cannot be reset.
    public init?(recorder: any PlayRecorder, screen: Screen, mode: InputMode = .typed) throws {
        var recorder = recorder
        guard let episode = try recorder.nextEpisode() else { return nil }
        try self.init(episode: episode, screen: screen, mode: mode)
        self.recorder = recorder
    }

    /// Resets to `episode`, with a new `Env` for its task; history, undo and the kept steps start over.
    private mutating func begin(_ episode: PlayEpisode) throws(WorldError) {
        var fresh = Env(task: episode.task)
        let first = try fresh.reset(seed: episode.seed, options: episode.options, budget: episode.stepBudget)
        env = fresh
        undoStack.removeAll()
        trajectory.removeAll()
        thinking.removeAll()
        pending = nil
        recorded = false
        mode = prefersKeys && keyMap != nil ? .keys : .typed
        messages = first.feedback.isEmpty ? [] : ["0: " + first.feedback]
        see(env.world.instructions)
        see(first.text)
    }

    /// The single keys of the world being played, or nil when it is typed only (a parser game).
    public var keyMap: KeyMap? { (env.world as? any KeyPlayable)?.keyMap }

    /// What TAB may complete to now: the legal actions, then the commands. In
    /// a parser game (no legal actions shown, any string a command) the words
    /// seen so far instead, one word at a time: the verbs the instructions
    /// name and the names the game's replies have used, never commands the
    /// player was not shown.
    public var completions: [String] {
        if env.observation.legalActions.isEmpty, env.world.actionVocabulary == nil, env.endReason == nil {
            return seenWords.map { " " + $0 } + ColonCommand.names
        }
        return env.world.actionSpace + ColonCommand.names
    }

    /// Adds the words of `text` to the words seen: letters (with inner
    /// hyphens and apostrophes), two or more, in lower case.
    private mutating func see(_ text: String) {
        let words = text.lowercased().split { !($0.isLetter || $0 == "-" || $0 == "'") }
        for word in words {
            let trimmed = String(word.trimmingCharacters(in: CharacterSet(charactersIn: "-'")))
            if trimmed.count >= 2, !seenWords.contains(trimmed) { seenWords.append(trimmed) }
        }
    }

    /// Plays until the player quits or the input ends: shows the first
    /// screen, then reads a line at a time and writes the replies.
    public mutating func run(lines: inout some LineSource, output: inout some TextOutputStream) {
        var keys = NoKeys()
        run(lines: &lines, keys: &keys, output: &output)
    }

    /// Plays until the player quits or the input ends, reading single keys
    /// from `keys` while in key mode and typed lines from `lines` otherwise.
    /// `keys` is released before every typed line and at the end.
    public mutating func run(lines: inout some LineSource, keys: inout some KeySource, output: inout some TextOutputStream) {
        defer { keys.release() }
        output.write(redraw(mode == .keys ? [] : [Self.greeting]).text)
        saveFrame(&output)
        while true {
            let reply: PlayReply
            if mode == .keys {
                guard let key = keys.readKey() else { break }
                reply = handle(key: key)
            } else {
                keys.release()
                guard let line = lines.readLine(prompt: screen.prompt, completions: completions) else { break }
                reply = handle(line)
            }
            output.write(reply.text)
            if reply.quits { return }
            saveFrame(&output)
        }
        output.write(screen.farewell(env))
    }

    /// Writes the current frame (the agent's view) to `imageFile`, if there is
    /// one and the world has pictures; a failure is reported on `output`.
    private func saveFrame(_ output: inout some TextOutputStream) {
        guard let imageFile, let world = env.world as? any VisualWorld else { return }
        do {
            try PNGFile.write(world.frame(FrameRequest()), to: imageFile)
        } catch {
            output.write(Escaping.terminal(error.description) + "\n")
        }
    }


    /// Answers one typed line: a `:command`, or an action for the world.
    /// An empty line does nothing.
    public mutating func handle(_ line: String) -> PlayReply {
        let typed = line.trimmingCharacters(in: .whitespaces)
        if recorded, !typed.hasPrefix(":") { return nextRecordedEpisode() }
        if typed.isEmpty { return PlayReply(text: "", quits: false) }
        if typed == String(Self.switchKey.description), keyMap != nil { return switchMode() }
        guard typed.hasPrefix(":") else { return play(typed) }
        do {
            return perform(try ColonCommand.parse(typed))
        } catch {
            return PlayReply(text: Escaping.terminal(error.description) + "\n", quits: false)
        }
    }

    /// Answers one key: a key command of the world's key map (or the answer
    /// to its question), or one of play's own keys: `switchKey`, `?` for
    /// help, Ctrl-C to quit (Ctrl-D too, where the world has no Ctrl-D key:
    /// the dungeon kicks with it). A key that means nothing uses no step.
    public mutating func handle(key: Key) -> PlayReply {
        if key == .control("c") || key == .control("d") && keyMap?.binding(for: key) == nil { return perform(.quit) }
        if recorded { return nextRecordedEpisode() }
        guard let keyMap else { return switchMode() }
        if let (binding, answers) = pending { return answer(binding, answers, with: key, in: keyMap) }
        if key == Self.switchKey { return switchMode() }
        if key == .character("?") { return PlayReply(text: screen.keyHelp(keyMap, switchKey: Self.switchKey), quits: false) }
        guard let binding = keyMap.binding(for: key) else {
            return PlayReply(text: "The key \(key) does nothing here (no step used). " + keyLine(keyMap) + "\n", quits: false)
        }
        if let reason = env.endReason { return PlayReply(text: screen.refusal(reason, keys: true), quits: false) }
        return answer(binding, [], with: nil, in: keyMap)
    }

    /// Takes `key` as the next answer to `binding`'s questions (none yet when
    /// nil); plays the action once every question is answered, else asks the next.
    private mutating func answer(_ binding: KeyBinding, _ answers: [String], with key: Key?, in keyMap: KeyMap) -> PlayReply {
        var answers = answers
        if let key {
            if key == .escape {
                pending = nil
                return PlayReply(text: "Never mind: \(binding.action) cancelled, no step used.\n", quits: false)
            }
            switch binding.asks[answers.count] {
            case .item:
                guard case let .character(letter) = key, letter.isASCII, letter.isLetter else {
                    return PlayReply(text: "Press an inventory letter for \(binding.action), or Esc.\n", quits: false)
                }
                answers.append(String(letter))
            case .direction:
                guard let word = keyMap.direction(for: key) else {
                    return PlayReply(text: "Press a direction (\(keyMap.directionKeys)) for \(binding.action), or Esc.\n", quits: false)
                }
                answers.append(word)
            }
        }
        guard answers.count == binding.asks.count else {
            pending = (binding, answers)
            let verb = binding.action.prefix(1).uppercased() + binding.action.dropFirst()
            let question = binding.asks[answers.count] == .item
                ? "\(verb) what? Press an inventory letter"
                : "\(verb) in what direction? Press \(keyMap.directionKeys)"
            return PlayReply(text: question + " (Esc cancels).\n", quits: false)
        }
        pending = nil
        return play(([binding.action] + answers).joined(separator: " "))
    }

    /// Switches between single keys and typed commands.
    private mutating func switchMode() -> PlayReply {
        pending = nil
        guard mode == .typed, keyMap != nil else {
            mode = .typed
            prefersKeys = false
            let back = keyMap == nil ? "" : " Type \(Self.switchKey) or :keys to play with single keys again."
            return PlayReply(text: "Typed commands: type an action or :help.\(back)\n", quits: false)
        }
        mode = .keys
        prefersKeys = true
        return redraw([])
    }

    /// The help line of key mode: the keys, then play's own.
    private func keyLine(_ keyMap: KeyMap) -> String {
        screen.keyLine(keyMap, switchKey: Self.switchKey)
    }

    private mutating func play(_ action: String) -> PlayReply {
        if let reason = env.endReason { return PlayReply(text: screen.refusal(reason, keys: mode == .keys), quits: false) }
        var next = env
        let step: EnvStep
        do {
            step = try next.step(action)
        } catch {
            return PlayReply(text: Escaping.terminal(error.description) + "\n", quits: false)
        }
        guard step.valid else {
            let why = step.observation.feedback.isEmpty ? "'\(action)' is not an action here." : step.observation.feedback
            return PlayReply(text: Escaping.terminal(why) + " (No step used.)\n", quits: false)
        }
        let now = ContinuousClock.now
        undoStack.append(env)
        env = next
        see(step.observation.text)
        if !step.observation.feedback.isEmpty { messages.append("\(step.step): " + step.observation.feedback) }
        let milestones = env.world.milestones
        let notes = step.milestones.map { id in
            "Milestone reached: " + (milestones.first { $0.id == id }?.title ?? id)
        }
        if recorder != nil {
            let latency = shownAt.duration(to: now).seconds
            thinking.append(latency)
            trajectory.append(TrajectoryStep(
                step: step.step, action: action, reasoning: nil, valid: true, reward: step.reward, progress: step.progress,
                milestones: step.milestones, observation: step.observation, latency: latency, endReason: step.endReason))
            if env.endReason != nil { return redraw(notes, next: recordEpisode()) }
        }
        return redraw(notes)
    }

    /// Records the episode just ended; the note says where, or why it could not be.
    private mutating func recordEpisode() -> String {
        guard var recorder, let reason = env.endReason else { return "" }
        var record = env.record(endReason: reason)
        record.agentLatencyMean = thinking.isEmpty ? 0 : thinking.reduce(0, +) / Double(thinking.count)
        do {
            let done = try recorder.record(record, trajectory: trajectory)
            self.recorder = recorder
            recorded = true
            return "\(done), in \(recorder.location).\nPress Enter (or any key) for the next episode, or :quit to leave."
        } catch {
            recorded = true
            return "Not recorded: \(error).\nPress Enter (or any key) for the next episode, or :quit to leave."
        }
    }

    /// Starts the recorder's next unplayed episode, or says that none is left and quits.
    private mutating func nextRecordedEpisode() -> PlayReply {
        guard var recorder else { return PlayReply(text: "", quits: false) }
        do {
            guard let episode = try recorder.nextEpisode() else {
                return PlayReply(text: "Every episode of the run is recorded, in \(recorder.location). Bye.\n", quits: true)
            }
            self.recorder = recorder
            try begin(episode)
        } catch {
            return PlayReply(text: "Cannot start the next episode: \(error)\n", quits: false)
        }
        return redraw(["Next episode: \(env.task.id) seed \(env.seed)."])
    }

    private mutating func perform(_ command: ColonCommand) -> PlayReply {
        if recorder != nil, command.changesEpisode {
            return PlayReply(text: "Not while recording: every episode of a baseline is played once, from its start, without taking steps back.\n",
                             quits: false)
        }
        switch command {
        case .help:
            return PlayReply(text: screen.help(actions: env.world.actionSpace), quits: false)
        case .keys:
            guard keyMap != nil else { return PlayReply(text: "\(env.task.id) is played with typed commands only.\n", quits: false) }
            return mode == .keys ? redraw([]) : switchMode()
        case .messages:
            let shown = messages.suffix(Self.messageHistory)
            return PlayReply(text: shown.isEmpty ? "No messages yet.\n" : Escaping.terminal(shown.joined(separator: "\n")) + "\n",
                             quits: false)
        case .map:
            showsMap.toggle()
            return redraw([showsMap ? "Map shown." : "Map hidden."])
        case .undo:
            guard let previous = undoStack.popLast() else {
                return PlayReply(text: "Nothing to undo: this is the start of the episode.\n", quits: false)
            }
            env = previous
            if let last = messages.last, last.hasPrefix("\(env.steps + 1): ") { messages.removeLast() }
            return redraw(["Took back one step."])
        case .restart:
            return start(seed: env.seed, note: "Restarted seed \(env.seed).")
        case let .seed(seed):
            return start(seed: seed, note: "New episode with seed \(seed).")
        case .quit:
            return PlayReply(text: screen.farewell(env), quits: true)
        }
    }

    /// A fresh episode with `seed`; the current one is kept if the world cannot be reset.
    private mutating func start(seed: UInt64, note: String) -> PlayReply {
        do {
            try begin(PlayEpisode(task: env.task, seed: seed, options: WorldOptions(profile: env.profile)))
        } catch {
            return PlayReply(text: "Cannot start seed \(seed): \(Escaping.terminal(error.description))\n", quits: false)
        }
        return redraw([note])
    }

    /// The whole screen with `notes`, in key mode the keys, and after the end `next`; the next step is timed from now.
    private mutating func redraw(_ notes: [String], next: String? = nil) -> PlayReply {
        shownAt = ContinuousClock.now
        let keys = mode == .keys ? keyMap.map { [keyLine($0)] } ?? [] : []
        let typedNext = mode == .keys ? "Press \(Self.switchKey) and type :restart to play seed \(env.seed) again, :seed N for another "
            + "episode, :undo to step back, or :quit; Ctrl-C quits." : nil
        return PlayReply(text: screen.turn(env, showsMap: showsMap, notes: notes + keys, next: next ?? typedNext), quits: false)
    }
}
