import DelveCore

/// The `balrog` profile's play: every action word is one NetHack keystroke
/// (`BalrogKeys`), read as a command or as the answer to the question the
/// game is asking (`BalrogPrompt`).
extension DungeonWorld {
    /// Plays one action word of BALROG's vocabulary. A word outside it is refused (an exact-matching run
    /// plays `defaultAction` instead). Questions, their answers, and commands the game turns down take no
    /// game time; they are valid steps, as keystrokes are in NetHack.
    mutating func balrogStep(_ action: String) -> StepResult {
        guard task.balrogVocabulary.contains(action) else {
            return refuse("'\(action)' is not one of this game's actions.")
        }
        let key = BalrogKeys.key(action) ?? ""
        let outcome = prompt.map { $0.answer(key, game) } ?? BalrogPrompt.command(key, game)
        switch outcome {
        case let .ask(next, line):
            prompt = next
            game.messages = [line]
        case let .say(line):
            prompt = nil
            game.messages = line.isEmpty ? [] : [line]
        case let .play(command):
            prompt = nil
            if case let .refused(why) = game.perform(command) { game.messages = [why] }
        }
        return conclude()
    }

    /// The action word that types the next keystroke of the oracle's command, given the question asked now;
    /// `esc` when the command cannot be typed with the task's words.
    func balrogKeystroke(for text: String) -> String {
        let vocabulary = task.balrogVocabulary
        guard case let .success(command) = Command.parse(text, pack: game.hero.inventory, names: { game.fullName($0) }) else {
            return task.balrogDefaultAction
        }
        let onFountain = game.level[game.hero.pos] == .fountain
        let keys = BalrogKeys.keys(for: command, onFountain: onFountain)
        let index: Int
        switch prompt {
        case nil: index = 0
        case .fountain, .leave, .engraveWith, .engraveText: index = 1
        case .object: index = keys.first == "q" && onFountain ? 2 : 1
        case .direction: index = keys.count - 1
        }
        guard index < keys.count, let word = BalrogKeys.word(for: keys[index], in: vocabulary) else {
            return vocabulary.contains("esc") ? "esc" : task.balrogDefaultAction
        }
        return word
    }
}
