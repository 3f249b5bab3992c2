/// The stable error codes of the protocol: JSON-RPC 2.0's own, and Delve's in
/// the range -32000...-32099 that JSON-RPC leaves to servers.
public enum RPCErrorCode: Int, Sendable, Hashable, CaseIterable {
    /// The line is not JSON (the response's id is null).
    case parseError = -32700
    /// The JSON is not a valid request object, or the batch is empty.
    case invalidRequest = -32600
    /// No such method.
    case methodNotFound = -32601
    /// The params are missing, of the wrong type, or out of range.
    case invalidParams = -32602
    /// The server failed; a bug, never the client's fault.
    case internalError = -32603
    /// The line is longer than the server accepts; it was skipped unread.
    case lineTooLong = -32000
    /// The client speaks a protocol version the server does not.
    case unsupportedVersion = -32001
    /// No such world family or task.
    case unknownTask = -32002
    /// No live env with that id.
    case unknownEnv = -32003
    /// The env's episode has ended; reset it to play again.
    case episodeOver = -32004
    /// The live-env limit is reached; close one first.
    case tooManyEnvs = -32005
    /// No snapshot with that token.
    case unknownSnapshot = -32006
    /// The snapshot limit is reached; drop one first.
    case tooManySnapshots = -32007
    /// The server needs a token and none, or a wrong one, was presented in `initialize`.
    case unauthorized = -32008
    /// The env was closed by the server after going unused for `--idle-timeout`.
    case envEvicted = -32009
    /// The server has as many clients connected as it accepts; the connection is closed.
    case tooManyClients = -32010
}

/// A JSON-RPC error object: a stable code and one human line.
public struct RPCError: Error, Sendable, Hashable, Encodable {
    /// The code, one of `RPCErrorCode`.
    public var code: RPCErrorCode
    /// What went wrong, in one line.
    public var message: String

    /// An error with `code` saying `message`.
    public init(_ code: RPCErrorCode, _ message: String) {
        self.code = code
        self.message = message
    }

    enum CodingKeys: String, CodingKey { case code, message }

    /// Encodes as `{"code": ..., "message": ...}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code.rawValue, forKey: .code)
        try container.encode(message, forKey: .message)
    }
}
