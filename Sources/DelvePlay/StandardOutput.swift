import Foundation

/// Standard output as a text stream. Every write goes straight to file
/// descriptor 1, unbuffered, so text and readline's prompt never cross.
public struct StandardOutput: TextOutputStream, Sendable {
    /// The process's standard output.
    public init() {}

    /// Writes `string` at once.
    public mutating func write(_ string: String) {
        FileHandle.standardOutput.write(Data(string.utf8))
    }
}
