/// A value that writes itself into a `JSONOutput`: serve mode's results, written into the response line.
public protocol JSONWritable: Encodable, Sendable {
    /// Writes the value, keys sorted, exactly as `JSONEncoder` would.
    func write(to output: inout JSONOutput)
}

extension JSONWritable {
    /// Writes the value with `JSONFormat.compact()`: for the values written
    /// rarely (serve's `initialize`, `worlds/list`), which have no writer of their own.
    public func write(to output: inout JSONOutput) {
        guard let data = try? JSONFormat.compact().encode(self) else {
            output.failed = true
            return
        }
        output.bytes.append(contentsOf: data)
    }
}
