import DelveFormats
import DelveProtocol
import Testing

/// JSON-RPC 2.0's own rules: framing of requests, notifications, batches, error ids.
@Suite struct DispatchTests {
    func error(_ response: JSONValue?) -> (code: Int?, id: JSONValue?) {
        (response?["error"]?["code"]?.intValue, response?["id"])
    }

    @Test func parseErrorsAnswerWithANullID() throws {
        var harness = ServerHarness()
        for line in ["{", "not json", "{\"id\":1,", "\u{FEFF}{}", ""] {
            let (code, id) = error(try harness.send(line))
            #expect(code == RPCErrorCode.parseError.rawValue)
            #expect(id == .null)
        }
    }

    @Test(arguments: [
        (#"1"#, JSONValue.null),
        (#"{"id":1,"method":"worlds/list"}"#, .int(1)),
        (#"{"jsonrpc":"1.0","id":"a","method":"worlds/list"}"#, .string("a")),
        (#"{"jsonrpc":"2.0","id":2,"method":5}"#, .int(2)),
        (#"{"jsonrpc":"2.0","method":5}"#, .null),
        (#"{"jsonrpc":"2.0","id":{},"method":"worlds/list"}"#, .null),
        (#"{"jsonrpc":"2.0","id":[1],"method":"worlds/list"}"#, .null),
        (#"[]"#, .null),
    ])
    func invalidRequests(_ line: String, _ expectedID: JSONValue) throws {
        var harness = ServerHarness()
        let (code, id) = error(try harness.send(line))
        #expect(code == RPCErrorCode.invalidRequest.rawValue)
        #expect(id == expectedID)
    }

    @Test func idsAreEchoedAsSent() throws {
        var harness = ServerHarness()
        for id in [#""x-1""#, "0", "-5", "1.5", "null"] {
            let response = try harness.send(#"{"jsonrpc":"2.0","id":\#(id),"method":"worlds/list"}"#)
            #expect(response?["id"] == (try JSONParser.parse(Array(id.utf8))))
        }
    }

    @Test func unknownMethodsAndBadParams() throws {
        var harness = ServerHarness()
        #expect(try harness.errorCode("env/fly") == RPCErrorCode.methodNotFound.rawValue)
        #expect(try harness.errorCode("worlds/list", "[]") == RPCErrorCode.invalidParams.rawValue)
        #expect(try harness.errorCode("worlds/list", #"{"x":1}"#) == RPCErrorCode.invalidParams.rawValue)
        #expect(try harness.errorCode("env/step", #"{"env":"env-1"}"#) == RPCErrorCode.invalidParams.rawValue)
    }

    @Test func notificationsGetNoResponseButStillAct() throws {
        var harness = ServerHarness()
        #expect(try harness.send(#"{"jsonrpc":"2.0","method":"env/reset","params":{"task":"grid/goto"}}"#) == nil)
        #expect(harness.server.envs.ids == ["env-1"])
        #expect(try harness.send(#"{"jsonrpc":"2.0","method":"env/fly"}"#) == nil)
        #expect(try harness.send(#"{"jsonrpc":"2.0","method":"env/step","params":{"env":"env-9","action":"x"}}"#) == nil)
    }

    @Test func batchesAnswerOneArrayOnOneLine() throws {
        var harness = ServerHarness()
        let a = try harness.reset(), b = try harness.reset(seed: 8)
        let line = """
            [{"jsonrpc":"2.0","id":1,"method":"env/step","params":{"env":"\(a)","action":"turn left"}},\
            {"jsonrpc":"2.0","method":"env/step","params":{"env":"\(b)","action":"turn left"}},\
            {"jsonrpc":"2.0","id":2,"method":"env/step","params":{"env":"\(b)","action":"turn left"}},\
            {"jsonrpc":"2.0","id":3,"method":"env/fly"}, 7]
            """
        let answer = harness.server.handle(line: Array(line.utf8))
        let raw = try #require(answer)
        #expect(!raw.contains("\n"))
        let responses = try #require(try JSONParser.parse(Array(raw.utf8)).arrayValue)
        #expect(responses.map { $0["id"] } == [.int(1), .int(2), .int(3), .null])
        #expect(responses[1]["result"]?["info"]?["step"] == .int(2))
        #expect(responses[2]["error"]?["code"] == .int(RPCErrorCode.methodNotFound.rawValue))
        #expect(responses[3]["error"]?["code"] == .int(RPCErrorCode.invalidRequest.rawValue))
    }

    @Test func aBatchOfNotificationsGetsNoLine() throws {
        var harness = ServerHarness()
        let id = try harness.reset()
        let note = #"{"jsonrpc":"2.0","method":"env/step","params":{"env":"\#(id)","action":"turn left"}}"#
        #expect(try harness.send("[\(note),\(note)]") == nil)
        #expect(harness.server.envs[id]?.steps == 2)
    }

    @Test func responsesAreDeterministicBytes() throws {
        func transcript() -> [String?] {
            var server = ServerHarness().server
            return [
                #"{"jsonrpc":"2.0","id":1,"method":"env/reset","params":{"task":"grid/boss","seed":3,"options":{"distractors":2}}}"#,
                #"{"jsonrpc":"2.0","id":2,"method":"env/step","params":{"env":"env-1","action":"go forward"}}"#,
            ].map { server.handle(line: Array($0.utf8)) }
        }
        #expect(transcript() == transcript())
    }
}
