/// Why a line is not JSON: what went wrong and the byte offset where.
public struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong.
    public var reason: String
    /// Byte offset into the line.
    public var offset: Int

    /// One line for the error message.
    public var description: String { "\(reason) at byte \(offset)" }
}

/// A strict RFC 8259 parser over UTF-8 bytes, bounded in nesting depth so no
/// message can exhaust the stack. Numbers that overflow a `Double` are
/// refused rather than turned into infinities.
public struct JSONParser {
    /// The deepest nesting of arrays and objects accepted.
    public static let maximumDepth = 64

    /// The line, borrowed for the parse only (never stored beyond it).
    private let bytes: UnsafeBufferPointer<UInt8>
    /// Strings handed out as shared copies when a string's bytes are one of them.
    private let words: JSONWords?
    private var index = 0
    private var depth = 0
    /// Whether to keep the text of requests' number ids (`parseMessage`).
    private var keepsIDText = false
    /// Whether the top-level value is an array (a batch).
    private var isBatch = false
    /// The batch element being read; 0 for a single request.
    private var request = 0
    /// The text of each request's number `id` that is not an integer's plain
    /// form (a fraction, an exponent, beyond 64 bits, `-0`), by its position in the batch.
    private var idTexts: [Int: String] = [:]

    private init(_ bytes: UnsafeBufferPointer<UInt8>, words: JSONWords?) {
        self.bytes = bytes
        self.words = words
    }

