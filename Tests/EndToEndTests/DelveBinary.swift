import Foundation

/// The output of one run of the built `delve` binary.
struct DelveRun {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs the `delve` binary that `swift build` put beside the test bundle, as a
/// user would: real process, real pipes.
enum DelveBinary {
    /// The binary's path: the build products folder that holds this test bundle.
    static var url: URL {
        var dir = Bundle.main.bundleURL
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            dir = bundle.bundleURL.deletingLastPathComponent()
        }
        let candidate = dir.appendingPathComponent("delve")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        // Fall back to the products folder named by the test runner's own path.
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("delve")
    }

    /// Runs `delve` with `arguments`, feeding `input` on stdin, in `directory`.
    static func run(_ arguments: [String], input: String = "", directory: URL? = nil,
                    environment: [String: String] = [:]) throws -> DelveRun {
        try run(executable: url, arguments, input: input, directory: directory, environment: environment)
    }

    /// Runs any program the same way (e.g. `python3` driving `delve`).
    static func run(executable: URL, _ arguments: [String], input: String = "", directory: URL? = nil,
                    environment: [String: String] = [:]) throws -> DelveRun {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Read both pipes concurrently so a chatty child never blocks on a full pipe.
        let outBox = DataBox(), errBox = DataBox()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { outBox.data = stdout.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter()
        DispatchQueue.global().async { errBox.data = stderr.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        group.wait()
        process.waitUntilExit()
        return DelveRun(status: process.terminationStatus,
                        stdout: String(decoding: outBox.data, as: UTF8.self),
                        stderr: String(decoding: errBox.data, as: UTF8.self))
    }

    /// Starts `delve` with `arguments` in `directory` and returns at once,
    /// its standard streams sent to /dev/null, so a test can kill it at any moment.
    static func start(_ arguments: [String], directory: URL) throws -> Process {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// A fresh temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("delve-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

private final class DataBox: @unchecked Sendable {
    var data = Data()
}
