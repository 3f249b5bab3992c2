import DelveCore
import DelvePlay
import Testing

/// The bytes a terminal sends, turned into keys.
@Suite struct KeyDecoderTests {
    /// Decodes `bytes` from the start; what is left unread comes back too.
    private func decode(_ bytes: [UInt8]) -> (Key?, left: Int) {
        var rest = bytes.dropFirst()
        let key = KeyDecoder.key(first: bytes[0]) { rest.popFirst() }
        return (key, rest.count)
    }

    @Test func printableAndControlKeys() {
        #expect(decode(Array("w".utf8)).0 == .character("w"))
        #expect(decode(Array("K".utf8)).0 == .character("K"))
        #expect(decode([0x20]).0 == .character(" "))
        #expect(decode([0x0D]).0 == .enter)
        #expect(decode([0x09]).0 == .tab)
        #expect(decode([0x7F]).0 == .backspace)
        #expect(decode([0x04]).0 == .control("d"))
        #expect(decode(Array("é".utf8)).0 == .character("é"))
    }

    @Test func escapeSequences() {
        #expect(decode([0x1B] + Array("[A".utf8)).0 == .up)
        #expect(decode([0x1B] + Array("[B".utf8)).0 == .down)
        #expect(decode([0x1B] + Array("[C".utf8)).0 == .right)
        #expect(decode([0x1B] + Array("OD".utf8)).0 == .left)
        #expect(decode([0x1B] + Array("[5~".utf8)).0 == .pageUp)
        #expect(decode([0x1B] + Array("[6~".utf8)).0 == .pageDown)
        #expect(decode([0x1B] + Array("p".utf8)).0 == .meta("p"))
        #expect(decode([0x1B]).0 == .escape, "nothing follows soon: Esc alone")
        let function = decode([0x1B] + Array("[15~x".utf8))
        #expect(function.0 == nil, "F5 is no key here")
        #expect(function.left == 1, "and it is read whole, up to its final byte")
    }

    @Test func keysAreWrittenAsPeopleKnowThem() {
        #expect(Key.control("d").description == "Ctrl-D")
        #expect(Key.meta("p").description == "M-p")
        #expect(Key.character(" ").description == "Space")
        #expect(Key.up.description == "↑")
    }
}
