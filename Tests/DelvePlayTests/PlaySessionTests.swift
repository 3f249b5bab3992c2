import DelveCore
import Foundation
@testable import DelvePlay
import Testing
import WorldCatalog

/// A fresh plain session of grid/pickup with seed 7. Only "pick up" can end
/// a pickup episode, so the turns and moves these tests script always count.
private func session(screen: Screen = .plain, seed: UInt64 = 7) throws -> PlaySession {
    try PlaySession(task: Catalog.standard.task("grid/pickup"), seed: seed, screen: screen)
}

/// Runs `script` through `session`; returns what was written.
private func run(_ session: inout PlaySession, _ script: [String]) -> String {
    var lines = ScriptedLines(script)
    var output = ""
    session.run(lines: &lines, output: &output)
    return output
}

@Suite struct PlaySessionTests {
    @Test func firstScreenShowsMissionProgressAndStepCounter() throws {
        var play = try session()
        let output = run(&play, [])
        let observation = play.env.observation
        #expect(output.contains("grid/pickup  seed 7"))
        #expect(output.contains(observation.mission))
        #expect(output.contains("step 0/\(play.env.budget)"))
        #expect(output.contains("Progress  0/100"))
        #expect(output.contains(play.env.world.map.plainText))
        #expect(output.hasSuffix("Bye. grid/pickup seed 7: step 0/\(play.env.budget), progress 0/100.\n"))
    }

    @Test func anActionStepsAndRedraws() throws {
        var play = try session()
        let reply = play.handle("turn right")
        #expect(play.env.steps == 1)
        #expect(reply.text.contains("step 1/\(play.env.budget)"))
        #expect(reply.text.contains(play.env.observation.feedback))
        #expect(!reply.quits)
    }

