import DelveCore
@testable import DelveProtocol
import Testing

/// What an agent process answers is kept to a cap per text, cut visibly.
@Suite struct AgentReplyCapTests {
    @Test func shortTextsAreKeptWhole() {
        let reply = AgentReply(action: "go forward", reasoning: "the key is ahead", usage: nil, raw: "r", prompt: "p")
        #expect(reply.capped(toBytes: 16) == reply)
    }

    @Test func longTextsAreCutAndMarkedWithWhatWasLeftOut() {
        let reply = AgentReply(action: String(repeating: "a", count: 30), reasoning: String(repeating: "b", count: 1_000_000),
                               raw: String(repeating: "c", count: 11), prompt: String(repeating: "d", count: 10))
        let capped = reply.capped(toBytes: 10)
        #expect(capped.action == "aaaaaaaaaa…[truncated 20 bytes]")
        #expect(capped.reasoning == "bbbbbbbbbb…[truncated 999990 bytes]")
        #expect(capped.raw == "cccccccccc…[truncated 1 bytes]")
        #expect(capped.prompt == "dddddddddd")
    }

    @Test func aCutNeverSplitsACodePoint() {
        // "é" is two bytes and "😀" four: a cut that would land inside one keeps the bytes before it.
        #expect(AgentReply.cap("aéé", 3) == "aé…[truncated 2 bytes]")
        #expect(AgentReply.cap("aéé", 2) == "a…[truncated 4 bytes]")
        #expect(AgentReply.cap("😀x", 3) == "…[truncated 5 bytes]")
    }
}
