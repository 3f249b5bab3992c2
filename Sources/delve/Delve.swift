import ArgumentParser
import DelveCore

/// The root command: `delve <subcommand>`.
struct Delve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delve",
        abstract: "Benchmark LLM and RL agents on procedurally generated grid and text worlds.",
        discussion: "Start with `delve eval` (the smoke suite with a random agent) or `delve play grid/goto`.",
        version: DelveVersion.current,
        subcommands: [WorldsCommand.self, PlayCommand.self, ServeCommand.self, EvalCommand.self, MergeCommand.self,
                      SuitesCommand.self, SummaryCommand.self, CompareCommand.self, ReportCommand.self, ReplayCommand.self, DemosCommand.self, ExportCommand.self,
                      BenchCommand.self, RenderCommand.self])
}
