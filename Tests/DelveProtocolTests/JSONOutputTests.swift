@testable import DelveCore
@testable import DelveProtocol
import DelveFormats
import Testing

/// The direct JSON writers against `JSONEncoder`: the same bytes, so that
/// docs/protocol.md's examples and every client see no difference.
@Suite struct JSONOutputTests {
    static let awkward = ["", "plain", "quote \" backslash \\ slash /", "tab\tnew\nline\r", "é ünïcødé 🎲 \u{2028}",
                          String((0..<0x20).map { Character(Unicode.Scalar(UInt8($0))) }) + "\u{7F}"]

    func expectSame(_ response: RPCResponse, sourceLocation: SourceLocation = #_sourceLocation) {
        var output = JSONOutput()
        response.write(to: &output)
        #expect(String(decoding: output.bytes, as: UTF8.self) == String(decoding: response.encoded(), as: UTF8.self),
                sourceLocation: sourceLocation)
    }

    @Test func stringsAndIdsAreWrittenAsTheEncoderWritesThem() {
        for text in Self.awkward {
            for id in [RequestID.null, .number("-7"), .number("2.5"), .string(text)] {
                expectSame(RPCResponse(id: id, error: RPCError(.invalidParams, text)))
                expectSame(RPCResponse(id: id, result: RenderResult(text: text)))
                expectSame(RPCResponse(id: id, result: SnapshotResult(token: text)))
                expectSame(RPCResponse(id: id, result: LegalActionsResult(legalActions: [text, text])))
            }
        }
        expectSame(RPCResponse(id: .number("1"), result: EmptyResult()))
    }

    @Test func stepResetAndRestoreResultsAreWrittenAsTheEncoderWritesThem() {
        var random = SeededRandom(seed: 42)
        let numbers: [Double] = [0, -0.0, 1, 100, 0.5, 1.0 / 3, 33.333333333333336, 1e-7, 123456789.125, 1e20, -2.75]
        for round in 0..<200 {
            let text = Self.awkward[round % Self.awkward.count]
            let observation = Observation(text: text, status: "s", mission: "m \(round)", legalActions: ["a", text],
                                          feedback: text, map: round % 2 == 0 ? nil : ["#.", text])
            let step = EnvStep(observation: observation, reward: random.pick(numbers), terminated: random.chance(0.5),
                               truncated: random.chance(0.5), progress: random.pick(numbers), milestones: round % 3 == 0 ? [] : [text, "x"],
                               valid: random.chance(0.5), endReason: random.chance(0.5) ? nil : random.pick(EndReason.allCases),
                               step: random.below(1000))
            expectSame(RPCResponse(id: .number(String(round)), result: StepReply(step, invalidActions: random.below(9))))
            let info = ResetInfo(task: "grid/goto", seed: UInt64.max - UInt64(round), revision: 1, stepBudget: 64, instructions: text,
                                 profile: round % 2 == 0 ? .delve : .balrog)
            expectSame(RPCResponse(id: .string(text), result: ResetResult(env: "env-\(round)", observation: observation, info: info)))
        }
    }

    /// One output writing many observations in a row, as the serve loop and
    /// trajectory files do, copies repeated legal actions and missions: the
    /// bytes stay those of writing each alone.
    @Test func observationsInARowMatchTheEncoderWhateverRepeats() {
        var output = JSONOutput()
        var expected: [UInt8] = []
        let actions = [["a", "b"], ["a", "b"], ["a"], [], ["a", "b"], ["\"q\""]]
        for round in 0..<60 {
            let mission = round % 4 == 0 ? "m \(round)" : "same"
            let observation = Observation(text: "t\n\(round)", status: "", mission: mission,
                                          legalActions: actions[round % actions.count], feedback: "f")
            let response = RPCResponse(id: .number(String(round)), result: ResetResult(
                env: "env-1", observation: observation,
                info: ResetInfo(task: "grid/goto", seed: 1, revision: 1, stepBudget: 64, instructions: "i", profile: .delve)))
            response.write(to: &output)
            expected += response.encoded()
        }
        #expect(String(decoding: output.bytes, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
    }

    @Test func aNonFiniteNumberIsAnInternalError() {
        var output = JSONOutput()
        RPCResponse(id: .number("3"), result: SnapshotResult(token: "t")).write(to: &output)
        let step = EnvStep(observation: Observation(text: "", status: "", mission: "", legalActions: [], feedback: ""),
                           reward: .nan, terminated: false, truncated: false, progress: 0, milestones: [], valid: true, endReason: nil, step: 1)
        RPCResponse(id: .number("4"), result: StepReply(step, invalidActions: 0)).write(to: &output)
        #expect(String(decoding: output.bytes, as: UTF8.self) == #"{"id":3,"jsonrpc":"2.0","result":{"token":"t"}}"#
            + #"{"error":{"code":-32603,"message":"the result could not be encoded as JSON"},"id":4,"jsonrpc":"2.0"}"#)
    }

    @Test func theTokenCheckComparesWholeTokens() {
        #expect(TokenCheck.matches("s3cret", "s3cret"))
        for wrong in ["", "s3cre", "s3cret!", "S3cret", "s3creT", "\0s3cret"] {
            #expect(!TokenCheck.matches(wrong, "s3cret"), "\(wrong)")
        }
    }
}
