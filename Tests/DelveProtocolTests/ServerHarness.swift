import DelveCore
import DelveFormats
import DelveProtocol
import Testing
import WorldCatalog

/// A server over the standard catalog, driven line by line as `delve serve` would be.
struct ServerHarness {
    var server: Server

    init(limits: ServerLimits = ServerLimits()) {
        server = Server(catalog: Catalog.standard, limits: limits)
    }

    /// Sends one line; returns the parsed response, or nil when none came.
    mutating func send(_ line: String) throws -> JSONValue? {
        try server.handle(line: Array(line.utf8)).map { try JSONParser.parse(Array($0.utf8)) }
    }

    /// Calls `method` with id 1 and `params` (JSON object text); returns the whole response.
    mutating func call(_ method: String, _ params: String? = nil) throws -> JSONValue {
        let paramsPart = params.map { #","params":\#($0)"# } ?? ""
        return try #require(try send(#"{"jsonrpc":"2.0","id":1,"method":"\#(method)"\#(paramsPart)}"#))
    }

    /// The result of a call that must succeed.
    mutating func result(_ method: String, _ params: String? = nil) throws -> JSONValue {
        let response = try call(method, params)
        return try #require(response["result"], "expected a result, got \(response)")
    }

    /// The error code of a call that must fail.
    mutating func errorCode(_ method: String, _ params: String? = nil) throws -> Int? {
        try call(method, params)["error"]?["code"]?.intValue
    }

    /// Checks that an opt-in `env/reset` param set to false changes nothing:
    /// the answer is byte for byte the answer without it, and never names it.
    static func expectOffByDefault(_ param: String) {
        var plain = ServerHarness(), asked = ServerHarness()
        let request = #"{"jsonrpc":"2.0","id":1,"method":"env/reset","params":{"task":"grid/goto","seed":7}}"#
        let withFalse = #"{"jsonrpc":"2.0","id":1,"method":"env/reset","params":{"task":"grid/goto","seed":7,"\#(param)":false}}"#
        #expect(plain.server.handle(line: Array(request.utf8)) == asked.server.handle(line: Array(withFalse.utf8)))
        #expect(plain.server.handle(line: Array(request.utf8))?.contains(param) == false)
    }

    /// Resets a new env on `task` and returns its id.
    mutating func reset(_ task: String = "grid/goto", seed: Int = 7) throws -> String {
        try #require(try result("env/reset", #"{"task":"\#(task)","seed":\#(seed)}"#)["env"]?.stringValue)
    }
}

extension JSONValue {
    /// The member `key` of an object.
    subscript(key: String) -> JSONValue? {
        guard case let .object(members) = self else { return nil }
        return members[key]
    }

    /// The value as a string, if it is one.
    var stringValue: String? {
        guard case let .string(v) = self else { return nil }
        return v
    }

    /// The value as an integer, if it is one.
    var intValue: Int? {
        guard case let .int(v) = self else { return nil }
        return v
    }

    /// The elements of an array.
    var arrayValue: [JSONValue]? {
        guard case let .array(v) = self else { return nil }
        return v
    }
}
