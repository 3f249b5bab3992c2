import DelveCore
import DelveFormats
import Foundation

/// A JSON-RPC 2.0 response: the request's id and either a result or an error.
struct RPCResponse: Encodable {
    /// The id of the request answered (null when it could not be read).
    var id: RequestID
    /// The result, or nil when the request failed.
    var result: (any JSONWritable)?
    /// The error, or nil on success.
    var error: RPCError?

    enum CodingKeys: String, CodingKey { case jsonrpc, id, result, error }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("2.0", forKey: .jsonrpc)
        try container.encode(id, forKey: .id)
        if let error {
            try container.encode(error, forKey: .error)
        } else if let result {
            try container.encode(result, forKey: .result)
        }
    }

    /// The response as one line of JSON (no newline): sorted keys, so equal responses are equal bytes.
    func line() -> String {
        var output = JSONOutput()
        write(to: &output)
        return String(decoding: output.bytes, as: UTF8.self)
    }

    /// Appends the response line (no newline) to `output`; the bytes are the
    /// ones `JSONEncoder` gives for the whole response (`encoded()`), but for
    /// a number id, written as it came (`RequestID`). A result that cannot
    /// be written (a non-finite number) is answered with an internal error.
    func write(to output: inout JSONOutput) {
        let start = output.bytes.count
        if let error {
            output.raw("{\"error\":")
            error.write(to: &output)
            output.raw(",\"id\":")
            output.id(id)
            output.raw(",\"jsonrpc\":\"2.0\"}")
            return
        } else if let result {
            output.raw("{\"id\":")
            output.id(id)
            output.raw(",\"jsonrpc\":\"2.0\",\"result\":")
            result.write(to: &output)
            output.byte(UInt8(ascii: "}"))
            if !output.failed { return }
        }
        // Only a result that cannot encode lands here (a non-finite number); say so rather than go quiet.
        output.bytes.removeSubrange(start...)
        output.failed = false
        RPCResponse(id: id, error: RPCError(.internalError, "the result could not be encoded as JSON")).write(to: &output)
    }

    /// The response as `JSONEncoder` writes it: the reference the direct writers match.
    func encoded() -> [UInt8] {
        let encoder = JSONFormat.compact()
        if let data = try? encoder.encode(self) { return Array(data) }
        // Only a result that cannot encode lands here (a non-finite number); say so rather than go quiet.
        let failure = RPCResponse(id: id, error: RPCError(.internalError, "the result could not be encoded as JSON"))
        return (try? encoder.encode(failure)).map { Array($0) } ?? []
    }

    init(id: RequestID, result: any JSONWritable) {
        self.id = id
        self.result = result
    }

    init(id: RequestID, error: RPCError) {
        self.id = id
        self.error = error
    }
}
