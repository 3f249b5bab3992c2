import DelveCore

/// Turns the bytes a terminal in raw mode sends into keys: printable
/// characters (UTF-8), control keys, and the escape sequences of the arrows,
/// Page Up/Down and Meta (`ESC p` is M-p).
public enum KeyDecoder {
    /// The key that starts with `first`; `more` gives the next byte, or nil
    /// when none follows soon (a lone Esc). Nil for a sequence that is no key
    /// Delve knows (a function key), which has then been read whole.
    public static func key(first: UInt8, more: () -> UInt8?) -> Key? {
        switch first {
        case 0x1B: return escape(more)
        case 0x0D, 0x0A: return .enter
        case 0x09: return .tab
        case 0x7F, 0x08: return .backspace
        case 0x01...0x1A: return .control(Character(UnicodeScalar(first + 0x60)))
        case 0x20...0x7E: return .character(Character(UnicodeScalar(first)))
        case 0xC0...0xF7:
            var bytes = [first]
            let count = first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : 2
            while bytes.count < count, let next = more() { bytes.append(next) }
            return String(validating: bytes, as: UTF8.self).flatMap(\.first).map(Key.character)
        default: return nil
        }
    }

    /// After ESC: a CSI or SS3 sequence, Meta and a character, or Esc alone.
    private static func escape(_ more: () -> UInt8?) -> Key? {
        guard let second = more() else { return .escape }
        switch second {
        case UInt8(ascii: "["), UInt8(ascii: "O"):
            var body: [UInt8] = []
            // Parameters and intermediates (0x20-0x3F), then one final byte (0x40-0x7E).
            while let byte = more() {
                body.append(byte)
                if (0x40...0x7E).contains(byte) { break }
            }
            switch body {
            case [UInt8(ascii: "A")]: return .up
            case [UInt8(ascii: "B")]: return .down
            case [UInt8(ascii: "C")]: return .right
            case [UInt8(ascii: "D")]: return .left
            case Array("5~".utf8): return .pageUp
            case Array("6~".utf8): return .pageDown
            default: return nil
            }
        case 0x1B: return .escape
        case 0x20...0x7E: return .meta(Character(UnicodeScalar(second)))
        default: return nil
        }
    }
}
