import DelveCore

/// A text adventure generated from a seed: rooms, doors, containers, food and
/// a quest, played by typing commands. The admissible commands are computed
/// on every step, as TextWorld does.
///
/// In the `delve` profile each observation states the mission, the room with
/// its exits, the score and what is carried, and lists the admissible
/// commands. In the `balrog` profile it is a parser game as BALROG plays
/// TextWorld: the observation is the game's reply to the last command and
/// nothing else, the objective is told only by the command `goal`, `help`
/// lists the verbs, and the admissible commands stay inside (`legalActions`,
/// for the random agent and the expert).
public struct TextWorld: World {
    let game: any TextGame.Type
    var state = TextState()
    var quest = Quest(goals: [])
    var mission = ""
    /// What the command `goal` answers in the balrog profile.
    var objective = ""
    var finished = false
    /// What the agent is shown and how the episode is scored; set by `reset`.
    var profile = Profile.delve
    /// The admissible commands now, whether or not the observation shows them.
    private var admissible: [String] = []
    /// The view of each room (text and admissible commands) as of `state.stamp`.
    private var views: [RoomView?] = []
    /// Each room's heading, built once per episode.
    private var headings: [String?] = []
    /// Command words already spelled out this episode, by command (looked up, never iterated).
    private var phrases: [Command: String] = [:]
    private var statusText = ""
    private var statusStamp = -1
    private var statusPoints = -1
    /// The current observation.
    public private(set) var observation = Observation(text: "", status: "", mission: "", legalActions: [], feedback: "")

    private struct RoomView: Sendable {
        var stamp: Int
        var text: String
        var commands: [String]
        var parsed: [Command]
    }

    init(game: any TextGame.Type) { self.game = game }

    /// `text/<game>`.
    public var taskID: String { "text/\(game.name)" }
    /// The text family's revision.
    public var revision: Int { TextFamily.revision }
    /// The admissible commands now; none once the game is over. In the
    /// balrog profile the agent is not sent them (BALROG sends none), but the
    /// random agent and the expert still choose among them.
    public var legalActions: [String] { admissible }
    /// delve: "look", harmless and always possible. balrog: "help", BALROG's
    /// default action for TextWorld.
    public var defaultAction: String { profile == .balrog ? "help" : "look" }
    /// delve: the admissible commands. balrog: nil, as any string is a
    /// command there and the parser answers what it cannot do.
    public var actionVocabulary: [String]? { profile == .balrog ? nil : admissible }
    /// BALROG's 80 steps; suites may override it.
    public var stepBudget: Int { TextGames.budget }

    /// One milestone per quest goal, weighted by its share of the points.
    public var milestones: [Milestone] {
        quest.goals.map { Milestone(id: $0.id, title: $0.title, weight: 100 * Double($0.points) / Double(max(1, quest.maxPoints))) }
    }

    /// Quest points / max points × 100; 100 on a win. In the balrog profile a
    /// game whose TextWorld original scores only the win (every game but
    /// cooking) is 0 or 100, as BALROG's progression there.
    public var progress: Double {
        if quest.isComplete { return 100 }
        if profile == .balrog, !game.scoresSteps { return 0 }
        return 100 * Double(quest.points) / Double(max(1, quest.maxPoints))
    }

    /// Generates an instance from the seed and the game's options.
    public mutating func reset(seed: UInt64, options: WorldOptions) throws(WorldError) -> Observation {
        try options.validate(against: game.options, task: taskID)
        profile = options.profile
        let setup = try game.generate(seed: seed, options: options, task: taskID)
        install(setup)
        return observation
    }

    /// Starts playing a generated instance.
    mutating func install(_ setup: GameSetup) {
        state = setup.state
        quest = setup.quest
        mission = setup.mission
        objective = setup.objective.isEmpty ? setup.mission : setup.objective
        finished = false
        views = Array(repeating: nil, count: state.rooms.count)
        headings = Array(repeating: nil, count: state.rooms.count)
        phrases.removeAll(keepingCapacity: true)
        statusStamp = -1
        let view = currentView()
        admissible = view.commands
        if profile == .balrog {
            observation = Self.reply(view.text)
        } else {
            observation = Observation(text: view.text, status: status(), mission: mission, legalActions: view.commands, feedback: setup.intro)
        }
    }

