import ArgumentParser
import DelveCore

/// A mistake in what the user typed: `delve` prints its message on one line
/// to stderr and exits with status 2.
struct UsageError: Error, CustomStringConvertible {
    /// What is wrong and what the valid choices are, in one line.
    var description: String

    /// A usage error saying `description`.
    init(_ description: String) { self.description = description }

    /// Whether it says that the agent failed its check before the first episode (`AgentSupply.prepare`).
    var fromAgentCheck = false

    /// A usage error carrying another error's one-line description.
    init(_ error: some CustomStringConvertible) { description = error.description }
}

/// The exit statuses of `delve` that ArgumentParser does not name (docs/protocol.md, "Exit status").
enum ExitStatus {
    /// The run is incomplete: episodes ended in agent errors or were not
    /// played; `delve eval --resume` finishes it. 0 is complete, 1 an
    /// internal error, 2 a usage error.
    static let incomplete = ExitCode(3)
}

extension TaskCatalog {
    /// The task `name` names (FAMILY/TASK, or a bare FAMILY for its first
    /// task), or a usage error saying what the valid names are.
    func task(named name: String) throws(UsageError) -> TaskSpec {
        do {
            return try task(orFamily: name)
        } catch {
            throw UsageError(error)
        }
    }
}
