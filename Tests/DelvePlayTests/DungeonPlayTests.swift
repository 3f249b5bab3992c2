import DelveCore
@testable import DelvePlay
import Testing
import WorldCatalog

/// Playing `dungeon/descend` by hand: the map, the message history, completion.
@Suite struct DungeonPlayTests {
    private func session() throws -> PlaySession {
        try PlaySession(task: Catalog.standard.task("dungeon/descend"), seed: 42, screen: .plain)
    }

    @Test func theScreenShowsTheMapStatusAndInventory() throws {
        var play = try session()
        let reply = play.handle("search")
        #expect(reply.text.contains("@"))
        #expect(reply.text.contains("Dlvl:1 $:0 HP:16(16)"))
        #expect(reply.text.contains("a: an uncursed +1 long sword (weapon in hand)"))
    }

    /// A command the game does not know is answered but not played: it is no step and no message.
    @Test func messagesKeepTheHistory() throws {
        var play = try session()
        _ = play.handle("search")
        #expect(play.handle("dance").text.hasPrefix("Unknown command 'dance'. Commands: "))
        _ = play.handle("look")
        let reply = play.handle(":messages")
        #expect(reply.text.hasPrefix("0: Hello Agent, welcome to the dungeon!"))
        #expect(!reply.text.contains("dance"))
        #expect(reply.text.contains("2: There is a staircase up here."))
        _ = play.handle(":undo")
        #expect(!play.handle(":messages").text.contains("2: "))
    }

    @Test func tabCompletesCommandsAndInventoryLetters() throws {
        let play = try session()
        #expect(LineCompletion.complete("eat", among: play.completions) == ["eat d"])
        #expect(LineCompletion.complete("quaff", among: play.completions) == ["quaff e"])
        #expect(LineCompletion.complete("go u", among: play.completions) == ["go up"])
    }
}
