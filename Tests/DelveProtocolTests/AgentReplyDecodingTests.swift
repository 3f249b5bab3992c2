import DelveCore
@testable import DelveProtocol
import DelveFormats
import Testing

@Suite struct AgentReplyDecodingTests {
    @Test func readsActionReasoningAndUsage() throws {
        let result = JSONValue.object([
            "action": .string("go forward"), "reasoning": .string("the box is ahead"),
            "usage": .object(["prompt_tokens": .int(412), "completion_tokens": .int(18), "cost_usd": .double(0.00021)]),
        ])
        let reply = try AgentReply(actResult: result)
        #expect(reply == AgentReply(action: "go forward", reasoning: "the box is ahead",
                                    usage: Usage(promptTokens: 412, completionTokens: 18, costUSD: 0.00021)))
    }

    @Test func readsRawOutputAndPrompt() throws {
        let reply = try AgentReply(actResult: .object([
            "action": .string("go forward"), "raw": .string("I think <|ACTION|>go forward<|END|>"),
            "prompt": .string("[{\"role\":\"user\",\"content\":\"Observation: ...\"}]"),
        ]))
        #expect(reply.raw == "I think <|ACTION|>go forward<|END|>")
        #expect(reply.prompt == "[{\"role\":\"user\",\"content\":\"Observation: ...\"}]")
    }

    @Test func nullsAndMissingPartsAreAbsent() throws {
        let reply = try AgentReply(actResult: .object(["action": .string("done"), "reasoning": .null,
                                                       "usage": .object(["cost_usd": .int(1)])]))
        #expect(reply == AgentReply(action: "done", usage: Usage(costUSD: 1)))
    }

    @Test(arguments: [
        JSONValue.string("go forward"),
        .object([:]),
        .object(["action": .int(3)]),
        .object(["action": .string("done"), "reasoning": .int(1)]),
        .object(["action": .string("done"), "raw": .array([])]),
        .object(["action": .string("done"), "prompt": .object([:])]),
        .object(["action": .string("done"), "usage": .string("lots")]),
        .object(["action": .string("done"), "usage": .object(["prompt_tokens": .int(-1)])]),
        .object(["action": .string("done"), "usage": .object(["completion_tokens": .double(1.5)])]),
        .object(["action": .string("done"), "usage": .object(["cost_usd": .string("free")])]),
        .object(["action": .string("done"), "usage": .object(["cost_usd": .double(-0.5)])]),
        .object(["action": .string("done"), "usage": .object(["cost_usd": .int(-1)])]),
        .object(["action": .string("done"), "usage": .object(["prompt_tokens": .double(1e19)])]),
    ])
    func refusesMalformedResults(_ result: JSONValue) {
        #expect(throws: AgentFailure.self) { try AgentReply(actResult: result) }
    }
}
