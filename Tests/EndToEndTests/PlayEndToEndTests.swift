import Foundation
import Testing

@Suite struct PlayEndToEndTests {
    @Test func pipedActionsPlayInPlainTextAndExitZeroAtEOF() throws {
        let run = try DelveBinary.run(["play", "grid/goto", "--seed", "7"], input: "go forward\nturn left\n")
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        #expect(run.stdout.unicodeScalars.allSatisfy { $0.isASCII && $0 != "\u{1B}" }, "plain ASCII, no escapes")
        for part in ["grid/goto  seed 7", "Mission   go to ", "step 0/", "> go forward\n", "> turn left\n", "step 1/"] {
            #expect(run.stdout.contains(part), "\(part)")
        }
        #expect(run.stdout.split(separator: "\n").last?.hasPrefix("Bye. grid/goto seed 7: step ") == true)
    }

    /// A text adventure reads as one: the room, the score on the status line, shortcuts, plain refusals.
    @Test func textCookingPlaysLikeATextAdventure() throws {
        let run = try DelveBinary.run(["play", "text/cooking", "--seed", "3", "--no-color"], input: "l\ni\nopen glass door\nw\nfly\n")
        #expect(run.status == 0)
        for part in ["text/cooking  seed 3", "-= Shed =-", "Status    Score 0/15. Carrying: nothing.", "Feedback  You look around.",
                     "Feedback  You are carrying nothing.", "Feedback  You open the glass door.", "Feedback  You go west.",
                     "I don't know the verb 'fly'. Try look, go north, examine X, take X, open X or inventory. (No step used.)\n", "step 4/80"] {
            #expect(run.stdout.contains(part), "\(part)")
        }
    }

    /// A bare family name plays the family's first task; the craft view shows vitals and achievements.
    @Test func aBareFamilyPlaysItsFirstTask() throws {
        let run = try DelveBinary.run(["play", "craft", "--seed", "1"], input: "Move West\nDo\n")
        #expect(run.status == 0, "\(run.stderr)")
        for part in ["craft/balrog  seed 1", "health 9/9  food 9/9  drink 9/9  energy 9/9", "achievements 0/22", "You see:", "> Do\n"] {
            #expect(run.stdout.contains(part), "\(part)")
        }
    }

    /// On grid/pickup only "pick up" can end the episode, so every scripted step counts.
    @Test func pipedCommandsUndoAndRestart() throws {
        let input = "turn left\ngo forward\n:undo\n:bogus\n:seed x\n:restart\nturn right\n"
        let run = try DelveBinary.run(["play", "grid/pickup", "--seed", "3", "--no-color"], input: input)
        #expect(run.status == 0)
        #expect(!run.stdout.contains("\u{1B}"))
        for part in [
            "step 2/", "Took back one step.", "Restarted seed 3.",
            "Unknown command ':bogus'. Commands: :help, :map, :keys, :messages, :undo, :restart, :seed N, :quit.\n",
            ":seed needs one whole number from 0 to 9007199254740991, got 'x'. Example: :seed 9\n",
        ] {
            #expect(run.stdout.contains(part), "\(part)")
        }
        #expect(run.stdout.split(separator: "\n").last?.hasPrefix("Bye. grid/pickup seed 3: step 1/") == true)
    }

    /// Bad arguments, and what the one line on stderr must say.
    static let usageErrors: [([String], String)] = [
        (["grid/nowhere"], "unknown task 'grid/nowhere'; valid tasks: grid/goto, "),
        (["atlantis/swim", "--seed", "1"], "unknown world 'atlantis/swim'; valid worlds: grid, craft, text, rules"),
        (["grid/goto", "--seed", "abc"], "'abc'"),
        (["grid/goto", "--seed", "1.5"], "'1.5'"),
        (["grid/goto", "--seed", "99999999999999999999"], "'99999999999999999999'"),
    ]

    @Test(arguments: usageErrors)
    func aBadTaskOrSeedIsOneLineAndExitTwo(arguments: [String], mentions: String) throws {
        let run = try DelveBinary.run(["play"] + arguments)
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
        #expect(run.stderr.contains(mentions), "\(run.stderr)")
    }

