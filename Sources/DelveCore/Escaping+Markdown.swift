extension Escaping {
    /// `text` as inline Markdown (a heading or a table cell): control
    /// characters shown as in `terminalLine(_:)`, so no line breaks or
    /// terminal sequences, and every character that Markdown or the HTML it
    /// allows would act on written with a backslash, so it shows as written.
    public static func markdown(_ text: String) -> String {
        let line = terminalLine(text)
        guard line.contains(where: markdownSpecial.contains) else { return line }
        var out = ""
        for character in line {
            if markdownSpecial.contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    /// Characters with a meaning in inline Markdown (GitHub's), or in a table.
    static let markdownSpecial: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "&", "~", "#", "!"]
}
