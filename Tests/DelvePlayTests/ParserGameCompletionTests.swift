import DelveCore
@testable import DelvePlay
import Testing
import WorldCatalog

/// A parser game (a text task under the balrog profile) completes words the
/// person has been shown, one at a time, and never the hidden admissible commands.
@Suite struct ParserGameCompletionTests {
    @Test func aWordCandidateCompletesTheLastWordOfTheLine() {
        let words = [" take", " table", " red", " key", ":quit"]
        #expect(LineCompletion.complete("ta", among: words) == ["ta", "take", "table"])
        #expect(LineCompletion.complete("take r", among: words) == ["take red"])
        #expect(LineCompletion.complete("take red K", among: words) == ["take red key"])
        #expect(LineCompletion.complete("take red x", among: words).isEmpty)
        #expect(LineCompletion.complete(":q", among: words) == [":quit"])
    }

    @Test func aTextTaskUnderBalrogCompletesSeenWordsOnly() throws {
        var play = try PlaySession(task: Catalog.standard.task("text/treasure_hunter"), seed: 20_000, profile: .balrog, screen: .plain)
        let completions = play.completions
        #expect(completions.contains(":quit"))
        // Verbs from the instructions; the room's words from the first reply.
        #expect(completions.contains(" unlock"))
        #expect(completions.contains(" inventory"))
        let firstWords = play.env.observation.text.lowercased().split { !$0.isLetter }.filter { $0.count >= 2 }
        for word in firstWords { #expect(completions.contains(" " + word)) }
        // No hidden admissible command is offered whole.
        for command in play.env.world.legalActions where command.contains(" ") { #expect(!completions.contains(command)) }
        // The target is named only by `goal`: its words become completable once seen.
        let world = play.env.world
        let goal = play.handle("goal")
        #expect(goal.text.contains(play.env.observation.text))
        for word in play.env.observation.text.lowercased().split(whereSeparator: { !$0.isLetter }) where word.count >= 2 {
            #expect(play.completions.contains(" " + word))
        }
        #expect(world.instructions == play.env.world.instructions)
    }

    @Test func theDelveProfileStillCompletesWholeAdmissibleCommands() throws {
        let play = try PlaySession(task: Catalog.standard.task("text/treasure_hunter"), seed: 20_000, screen: .plain)
        #expect(play.completions == play.env.observation.legalActions + ColonCommand.names)
    }
}