    @Test(.enabled(if: Tmux.isInstalled, "tmux is not installed: the real-terminal test needs it (CI installs it)"),
          .timeLimit(.minutes(1)))
    func aPersonAtATerminalCompletesRecallsHistoryAndQuits() throws {
        let folder = try DelveBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tmux = try Tmux(folder: folder)
        defer { tmux.stop() }
        let data = folder.appendingPathComponent("data")
        let history = data.appendingPathComponent("delve/history")
        try FileManager.default.createDirectory(at: history.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("turn left\n".utf8).write(to: history)
        let status = folder.appendingPathComponent("status")
        try tmux.run(["play", "grid/goto", "--seed", "7", "--typed"], environment: ["XDG_DATA_HOME": data.path], statusFile: status)

        try tmux.waitForScreen("the first screen") { $0.contains("step 0/") }
        try tmux.send(literal: "go f")
        try tmux.send(keys: "Tab")
        try tmux.waitForScreen("TAB to complete 'go f'") { $0.promptLine == "> go forward" }
        try tmux.send(keys: "Enter")
        try tmux.waitForScreen("the step to be played") { $0.contains("step 1/") }
        #expect(try !tmux.screen().contains("step 0/"), "the screen is redrawn, not appended to")

        try tmux.send(keys: "Up")
        try tmux.waitForScreen("Up to recall 'go forward'") { $0.promptLine == "> go forward" }
        try tmux.send(keys: "Up")
        try tmux.waitForScreen("Up to recall the last session's 'turn left'") { $0.promptLine == "> turn left" }
        try tmux.send(keys: "Down")
        try tmux.waitForScreen("Down to come back to 'go forward'") { $0.promptLine == "> go forward" }
        try tmux.send(keys: "C-u")
        try tmux.waitForScreen("Ctrl-U to clear the line") { $0.promptLine == ">" }

        try tmux.send(literal: ":he")
        try tmux.send(keys: "Tab", "Enter")
        try tmux.waitForScreen("the help") { $0.count("start a new episode with seed N") == 1 }
        try tmux.send(keys: "Up")
        try tmux.waitForScreen("Up to recall ':help'") { $0.promptLine == "> :help" }
        try tmux.send(keys: "Enter")
        try tmux.waitForScreen("the help again") { $0.count("start a new episode with seed N") == 2 }

        try tmux.send(literal: ":quit")
        try tmux.send(keys: "Enter")
        #expect(try tmux.waitForExit(statusIn: status) == "0")
        #expect(try tmux.screen().contains("Bye. grid/goto seed 7: step 1/"))

        // Loaded, appended to, and a repeated line kept once.
        #expect(try String(contentsOf: history, encoding: .utf8) == "turn left\ngo forward\n:help\n:quit\n")
    }
}

extension PlayEndToEndTests {
    /// In a text adventure TAB completes commands with their object names, and the shortcuts work.
    @Test(.enabled(if: Tmux.isInstalled, "tmux is not installed: the real-terminal test needs it (CI installs it)"),
          .timeLimit(.minutes(1)))
    func aTextAdventureCompletesObjectNames() throws {
        let folder = try DelveBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tmux = try Tmux(folder: folder)
        defer { tmux.stop() }
        let status = folder.appendingPathComponent("status")
        try tmux.run(["play", "text/cooking", "--seed", "3"], environment: ["XDG_DATA_HOME": folder.appendingPathComponent("data").path],
                     statusFile: status)
        try tmux.waitForScreen("the first screen") { $0.contains("Score 0/15") }
        try tmux.send(literal: "open g")
        try tmux.send(keys: "Tab")
        try tmux.waitForScreen("TAB to complete 'open g'") { $0.promptLine == "> open glass door" }
        try tmux.send(keys: "Enter")
        try tmux.waitForScreen("the door to open") { $0.contains("You open the glass door.") }
        try tmux.send(literal: "i")
        try tmux.send(keys: "Enter")
        try tmux.waitForScreen("the inventory") { $0.contains("You are carrying nothing.") }
        try tmux.send(literal: ":quit")
        try tmux.send(keys: "Enter")
        #expect(try tmux.waitForExit(statusIn: status) == "0")
    }
}

/// A private tmux server (its own socket in a temporary folder, no user configuration) with one
/// 100x40 pane that stays after its program exits, so its last screen can be read.
struct Tmux {
    static let executable: URL? = (ProcessInfo.processInfo.environment["PATH"] ?? "")
        .split(separator: ":")
        .map { URL(fileURLWithPath: String($0)).appendingPathComponent("tmux") }
        .first { FileManager.default.isExecutableFile(atPath: $0.path) }

    static var isInstalled: Bool { executable != nil }

    let socket: URL
    let configuration: URL
    let outputFile: URL

    /// A server whose socket, configuration and output live in `folder`.
    init(folder: URL) throws {
        socket = folder.appendingPathComponent("tmux.socket")
        configuration = folder.appendingPathComponent("tmux.conf")
        outputFile = folder.appendingPathComponent("tmux.out")
        try Data("set-option -g remain-on-exit on\n".utf8).write(to: configuration)
    }

    /// Starts `delve arguments` in a detached session, with `environment`
    /// added, through a shell that writes delve's exit status to `statusFile`
    /// when it ends (tmux's own record of it is not reliable).
    func run(_ arguments: [String], environment: [String: String], statusFile: URL) throws {
        let shell = #"env "$@"; echo $? > "$0""#
        let assignments = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        try tmux(["new-session", "-d", "-s", "play", "-x", "100", "-y", "40", "/bin/sh", "-c", shell, statusFile.path]
            + assignments + [DelveBinary.url.path] + arguments)
    }

