import ArgumentParser

// Placeholder: replaced by the terminal play implementation.
struct PlayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "play", abstract: "Play a world by hand in the terminal.")
    func run() async throws {}
}
