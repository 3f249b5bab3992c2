import CZlib
import DelveCore
import Foundation

/// What an episode's line in episodes.jsonl records of its trajectory file,
/// so that `--resume` can tell a complete file from a missing, short or
/// changed one: its length and its CRC-32 (docs/results.md, "Durability").
public struct TrajectoryCheck: Sendable, Hashable, Codable {
    /// The file's length in bytes.
    public var bytes: Int
    /// The CRC-32 (zlib's, as in gzip and PNG) of the file's bytes.
    public var crc32: UInt32

    /// A check of a file `bytes` long whose CRC-32 is `crc32`.
    public init(bytes: Int, crc32: UInt32) {
        self.bytes = bytes
        self.crc32 = crc32
    }

    /// The check of `contents`.
    public init(of contents: [UInt8]) {
        bytes = contents.count
        crc32 = Self.crc(contents[...], from: 0)
    }

    /// Why the file at `path` does not match; nil when it does. Reads it in
    /// pieces, so a long file is never held in memory whole.
    public func mismatch(at path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return "its trajectory file is missing" }
        defer { try? handle.close() }
        var length = 0, crc: UInt32 = 0
        while true {
            let piece: Data
            do { piece = try handle.read(upToCount: 1 << 20) ?? Data() } catch { return "its trajectory file cannot be read" }
            if piece.isEmpty { break }
            length += piece.count
            guard length <= bytes else { break }
            crc = piece.withUnsafeBytes { Self.crc($0.bindMemory(to: UInt8.self)[...], from: crc) }
        }
        if length < bytes { return "its trajectory file is short (\(length) of \(bytes) bytes)" }
        if length > bytes { return "its trajectory file is longer than recorded (\(bytes) bytes)" }
        return crc == crc32 ? nil : "its trajectory file's checksum does not match"
    }

    private static func crc(_ bytes: some Collection<UInt8>, from start: UInt32) -> UInt32 {
        var crc = uLong(start)
        var rest = bytes[...]
        while !rest.isEmpty {
            let piece = rest.prefix(1 << 30)
            crc = piece.withContiguousStorageIfAvailable { CZlib.crc32(crc, $0.baseAddress, uInt($0.count)) }
                ?? Array(piece).withUnsafeBufferPointer { CZlib.crc32(crc, $0.baseAddress, uInt($0.count)) }
            rest = rest.dropFirst(piece.count)
        }
        return UInt32(truncatingIfNeeded: crc)
    }

    enum CodingKeys: String, CodingKey {
        case bytes = "trajectory_bytes"
        case crc32 = "trajectory_crc32"
    }
}

/// The members of a line of episodes.jsonl beside its `EpisodeRecord`'s:
/// the check of the episode's trajectory file when it has one, and whether
/// the line replaces an earlier attempt whose trajectory failed its check
/// (the one case where a scored episode appears twice).
struct EpisodeLineExtras: Sendable, Hashable, Codable {
    /// `trajectory_bytes` and `trajectory_crc32`.
    var trajectory: TrajectoryCheck?
    /// `replaces_unverified`: true, or absent.
    var replacesUnverified = false

    init(trajectory: TrajectoryCheck? = nil, replacesUnverified: Bool = false) {
        self.trajectory = trajectory
        self.replacesUnverified = replacesUnverified
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        trajectory = try? TrajectoryCheck(from: decoder)
        replacesUnverified = try container.decodeIfPresent(Bool.self, forKey: .replacesUnverified) ?? false
    }

    func encode(to encoder: any Encoder) throws {
        try trajectory?.encode(to: encoder)
        guard replacesUnverified else { return }
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(true, forKey: .replacesUnverified)
    }

    enum CodingKeys: String, CodingKey {
        case replacesUnverified = "replaces_unverified"
    }
}

/// A line of episodes.jsonl: a record and its extras, in one JSON object.
struct EpisodeLine: Encodable {
    var record: EpisodeRecord
    var extras: EpisodeLineExtras

    func encode(to encoder: any Encoder) throws {
        try record.encode(to: encoder)
        try extras.encode(to: encoder)
    }
}
