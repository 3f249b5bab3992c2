import ArgumentParser
import DelveCore
import DelvePlay
import WorldCatalog

/// `delve play FAMILY/TASK [--seed N] [--no-color] [--image FILE]`: a world by hand in the terminal.
struct PlayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "play",
        abstract: "Play a world by hand in the terminal.",
        discussion: """
            On a terminal: line editing, history, TAB completion of actions, a colored map. \
            Piped: reads one action per line from standard input and prints plain text, e.g. \
            printf 'go forward\\nturn left\\n' | delve play grid/goto --seed 7
            """)

    @Argument(help: "The task to play, as FAMILY/TASK (e.g. grid/goto); a bare FAMILY plays its first task.")
    var task: String

    @Option(help: "The episode seed (default: a random one, shown on screen).")
    var seed: UInt64?

    @Option(help: ArgumentHelp("What the world shows and how it scores: \(Profile.helpList). Default: delve.",
                               valueName: "profile"))
    var profile: Profile?

    @Flag(help: "Draw without color (so does a non-empty NO_COLOR).")
    var noColor = false

    @Option(help: ArgumentHelp("Keep this PNG file showing the agent's view, rewritten after every turn (open it in an "
                               + "image viewer that reloads).", valueName: "file"))
    var image: String?

    func validate() throws {
        if let seed, !Seeds.range.contains(seed) { throw ValidationError("--seed must be \(Seeds.rule), got \(seed)") }
    }

    func run() throws {
        let spec = try Catalog.standard.task(named: task)
        if image != nil, !spec.isVisual {
            throw UsageError("\(spec.id) has no picture for --image: its family is text only; "
                             + "families with pictures: \(Catalog.standard.visualFamilies.joined(separator: ", "))")
        }
        try TerminalPlay.run(task: spec, seed: seed ?? UInt64.random(in: 0..<1_000_000), profile: profile ?? .delve,
                             noColor: noColor, imageFile: image)
    }
}
