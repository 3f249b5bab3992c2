import Foundation

/// A `DecodingError` in one line: where in the document, and what was wrong.
public struct DecodingExplanation {
    /// The explanation, e.g. "missing key 'seeds' in entries[2]".
    public let text: String

    /// Explains `error`.
    public init(_ error: DecodingError) {
        func path(_ context: DecodingError.Context) -> String {
            let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return path.isEmpty ? "the top level" : String(path.drop { $0 == "." })
        }
        switch error {
        case let .keyNotFound(key, context):
            text = "missing key '\(key.stringValue)' in \(path(context))"
        case let .typeMismatch(_, context), let .valueNotFound(_, context), let .dataCorrupted(context):
            text = "\(path(context)): \(context.debugDescription.trimmingCharacters(in: .init(charactersIn: ".")))"
        @unknown default:
            text = String(describing: error)
        }
    }
}

extension DecodingError {
    /// Where in the document the error is, whatever its kind.
    public var context: Context? {
        switch self {
        case let .keyNotFound(_, c), let .typeMismatch(_, c), let .valueNotFound(_, c), let .dataCorrupted(c): c
        @unknown default: nil
        }
    }
}
