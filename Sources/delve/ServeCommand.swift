import ArgumentParser
import DelveProtocol
import Foundation
import WorldCatalog

/// `delve serve`: an outside program drives worlds over JSON-RPC on stdin/stdout,
/// or, with `--listen`, its clients do over a TCP or Unix socket.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve worlds over JSON-RPC 2.0, one JSON message per line, on stdin/stdout or a socket.",
        discussion: "Standard output carries only protocol; the protocol is in docs/protocol.md.")

    @Option(help: ArgumentHelp("Listen on a socket instead of stdin/stdout: HOST:PORT (port 0 picks one) or unix:PATH.",
                               valueName: "address"))
    var listen: String?

    @Option(help: ArgumentHelp("With --listen: clients must present this token in initialize (default: $DELVE_TOKEN). Required for a non-loopback address."))
    var token: String?

    @Option(help: ArgumentHelp("With --listen: how many clients may be connected at once. When every slot is taken, a new "
                               + "connection takes the slot of the oldest one that has not yet presented the token."))
    var maxClients = 64

    @Option(help: ArgumentHelp("With --listen and a token: seconds a connection has to present the token in initialize; "
                               + "then it gets an error line and is closed. Default: \(Int(ConnectionDeadlines.defaultAuthenticateSeconds)).",
                               valueName: "seconds"))
    var authTimeout: Double?

    @Option(help: ArgumentHelp("With --listen: seconds a request line may stay unfinished (from its first byte); then the "
                               + "connection gets an error line and is closed. Default: \(Int(ConnectionDeadlines.defaultPartialLineSeconds)).",
                               valueName: "seconds"))
    var lineTimeout: Double?

    @Option(help: "The longest request line accepted, in bytes; a longer one is answered with an error and skipped.")
    var maxLineBytes = ServerLimits().maximumLineBytes

    @Option(help: "How many envs may be live at once (per client).")
    var maxEnvs = ServerLimits().maximumEnvs

    @Option(help: "How many snapshots may be kept at once (per client).")
    var maxSnapshots = ServerLimits().maximumSnapshots

    @Option(help: ArgumentHelp("Close an env unused for this many seconds; naming it then is error -32009.", valueName: "seconds"))
    var idleTimeout: Double?

    @Option(name: .customLong("spin-us"),
            help: ArgumentHelp("While a client sends its next request quickly, poll this many microseconds for it before sleeping (saves the wake-up; 0 never polls).",
                               valueName: "microseconds"))
    var spinMicroseconds = Int(ServeLoop.defaultSpin.components.attoseconds / 1_000_000_000_000)

    /// `--spin-us` as a duration.
    private var spin: Duration { .microseconds(spinMicroseconds) }

    func validate() throws {
        for (flag, value) in [("--max-line-bytes", maxLineBytes), ("--max-envs", maxEnvs), ("--max-snapshots", maxSnapshots),
                              ("--max-clients", maxClients)] where value < 1 {
            throw ValidationError("\(flag) must be at least 1, got \(value)")
        }
        guard (0...1_000_000).contains(spinMicroseconds) else {
            throw ValidationError("--spin-us must be from 0 to 1000000 microseconds, got \(spinMicroseconds)")
        }
        for (flag, value) in [("--idle-timeout", idleTimeout), ("--auth-timeout", authTimeout), ("--line-timeout", lineTimeout)] {
            if let value, !(value > 0 && value <= 1e9) {
                throw ValidationError("\(flag) must be a number of seconds above 0, got \(value)")
            }
        }
        if listen == nil, let flag = authTimeout != nil ? "--auth-timeout" : lineTimeout != nil ? "--line-timeout" : nil {
            throw ValidationError("\(flag) needs --listen: over stdin/stdout there is one client, whoever started delve")
        }
        if token != nil, listen == nil { throw ValidationError("--token needs --listen: over stdin/stdout the client is whoever started delve") }
        if token == "" { throw ValidationError("--token must not be empty") }
    }

    func run() throws {
        // A client that closes its end makes the next write fail instead of killing the process.
        signal(SIGPIPE, SIG_IGN)
        let limits = ServerLimits(maximumLineBytes: maxLineBytes, maximumEnvs: maxEnvs, maximumSnapshots: maxSnapshots,
                                  idleTimeoutSeconds: idleTimeout)
        guard let listen else {
            do {
                try ServeLoop.run(Server(catalog: Catalog.standard, limits: limits), spin: spin)
            } catch {
                FileHandle.standardError.write(Data("delve serve: stopped: \(error)\n".utf8))
                throw ExitCode.failure
            }
            return
        }
        try serve(on: listen, limits: limits)
    }

    private func serve(on listen: String, limits: ServerLimits) throws {
        let address: ListenAddress
        do {
            address = try ListenAddress(parsing: listen)
        } catch {
            throw UsageError(error)
        }
        let environmentToken = ProcessInfo.processInfo.environment["DELVE_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        let token = self.token ?? environmentToken
        guard address.isLoopback || token != nil else {
            throw UsageError("--listen \(address) is not a loopback address: give --token (or set DELVE_TOKEN) so that clients must present it")
        }
        let listener: SocketListener
        let stop: StopSignals
        do {
            stop = try StopSignals()
            listener = try SocketListener(binding: address, maximumClients: maxClients, spin: spin,
                                          deadlines: ConnectionDeadlines(
                                              authenticateSeconds: authTimeout ?? ConnectionDeadlines.defaultAuthenticateSeconds,
                                              partialLineSeconds: lineTimeout ?? ConnectionDeadlines.defaultPartialLineSeconds))
        } catch {
            FileHandle.standardError.write(Data("delve serve: \(error)\n".utf8))
            throw ExitCode.failure
        }
        FileHandle.standardError.write(Data("delve serve: listening on \(listener.address)\n".utf8))
        listener.serve(session: { Server(catalog: Catalog.standard, limits: limits, token: token) }, stop: stop.descriptor)
        FileHandle.standardError.write(Data("delve serve: stopped\n".utf8))
    }
}
