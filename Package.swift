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
        // Contracts every world and agent shares. Foundation only.
        // libm: the standard library's Double rounding calls it on Linux.
        .target(name: "DelveCore", path: "Sources/DelveCore", linkerSettings: [.linkedLibrary("m", .when(platforms: [.linux]))]),

        // World families: each depends on DelveCore alone, so the compiler enforces it.
        .target(name: "GridWorld", dependencies: ["DelveCore"], path: "Worlds/Grid"),
        .target(name: "CraftWorld", dependencies: ["DelveCore"], path: "Worlds/Craft"),
        .target(name: "TextWorlds", dependencies: ["DelveCore"], path: "Worlds/Text"),
        .target(name: "RulesWorld", dependencies: ["DelveCore"], path: "Worlds/Rules"),
        .target(name: "DungeonWorld", dependencies: ["DelveCore"], path: "Worlds/Dungeon"),

        // The catalog that registers every family, and the built-in suites.
        .target(name: "WorldCatalog", dependencies: ["DelveCore", "GridWorld", "CraftWorld", "TextWorlds", "RulesWorld", "DungeonWorld"],
                path: "Worlds/Catalog"),

        // Built-in Swift agents (random, expert).
        .target(name: "DelveAgents", dependencies: ["DelveCore"], path: "Agents/Builtin"),

        // syncfs(2), which Glibc's module leaves out (it needs _GNU_SOURCE).
        .target(name: "CFileSync", path: "Sources/CFileSync"),

        // pidfd_open(2), waitid(2) with WNOWAIT and prctl(2), which Swift cannot call (variadic or not exported).
        .target(name: "CChildProcess", path: "Sources/CChildProcess"),

        // Suites, runner, results directory, scoring, bench.
        .target(name: "DelveEval", dependencies: ["DelveCore", "DelveAgents", "CFileSync", "CZlib", "DelveImage", .product(name: "Yams", package: "Yams")],
                path: "Sources/DelveEval"),

        // The wire format: JSON-RPC 2.0 over newline-delimited JSON, and serve mode.
        .target(name: "DelveProtocol", dependencies: ["DelveCore", "DelveImage", "DelvePlay", "CChildProcess"], path: "Sources/DelveProtocol"),

        // GNU readline, from the system (Debian: libreadline-dev).
        .systemLibrary(name: "CReadline", path: "Sources/CReadline", providers: [.apt(["libreadline-dev"])]),

        // The interactive terminal game, and the one writer of maps in terminal escape codes (TerminalMap).
        .target(name: "DelvePlay", dependencies: ["DelveCore", "DelveImage", "CReadline"], path: "Sources/DelvePlay"),

        // zlib, from the system (Debian: zlib1g-dev): PNG frames, and the report's compressed episode steps.
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", providers: [.apt(["zlib1g-dev"])]),

        // PNG encoding of frames for image observations, with the system's zlib.
        .target(name: "DelveImage", dependencies: ["DelveCore", "CZlib"], path: "Sources/DelveImage"),

        // The HTML report of runs and the episode replay (`delve report`, `delve replay`).
        .target(name: "DelveReport", dependencies: ["DelveCore", "DelveEval", "DelveImage", "DelvePlay", "WorldCatalog", "CZlib", .product(name: "Plot", package: "Plot")],
                path: "Sources/DelveReport"),

        // The command-line tool: argument parsing and wiring only.
        .executableTarget(
            name: "delve",
            dependencies: [
                "DelveCore", "DelveEval", "DelvePlay", "DelveProtocol", "DelveAgents", "WorldCatalog", "DelveReport", "DelveImage",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/delve"
        ),

        // Maintainers' tools, not part of `delve`: the dungeon's progression table from bot runs.
        .executableTarget(name: "progression-table", dependencies: ["DungeonWorld", "DelveCore"], path: "Tools/ProgressionTable"),

        .testTarget(name: "DelveCoreTests", dependencies: ["DelveCore"], path: "Tests/DelveCoreTests"),
        .testTarget(name: "GridWorldTests", dependencies: ["GridWorld", "DelveCore"], path: "Tests/GridWorldTests"),
        .testTarget(name: "TextWorldTests", dependencies: ["TextWorlds", "DelveCore"], path: "Tests/TextWorldTests"),
        .testTarget(name: "CraftWorldTests", dependencies: ["CraftWorld", "DelveCore"], path: "Tests/CraftWorldTests"),
        .testTarget(name: "RulesWorldTests", dependencies: ["RulesWorld", "DelveCore"], path: "Tests/RulesWorldTests"),
        .testTarget(name: "DungeonWorldTests", dependencies: ["DungeonWorld", "DelveCore"], path: "Tests/DungeonWorldTests"),
        .testTarget(name: "DelveEvalTests", dependencies: ["DelveEval", "DelveAgents", "WorldCatalog", "DelveCore"], path: "Tests/DelveEvalTests"),
        .testTarget(name: "DelvePlayTests", dependencies: ["DelvePlay", "WorldCatalog", "DelveCore"], path: "Tests/DelvePlayTests"),
        .testTarget(name: "DelveProtocolTests", dependencies: ["DelveProtocol", "DelvePlay", "WorldCatalog", "DelveCore"], path: "Tests/DelveProtocolTests"),
        .testTarget(name: "DelveReportTests", dependencies: ["DelveReport", "DelveEval", "DelveAgents", "WorldCatalog", "DelveCore"],
                    path: "Tests/DelveReportTests"),
        .testTarget(name: "DelveImageTests", dependencies: ["DelveImage", "CZlib", "WorldCatalog", "DelveCore"], path: "Tests/DelveImageTests"),
        .testTarget(name: "EndToEndTests", dependencies: [], path: "Tests/EndToEndTests"),
    ]
)
