/// One of N deterministic slices of a run's episode list: `--shard K/N`
/// plays the episodes whose index in the suite's episode list leaves
/// remainder K − 1 when divided by N.
public struct Shard: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Which slice, from 1.
    public var index: Int
    /// How many slices the suite is cut into.
    public var count: Int

    /// A shard; `index` must be in 1...count.
    public init(index: Int, count: Int) throws(ShardError) {
        guard count >= 1, (1...count).contains(index) else { throw .outOfRange(index: index, count: count) }
        self.index = index
        self.count = count
    }

    /// Parses `K/N`, e.g. `3/8`.
    public init(parsing text: String) throws(ShardError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else { throw .malformed(text) }
        try self.init(index: index, count: count)
    }

    /// Decodes `{"index": K, "count": N}`, refusing a K outside 1...N.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let index = try container.decode(Int.self, forKey: .index), count = try container.decode(Int.self, forKey: .count)
        do {
            try self.init(index: index, count: count)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    /// Whether the episode at `position` in the suite's episode list belongs to this shard.
    public func contains(_ position: Int) -> Bool { position % count == index - 1 }

    /// `K/N`.
    public var description: String { "\(index)/\(count)" }

    enum CodingKeys: String, CodingKey { case index, count }
}

/// Why a `--shard` value was refused.
public enum ShardError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Not of the form K/N.
    case malformed(String)
    /// K outside 1...N, or N below 1.
    case outOfRange(index: Int, count: Int)

    /// One line naming the problem.
    public var description: String {
        switch self {
        case let .malformed(text): return "--shard '\(text)' is not of the form K/N, e.g. 3/8"
        case let .outOfRange(index, count): return "--shard \(index)/\(count) needs 1 ≤ K ≤ N"
        }
    }
}
