/// A JSON object's members in the order they arrived on the wire.
///
/// A request holds a handful of members, read a few times each, so a scan
/// beats hashing every key into a dictionary (serve mode parses millions of
/// them a second). A repeated key keeps its last value: lookups scan from the
/// end, and `uniqueMembers` drops the earlier ones. Two objects are equal
/// when they map the same keys to the same values, whatever the order.
public struct JSONObject: Sendable, Hashable, ExpressibleByDictionaryLiteral {
    /// One member: a key and its value.
    public struct Member: Sendable, Hashable {
        /// The key.
        public var key: String
        /// The value.
        public var value: JSONValue
    }

    /// Every member as it arrived, repeated keys included.
    public private(set) var members: [Member]

    /// An object of these members, in this order.
    public init(members: [Member] = []) { self.members = members }

    /// An empty object with room for `capacity` members.
    init(reservingCapacity capacity: Int) {
        members = []
        members.reserveCapacity(capacity)
    }

    /// An object written as a dictionary literal, in the literal's order.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        members = elements.map { Member(key: $0.0, value: $0.1) }
    }

    /// Adds a member after the others; it wins over an earlier one with its key.
    public mutating func append(_ key: String, _ value: JSONValue) {
        members.append(Member(key: key, value: value))
    }

    /// The value of `key` (the last one, when the key is repeated), if present.
    @inlinable
    public subscript(key: String) -> JSONValue? {
        members.last { $0.key == key }?.value
    }

    /// The members with their final values, each key once, in the order keys first appeared.
    public var uniqueMembers: [Member] {
        guard members.count > 1 else { return members }
        var position: [String: Int] = [:]
        var unique: [Member] = []
        for member in members {
            if let index = position[member.key] {
                unique[index].value = member.value
            } else {
                position[member.key] = unique.count
                unique.append(member)
            }
        }
        return unique
    }

    /// The members as a dictionary (final values).
    public var dictionary: [String: JSONValue] {
        Dictionary(members.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
    }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.members == rhs.members || lhs.dictionary == rhs.dictionary
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(dictionary)
    }
}
