/// JSON being written as bytes, the same bytes `JSONEncoder` gives under
/// `.sortedKeys` and `.withoutEscapingSlashes`: compact, strings escaped
/// alike, doubles as `description` without a trailing `.0`. Writers list
/// object keys in sorted order themselves. Serve-mode responses and
/// trajectory lines are written with it, because `JSONEncoder` costs more
/// than a step of the world.
public struct JSONOutput: Sendable {
    /// The bytes written so far.
    public var bytes: [UInt8]
    /// Set when a value JSON cannot hold (a non-finite number) was written; the bytes are then not JSON.
    public var failed = false
    /// What the values written here repeat from one to the next (`Repeats`).
    public var repeats = Repeats()
    /// Room for a string being escaped.
    private var scratch: [UInt8] = []

    /// Output that goes on after `bytes`.
    public init(bytes: [UInt8] = []) { self.bytes = bytes }

    /// Bytes written as they are: punctuation, keys with their quotes.
    @inlinable
    public mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// One byte written as it is.
    @inlinable
    public mutating func byte(_ byte: UInt8) { bytes.append(byte) }

    /// A whole number.
    @inlinable
    public mutating func int(_ value: Int) {
        if value >= 0 && value < 10 {
            byte(UInt8(ascii: "0") + UInt8(value))
        } else {
            bytes.append(contentsOf: String(value).utf8)
        }
    }

    /// A number as `JSONEncoder` writes it; a non-finite one sets `failed`.
    public mutating func double(_ value: Double) {
        guard value.isFinite else {
            failed = true
            return
        }
        if value == 0 && value.sign == .minus {
            raw("-0")
        } else if value == value.rounded(), value.magnitude < 1e15 {
            int(Int(value))
        } else {
            var text = value.description
            if text.hasSuffix(".0") { text.removeLast(2) }
            bytes.append(contentsOf: text.utf8)
        }
    }

    /// `true` or `false`.
    @inlinable
    public mutating func bool(_ value: Bool) {
        if value { raw("true") } else { raw("false") }
    }

    /// A string, quoted, with `"`, `\\` and control characters escaped.
    ///
    /// Observation text is most of what a run writes, so the scan for bytes
    /// to escape reads eight at a time, and a string is added in one append.
    public mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            guard let base = utf8.baseAddress else {
                raw("\"\"")
                return
            }
            let count = utf8.count
            var index = JSONSpecialBytes.firstIndex(in: base, count: count, from: 0)
            guard index < count else {
                byte(UInt8(ascii: "\""))
                bytes.append(contentsOf: utf8)
                byte(UInt8(ascii: "\""))
                return
            }
            // Escapes to write: the string goes through `scratch`, sized for
            // the worst case (every byte left a \u00XX), and into `bytes` in
            // one append, not one for each run between escapes.
            let needed = count + 5 * (count - index) + 2
            if scratch.count < needed { scratch = [UInt8](repeating: 0, count: Swift.max(needed, 2 * scratch.count)) }
            let written = scratch.withUnsafeMutableBufferPointer { buffer -> Int in
                guard let out = buffer.baseAddress else { return 0 }
                out[0] = UInt8(ascii: "\"")
                var length = 1, start = 0
                while true {
                    (out + length).update(from: base + start, count: index - start)
                    length += index - start
                    guard index < count else { break }
                    length += Self.escape(base[index], into: out + length)
                    start = index + 1
                    index = JSONSpecialBytes.firstIndex(in: base, count: count, from: start)
                }
                out[length] = UInt8(ascii: "\"")
                return length + 1
            }
            scratch.withUnsafeBufferPointer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[..<written])) }
        }
    }

    /// Writes `byte` escaped at `out`: two bytes, or six for `\u00XX`; returns how many.
    private static func escape(_ byte: UInt8, into out: UnsafeMutablePointer<UInt8>) -> Int {
        out[0] = UInt8(ascii: "\\")
        let short: UInt8? = switch byte {
        case UInt8(ascii: "\""): UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): UInt8(ascii: "\\")
        case 0x08: UInt8(ascii: "b")
        case 0x0C: UInt8(ascii: "f")
        case 0x0A: UInt8(ascii: "n")
        case 0x0D: UInt8(ascii: "r")
        case 0x09: UInt8(ascii: "t")
        default: nil
        }
        if let short {
            out[1] = short
            return 2
        }
        let hex: StaticString = "0123456789abcdef"
        out[1] = UInt8(ascii: "u")
        out[2] = UInt8(ascii: "0")
        out[3] = UInt8(ascii: "0")
        out[4] = hex.utf8Start[Int(byte >> 4)]
        out[5] = hex.utf8Start[Int(byte & 0xF)]
        return 6
    }

    /// An array of integers.
    @inlinable
    public mutating func ints(_ values: [Int]) { array(values) { $0.int($1) } }

    /// An array of strings.
    @inlinable
    public mutating func strings(_ values: [String]) { array(values) { $0.string($1) } }

    /// An array, each element written by `element`.
    @inlinable
    mutating func array<Element>(_ values: [Element], _ element: (inout JSONOutput, Element) -> Void) {
        byte(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { byte(UInt8(ascii: ",")) }
            element(&self, value)
        }
        byte(UInt8(ascii: "]"))
    }
}

extension JSONOutput {
    /// Two values a writer expects to repeat from one write to the next,
    /// each with the bytes it was written as: an observation's legal actions
    /// and mission, which along a trajectory, and across the envs of a serve
    /// batch, seldom change, and cost as much as a step to escape again.
    public struct Repeats: Sendable {
        /// The list of strings written through it last (an observation's legal actions).
        public var strings = LastWritten<[String]>()
        /// The string written through it last (an observation's mission).
        public var string = LastWritten<String>()

        /// Nothing written yet.
        @inlinable
        public init() {}
    }
}

/// A value last written as JSON, and its bytes.
public struct LastWritten<Value: Equatable & Sendable>: Sendable {
    // Inlinable, with its storage, so that a writer in another module gets
    // it specialized for its value type.
    @usableFromInline var value: Value?
    @usableFromInline var json: [UInt8] = []

    /// Nothing written yet.
    @inlinable
    public init() {}

    /// Writes `value` to `output` with `encode`, or copies the bytes written
    /// for it last time when it is the same value.
    @inlinable
    public mutating func write(_ value: Value, to output: inout JSONOutput, _ encode: (inout JSONOutput, Value) -> Void) {
        if value == self.value {
            output.bytes.append(contentsOf: json)
            return
        }
        let start = output.bytes.count
        encode(&output, value)
        self.value = value
        json.removeAll(keepingCapacity: true)
        json.append(contentsOf: output.bytes[start...])
    }
}
