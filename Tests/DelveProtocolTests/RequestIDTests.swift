import DelveCore
@testable import DelveProtocol
import Testing

/// A request's id comes back exactly as sent: numbers by their text, in a
/// single request and in a batch; and the seed range is the one of `Seeds`.
@Suite struct RequestIDTests {
    static let numbers = ["18446744073709551616", "-99999999999999999999999", "1.50", "1e3", "-0", "0.1E-7", "7",
                          "9223372036854775807", "123456789012345678901234567890.25"]

    @Test(arguments: numbers)
    func aNumberIDIsEchoedAsItsText(_ id: String) throws {
        var server = ServerHarness().server
        let answer = try #require(Self.answer(&server, Array(#"{"jsonrpc":"2.0","id":\#(id),"method":"worlds/list"}"#.utf8)))
        #expect(answer.hasPrefix(#"{"id":\#(id),"jsonrpc":"2.0","result":"#), "\(answer.prefix(80))")
        let error = try #require(Self.answer(&server, Array(#"{"jsonrpc":"2.0","id":\#(id),"method":"no/such"}"#.utf8)))
        #expect(error.hasSuffix(#","id":\#(id),"jsonrpc":"2.0"}"#), "\(error)")
    }

    @Test func eachRequestOfABatchGetsItsOwnIDBack() throws {
        var server = ServerHarness().server
        let batch = #"[{"jsonrpc":"2.0","id":1.0,"method":"bad"}, {"jsonrpc":"2.0","method":"bad"},"#
            + #" {"jsonrpc":"2.0","id":"s","method":"bad"}, {"jsonrpc":"2.0","id":2e400000000000000000000,"method":"bad"}]"#
        // A number beyond a Double's range is refused by the parser as a whole (docs/protocol.md).
        let refused = try #require(Self.answer(&server, Array(batch.utf8)))
        #expect(refused.contains("number out of range"))
        let fine = batch.replacingOccurrences(of: "2e400000000000000000000", with: "2e40")
        let answer = try #require(Self.answer(&server, Array(fine.utf8)))
        let ids = answer.components(separatedBy: #""id":"#).dropFirst().map { $0.prefix { $0 != "," } }
        #expect(ids == ["1.0", #""s""#, "2e40"], "\(answer)")
        // The id of a nested object is not the request's.
        let nested = try #require(Self.answer(&server, Array(#"{"jsonrpc":"2.0","id":3.30,"method":"bad","params":{"id":4.40}}"#.utf8)))
        #expect(nested.contains(#""id":3.30,"#) && !nested.contains("4.40"))
    }

    static func answer(_ server: inout Server, _ line: [UInt8]) -> String? { server.handle(line: line) }

    @Test func resetTakesSeedsUpToTwoToTheFiftyThreeMinusOne() throws {
        var harness = ServerHarness()
        let largest = Seeds.range.upperBound
        #expect(try harness.result("env/reset", #"{"task":"grid/goto","seed":\#(largest)}"#)["info"]?["seed"] == .int(Int(largest)))
        #expect(try harness.errorCode("env/reset", #"{"task":"grid/goto","seed":\#(largest + 1)}"#) == RPCErrorCode.invalidParams.rawValue)
    }
}
