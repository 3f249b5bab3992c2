import Foundation

/// Serve mode over file descriptors: request lines in, response lines out.
public enum ServeLoop {
    /// Bytes asked of the input per read.
    static let chunkBytes = 1 << 16

    /// Why serving stopped early.
    public struct ReadError: Error, CustomStringConvertible {
        /// The `errno` of the failed read.
        public var code: Int32
        /// One line naming the problem.
        public var description: String { "reading requests failed: \(String(cString: strerror(code)))" }
    }

    /// Reads requests from `input` until end of file or `shutdown`, answering
    /// each on `output` as one line; every answer a read produces is written
    /// before the next read. Throws only when the input cannot be read or the
    /// output cannot be written (the client went away).
    public static func run(_ server: Server, input: Int32 = STDIN_FILENO, output: FileHandle = .standardOutput) throws {
        var server = server
        var framer = LineFramer(maximumLineBytes: server.limits.maximumLineBytes)
        var buffer = [UInt8](repeating: 0, count: chunkBytes)
        while !server.isShutDown {
            let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw ReadError(code: errno)
            }
            let frames = count == 0 ? framer.finish().map { [$0] } ?? [] : framer.push(buffer[..<count])
            var out = ""
            for frame in frames where !server.isShutDown {
                if let line = server.handle(frame) { out += line + "\n" }
            }
            if !out.isEmpty { try output.write(contentsOf: Data(out.utf8)) }
            if count == 0 { return }
        }
    }
}
