extension Escaping {
    /// `text` as the text of an HTML element: `&`, `<` and `>` written as
    /// character references, so it shows as written and opens no tag.
    public static func htmlText(_ text: String) -> String {
        replacing(text, [("&", "&amp;"), ("<", "&lt;"), (">", "&gt;")])
    }

    /// `text` as an HTML attribute value, to go between double quotes: as
    /// `htmlText(_:)`, and both quotes written as references, so it cannot
    /// end the attribute or the tag.
    public static func htmlAttribute(_ text: String) -> String {
        replacing(text, [("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("\"", "&quot;"), ("'", "&#39;")])
    }

    /// JSON text as the data of a `<script>` element: every `<` written
    /// `\u003c` (the same JSON value), so no string in it can close the
    /// element or open a comment.
    public static func scriptData(json: String) -> String {
        replacing(json, [("<", "\\u003c")])
    }

    /// `text` with each character of `table` replaced, in one pass.
    static func replacing(_ text: String, _ table: [(Character, String)]) -> String {
        guard text.contains(where: { character in table.contains { $0.0 == character } }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for character in text {
            if let replacement = table.first(where: { $0.0 == character })?.1 { out += replacement } else { out.append(character) }
        }
        return out
    }
}
