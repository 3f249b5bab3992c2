import ArgumentParser
import DelveProtocol
import Foundation
import WorldCatalog

/// `delve serve`: an outside program drives worlds over JSON-RPC on stdin/stdout.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve worlds over JSON-RPC 2.0, one JSON message per line on stdin/stdout.",
        discussion: "Standard output carries only protocol; the protocol is in docs/protocol.md.")

    @Option(help: "The longest request line accepted, in bytes; a longer one is answered with an error and skipped.")
    var maxLineBytes = ServerLimits().maximumLineBytes

    @Option(help: "How many envs may be live at once.")
    var maxEnvs = ServerLimits().maximumEnvs

    @Option(help: "How many snapshots may be kept at once.")
    var maxSnapshots = ServerLimits().maximumSnapshots

    func validate() throws {
        for (flag, value) in [("--max-line-bytes", maxLineBytes), ("--max-envs", maxEnvs), ("--max-snapshots", maxSnapshots)] where value < 1 {
            throw ValidationError("\(flag) must be at least 1, got \(value)")
        }
    }

    func run() throws {
        // A client that closes its end makes the next write fail instead of killing the process.
        signal(SIGPIPE, SIG_IGN)
        let limits = ServerLimits(maximumLineBytes: maxLineBytes, maximumEnvs: maxEnvs, maximumSnapshots: maxSnapshots)
        do {
            try ServeLoop.run(Server(catalog: Catalog.standard, limits: limits))
        } catch {
            FileHandle.standardError.write(Data("delve serve: stopped: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }
}