    /// A command the parser cannot read or the rules refuse: nothing changes.
    /// delve: it is invalid and the feedback says why. balrog: the reason is
    /// the game's reply and the command counts as played, as every string is
    /// a command in BALROG's TextWorld (so BALROG's default action never
    /// replaces it).
    private mutating func refuse(_ why: String, balrog: Bool) -> StepResult {
        if balrog {
            observation = Self.reply(why)
            return StepResult(observation: observation)
        }
        observation.feedback = why
        return StepResult(observation: observation, valid: false)
    }

    /// An observation that is only the game's reply (the balrog profile).
    static func reply(_ text: String) -> Observation {
        Observation(text: text, status: "", mission: "", legalActions: [], feedback: "")
    }

    /// Plays one command. One the parser cannot read, or the rules refuse,
    /// changes nothing and comes back with the reason (`refuse`).
    public mutating func step(_ action: String) -> StepResult {
        let balrog = profile == .balrog
        guard !finished else {
            if balrog {
                observation = Self.reply("The game is over.")
            } else {
                observation.feedback = "The game is over."
            }
            return StepResult(observation: observation, valid: false)
        }
        if balrog, let talk = GameTalk(action) {
            observation = Self.reply(talk == .goal ? objective : game.help)
            return StepResult(observation: observation)
        }
        let view = currentView()
        let command: Command
        if let i = view.commands.firstIndex(of: action) {
            command = view.parsed[i]
        } else {
            switch Parser.parse(action, state, terse: balrog) {
            case let .failure(why):
                guard !balrog, let i = Self.onlyCommand(startingWith: action, among: view.commands) else {
                    return refuse(why, balrog: balrog)
                }
                command = view.parsed[i]
            case let .command(parsed):
                if let why = Rules.refusal(parsed, state) {
                    return refuse(why, balrog: balrog)
                }
                command = parsed
            }
        }
        var feedback = Rules.perform(command, &state)
        var reached: [String] = []
        var gained = 0
        var ending: EndReason?
        if command.changesWorld, !command.isMove {
            let before = quest.points
            let (fresh, lost) = quest.update(state)
            gained = quest.points - before
            reached = fresh.map { quest.goals[$0].id }
            if balrog {
                let (text, won) = Self.balrogEnding(feedback, game: game, quest: quest, gained: gained, lost: lost)
                feedback = text
                ending = lost != nil ? .failure : won ? .success : nil
            } else if let lost {
                feedback += " " + lost + " *** You lost! ***"
                ending = .failure
            } else if quest.isComplete {
                feedback += " *** You won! *** Score \(quest.points)/\(quest.maxPoints)."
                ending = .success
            }
        }
        if ending != nil { finished = true }
        let next = currentView()
        admissible = finished ? [] : next.commands
        guard !balrog else {
            observation = Self.reply(command == .look || command.isMove ? next.text : feedback)
            let reward = game.scoresSteps ? Double(gained) : ending == .success ? 1 : 0
            return StepResult(observation: observation, reward: reward, ending: ending, milestones: reached)
        }
        observation = Observation(text: next.text, status: status(), mission: mission,
                                  legalActions: admissible, feedback: feedback)
        return StepResult(observation: observation, reward: Double(gained), ending: ending, milestones: reached)
    }

