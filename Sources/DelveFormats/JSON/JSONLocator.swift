/// Finds the line on which a value of a JSON document starts, given the
/// coding path a `DecodingError` names, so an error can say `file:line`.
public struct JSONLocator {
    private let bytes: [UInt8]
    private var offset = 0

    /// A locator over the document `bytes`.
    private init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// The 1-based line where the value at `path` starts; nil when the
    /// document does not have it (or is not JSON up to it).
    public static func line(of path: [any CodingKey], in bytes: [UInt8]) -> Int? {
        var locator = JSONLocator(bytes)
        guard let start = locator.find(path[...]) else { return nil }
        return bytes[..<start].count(where: { $0 == UInt8(ascii: "\n") }) + 1
    }

    /// The offset where the value at `path` starts, from the value at `offset`.
    private mutating func find(_ path: ArraySlice<any CodingKey>) -> Int? {
        skipSpace()
        guard let key = path.first else { return offset }
        guard offset < bytes.count else { return nil }
        switch bytes[offset] {
        case UInt8(ascii: "{"):
            offset += 1
            while true {
                skipSpace()
                guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else { return nil }
                let name = readString()
                skipSpace()
                guard offset < bytes.count, bytes[offset] == UInt8(ascii: ":") else { return nil }
                offset += 1
                if name == key.stringValue { return find(path.dropFirst()) }
                guard skipValue() else { return nil }
            }
        case UInt8(ascii: "["):
            guard let wanted = key.intValue else { return nil }
            offset += 1
            for _ in 0..<wanted { guard skipValue() else { return nil } }
            return find(path.dropFirst())
        default:
            return nil
        }
    }

    /// Skips one value and the comma after it; false at the end of its container or of the document.
    private mutating func skipValue() -> Bool {
        skipSpace()
        var depth = 0
        while offset < bytes.count {
            switch bytes[offset] {
            case UInt8(ascii: "\""): _ = readString(); continue
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if depth == 0 { return false }
                depth -= 1
            case UInt8(ascii: ",") where depth == 0:
                offset += 1
                return true
            default: break
            }
            offset += 1
        }
        return false
    }

    /// Reads the string starting at `offset` (its raw bytes, escapes kept) and moves past it.
    private mutating func readString() -> String {
        offset += 1
        let start = offset
        while offset < bytes.count, bytes[offset] != UInt8(ascii: "\"") {
            offset += bytes[offset] == UInt8(ascii: "\\") ? 2 : 1
        }
        let text = String(decoding: bytes[start..<min(offset, bytes.count)], as: UTF8.self)
        offset += 1
        return text
    }

    private mutating func skipSpace() {
        while offset < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[offset]) { offset += 1 }
    }
}
