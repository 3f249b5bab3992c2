import Foundation

/// The one JSON style Delve writes: sorted keys, unescaped slashes, so equal
/// values give equal bytes.
public enum JSONFormat {
    /// A compact encoder: one value per line in JSONL files.
    public static func compact() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// An indented encoder, for files people read (run.json, summary.json).
    public static func pretty() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        return encoder
    }

    /// `value` as indented JSON text ending in a newline.
    public static func prettyText<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try pretty().encode(value), as: UTF8.self) + "\n"
    }
}
