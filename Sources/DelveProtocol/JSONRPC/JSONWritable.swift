import DelveCore
import Foundation

/// A result serve mode answers with, written into the response line.
protocol JSONWritable: Encodable, Sendable {
    /// Writes the value, keys sorted, exactly as `JSONEncoder` would.
    func write(to output: inout JSONOutput)
}

extension JSONWritable {
    /// Writes the value with `JSONEncoder`: for the results answered rarely
    /// (`initialize`, `worlds/list`), which have no writer of their own.
    func write(to output: inout JSONOutput) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else {
            output.failed = true
            return
        }
        output.bytes.append(contentsOf: data)
    }
}
