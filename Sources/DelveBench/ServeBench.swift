import DelveCore
import DelveFormats
import DelveProtocol
import Foundation

/// Serve mode's own throughput, measured as a client sees it: a client thread
/// writes JSON-RPC batch lines of `env/step` requests over a Unix socket pair
/// to `ServeLoop` running on another thread, reads each answer line and
/// parses it in full with `JSONParser`, and resets (in one more batch line)
/// every env whose episode ended. Everything a socket client costs the
/// server is in the figure: framing, parsing, dispatch, the world's step,
/// encoding and the system calls.
public struct ServeBench: Sendable {
    /// The task stepped.
    public var task: String
    /// Envs stepped per batch line.
    public var envs: Int
    /// Length of one timed run.
    public var duration: Duration
    /// Timed runs; the median is reported.
    public var repetitions: Int
    /// Batch lines the client keeps in flight, each stepping its own group of
    /// `envs` envs: 1 waits for every answer before sending the next line; 2
    /// lets the server step one group while the client parses the other's
    /// answer, as an asynchronous vector env does.
    public var linesInFlight: Int

    /// A bench of `envs` envs of `task` per line, `linesInFlight` lines at a time.
    public init(task: String = "grid/goto", envs: Int = 64, linesInFlight: Int = 1, duration: Duration = .seconds(1), repetitions: Int = 5) {
        self.task = task
        self.envs = max(1, envs)
        self.linesInFlight = max(1, linesInFlight)
        self.duration = duration
        self.repetitions = max(1, repetitions)
    }

    /// What went wrong: one line.
    public struct Failure: Error, CustomStringConvertible {
        /// The problem.
        public var description: String
    }

    /// One timed run.
    public struct Run: Sendable {
        /// Env steps per second of wall time.
        public var stepsPerSecond: Double
        /// Env steps per second of CPU time, client and server together: the
        /// figure a machine shared with other work still measures fairly.
        public var stepsPerCPUSecond: Double
        /// Env steps per second of the server's CPU time alone (the process's
        /// less the client thread's): what one core of `delve serve` sustains.
        public var stepsPerServerCPUSecond: Double
    }

