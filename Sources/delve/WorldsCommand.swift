import ArgumentParser
import DelveCore
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

    @Option(help: ArgumentHelp("With --describe: describe what the task shows under this profile, \(Profile.helpList). "
                               + "Default: delve.", valueName: "profile"))
    var profile: Profile?

    @Flag(help: "Print JSON instead of text.")
    var json = false

    func validate() throws {
        if profile != nil, !describe { throw ValidationError("--profile goes with --describe") }
    }

    func run() async throws {
        let listing: WorldListing
        do {
            listing = try WorldListing(catalog: Catalog.standard, query: task, describe: describe, profile: profile ?? .delve)
        } catch {
            throw UsageError(error)
        }
        print(json ? try listing.json() : listing.text, terminator: "")
    }
}
