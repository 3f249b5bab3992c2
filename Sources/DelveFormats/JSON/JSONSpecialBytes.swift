/// The bytes that end a plain run inside a JSON string, for the writer
/// (they must be escaped) and the parser (they end or escape the string):
/// control characters, `"` and `\`. UTF-8's bytes of 0x80 and above never are.
public enum JSONSpecialBytes {
    /// Whether `byte` is one of them.
    @inlinable @inline(__always)
    public static func contains(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    /// Whether any of the eight bytes of `word` is one of them: the classic
    /// has-zero-byte test of the word against each, eight bytes at a time.
    @inlinable @inline(__always)
    public static func any(in word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let quote = word ^ (ones &* 0x22), backslash = word ^ (ones &* 0x5C)
        let control = (word &- ones &* 0x20) & ~word
        let quotes = (quote &- ones) & ~quote
        let backslashes = (backslash &- ones) & ~backslash
        return (control | quotes | backslashes) & highs != 0
    }

    /// The offset of the first special byte in the `count` bytes at `base`,
    /// from `start`; `count` when there is none.
    @inlinable @inline(__always)
    public static func firstIndex(in base: UnsafePointer<UInt8>, count: Int, from start: Int) -> Int {
        var index = start
        while index + 8 <= count, !any(in: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
            index += 8
        }
        while index < count, !contains(base[index]) { index += 1 }
        return index
    }
}
