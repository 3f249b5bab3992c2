import DelveFormats
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

    @Test func aRepeatedKeyKeepsItsLastValueAndOrderDoesNotMatter() throws {
        let value = try parse(#"{"a": 1, "b": 2, "a": 3}"#)
        guard case let .object(object) = value else {
            Issue.record("not an object: \(value)")
            return
        }
        #expect(object["a"] == .int(3))
        #expect(object["c"] == nil)
        #expect(object.uniqueMembers.map(\.key) == ["a", "b"])
        #expect(object.uniqueMembers.map(\.value) == [.int(3), .int(2)])
        #expect(value == .object(["b": .int(2), "a": .int(3)]))
        #expect(value != .object(["a": .int(1), "b": .int(2)]))
        #expect(Set([value, .object(["b": .int(2), "a": .int(3)])]).count == 1)
    }

    @Test func aHugeObjectWithOneKeyRepeatedKeepsTheLastValue() throws {
        let members = (0..<200_000).map { #""k":\#($0)"# }.joined(separator: ",")
        let value = try parse("{" + members + "}")
        guard case let .object(object) = value else {
            Issue.record("not an object")
            return
        }
        #expect(object["k"] == .int(199_999))
    }

    /// The writer and the parser both scan eight bytes at a time: a byte to
    /// escape at every position of strings up to 24 bytes long survives the
    /// round trip, and a raw control character anywhere is refused.
    @Test func stringsRoundTripWithAnEscapeAtEveryPosition() throws {
        for length in 0...24 {
            for position in 0..<max(length, 1) {
                for special in ["\"", "\\", "\n", "\u{01}", "é", "😀", "/"] {
                    var characters = Array(repeating: "x", count: length)
                    if position < length { characters[position] = special }
                    let text = characters.joined()
                    var output = JSONOutput()
                    output.string(text)
                    #expect(try parse(String(decoding: output.bytes, as: UTF8.self)) == .string(text))
                    if position < length {
                        characters[position] = "\u{1F}"
                        #expect(throws: JSONParseError.self) { try parse("\"" + characters.joined() + "\"") }
                    }
                }
            }
        }
    }
}
