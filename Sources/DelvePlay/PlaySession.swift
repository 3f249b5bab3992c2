import DelveCore
import DelveImage
import Foundation

/// One person playing one task in the terminal: an `Env`, the steps that
/// `:undo` can take back, and what the screen shows. A value type; it reads
/// lines from any `LineSource` and writes to any text stream, so a script
/// can drive it as well as a person.
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

    /// The note on the first screen.
    static let greeting = "Type an action (TAB completes it) or :help."

    /// Starts an episode of `task` with `seed` under `profile`.
    ///
    /// - Throws: the world's error when it cannot be reset.
    public init(task: TaskSpec, seed: UInt64, profile: Profile = .delve, screen: Screen) throws(WorldError) {
        env = Env(task: task)
        let first = try env.reset(seed: seed, options: WorldOptions(profile: profile))
        self.screen = screen
        if !first.feedback.isEmpty { messages.append("0: " + first.feedback) }
        see(env.world.instructions)
        see(first.text)
    }

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
        output.write(screen.turn(env, showsMap: showsMap, notes: [Self.greeting]))
        saveFrame(&output)
        while let line = lines.readLine(prompt: screen.prompt, completions: completions) {
            let reply = handle(line)
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
        if typed.isEmpty { return PlayReply(text: "", quits: false) }
        guard typed.hasPrefix(":") else { return play(typed) }
        do {
            return perform(try ColonCommand.parse(typed))
        } catch {
            return PlayReply(text: Escaping.terminal(error.description) + "\n", quits: false)
        }
    }

    private mutating func play(_ action: String) -> PlayReply {
        if let reason = env.endReason { return PlayReply(text: screen.refusal(reason), quits: false) }
        let before = env
        let step: EnvStep
        do {
            step = try env.step(action)
        } catch {
            return PlayReply(text: Escaping.terminal(error.description) + "\n", quits: false)
        }
        undoStack.append(before)
        see(step.observation.text)
        if !step.observation.feedback.isEmpty { messages.append("\(step.step): " + step.observation.feedback) }
        let milestones = env.world.milestones
        let notes = step.milestones.map { id in
            "Milestone reached: " + (milestones.first { $0.id == id }?.title ?? id)
        }
        return redraw(notes)
    }

    private mutating func perform(_ command: ColonCommand) -> PlayReply {
        switch command {
        case .help:
            return PlayReply(text: screen.help(actions: env.world.actionSpace), quits: false)
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
        var fresh = env
        do {
            _ = try fresh.reset(seed: seed, options: WorldOptions(profile: env.profile))
        } catch {
            return PlayReply(text: "Cannot start seed \(seed): \(Escaping.terminal(error.description))\n", quits: false)
        }
        env = fresh
        see(fresh.observation.text)
        undoStack.removeAll()
        messages = fresh.observation.feedback.isEmpty ? [] : ["0: " + fresh.observation.feedback]
        return redraw([note])
    }

    private func redraw(_ notes: [String]) -> PlayReply {
        PlayReply(text: screen.turn(env, showsMap: showsMap, notes: notes), quits: false)
    }
}