    /// A person's mistake is not an agent's: it uses no step, and the world's answer says what would work.
    @Test func aRefusedInputUsesNoStepAndSaysWhatItCouldMean() throws {
        var play = try session()
        let unknown = play.handle("dance a jig")
        #expect(unknown.text == "'dance a jig' is not an action here. Valid actions: turn left, turn right, go forward, pick up, "
            + "drop, toggle, done. (No step used.)\n")
        let ambiguous = play.handle("turn")
        #expect(ambiguous.text == "'turn' could mean turn left or turn right; say which. (No step used.)\n")
        #expect(play.env.steps == 0)
        #expect(play.env.invalidActions == 0)
        #expect(play.handle("turn l").text.contains("step 1/"))
    }

    @Test func undoRestoresTheStepCountAndObservation() throws {
        var play = try session()
        _ = play.handle("turn left")
        let stepsBefore = play.env.steps
        let observationBefore = play.env.observation
        let mapBefore = play.env.world.map.plainText
        _ = play.handle("go forward")
        #expect(play.env.steps == stepsBefore + 1)
        let reply = play.handle(":undo")
        #expect(play.env.steps == stepsBefore)
        #expect(play.env.observation == observationBefore)
        #expect(play.env.world.map.plainText == mapBefore)
        #expect(reply.text.contains("Took back one step."))
        #expect(reply.text.contains("step \(stepsBefore)/"))
        _ = play.handle(":undo")
        #expect(play.env.steps == 0)
        #expect(play.handle(":undo").text == "Nothing to undo: this is the start of the episode.\n")
    }

    @Test func restartPlaysTheSameSeedFromTheStart() throws {
        var play = try session()
        let start = play.env.observation
        _ = play.handle("go forward")
        _ = play.handle("turn left")
        let reply = play.handle(":restart")
        #expect(play.env.steps == 0)
        #expect(play.env.seed == 7)
        #expect(play.env.observation == start)
        #expect(reply.text.contains("Restarted seed 7."))
        #expect(play.handle(":undo").text.hasPrefix("Nothing to undo"))
    }

    @Test func seedStartsANewEpisode() throws {
        var play = try session()
        _ = play.handle("go forward")
        let reply = play.handle(":seed 9")
        #expect(play.env.seed == 9)
        #expect(play.env.steps == 0)
        #expect(play.env.observation == (try session(seed: 9)).env.observation)
        #expect(reply.text.contains("grid/pickup  seed 9"))
        #expect(reply.text.contains("New episode with seed 9."))
    }

    @Test(arguments: [":seed abc", ":seed", ":seed -1", ":seed 1 2", ":seed 18446744073709551616"])
    func aBadSeedIsOneClearLineAndChangesNothing(line: String) throws {
        var play = try session()
        _ = play.handle("go forward")
        let reply = play.handle(line)
        #expect(reply.text.hasPrefix(":seed needs one whole number from 0 to 9007199254740991, got "))
        #expect(reply.text.filter { $0 == "\n" }.count == 1)
        #expect(reply.text.hasSuffix("\n"))
        #expect(play.env.seed == 7)
        #expect(play.env.steps == 1)
    }

    @Test func typedControlSequencesAreShownNotActedOn() throws {
        for task in ["grid/pickup", "text/cooking"] {
            var play = try PlaySession(task: Catalog.standard.task(task), seed: 7, screen: .plain)
            let command = play.handle(":\u{1B}]0;x\u{07}")
            #expect(command.text.contains("^[]0;x^G") && !command.text.contains("\u{1B}"), "\(command.text)")
            let action = play.handle("take \u{1B}]0;pwned\u{07}\u{9B}2J lamp")
            #expect(!action.text.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\u{9B}" }, "\(task): \(action.text)")
            let messages = play.handle(":messages")
            #expect(!messages.text.contains("\u{1B}"), "\(messages.text)")
        }
    }

    @Test func anUnknownCommandIsOneLineListingTheCommands() throws {
        var play = try session()
        let reply = play.handle(":dance")
        #expect(reply.text == "Unknown command ':dance'. Commands: :help, :map, :keys, :messages, :undo, :restart, :seed N, :quit.\n")
        #expect(play.env.steps == 0)
        #expect(play.handle(":map now").text == ":map takes no argument.\n")
    }

    @Test func commandsMayBeShortened() throws {
        var play = try session()
        #expect(play.handle(":q").quits)
        _ = play.handle(":ma")
        #expect(!play.showsMap)
    }

    @Test func helpListsTheActionsAndCommands() throws {
        var play = try session()
        let reply = play.handle(":help")
        #expect(reply.text.contains(play.env.observation.legalActions.joined(separator: ", ")))
        for name in ColonCommand.names { #expect(reply.text.contains("  " + name)) }
        #expect(reply.text.contains(":seed N"))
        #expect(play.env.steps == 0)
    }

    @Test func helpsExampleOfAStartComesFromTheActions() {
        #expect(Screen.startExample(["turn left", "go forward"]) == " (\"turn l\")")
        #expect(Screen.startExample(["look", "open glass door"]) == " (\"open g\")")
        #expect(Screen.startExample(["up", "down"]) == "")
    }

    @Test func mapTogglesTheMap() throws {
        var play = try session()
        let map = play.env.world.map.plainText
        let hidden = play.handle(":map")
        #expect(!play.showsMap)
        #expect(!hidden.text.contains(map + "\n"))
        #expect(hidden.text.contains("Map hidden."))
        let shown = play.handle(":map")
        #expect(shown.text.contains(map))
        #expect(shown.text.contains("Map shown."))
    }

    @Test func quitEndsTheRunAndSaysGoodbye() throws {
        var play = try session()
        let output = run(&play, ["go forward", ":quit", "turn left"])
        #expect(play.env.steps == 1)
        #expect(output.hasSuffix("Bye. grid/pickup seed 7: step 1/\(play.env.budget), progress 0/100.\n"))
    }

    @Test func emptyLinesDoNothing() throws {
        var play = try session()
        let reply = play.handle("   ")
        #expect(reply.text.isEmpty)
        #expect(!reply.quits)
        #expect(play.env.steps == 0)
    }

    @Test func theEpisodeEndIsAnnouncedAndFurtherActionsAreRefused() throws {
        var play = try session()
        var last = ""
        while play.env.endReason == nil, let action = play.env.world.expertAction() {
            last = play.handle(action).text
        }
        #expect(play.env.endReason == .success)
        #expect(last.contains("Milestone reached: "))
        #expect(last.contains("Episode over: success, the mission is accomplished. Progress 100/100 after \(play.env.steps)/\(play.env.budget) steps."))
        #expect(last.contains("Type :restart to play seed 7 again, :seed N for another episode, :undo to step back, or :quit."))
        let steps = play.env.steps
        let refused = play.handle("go forward")
        #expect(refused.text == "The episode is over (success, the mission is accomplished). Type :restart, :seed N, :undo or :quit.\n")
        #expect(play.env.steps == steps)
        _ = play.handle(":undo")
        #expect(play.env.endReason == nil)
        #expect(play.env.steps == steps - 1)
    }

    @Test func completionsOfferTheLegalActionsAndCommands() throws {
        var play = try session()
        var lines = ScriptedLines(["go forward"])
        var output = ""
        play.run(lines: &lines, output: &output)
        let offered = try #require(lines.offered.first)
        #expect(offered == play.env.observation.legalActions + [":help", ":map", ":keys", ":messages", ":undo", ":restart", ":seed", ":quit"])
        #expect(lines.offered.count == 2)
    }

    @Test func plainScreensHaveNoEscapesAndColorScreensDo() throws {
        var plain = try session()
        let plainOutput = run(&plain, ["go forward", "dance", ":help", ":bad", ":undo"])
        #expect(!plainOutput.contains("\u{1B}"))

        var colored = try session(screen: Screen(color: true, clears: true))
        let coloredOutput = run(&colored, ["go forward"])
        #expect(coloredOutput.contains("\u{1B}[1mgrid/pickup  seed 7\u{1B}[0m"))
        #expect(coloredOutput.contains("\u{1B}[H\u{1B}[2J"))
        #expect(coloredOutput.contains(TerminalMap.text(colored.env.world.map, style: .ansi)))
    }
}

@Suite struct PlayImageTests {
    @Test func theImageFileFollowsEveryTurnAndTextWorldsWriteNone() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("delve-play-image-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("view.png")
        var play = try session()
        play.imageFile = file.path
        _ = run(&play, [])
        let first = try Data(contentsOf: file)
        #expect(first.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        var turned = try session()
        turned.imageFile = file.path
        _ = run(&turned, ["turn left"])
        #expect(try Data(contentsOf: file) != first)
        // `:undo` brings the first picture back.
        var undone = try session()
        undone.imageFile = file.path
        _ = run(&undone, ["turn left", ":undo"])
        #expect(try Data(contentsOf: file) == first)

        let text = dir.appendingPathComponent("text.png")
        var cooking = try PlaySession(task: Catalog.standard.task("text/cooking"), seed: 3, screen: .plain)
        cooking.imageFile = text.path
        _ = run(&cooking, ["look"])
        #expect(!FileManager.default.fileExists(atPath: text.path))
    }

    @Test func aFileThatCannotBeWrittenIsReportedAndPlayGoesOn() throws {
        var play = try session()
        play.imageFile = "/nonexistent-dir/view.png"
        let output = run(&play, ["turn left"])
        #expect(output.contains("cannot write /nonexistent-dir/view.png"))
        #expect(play.env.steps == 1)
    }
}
