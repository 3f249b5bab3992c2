extension Escaping {
    /// `text` as inline Markdown (a heading or a table cell): control
    /// characters shown as in `terminalLine(_:)`, so no line breaks or
    /// terminal sequences, and every character that Markdown or the HTML it
    /// allows would act on written with a backslash, so it shows as written.
    public static func markdown(_ text: String) -> String {
        let line = terminalLine(text)
        guard line.unicodeScalars.contains(where: markdownSpecial.contains) else { return line }
        var out = String.UnicodeScalarView()
        for scalar in line.unicodeScalars {
            if markdownSpecial.contains(scalar) { out.append("\\") }
            out.append(scalar)
        }
        return String(out)
    }

    /// Characters with a meaning in inline Markdown (GitHub's), or in a table.
    static let markdownSpecial: Set<Unicode.Scalar> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "&", "~", "#", "!"]
}
