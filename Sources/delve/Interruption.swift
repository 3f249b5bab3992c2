import ArgumentParser
import DelveEval
import DelveProtocol
import Foundation

/// What `delve eval` does on SIGINT (Ctrl-C), SIGTERM or SIGHUP: the first
/// stops the run (no episode starts, the agent processes and everything they
/// started are killed, what finished is written as an incomplete run that
/// `--resume` finishes); a second ends delve at once.
enum Interruption {
    /// Makes delve the subreaper of its descendants (`ProcessTree.adoptOrphans`)
    /// and catches the stop signals for a run that `stop` stops, whose agents
    /// come from `agents`. Keep the result alive for the run.
    static func catchSignals(stopping stop: StopRequest, agents: AgentSupply) throws -> StopSignals {
        ProcessTree.adoptOrphans()
        let pool = agents.pool
        do {
            return try StopSignals { number in
                guard stop.request(signal: number) else {
                    ProcessTree.killDescendants(reap: false)
                    _exit(128 + number)
                }
                FileHandle.standardError.write(Data(("\ndelve: \(name(number)): stopping: no episode starts, the agent "
                    + "processes are ended, what finished is kept (a second signal ends delve at once)\n").utf8))
                Task {
                    await pool?.stop()
                    ProcessTree.killDescendants(reap: false)
                }
            }
        } catch {
            FileHandle.standardError.write(Data("delve: cannot catch signals: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }

    /// `SIGINT`, `SIGTERM`, `SIGHUP`, or `signal N`.
    static func name(_ signal: Int32) -> String {
        switch signal {
        case SIGINT: "SIGINT"
        case SIGTERM: "SIGTERM"
        case SIGHUP: "SIGHUP"
        default: "signal \(signal)"
        }
    }
}
