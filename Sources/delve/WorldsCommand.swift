import ArgumentParser
import DelveEval
import WorldCatalog

/// `delve worlds [FAMILY/TASK] [--describe] [--json]`.
struct WorldsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worlds", abstract: "List world families and tasks, or describe what an agent is told.")

    @Argument(help: "A family (all its tasks) or FAMILY/TASK; every task when omitted.")
    var task: String?

    @Flag(help: "Show each task's instructions (the system prompt), action space, step budget and options.")
    var describe = false

    @Flag(help: "Print JSON instead of text.")
    var json = false

    func run() async throws {
        let listing: WorldListing
        do {
            listing = try WorldListing(catalog: Catalog.standard, query: task, describe: describe)
        } catch {
            throw UsageError(error)
        }
        print(json ? try listing.json() : listing.text, terminator: "")
    }
}
