/// Strings that a kind of message repeats on every line (member names,
/// method names), made once: `JSONParser` hands out these copies instead of
/// building a new `String` from the bytes each time.
public struct JSONWords: Sendable {
    /// One word: its first eight bytes as a number (zero-padded), the rest, and the word.
    private struct Entry: Sendable {
        var head: UInt64
        var tail: [UInt8]
        var word: String
    }

    /// The entries by byte length.
    private let byLength: [[Entry]]

    /// A table of `words`.
    public init(_ words: [String]) {
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
    func word(_ utf8: UnsafeBufferPointer<UInt8>) -> String? {
        guard utf8.count < byLength.count else { return nil }
        let head = Self.head(utf8)
        search: for entry in byLength[utf8.count] where entry.head == head {
            for (offset, byte) in entry.tail.enumerated() where utf8[8 + offset] != byte { continue search }
            return entry.word
        }
        return nil
    }
}
