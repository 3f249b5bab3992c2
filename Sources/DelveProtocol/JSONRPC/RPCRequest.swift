import DelveFormats

/// A well-formed JSON-RPC 2.0 request or notification.
struct RPCRequest: Sendable, Hashable {
    /// The request id; nil for a notification, which gets no response.
    var id: RequestID?
    /// The method name.
    var method: String
    /// The params; by-name only, so an object or absent.
    var params: JSONValue?

    /// Checks `message` against JSON-RPC 2.0's request rules; `idText` is the
    /// text of its `id` when that is a number an `Int` would not write the
    /// same (`JSONParser.parseMessage`). The
    /// error carries the id to answer with: the request's own when it could
    /// be read, else null.
    init(_ message: JSONValue, idText: String? = nil) throws(RPCFailure) {
        guard case let .object(members) = message else {
            throw RPCFailure(id: .null, error: RPCError(.invalidRequest, "a request must be a JSON object, not \(message.typeName)"))
        }
        let id: RequestID?
        switch members["id"] {
        case nil: id = nil
        case .null?: id = .null
        case let .string(text)?: id = .string(text)
        case let .int(value)?: id = .number(idText ?? String(value))
        case let .double(value)?: id = .number(idText ?? "\(value)")
        case let other?:
            throw RPCFailure(id: .null, error: RPCError(.invalidRequest, "\"id\" must be a string, a number or null, not \(other.typeName)"))
        }
        let answerID = id ?? .null
        guard members["jsonrpc"] == .string("2.0") else {
            throw RPCFailure(id: answerID, error: RPCError(.invalidRequest, "\"jsonrpc\" must be \"2.0\""))
        }
        guard case let .string(method)? = members["method"] else {
            throw RPCFailure(id: answerID, error: RPCError(.invalidRequest, "\"method\" must be a string"))
        }
        self.id = id
        self.method = method
        params = members["params"]
    }
}

/// An error together with the id its response carries.
struct RPCFailure: Error, Sendable, Hashable {
    /// The id to answer with (null when the request's own could not be read).
    var id: RequestID
    /// The error.
    var error: RPCError
}
