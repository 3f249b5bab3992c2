// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Delve",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "delve", targets: ["delve"]),
        .library(name: "DelveCore", targets: ["DelveCore"]),
        .library(name: "DelveEval", targets: ["DelveEval"]),
        .library(name: "DelveProtocol", targets: ["DelveProtocol"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/JohnSundell/Plot", exact: "0.14.0"),
    ],
    targets: [
        // How values are written and read: JSON (writer, parser, encoder style, decoding errors), text tables,
        // escaping for each place outside text lands, durations in seconds. Foundation only.
        .target(name: "DelveFormats", path: "Sources/DelveFormats"),

        // Contracts every world and agent shares: World, Env, Agent, records, options, images.
        // libm: the standard library's Double rounding calls it on Linux.
        .target(name: "DelveCore", dependencies: ["DelveFormats"], path: "Sources/DelveCore",
                linkerSettings: [.linkedLibrary("m", .when(platforms: [.linux]))]),

        // Suites: what the catalog ships and the runner plays (families do not see them).
        .target(name: "DelveSuites", dependencies: ["DelveCore"], path: "Sources/DelveSuites"),

        // World families: each depends on DelveCore alone, so the compiler enforces it.
        .target(name: "GridWorld", dependencies: ["DelveCore"], path: "Worlds/Grid"),
        .target(name: "CraftWorld", dependencies: ["DelveCore"], path: "Worlds/Craft"),
        .target(name: "TextWorlds", dependencies: ["DelveCore"], path: "Worlds/Text"),
        .target(name: "RulesWorld", dependencies: ["DelveCore"], path: "Worlds/Rules"),
        .target(name: "DungeonWorld", dependencies: ["DelveCore"], path: "Worlds/Dungeon"),

        // The catalog that registers every family, and the built-in suites.
        .target(name: "WorldCatalog", dependencies: ["DelveCore", "DelveSuites", "GridWorld", "CraftWorld", "TextWorlds", "RulesWorld", "DungeonWorld"],
                path: "Worlds/Catalog"),

        // Built-in Swift agents (random, expert).
        .target(name: "DelveAgents", dependencies: ["DelveCore"], path: "Agents/Builtin"),

        // syncfs(2), which Glibc's module leaves out (it needs _GNU_SOURCE).
        .target(name: "CFileSync", path: "Sources/CFileSync"),

        // pidfd_open(2), waitid(2) with WNOWAIT and prctl(2), which Swift cannot call (variadic or not exported).
        .target(name: "CChildProcess", path: "Sources/CChildProcess"),

        // Plans, the runner, run directories, scoring, listings.
        .target(name: "DelveEval", dependencies: ["DelveCore", "DelveFormats", "DelveSuites", "CFileSync", "CZlib", "DelveImage",
                                                  .product(name: "Yams", package: "Yams")],
                path: "Sources/DelveEval"),

        // The wire format: JSON-RPC 2.0 over newline-delimited JSON, serve mode, agent processes.
        .target(name: "DelveProtocol", dependencies: ["DelveCore", "DelveFormats", "DelveImage", "DelvePlay", "CChildProcess"],
                path: "Sources/DelveProtocol"),

        // `delve bench`: worlds' steps and resets, frames, serve mode's throughput.
        .target(name: "DelveBench", dependencies: ["DelveCore", "DelveEval", "DelveFormats", "DelveImage", "DelveProtocol"],
                path: "Sources/DelveBench"),

        // GNU readline, from the system (Debian: libreadline-dev).
        .systemLibrary(name: "CReadline", path: "Sources/CReadline", providers: [.apt(["libreadline-dev"])]),

        // The interactive terminal game, and the one writer of maps in terminal escape codes (TerminalMap).
        .target(name: "DelvePlay", dependencies: ["DelveCore", "DelveFormats", "DelveImage", "CReadline"], path: "Sources/DelvePlay"),

        // zlib, from the system (Debian: zlib1g-dev): PNG frames, and the report's compressed episode steps.
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", providers: [.apt(["zlib1g-dev"])]),

        // PNG encoding of frames for image observations, with the system's zlib.
        .target(name: "DelveImage", dependencies: ["DelveCore", "CZlib"], path: "Sources/DelveImage"),

        // The HTML report of runs and the episode replay (`delve report`, `delve replay`).
        .target(name: "DelveReport", dependencies: ["DelveCore", "DelveEval", "DelveFormats", "DelveImage", "DelvePlay", "CZlib",
                                                    .product(name: "Plot", package: "Plot")],
                path: "Sources/DelveReport"),

        // The command-line tool: argument parsing and wiring only.
        .executableTarget(
            name: "delve",
            dependencies: [
                "DelveCore", "DelveEval", "DelvePlay", "DelveProtocol", "DelveAgents", "WorldCatalog", "DelveReport", "DelveImage",
                "DelveBench", "DelveFormats", "DelveSuites",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/delve"
        ),

        // Maintainers' tools, not part of `delve`: the dungeon's progression table from bot runs.
        .executableTarget(name: "progression-table", dependencies: ["DungeonWorld", "DelveCore"], path: "Tools/ProgressionTable"),

        // What only tests use: the golden-trajectory recipe the families' tests pin.
        .target(name: "DelveTestSupport", dependencies: ["DelveCore"], path: "Tests/Support"),

        .testTarget(name: "DelveFormatsTests", dependencies: ["DelveFormats"], path: "Tests/DelveFormatsTests"),
        .testTarget(name: "DelveCoreTests", dependencies: ["DelveCore", "DelveFormats", "DelveSuites", "DelveTestSupport"], path: "Tests/DelveCoreTests"),
        .testTarget(name: "DelveSuitesTests", dependencies: ["DelveSuites", "DelveCore"], path: "Tests/DelveSuitesTests"),
        .testTarget(name: "GridWorldTests", dependencies: ["GridWorld", "DelveCore", "DelveTestSupport"], path: "Tests/GridWorldTests"),
        .testTarget(name: "TextWorldTests", dependencies: ["TextWorlds", "DelveCore", "DelveTestSupport"], path: "Tests/TextWorldTests"),
        .testTarget(name: "CraftWorldTests", dependencies: ["CraftWorld", "DelveCore", "DelveTestSupport"], path: "Tests/CraftWorldTests"),
        .testTarget(name: "RulesWorldTests", dependencies: ["RulesWorld", "DelveCore", "DelveTestSupport"], path: "Tests/RulesWorldTests"),
        .testTarget(name: "DungeonWorldTests", dependencies: ["DungeonWorld", "DelveCore", "DelveTestSupport"], path: "Tests/DungeonWorldTests"),
        .testTarget(name: "DelveEvalTests", dependencies: ["DelveEval", "DelveBench", "DelveAgents", "WorldCatalog", "DelveCore", "DelveFormats", "DelveSuites"],
                    path: "Tests/DelveEvalTests"),
        .testTarget(name: "DelvePlayTests", dependencies: ["DelvePlay", "WorldCatalog", "DelveCore"], path: "Tests/DelvePlayTests"),
        .testTarget(name: "DelveProtocolTests", dependencies: ["DelveProtocol", "DelvePlay", "WorldCatalog", "DelveCore", "DelveFormats"],
                    path: "Tests/DelveProtocolTests"),
        .testTarget(name: "DelveReportTests", dependencies: ["DelveReport", "DelveEval", "DelveAgents", "WorldCatalog", "DelveCore", "DelveFormats",
                                                         "DelveSuites"],
                    path: "Tests/DelveReportTests"),
        .testTarget(name: "DelveImageTests", dependencies: ["DelveImage", "CZlib", "WorldCatalog", "DelveCore"], path: "Tests/DelveImageTests"),
        .testTarget(name: "EndToEndTests", dependencies: [], path: "Tests/EndToEndTests"),
    ]
)
