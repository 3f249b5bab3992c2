import DelveCore
import DelveFormats
import DelvePlay
import DelveProtocol
import Testing
import WorldCatalog

@Suite struct ServerTests {
    @Test func initializeExchangesTheProtocolVersion() throws {
        var harness = ServerHarness()
        let result = try harness.result("initialize", #"{"protocol_version":"1.0"}"#)
        #expect(result["protocol_version"] == .string(ProtocolVersion.current))
        #expect(result["server"]?["version"] == .string(DelveVersion.current))
        #expect(try harness.errorCode("initialize", #"{"protocol_version":"0.9"}"#) == RPCErrorCode.unsupportedVersion.rawValue)
        #expect(try harness.errorCode("initialize") == RPCErrorCode.invalidParams.rawValue)
    }

    @Test func resetStepCloseRoundTrip() throws {
        var harness = ServerHarness()
        let reset = try harness.result("env/reset", #"{"world":"grid","task":"goto","seed":7,"map":true}"#)
        #expect(reset["env"] == .string("env-1"))
        #expect(reset["info"]?["task"] == .string("grid/goto"))
        #expect(reset["observation"]?["map"]?.arrayValue?.isEmpty == false)
        let step = try harness.result("env/step", #"{"env":"env-1","action":"turn left"}"#)
        #expect(step["info"]?["step"] == .int(1))
        #expect(step["terminated"] == .bool(false))
        #expect(try harness.result("env/close", #"{"env":"env-1"}"#) == .object([:]))
        #expect(try harness.errorCode("env/step", #"{"env":"env-1","action":"turn left"}"#) == RPCErrorCode.unknownEnv.rawValue)
        #expect(try harness.reset() == "env-2")
    }

    @Test func theExpertPlaysAnEpisodeToSuccessAndThenItIsOver() throws {
        var harness = ServerHarness()
        let id = try harness.reset()
        var env = try #require(harness.server.envs[id])
        var last = JSONValue.null
        while let action = env.world.expertAction(), env.endReason == nil {
            last = try harness.result("env/step", #"{"env":"\#(id)","action":"\#(action)"}"#)
            env = try #require(harness.server.envs[id])
        }
        #expect(last["terminated"] == .bool(true))
        #expect(last["progress"] == .int(100) || last["progress"] == .double(100))
        #expect(last["info"]?["end_reason"] == .string("success"))
        #expect(try harness.errorCode("env/step", #"{"env":"\#(id)","action":"done"}"#) == RPCErrorCode.episodeOver.rawValue)
        // A reset of the same env starts over under the same id.
        #expect(try harness.result("env/reset", #"{"env":"\#(id)","seed":8}"#)["env"] == .string(id))
        #expect(try harness.result("env/step", #"{"env":"\#(id)","action":"done"}"#)["info"]?["step"] == .int(1))
    }

    @Test func snapshotAndRestoreFork() throws {
        var harness = ServerHarness()
        let id = try harness.reset()
        let token = try #require(try harness.result("env/snapshot", #"{"env":"\#(id)"}"#)["token"]?.stringValue)
        let first = try harness.result("env/step", #"{"env":"\#(id)","action":"turn left"}"#)
        let restored = try harness.result("env/restore", #"{"env":"\#(id)","token":"\#(token)"}"#)
        #expect(restored["steps"] == .int(0))
        let again = try harness.result("env/step", #"{"env":"\#(id)","action":"turn left"}"#)
        #expect(first == again)
        #expect(try harness.result("env/drop_snapshot", #"{"token":"\#(token)"}"#) == .object([:]))
        #expect(try harness.errorCode("env/restore", #"{"env":"\#(id)","token":"\#(token)"}"#) == RPCErrorCode.unknownSnapshot.rawValue)
    }

    @Test func legalActionsAndRender() throws {
        var harness = ServerHarness()
        let id = try harness.reset()
        #expect(try harness.result("env/legal_actions", #"{"env":"\#(id)"}"#)["legal_actions"]?.arrayValue?.contains(.string("go forward")) == true)
        let ascii = try #require(try harness.result("env/render", #"{"env":"\#(id)","style":"ascii"}"#)["text"]?.stringValue)
        let ansi = try #require(try harness.result("env/render", #"{"env":"\#(id)","style":"ansi"}"#)["text"]?.stringValue)
        var world = try Catalog.standard.task("grid/goto").make()
        _ = try world.reset(seed: 7, options: .defaults)
        #expect(ascii == world.map.plainText && !ascii.contains("\u{1B}"))
        #expect(ansi == TerminalMap.text(world.map, style: .ansi), "the one writer's output")
        #expect(ansi.contains("\u{1B}[1;38;5;231;48;5;237m"), "the agent, bold on the view's shade")
        #expect(try harness.errorCode("env/render", #"{"env":"\#(id)","style":"svg"}"#) == RPCErrorCode.invalidParams.rawValue)
    }

    @Test func limitsAreAnsweredWithErrors() throws {
        var harness = ServerHarness(limits: ServerLimits(maximumLineBytes: 64, maximumEnvs: 2, maximumSnapshots: 1))
        let id = try harness.reset()
        _ = try harness.reset()
        #expect(try harness.errorCode("env/reset", #"{"task":"grid/goto"}"#) == RPCErrorCode.tooManyEnvs.rawValue)
        _ = try harness.result("env/snapshot", #"{"env":"\#(id)"}"#)
        #expect(try harness.errorCode("env/snapshot", #"{"env":"\#(id)"}"#) == RPCErrorCode.tooManySnapshots.rawValue)
        let answer = harness.server.handle(.overlong(bytes: 100))
        let overlong = try #require(answer)
        #expect(overlong.contains(#""code":-32000"#) && overlong.contains(#""id":null"#))
    }

    @Test(arguments: [
        (#"{"task":"grid/nope"}"#, RPCErrorCode.unknownTask),
        (#"{"task":"nope"}"#, .unknownTask),
        (#"{}"#, .invalidParams),
        (#"{"task":"grid/goto","seed":-1}"#, .invalidParams),
        (#"{"task":"grid/goto","seed":1.5}"#, .invalidParams),
        (#"{"task":"grid/goto","sed":1}"#, .invalidParams),
        (#"{"task":"grid/goto","options":{"room_size":99}}"#, .invalidParams),
        (#"{"task":"grid/goto","options":{"colour":1}}"#, .invalidParams),
        (#"{"task":"grid/goto","options":{"room_size":[1]}}"#, .invalidParams),
        (#"{"task":"grid/goto","options":1}"#, .invalidParams),
        (#"{"task":"grid/goto","step_budget":0}"#, .invalidParams),
        (#"{"task":7}"#, .invalidParams),
        (#"[1]"#, .invalidParams),
        (#"{"env":"env-9"}"#, .unknownEnv),
    ])
    func badResetParams(_ params: String, _ code: RPCErrorCode) throws {
        var harness = ServerHarness()
        #expect(try harness.errorCode("env/reset", params) == code.rawValue)
        #expect(harness.server.envs.count == 0)
    }

    @Test func shutdownStopsTheServer() throws {
        var harness = ServerHarness()
        #expect(!harness.server.isShutDown)
        #expect(try harness.result("shutdown") == .object([:]))
        #expect(harness.server.isShutDown)
    }
}
