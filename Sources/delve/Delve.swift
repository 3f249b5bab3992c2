import ArgumentParser

// Placeholder root: replaced by the CLI implementation.
@main
struct Delve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delve", subcommands: [PlayCommand.self])
}
