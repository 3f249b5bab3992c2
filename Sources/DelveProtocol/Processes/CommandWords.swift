/// Why a command line could not be split into words.
public struct CommandWordsError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, in one line.
    public var description: String
}

/// Splits a command line into words as a POSIX shell does for blanks, quotes
/// and backslashes, without running a shell: nothing is expanded (`$VAR`,
/// `*`, `~` and backquotes stay as written) and no operator (`|`, `>`, `;`) is special.
///
/// - Blanks (space, tab, newline) separate words.
/// - `'...'` keeps everything inside literally.
/// - `"..."` keeps everything inside, except that a backslash escapes `$`, `` ` ``, `"`, `\` and newline.
/// - Outside quotes, a backslash keeps the next character literally (a backslash-newline is removed).
public enum CommandWords {
    /// The words of `command`; throws on an unterminated quote, a trailing backslash, or no words at all.
    public static func split(_ command: String) throws(CommandWordsError) -> [String] {
        var words: [String] = []
        var word = ""
        var inWord = false
        var characters = command.makeIterator()
        while let character = characters.next() {
            switch character {
            case " ", "\t", "\n":
                if inWord { words.append(word); word = ""; inWord = false }
            case "'":
                inWord = true
                while true {
                    guard let next = characters.next() else {
                        throw CommandWordsError(description: "unterminated single quote in \(command.debugDescription)")
                    }
                    if next == "'" { break }
                    word.append(next)
                }
            case "\"":
                inWord = true
                while true {
                    guard let next = characters.next() else {
                        throw CommandWordsError(description: "unterminated double quote in \(command.debugDescription)")
                    }
                    if next == "\"" { break }
                    if next == "\\" {
                        guard let escaped = characters.next() else {
                            throw CommandWordsError(description: "unterminated double quote in \(command.debugDescription)")
                        }
                        switch escaped {
                        case "$", "`", "\"", "\\": word.append(escaped)
                        case "\n": break
                        default: word.append("\\"); word.append(escaped)
                        }
                    } else {
                        word.append(next)
                    }
                }
            case "\\":
                guard let escaped = characters.next() else {
                    throw CommandWordsError(description: "trailing backslash in \(command.debugDescription)")
                }
                if escaped != "\n" { word.append(escaped); inWord = true }
            default:
                word.append(character)
                inWord = true
            }
        }
        if inWord { words.append(word) }
        guard !words.isEmpty else { throw CommandWordsError(description: "the agent command is empty") }
        return words
    }
}
