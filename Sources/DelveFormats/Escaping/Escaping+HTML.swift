extension Escaping {
    /// `text` as the text of an HTML element: `&`, `<` and `>` written as
    /// character references, so it shows as written and opens no tag.
    public static func htmlText(_ text: String) -> String {
        replacing(text, ["&": "&amp;", "<": "&lt;", ">": "&gt;"])
    }

    /// `text` as an HTML attribute value, to go between double quotes: as
    /// `htmlText(_:)`, and both quotes written as references, so it cannot
    /// end the attribute or the tag.
    public static func htmlAttribute(_ text: String) -> String {
        replacing(text, ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"])
    }

    /// JSON text as the data of a `<script>` element: every `<` written
    /// `\u003c` (the same JSON value), so no string in it can close the
    /// element or open a comment.
    public static func scriptData(json: String) -> String {
        replacing(json, ["<": "\\u003c"])
    }

    /// `text` with each scalar of `table` replaced, in one pass. Scalars, not
    /// characters: a quote followed by a combining mark is one `Character`
    /// but still a quote to an HTML parser.
    static func replacing(_ text: String, _ table: [Unicode.Scalar: String]) -> String {
        guard text.unicodeScalars.contains(where: { table[$0] != nil }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let replacement = table[scalar] { out.append(contentsOf: replacement.unicodeScalars) } else { out.append(scalar) }
        }
        return String(out)
    }
}
