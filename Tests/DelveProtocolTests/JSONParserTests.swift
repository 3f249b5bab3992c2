@testable import DelveProtocol
import Testing

@Suite struct JSONParserTests {
    func parse(_ text: String) throws -> JSONValue {
        try JSONParser.parse(Array(text.utf8))
    }

    @Test func parsesEveryKindOfValue() throws {
        let value = try parse(#" {"a": [1, -2.5, 3e2, true, false, null], "b": "x\"\\\/\n\u00e9\ud83d\ude00"} "#)
        #expect(value == .object([
            "a": .array([.int(1), .double(-2.5), .double(300), .bool(true), .bool(false), .null]),
            "b": .string("x\"\\/\né😀"),
        ]))
    }

    @Test func integersBeyondIntBecomeDoubles() throws {
        #expect(try parse("9223372036854775808") == .double(9_223_372_036_854_775_808))
        #expect(try parse("-0") == .int(0))
    }

    @Test(arguments: [
        "", "{", "[1,]", "{\"a\":1,}", "01", "1.", "-", "1e", "+1", "tru", "nul", "\"abc", "\"\u{01}\"",
        "\"\\x\"", "\"\\u12\"", "\"\\ud800\"", "\"\\udc00\"", "1e400", "-1e999", "{1:2}", "[1 2]", "1 2", "'a'",
    ])
    func refusesMalformedText(_ text: String) {
        #expect(throws: JSONParseError.self) { try parse(text) }
    }

    @Test func refusesInvalidUTF8() {
        #expect(throws: JSONParseError.self) { try JSONParser.parse([0x22, 0xFF, 0xFE, 0x22]) }
    }

    @Test func refusesNestingPastTheLimit() throws {
        let deep = JSONParser.maximumDepth
        _ = try parse(String(repeating: "[", count: deep) + String(repeating: "]", count: deep))
        let tooDeep = String(repeating: "[", count: deep + 1) + String(repeating: "]", count: deep + 1)
        #expect(throws: JSONParseError.self) { try parse(tooDeep) }
        #expect(throws: JSONParseError.self) { try parse(String(repeating: "{\"a\":", count: 100_000)) }
    }
}
