import ArgumentParser
import DelveCore
import DelveFormats
import Foundation

/// Runs `delve`, and turns every error into an exit status: usage errors
/// (unknown names, malformed numbers, unknown flags) print one line to
/// stderr and exit 2; `--help` and `--version` print to stdout and exit 0.
@main
enum EntryPoint {
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            var command = try Delve.parseAsRoot(arguments)
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            exit(report(error, arguments: arguments))
        }
    }

    /// Prints what `error` means to the user and returns the exit status.
    static func report(_ error: any Error, arguments: [String]) -> Int32 {
        if let usage = error as? UsageError {
            return fail("delve: \(usage.description)", status: 2)
        }
        let code = Delve.exitCode(for: error)
        if code == .success {
            print(Delve.fullMessage(for: error))
            return 0
        }
        let message = Delve.message(for: error)
            .split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        if code == .validationFailure {
            let choices = choices(arguments)
            let sentenceEnded = message.last.map { ".?!".contains($0) } ?? false
            let line = sentenceEnded ? "\(message) \(choices.prefix(1).uppercased())\(choices.dropFirst())" : "\(message); \(choices)"
            return fail("delve: \(lowercasingFirst(line))", status: 2)
        }
        if !message.isEmpty { FileHandle.standardError.write(Data("delve: error: \(Escaping.terminalLine(message))\n".utf8)) }
        return code.rawValue
    }

    /// Writes `line` to stderr, its control characters made visible: error
    /// messages quote names from run directories, suites and agents.
    private static func fail(_ line: String, status: Int32) -> Int32 {
        FileHandle.standardError.write(Data((Escaping.terminalLine(line) + "\n").utf8))
        return status
    }

    /// The valid choices, after a parse error's message: the usage line of
    /// the subcommand the arguments name, else the list of subcommands.
    private static func choices(_ arguments: [String]) -> String {
        let subcommands = Delve.configuration.subcommands
        let names = subcommands.compactMap { $0.configuration.commandName }
        guard let first = arguments.first, let subcommand = subcommands.first(where: { $0.configuration.commandName == first }) else {
            return "valid commands: \(names.joined(separator: ", ")) (see delve --help)"
        }
        let usage = Delve.usageString(for: subcommand).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return "usage: \(usage)"
    }

    private static func lowercasingFirst(_ text: String) -> String {
        guard let first = text.first, text.dropFirst().first?.isLowercase ?? true else { return text }
        return first.lowercased() + text.dropFirst()
    }
}
