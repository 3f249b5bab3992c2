import DelveCore
import DelveFormats

/// The serve-mode server: reads request lines, answers response lines. A value
/// holding every live env and snapshot of one session (one client); it has no
/// I/O of its own (`ServeLoop` does that), so it is driven the same way in
/// tests, in `delve serve` over stdin, and on each socket connection.
public struct Server: Sendable {
    /// The worlds it serves.
    public let catalog: TaskCatalog
    /// Its limits.
    public let limits: ServerLimits
    /// The token a client must present in `initialize` before any other method; nil when none is needed.
    let token: String?
    /// The live envs, by id, oldest first.
    public internal(set) var envs = OrderedTable<Env>(prefix: "env")
    /// The kept snapshots, by token, oldest first.
    public internal(set) var snapshots = OrderedTable<Env>(prefix: "snap")
    /// Set once `shutdown` has been answered: the loop stops reading.
    public internal(set) var isShutDown = false
    /// Whether the client may call methods: always without a token, after a good `initialize` with one.
    public internal(set) var isAuthorized: Bool
    /// When each live env was last named by a request; kept only with an idle timeout.
    var lastUse: [String: ContinuousClock.Instant] = [:]
    /// The envs closed for idleness, so that naming one says so.
    var evicted = EvictedIDs()
    /// The time now, for the idle timeout: the continuous clock, or a test's own.
    let now: @Sendable () -> ContinuousClock.Instant

    /// A server of `catalog`'s worlds within `limits`; with a `token`, clients must present it in `initialize`.
    /// `now` tells the time for the idle timeout (tests pass a clock they move by hand).
    public init(catalog: TaskCatalog, limits: ServerLimits = ServerLimits(), token: String? = nil,
                now: @escaping @Sendable () -> ContinuousClock.Instant = { .now }) {
        self.catalog = catalog
        self.limits = limits
        self.token = token
        self.now = now
        isAuthorized = token == nil
    }

    /// Answers one frame: the response line (no newline), or nil when nothing
    /// is owed (a notification, or a batch of them).
    public mutating func handle(_ frame: Frame) -> String? {
        var output = JSONOutput()
        handle(frame, into: &output)
        return output.bytes.isEmpty ? nil : String(decoding: output.bytes, as: UTF8.self)
    }

    /// Answers one line of JSON: the response line, or nil when nothing is owed.
    public mutating func handle(line: some Collection<UInt8>) -> String? {
        handle(.line(Array(line)))
    }

    /// Appends the answer to `frame` to `output`, without a newline; nothing when none is owed.
    mutating func handle(_ frame: Frame, into output: inout JSONOutput) {
        let bytes: [UInt8]
        switch frame {
        case let .line(line): bytes = line
        case let .overlong(count):
            let message = "line of \(count) bytes is longer than the limit of \(limits.maximumLineBytes) bytes; it was skipped"
            return RPCResponse(id: .null, error: RPCError(.lineTooLong, message)).write(to: &output)
        }
        let message: JSONValue, idTexts: [Int: String]
        do {
            (message, idTexts) = try JSONParser.parseMessage(bytes, words: ProtocolWords.table)
        } catch {
            return RPCResponse(id: .null, error: RPCError(.parseError, "parse error: \(error)")).write(to: &output)
        }
        guard case let .array(batch) = message else {
            respond(to: message, idText: idTexts[0])?.write(to: &output)
            return
        }
        guard !batch.isEmpty else {
            return RPCResponse(id: .null, error: RPCError(.invalidRequest, "a batch must not be empty")).write(to: &output)
        }
        let start = output.bytes.count
        output.byte(UInt8(ascii: "["))
        var answered = false
        for (position, element) in batch.enumerated() {
            guard let response = respond(to: element, idText: idTexts[position]) else { continue }
            if answered { output.byte(UInt8(ascii: ",")) }
            response.write(to: &output)
            answered = true
        }
        if answered {
            output.byte(UInt8(ascii: "]"))
        } else {
            output.bytes.removeSubrange(start...)
        }
    }

    private mutating func respond(to message: JSONValue, idText: String?) -> RPCResponse? {
        let request: RPCRequest
        do {
            request = try RPCRequest(message, idText: idText)
        } catch {
            return RPCResponse(id: error.id, error: error.error)
        }
        let outcome: Result<any JSONWritable, RPCError>
        do {
            outcome = .success(try call(request.method, request.params))
        } catch {
            outcome = .failure(error)
        }
        guard let id = request.id else { return nil }
        switch outcome {
        case let .success(result): return RPCResponse(id: id, result: result)
        case let .failure(error): return RPCResponse(id: id, error: error)
        }
    }
}
