import ArgumentParser
import DelveCore
import DelveEval
import DelveSuites
import WorldCatalog

/// `delve suites` and `delve suites show NAME`.
struct SuitesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suites", abstract: "List the built-in suites, or print one.",
        subcommands: [SuitesList.self, SuitesShow.self], defaultSubcommand: SuitesList.self)
}

/// `delve suites [list]`: every built-in suite.
struct SuitesList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the built-in suites.")

    func run() throws {
        print(SuiteListing(Catalog.suites).text, terminator: "")
    }
}

/// `delve suites show NAME`: one suite as a suite file.
struct SuitesShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Print a suite (built-in, or a suite file checked and expanded) as suite-file JSON.")

    @Argument(help: "A built-in suite's name or the path of a suite file (JSON, or YAML ending in .yaml or .yml).")
    var name: String

    func run() throws {
        let suite: Suite
        do {
            suite = try SuiteLookup.find(name, builtins: Catalog.suites)
            _ = try EvalPlan(suite: suite, catalog: Catalog.standard)
        } catch let error as SuiteLookupError {
            throw UsageError(error)
        } catch let error as PlanError {
            throw UsageError(error)
        }
        print(try SuiteListing.json(suite), terminator: "")
    }
}