    /// Each timed run, in order.
    public func run(catalog: TaskCatalog) throws(Failure) -> [Run] {
        var ends: [Int32] = [0, 0]
        guard socketpair(AF_UNIX, SocketCall.stream, 0, &ends) == 0 else {
            throw Failure(description: "cannot create a socket pair: \(String(cString: strerror(errno)))")
        }
        let server = Server(catalog: catalog, limits: ServerLimits(maximumEnvs: envs * linesInFlight))
        let serverEnd = ends[1]
        let thread = Thread {
            try? ServeLoop.run(server, input: serverEnd, output: serverEnd)
            close(serverEnd)
        }
        thread.start()
        defer { close(ends[0]) }
        var client = BenchClient(descriptor: ends[0])
        // A run that stops early (an error) leaves answers unread: the server
        // then writes to a closed socket, which must not end the process.
        signal(SIGPIPE, SIG_IGN)
        let groups = (0..<linesInFlight).map { group in (1...envs).map { "env-\(group * envs + $0)" } }
        for (group, ids) in groups.enumerated() {
            try client.send(ids.enumerated().map { index, _ in
                #"{"jsonrpc":"2.0","id":\#(index),"method":"env/reset","params":{"task":"\#(task)","seed":\#(group * envs + index)}}"#
            })
            _ = try client.receive()
        }
        var random = SeededRandom(seed: 0x5E4E)
        var seed = envs * linesInFlight
        var rates: [Run] = []
        // What each line in flight asked, oldest first: a group's steps, or resets (answers not needed).
        var inFlight: [Int?] = []
        // Each env's request up to its action, made once: the client's own
        // cost per step is then copying bytes, as a tuned client's would be.
        let prefixes = groups.map { ids in
            ids.enumerated().map { index, id in
                Array(#"{"jsonrpc":"2.0","id":\#(index),"method":"env/step","params":{"env":"\#(id)","action":""#.utf8)
            }
        }
        let actions = Self.actions.map { Array($0.utf8) }
        var line: [UInt8] = []
        func stepLine(_ group: Int) throws(Failure) {
            line.removeAll(keepingCapacity: true)
            line.append(UInt8(ascii: "["))
            for (index, prefix) in prefixes[group].enumerated() {
                if index > 0 { line.append(UInt8(ascii: ",")) }
                line.append(contentsOf: prefix)
                line.append(contentsOf: actions[random.below(actions.count)])
                line.append(contentsOf: #""}}"#.utf8)
            }
            line.append(contentsOf: "]\n".utf8)
            try client.send(line: line)
            inFlight.append(group)
        }
        for group in groups.indices { try stepLine(group) }
        for round in 0...repetitions {
            let clock = ContinuousClock()
            let start = clock.now
            let cpuStart = CPUTime.process, clientStart = CPUTime.thread
            var steps = 0
            // The first round warms up and is not counted.
            let length = round == 0 ? duration / 4 : duration
            while clock.now - start < length {
                let answers = try client.receive()
                guard let group = inFlight.removeFirst() else { continue }
                steps += answers.count
                var ended: [String] = []
                for answer in answers {
                    guard case let .object(response) = answer, case let .int(index)? = response["id"],
                          case let .object(result)? = response["result"] else {
                        throw Failure(description: "a step failed: \(answer)")
                    }
                    if result["terminated"] == .bool(true) || result["truncated"] == .bool(true) { ended.append(groups[group][index]) }
                }
                if !ended.isEmpty {
                    try client.send(ended.map { id in
                        seed += 1
                        return #"{"jsonrpc":"2.0","id":"r","method":"env/reset","params":{"env":"\#(id)","seed":\#(seed)}}"#
                    })
                    inFlight.append(nil)
                }
                try stepLine(group)
            }
            if round > 0 {
                let seconds = (clock.now - start).seconds
                let cpu = (CPUTime.process - cpuStart).seconds
                let client = (CPUTime.thread - clientStart).seconds
                rates.append(Run(stepsPerSecond: Double(steps) / seconds, stepsPerCPUSecond: Double(steps) / cpu,
                                 stepsPerServerCPUSecond: Double(steps) / (cpu - client)))
            }
        }
        // Read the answers still owed, so that the server has written everything before the socket closes.
        for _ in inFlight { _ = try client.receive() }
        return rates
    }

    /// The grid's actions, drawn at random.
    static let actions = ["turn left", "turn right", "go forward", "pick up", "drop", "toggle", "done"]
}

/// The bench's client end: writes batch lines, reads and parses answer lines.
private struct BenchClient {
    let descriptor: Int32
    var framer = LineFramer(maximumLineBytes: 1 << 30)
    var pending: [DelveProtocol.Frame] = []
    var buffer = [UInt8](repeating: 0, count: 1 << 16)

    init(descriptor: Int32) { self.descriptor = descriptor }

    /// Sends `requests` as one batch line.
    func send(_ requests: [String]) throws(ServeBench.Failure) {
        try send(line: Array(("[" + requests.joined(separator: ",") + "]\n").utf8))
    }

    /// Sends a whole line, its newline included.
    func send(line: [UInt8]) throws(ServeBench.Failure) {
        do {
            try ServeLoop.writeAll(line, to: descriptor)
        } catch {
            throw ServeBench.Failure(description: "the server stopped reading: \(error)")
        }
    }

    /// Reads the next answer line and parses it: the batch's answers.
    mutating func receive() throws(ServeBench.Failure) -> [JSONValue] {
        while pending.isEmpty {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { throw ServeBench.Failure(description: "the server closed the connection") }
            pending = framer.push(buffer[..<count])
        }
        guard case let .line(line) = pending.removeFirst() else { throw ServeBench.Failure(description: "an answer line was too long") }
        let answer: JSONValue
        do {
            answer = try JSONParser.parse(line, words: ProtocolWords.table)
        } catch {
            throw ServeBench.Failure(description: "an answer is not JSON: \(error)")
        }
        guard case let .array(answers) = answer else { throw ServeBench.Failure(description: "the server answered \(answer)") }
        return answers
    }
}
