import DelveCore
import DelveFormats

/// A request's id as the client sent it, to be echoed back exactly: null, a
/// string, or a number kept as its text, so that an integer beyond 64 bits
/// or a fraction such as `1.50` comes back as written, not rounded through
/// a `Double`.
enum RequestID: Sendable, Hashable, Encodable {
    /// `null`, also the answer's id when the request's own could not be read.
    case null
    /// A string id.
    case string(String)
    /// A number id: its JSON text, as the parser found it.
    case number(String)

    /// `JSONEncoder`'s form, the reference the direct writer matches: a
    /// number as the nearest `Int` or `Double` (exact for the ids that fit).
    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case let .string(text): try container.encode(text)
        case let .number(text):
            if let int = Int(text) { try container.encode(int) } else { try container.encode(Double(text) ?? 0) }
        }
    }
}

extension JSONOutput {
    /// Writes a request id: a number id's text as it came.
    mutating func id(_ value: RequestID) {
        switch value {
        case .null: raw("null")
        case let .string(text): string(text)
        case let .number(text): bytes.append(contentsOf: text.utf8)
        }
    }
}
