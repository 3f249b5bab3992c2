/// The strings that messages repeat on every line (member names, the
/// version, method names), made once: the parser hands out these copies
/// instead of building a new `String` from the bytes each time, on the
/// server's side for requests and on a client's for answers.
struct ProtocolWords: Sendable {
    /// One word: its first eight bytes as a number (zero-padded), the rest, and the word.
    private struct Entry: Sendable {
        var head: UInt64
        var tail: [UInt8]
        var word: String
    }

    /// The entries by byte length.
    private let byLength: [[Entry]]

    private static let shared = ProtocolWords(words: [
        "jsonrpc", "2.0", "id", "method", "params", "env", "action", "seed", "task", "world", "options", "image", "map",
        "step_budget", "style", "token", "protocol_version",
        "env/step", "env/reset", "env/legal_actions", "env/render", "env/snapshot", "env/restore", "env/close",
        "result", "error", "code", "message", "observation", "info", "text", "status", "mission", "legal_actions",
        "feedback", "milestones", "progress", "reward", "terminated", "truncated", "invalid_actions", "step", "valid",
        "end_reason", "instructions", "revision", "profile",
    ])

    private init(words: [String]) {
        var byLength = [[Entry]](repeating: [], count: (words.map(\.utf8.count).max() ?? 0) + 1)
        for word in words {
            let utf8 = Array(word.utf8)
            byLength[utf8.count].append(Entry(head: utf8.withUnsafeBufferPointer(Self.head), tail: Array(utf8.dropFirst(8)), word: word))
        }
        self.byLength = byLength
    }

    /// The first eight bytes of `utf8` as a little-endian number, zero-padded.
    private static func head(_ utf8: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var head: UInt64 = 0
        for index in 0..<min(8, utf8.count) { head |= UInt64(utf8[index]) << (8 * UInt64(index)) }
        return head
    }

    /// The word whose bytes `utf8` holds, if it is one of them.
    static func word(_ utf8: UnsafeBufferPointer<UInt8>) -> String? {
        shared.word(utf8)
    }

    private func word(_ utf8: UnsafeBufferPointer<UInt8>) -> String? {
        guard utf8.count < byLength.count else { return nil }
        let head = Self.head(utf8)
        search: for entry in byLength[utf8.count] where entry.head == head {
            for (offset, byte) in entry.tail.enumerated() where utf8[8 + offset] != byte { continue search }
            return entry.word
        }
        return nil
    }
}
