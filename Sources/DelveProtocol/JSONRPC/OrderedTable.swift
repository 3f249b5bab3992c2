/// Values by string id, kept in insertion order, with ids handed out from a
/// counter (`env-1`, `env-2`, ...) that never reuses one.
public struct OrderedTable<Value: Sendable>: Sendable {
    /// The prefix of every id, e.g. `env`.
    public let prefix: String
    /// The live ids, oldest first.
    public private(set) var ids: [String] = []
    private var values: [String: Value] = [:]
    private var issued = 0

    /// An empty table whose ids start with `prefix`.
    public init(prefix: String) { self.prefix = prefix }

    /// How many values are live.
    public var count: Int { ids.count }

    /// The value with this id, if live; assigning replaces a live value.
    public subscript(id: String) -> Value? {
        get { values[id] }
        set {
            guard values[id] != nil, let newValue else { return }
            values[id] = newValue
        }
    }

    /// Runs `body` on the live value with this id in place (no copy of its
    /// storage); nil, without running it, when the id is not live.
    public mutating func update<Result, Failure: Error>(
        _ id: String, _ body: (inout Value) throws(Failure) -> Result
    ) throws(Failure) -> Result? {
        guard let index = values.index(forKey: id) else { return nil }
        return try body(&values.values[index])
    }

    /// Adds `value` under a fresh id and returns the id.
    public mutating func insert(_ value: Value) -> String {
        issued += 1
        let id = "\(prefix)-\(issued)"
        ids.append(id)
        values[id] = value
        return id
    }

    /// Removes the value with this id; returns whether it was live.
    @discardableResult
    public mutating func remove(_ id: String) -> Bool {
        guard values.removeValue(forKey: id) != nil else { return false }
        ids.removeAll { $0 == id }
        return true
    }
}