    /// Starts `script` in a detached session, run by /bin/sh with `arguments` as $1, $2, …
    func run(script: String, arguments: [String]) throws {
        try tmux(["new-session", "-d", "-s", "play", "-x", "100", "-y", "40", "/bin/sh", "-c", script, "sh"] + arguments)
    }

    func send(literal text: String) throws { try tmux(["send-keys", "-t", "play", "-l", text]) }

    func send(keys: String...) throws { try tmux(["send-keys", "-t", "play"] + keys) }

    /// The pane's text now.
    func screen() throws -> Screen { Screen(text: try tmux(["capture-pane", "-p", "-t", "play"])) }

    /// Polls the screen every 50 ms until `condition` holds; fails after 30 s (a machine busy with a
    /// parallel test run can take seconds to draw a screen) with what the screen showed.
    func waitForScreen(_ what: String, _ condition: (Screen) -> Bool) throws {
        var last = Screen(text: "")
        for _ in 0..<600 {
            last = try screen()
            if condition(last) { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Issue.record("timed out waiting for \(what); the screen showed:\n\(last.text)")
        throw TmuxError.timedOut(what)
    }

    /// Polls until `file` holds the exit status `run` wrote there; returns
    /// it. Fails after 30 s.
    func waitForExit(statusIn file: URL) throws -> String {
        for _ in 0..<600 {
            if let status = try? String(contentsOf: file, encoding: .utf8), status.hasSuffix("\n") {
                return status.trimmingCharacters(in: .whitespacesAndNewlines)
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Issue.record("timed out waiting for delve to exit; the screen showed:\n\(try screen().text)")
        throw TmuxError.timedOut("exit")
    }

    func stop() { _ = try? tmux(["kill-server"]) }

    /// Runs one tmux client command and returns what it printed.
    ///
    /// Not through `Process`: the first command forks the tmux server, which
    /// would inherit the test thread's blocked signal mask (so neither it nor
    /// delve could be stopped) and the descriptor `Process` uses to notice
    /// exits (so waiting would never end). Spawned directly instead, with
    /// every signal unblocked and at its default, descriptors above 2 closed,
    /// and output to a file.
    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        guard let executable = Self.executable else { throw TmuxError.notInstalled }
        let argv = [executable.path, "-S", socket.path, "-f", configuration.path] + arguments
        let status = try spawnAndWait(argv, output: outputFile.path)
        let text = try String(contentsOf: outputFile, encoding: .utf8)
        guard status == 0 else { throw TmuxError.failed(arguments, text) }
        return text
    }

    /// What a captured pane shows.
    struct Screen {
        let text: String

        func contains(_ part: String) -> Bool { text.contains(part) }

        /// How many times `part` shows.
        func count(_ part: String) -> Int { text.components(separatedBy: part).count - 1 }

        /// The last line that starts with the prompt, without trailing spaces.
        var promptLine: String? {
            text.split(separator: "\n").last { $0.hasPrefix("> ") || $0 == ">" }
                .map { String($0).replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
        }
    }
}

enum TmuxError: Error {
    case notInstalled
    case failed([String], String)
    case timedOut(String)
    case spawn(Int32)
}

/// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34 and later), which
/// Swift's Glibc module does not declare: found at run time, nil without it.
private let addCloseFrom: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32)? =
    dlsym(nil, "posix_spawn_file_actions_addclosefrom_np").map { unsafeBitCast($0, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self) }

/// Runs `argv` (an absolute path first) with stdin from /dev/null, stdout and
/// stderr into the file at `output`, a clean signal state and no inherited
/// descriptors above 2 (where glibc can close them); returns its exit status (128 + N if killed by signal N).
private func spawnAndWait(_ argv: [String], output: String) throws -> Int32 {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    if let closeFrom = addCloseFrom {
        _ = closeFrom(&actions, 3)
    }

    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var none = sigset_t()
    sigemptyset(&none)
    posix_spawnattr_setsigmask(&attributes, &none)
    var all = sigset_t()
    sigfillset(&all)
    posix_spawnattr_setsigdefault(&attributes, &all)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

    let environment = ProcessInfo.processInfo.environment.map { "\($0.key)=\($0.value)" }
    let cArguments = argv.map { strdup($0) } + [nil]
    let cEnvironment = environment.map { strdup($0) } + [nil]
    defer { (cArguments + cEnvironment).forEach { free($0) } }

    var pid = pid_t()
    let spawned = posix_spawn(&pid, argv[0], &actions, &attributes, cArguments, cEnvironment)
    guard spawned == 0 else { throw TmuxError.spawn(spawned) }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 {
        guard errno == EINTR else { throw TmuxError.spawn(errno) }
    }
    let signal = status & 0x7f
    return signal == 0 ? (status >> 8) & 0xff : 128 + signal
}
