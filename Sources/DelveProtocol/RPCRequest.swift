/// A well-formed JSON-RPC 2.0 request or notification.
struct RPCRequest: Sendable, Hashable {
    /// The request id; nil for a notification, which gets no response.
    var id: JSONValue?
    /// The method name.
    var method: String
    /// The params; by-name only, so an object or absent.
    var params: JSONValue?

    /// Checks `message` against JSON-RPC 2.0's request rules. The error carries
    /// the id to answer with: the request's own when it could be read, else null.
    init(_ message: JSONValue) throws(RPCFailure) {
        guard case let .object(members) = message else {
            throw RPCFailure(id: .null, error: RPCError(.invalidRequest, "a request must be a JSON object, not \(message.typeName)"))
        }
        let id = members["id"]
        var answerID = JSONValue.null
        switch id {
        case nil, .null?, .string?, .int?, .double?: answerID = id ?? .null
        case let other?:
            throw RPCFailure(id: .null, error: RPCError(.invalidRequest, "\"id\" must be a string, a number or null, not \(other.typeName)"))
        }
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
    var id: JSONValue
    /// The error.
    var error: RPCError
}
