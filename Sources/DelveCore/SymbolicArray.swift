import DelveFormats

/// An array of small integers describing what the agent perceives, for
/// reinforcement-learning code: a shape and its values in row-major order
/// (the last index varies fastest), as numpy reshapes them.
public struct SymbolicArray: Sendable, Hashable, Codable {
    /// The length of each dimension.
    public var shape: [Int]
    /// The values, row-major; as many as the shape's product.
    public var data: [Int]

    /// An array of `shape` holding `data`.
    public init(shape: [Int], data: [Int]) {
        precondition(shape.reduce(1, *) == data.count, "symbolic array: \(data.count) values for shape \(shape)")
        self.shape = shape
        self.data = data
    }

    /// Writes the array as JSON, keys sorted, exactly as `JSONEncoder` would.
    public func write(to output: inout JSONOutput) {
        output.raw("{\"data\":")
        output.ints(data)
        output.raw(",\"shape\":")
        output.ints(shape)
        output.byte(UInt8(ascii: "}"))
    }
}