    /// The balrog profile's reply after a change, as TextWorld words it: a
    /// note when the score went up (in games that score steps), and the end
    /// of the game with the final score; whether the game is won.
    static func balrogEnding(_ feedback: String, game: any TextGame.Type, quest: Quest, gained: Int, lost: String?) -> (String, Bool) {
        var text = feedback
        let (points, maxPoints) = game.scoresSteps ? (quest.points, quest.maxPoints) : (quest.isComplete ? 1 : 0, 1)
        if game.scoresSteps, gained > 0 {
            text += gained == 1 ? " Your score went up by one point." : " Your score went up by \(gained) points."
        }
        if let lost {
            text += " " + lost + "\n*** You lost! *** You scored \(points) out of a possible \(maxPoints)."
            return (text, false)
        }
        guard quest.isComplete else { return (text, false) }
        if !game.scoresSteps { text += " Your score went up by one point." }
        text += "\n*** The End *** You scored \(points) out of a possible \(maxPoints)."
        return (text, true)
    }

    /// The one admissible command whose words the typed words begin, word by
    /// word ("open g" for "open glass door"), or nil when none or several do.
    static func onlyCommand(startingWith typed: String, among commands: [String]) -> Int? {
        let given = ActionMatcher.normalize(typed).split(separator: " ")
        guard !given.isEmpty else { return nil }
        var found: Int?
        for (i, command) in commands.enumerated() {
            let words = command.split(separator: " ")
            guard given.count <= words.count, zip(given, words).allSatisfy({ $1.hasPrefix($0) }) else { continue }
            if found != nil { return nil }
            found = i
        }
        return found
    }

    /// The player's room as seen now, from the cache when nothing changed.
    private mutating func currentView() -> RoomView {
        if let view = views[state.player], view.stamp == state.stamp { return view }
        let (texts, commands) = Admissible.commands(state, verbs: game.verbs, phrases: &phrases)
        let heading = headings[state.player] ?? Narration.heading(state.rooms[state.player])
        headings[state.player] = heading
        let text = profile == .balrog ? Narration.roomProse(state, heading: heading) : Narration.roomView(state, heading: heading)
        let view = RoomView(stamp: state.stamp, text: text, commands: texts, parsed: commands)
        views[state.player] = view
        return view
    }

    private mutating func status() -> String {
        if statusStamp != state.stamp || statusPoints != quest.points {
            statusText = Narration.status(state, points: quest.points, maxPoints: quest.maxPoints)
            statusStamp = state.stamp
            statusPoints = quest.points
        }
        return statusText
    }

    /// The system prompt: the engine's commands and the game's rules; in
    /// the balrog profile the information of BALROG's prompt for the game.
    public var instructions: String {
        if profile == .balrog { return game.balrogInstructions }
        return """
        You are playing a text adventure. Each turn you read what you see and type one command.

        Your mission: \(mission)

        \(game.rules)

        Commands: look; inventory; go north/south/east/west/up/down (or just n, s, e, w, u, d); examine X; \
        take X; take X from Y; drop X; put X on Y; insert X into Y; open X; close X; unlock X with Y; eat X\
        \(game.verbs.cooking ? "; slice/dice/chop X with knife; cook X with stove/oven/BBQ; prepare meal" : "").
        Name things by their words, e.g. "take red key". Every observation lists the admissible commands; \
        a command that is not possible changes nothing and says why. Answer with one command.
        """
    }

    /// One line for people: where the player is, the ways out, the score;
    /// in the balrog profile only the room's name, as a parser game's status bar.
    public var map: CellMap {
        let room = state.rooms[state.player]
        var tail = "]"
        if profile != .balrog {
            var exits: [String] = []
            for d in Direction.allCases where room.exits[d.rawValue] >= 0 { exits.append(d.name) }
            tail += "  exits: \(exits.isEmpty ? "none" : exits.joined(separator: ", "))  score \(quest.points)/\(quest.maxPoints)"
        }
        return CellMap(rows: [[MapCell("["), MapCell(room.name, emphasis: .bold), MapCell(tail)]])
    }

    /// The expert's next command (see `TextGame.expert`); nil once the game is over.
    public func expertAction() -> String? {
        finished ? nil : game.expert(state, quest).map { $0.text(state) }
    }
}

extension Command {
    /// A move between rooms: changes where the player is and nothing else.
    var isMove: Bool {
        if case .go = self { return true }
        return false
    }
}
