extension Escaping {
    /// `text` as one CSV field (RFC 4180): control characters shown as in
    /// `terminalLine(_:)`; a leading `=`, `+`, `-` or `@`, which a
    /// spreadsheet would take for a formula, behind a `'`; quoted, with
    /// quotes doubled, when it holds a comma or a quote.
    public static func csv(_ text: String) -> String {
        var field = terminalLine(text)
        if let first = field.unicodeScalars.first, "=+-@".unicodeScalars.contains(first) { field = "'" + field }
        guard field.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" }) else { return field }
        return "\"" + replacing(field, ["\"": "\"\""]) + "\""
    }
}
