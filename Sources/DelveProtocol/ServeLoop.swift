import Foundation

/// Serve mode over a pair of file handles: request lines in, response lines out.
public enum ServeLoop {
    /// Reads requests from `input` until end of file or `shutdown`, answering
    /// each on `output` as one line. Returns normally at the end; throws only
    /// when `output` can no longer be written (the client went away).
    public static func run(_ server: Server, input: FileHandle = .standardInput,
                           output: FileHandle = .standardOutput) throws {
        var server = server
        var framer = LineFramer(maximumLineBytes: server.limits.maximumLineBytes)
        while !server.isShutDown {
            let chunk = input.availableData
            let frames = chunk.isEmpty ? framer.finish().map { [$0] } ?? [] : framer.push(chunk)
            var out = ""
            for frame in frames where !server.isShutDown {
                if let line = server.handle(frame) { out += line + "\n" }
            }
            if !out.isEmpty { try output.write(contentsOf: Data(out.utf8)) }
            if chunk.isEmpty { return }
        }
    }
}
