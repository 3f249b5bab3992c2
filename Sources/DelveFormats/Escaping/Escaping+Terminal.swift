extension Escaping {
    /// `text` for a terminal: every control character is shown as a visible
    /// escape instead of acting, so no outside text can move the cursor,
    /// clear the screen, set the window title or reorder what follows.
    /// Newline and tab are kept; other C0 characters and DEL are written in
    /// caret notation (ESC `^[`, CR `^M`, DEL `^?`); C1 characters and the
    /// bidirectional overrides and isolates as `<U+XXXX>`.
    public static func terminal(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0) && $0 != "\n" && $0 != "\t" }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\t" || !needsEscape(scalar) {
                out.append(scalar)
            } else {
                out.append(contentsOf: visible(scalar).unicodeScalars)
            }
        }
        return String(out)
    }

    /// `text` on one line of a terminal: as `terminal(_:)`, and newline and
    /// tab shown too (`^J`, `^I`), for names and labels that must not break a line.
    public static func terminalLine(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) { out.append(contentsOf: visible(scalar).unicodeScalars) } else { out.append(scalar) }
        }
        return String(out)
    }

    /// True for the characters a terminal acts on or that reorder text.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// The visible escape of a control character.
    static func visible(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x00...0x1F: return "^" + String(UnicodeScalar(UInt8(scalar.value + 0x40)))
        case 0x7F: return "^?"
        default:
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
        }
    }
}