    /// Parses one JSON-RPC message (a request or a batch of them) and keeps,
    /// for each request whose `id` is a number not written as an `Int` would
    /// write it, that number's text as it came (by position in the batch; 0
    /// for a single request), so the answer can echo it exactly. A string
    /// among `words` is their copy, not a new one.
    public static func parseMessage(_ bytes: [UInt8], words: JSONWords? = nil) throws(JSONParseError) -> (value: JSONValue, idTexts: [Int: String]) {
        let result = bytes.withUnsafeBufferPointer { buffer -> Result<(JSONValue, [Int: String]), JSONParseError> in
            var parser = JSONParser(buffer, words: words)
            parser.keepsIDText = true
            do throws(JSONParseError) {
                return .success((try parser.whole(), parser.idTexts))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// Parses one JSON text; whitespace around it is allowed, anything else
    /// after it is not. A string among `words` is their copy, not a new one.
    public static func parse(_ bytes: some Collection<UInt8>, words: JSONWords? = nil) throws(JSONParseError) -> JSONValue {
        try parse(Array(bytes), words: words)
    }

    /// Parses one JSON text held in an array, without copying it.
    public static func parse(_ bytes: [UInt8], words: JSONWords? = nil) throws(JSONParseError) -> JSONValue {
        let result = bytes.withUnsafeBufferPointer { buffer -> Result<JSONValue, JSONParseError> in
            var parser = JSONParser(buffer, words: words)
            do throws(JSONParseError) {
                return .success(try parser.whole())
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// The one value the bytes hold, with whitespace around it.
    private mutating func whole() throws(JSONParseError) -> JSONValue {
        skipWhitespace()
        isBatch = current == UInt8(ascii: "[")
        let value = try value()
        skipWhitespace()
        guard index == bytes.count else { throw failure("unexpected data after the JSON value") }
        return value
    }

    private func failure(_ reason: String) -> JSONParseError {
        JSONParseError(reason: reason, offset: index)
    }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipWhitespace() {
        while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { index += 1 }
    }

    private mutating func value() throws(JSONParseError) -> JSONValue {
        guard let byte = current else { throw failure("unexpected end of input") }
        switch byte {
        case UInt8(ascii: "{"): return try nested { (parser: inout JSONParser) throws(JSONParseError) in try parser.object() }
        case UInt8(ascii: "["): return try nested { (parser: inout JSONParser) throws(JSONParseError) in try parser.array() }
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw failure("unexpected character")
        }
    }

    private mutating func nested(_ body: (inout JSONParser) throws(JSONParseError) -> JSONValue) throws(JSONParseError) -> JSONValue {
        depth += 1
        guard depth <= Self.maximumDepth else { throw failure("nesting deeper than \(Self.maximumDepth)") }
        let value = try body(&self)
        depth -= 1
        return value
    }

    private mutating func literal(_ word: String) throws(JSONParseError) {
        for expected in word.utf8 {
            guard let byte = current else { throw failure("unexpected end of input") }
            guard byte == expected else { throw failure("invalid literal") }
            index += 1
        }
    }

    private mutating func object() throws(JSONParseError) -> JSONValue {
        // Requests' objects hold a handful of members: one allocation, not a growth at each.
        var members = JSONObject(reservingCapacity: 6)
        try elements(closing: UInt8(ascii: "}")) { (parser: inout JSONParser) throws(JSONParseError) in
            guard parser.current == UInt8(ascii: "\"") else { throw parser.failure("expected a string key") }
            let key = try parser.string()
            parser.skipWhitespace()
            guard parser.current == UInt8(ascii: ":") else { throw parser.failure("expected ':'") }
            parser.index += 1
            parser.skipWhitespace()
            let start = parser.index
            let value = try parser.value()
            if parser.keepsIDText, key == "id", parser.depth == (parser.isBatch ? 2 : 1) {
                // An integer's text is its value written out, but for `-0`: only the others are kept (no allocation).
                let isNegativeZero = value == .int(0) && parser.bytes[start] == UInt8(ascii: "-")
                if case .double = value {
                    parser.idTexts[parser.request] = String(decoding: parser.bytes[start..<parser.index], as: UTF8.self)
                } else if isNegativeZero {
                    parser.idTexts[parser.request] = "-0"
                } else {
                    parser.idTexts[parser.request] = nil
                }
            }
            members.append(key, value)
        }
        return .object(members)
    }

    private mutating func array() throws(JSONParseError) -> JSONValue {
        var elements: [JSONValue] = []
        try self.elements(closing: UInt8(ascii: "]")) { (parser: inout JSONParser) throws(JSONParseError) in
            if parser.depth == 1 { parser.request = elements.count }
            elements.append(try parser.value())
        }
        return .array(elements)
    }

    /// Reads the comma-separated elements of an array or object, from its
    /// opening bracket through `close`, calling `element` for each.
    private mutating func elements(closing close: UInt8, _ element: (inout JSONParser) throws(JSONParseError) -> Void) throws(JSONParseError) {
        index += 1
        skipWhitespace()
        if current == close { index += 1; return }
        while true {
            skipWhitespace()
            try element(&self)
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): index += 1
            case close: index += 1; return
            case nil: throw failure("unexpected end of input")
            default: throw failure("expected ',' or '\(Character(Unicode.Scalar(close)))'")
            }
        }
    }

    private mutating func string() throws(JSONParseError) -> String {
        index += 1
        // Runs without escapes are found eight bytes at a time and taken
        // whole; most strings are one such run, made into a String at once.
        guard let base = bytes.baseAddress else { throw failure("unterminated string") }
        let start = index
        var utf8: [UInt8] = []
        var runStart = start
        while true {
            index = JSONSpecialBytes.firstIndex(in: base, count: bytes.count, from: index)
            guard let byte = current else { throw failure("unterminated string") }
            let run = UnsafeBufferPointer(start: base + runStart, count: index - runStart)
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                let text: String?
                if runStart == start {
                    text = words?.word(run) ?? Self.text(run)
                } else {
                    utf8.append(contentsOf: run)
                    text = utf8.withUnsafeBufferPointer { Self.text($0) }
                }
                guard let text else { throw failure("invalid UTF-8 in string") }
                return text
            case UInt8(ascii: "\\"):
                utf8.append(contentsOf: run)
                index += 1
                try escape(into: &utf8)
                runStart = index
            default:
                throw failure("control character in string")
            }
        }
    }

    /// The string `utf8` holds, nil when it is not valid UTF-8. ASCII, the
    /// usual case, is checked here eight bytes at a time and decoded without
    /// a second look; the standard library's validating initializer, generic
    /// and slower, sees the rest.
    private static func text(_ utf8: UnsafeBufferPointer<UInt8>) -> String? {
        guard let base = utf8.baseAddress else { return "" }
        var index = 0
        let highs: UInt64 = 0x8080_8080_8080_8080
        while index + 8 <= utf8.count, UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & highs == 0 { index += 8 }
        while index < utf8.count, base[index] < 0x80 { index += 1 }
        return index == utf8.count ? String(decoding: utf8, as: UTF8.self) : String(validating: utf8, as: UTF8.self)
    }

    private mutating func escape(into utf8: inout [UInt8]) throws(JSONParseError) {
        guard let byte = current else { throw failure("unterminated string") }
        index += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(byte)
        case UInt8(ascii: "b"): utf8.append(0x08)
        case UInt8(ascii: "f"): utf8.append(0x0C)
        case UInt8(ascii: "n"): utf8.append(0x0A)
        case UInt8(ascii: "r"): utf8.append(0x0D)
        case UInt8(ascii: "t"): utf8.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = UInt32(try hex4())
            if (0xD800..<0xDC00).contains(scalar) {
                guard current == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") else {
                    throw failure("unpaired surrogate")
                }
                index += 2
                let low = UInt32(try hex4())
                guard (0xDC00..<0xE000).contains(low) else { throw failure("unpaired surrogate") }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let unicode = Unicode.Scalar(scalar) else { throw failure("unpaired surrogate") }
            UTF8.encode(unicode) { utf8.append($0) }
        default:
            throw failure("invalid escape")
        }
    }

    private mutating func hex4() throws(JSONParseError) -> UInt16 {
        guard bytes.count - index >= 4 else { throw failure("unterminated string") }
        var value: UInt16 = 0
        for _ in 0..<4 {
            guard let digit = Self.hexDigit(bytes[index]) else { throw failure("invalid \\u escape") }
            value = value << 4 | UInt16(digit)
            index += 1
        }
        return value
    }

    private static func hexDigit(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    private mutating func number() throws(JSONParseError) -> JSONValue {
        let start = index
        if current == UInt8(ascii: "-") { index += 1 }
        guard let first = current, Self.isDigit(first) else { throw failure("invalid number") }
        index += 1
        if first != UInt8(ascii: "0") { skipDigits() }
        var integral = true
        if current == UInt8(ascii: ".") {
            integral = false
            index += 1
            guard let byte = current, Self.isDigit(byte) else { throw failure("invalid number") }
            skipDigits()
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            integral = false
            index += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            guard let byte = current, Self.isDigit(byte) else { throw failure("invalid number") }
            skipDigits()
        }
        // Up to 18 digits always fit an Int: read them directly (ids, seeds, counts).
        let negative = bytes[start] == UInt8(ascii: "-")
        if integral, index - start - (negative ? 1 : 0) <= 18 {
            var value = 0
            for byte in bytes[(negative ? start + 1 : start)..<index] { value = value * 10 + Int(byte - UInt8(ascii: "0")) }
            return .int(negative ? -value : value)
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if integral, let int = Int(text) { return .int(int) }
        guard let double = Double(text), double.isFinite else { throw JSONParseError(reason: "number out of range", offset: start) }
        return .double(double)
    }

    private mutating func skipDigits() {
        while let byte = current, Self.isDigit(byte) { index += 1 }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
