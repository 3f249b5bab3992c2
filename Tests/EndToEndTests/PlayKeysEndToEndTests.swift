import Foundation
import Testing

/// `delve play` at a real terminal (tmux): single keys in every family that has them, mistakes that
/// use no step, typed commands and TAB completion, and a human baseline recorded and read as any run.
@Suite(.enabled(if: Tmux.isInstalled, "tmux is not installed: the real-terminal tests need it (CI installs it)"))
struct PlayKeysEndToEndTests {
    /// A family's task, a key that plays a step in it, and a key that means nothing there.
    static let families: [(task: String, seed: String, step: String, nothing: String)] = [
        ("grid/pickup", "7", "Left", "z"),
        ("craft/balrog", "1", "Space", "z"),
        ("rules/make_win", "3", "Right", "z"),
        ("dungeon/descend", "42", "s", "Z"),
    ]

    /// Runs `delve play arguments` in a fresh tmux pane with its own data folder, and hands `body` the
    /// terminal and the file where the exit status goes; everything is removed after.
    private func playing(_ arguments: [String], _ body: (Tmux, URL) throws -> Void) throws {
        let folder = try DelveBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tmux = try Tmux(folder: folder)
        defer { tmux.stop() }
        let status = folder.appendingPathComponent("status")
        try tmux.run(["play"] + arguments, environment: ["XDG_DATA_HOME": folder.appendingPathComponent("data").path],
                     statusFile: status)
        try body(tmux, status)
    }

    @Test(.timeLimit(.minutes(1)), arguments: families)
    func eachFamilyPlaysWithSingleKeys(family: (task: String, seed: String, step: String, nothing: String)) throws {
        try playing([family.task, "--seed", family.seed, "--no-color"]) { tmux, status in
            try tmux.waitForScreen("the first screen with the keys") { $0.contains("step 0/") && $0.contains("Keys      ") }
            try tmux.send(keys: family.step)
            try tmux.waitForScreen("one key to play a step") { $0.contains("step 1/") }
            try tmux.send(literal: family.nothing)
            try tmux.waitForScreen("the unknown key to be answered") { $0.contains("The key \(family.nothing) does nothing here (no step used).") }
            #expect(try tmux.screen().contains("step 1/"), "the unknown key used no step")
            try tmux.send(keys: "C-c")
            #expect(try tmux.waitForExit(statusIn: status) == "0")
            #expect(try tmux.screen().contains("Bye. \(family.task) seed \(family.seed): step 1/"))
        }
    }

    /// NetHack's item question, the switch to typed commands (readline in cooked mode again), and back.
    @Test(.timeLimit(.minutes(1)))
    func theDungeonAsksLikeNetHackAndTheSwitchKeyTypes() throws {
        try playing(["dungeon/descend", "--seed", "42", "--no-color"]) { tmux, status in
            try tmux.waitForScreen("the first screen") { $0.contains("step 0/") }
            try tmux.send(literal: "e")
            try tmux.waitForScreen("the item question") { $0.contains("Eat what? Press an inventory letter (Esc cancels).") }
            try tmux.send(keys: "Escape")
            try tmux.waitForScreen("Esc to cancel") { $0.contains("Never mind: eat cancelled, no step used.") }
            try tmux.send(literal: "`")
            try tmux.waitForScreen("typed commands") { $0.contains("Typed commands: type an action or :help.") }
            try tmux.send(literal: "search")
            try tmux.waitForScreen("the typed line to echo") { $0.promptLine == "> search" }
            try tmux.send(keys: "Enter")
            try tmux.waitForScreen("the typed step") { $0.contains("step 1/") }
            try tmux.send(literal: "`")
            try tmux.send(keys: "Enter")
            try tmux.waitForScreen("single keys again") { $0.contains("Keys      hjklyubn/←/↓/↑/→ move") }
            try tmux.send(literal: "k")
            try tmux.send(keys: "C-c")
            #expect(try tmux.waitForExit(statusIn: status) == "0")
        }
    }

    /// A signal in raw mode puts the terminal back (line editing and echo) before delve dies of it.
    @Test(.timeLimit(.minutes(1)))
    func aSignalInKeyModeGivesTheTerminalBack() throws {
        let folder = try DelveBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tmux = try Tmux(folder: folder)
        defer { tmux.stop() }
        let pidFile = folder.appendingPathComponent("pid"), status = folder.appendingPathComponent("status")
        let settings = folder.appendingPathComponent("stty")
        // The inner shell writes its pid and becomes delve; the outer one records how it ended and the terminal after.
        let script = #"sh -c 'echo $$ > "$1"; exec "$2" play grid/pickup --seed 7' sh "$1" "$2"; echo $? > "$3"; stty -a > "$4""#
        try tmux.run(script: script, arguments: [pidFile.path, DelveBinary.url.path, status.path, settings.path])
        try tmux.waitForScreen("single keys") { $0.contains("Keys      ") }
        let pid = try #require(Int32(String(contentsOf: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(kill(pid, SIGTERM) == 0)
        #expect(try tmux.waitForExit(statusIn: status) == "\(128 + SIGTERM)", "delve died of the signal")
        var stty = ""
        for _ in 0..<100 where stty.isEmpty {
            stty = (try? String(contentsOf: settings, encoding: .utf8)) ?? ""
            Thread.sleep(forTimeInterval: 0.05)
        }
        let words = Set(stty.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init))
        #expect(words.contains("icanon") && words.contains("echo") && words.contains("isig"), "\(stty)")
    }

    /// `turn` + TAB lists both turns at once, as `turn ` + TAB does.
    @Test(.timeLimit(.minutes(1)))
    func tabListsEveryFitAtTheFirstPress() throws {
        try playing(["grid/pickup", "--seed", "7", "--typed"]) { tmux, status in
            try tmux.waitForScreen("the first screen") { $0.contains("step 0/") }
            try tmux.send(literal: "turn")
            try tmux.send(keys: "Tab")
            try tmux.waitForScreen("both turns listed") { screen in
                screen.text.split(separator: "\n").contains { $0.contains("turn left") && $0.contains("turn right") }
                    && screen.promptLine == "> turn"
            }
            try tmux.send(keys: "C-u")
            try tmux.send(literal: ":quit")
            try tmux.send(keys: "Enter")
            #expect(try tmux.waitForExit(statusIn: status) == "0")
        }
    }

    /// A person's two episodes of a suite, recorded across two sessions (the second resumes), then read by
    /// `summary`, `compare` against an agent's run of the same suite, and `report`.
    @Test(.timeLimit(.minutes(2)))
    func aHumanBaselineIsRecordedAndReadAsAnyRun() throws {
        let folder = try DelveBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let suite = folder.appendingPathComponent("tiny.json")
        try Data(#"{"name": "tiny", "summary": "two short grid episodes", "entries": [{"task": "grid/pickup", "seeds": [1, 2], "step_budget": 3}]}"#.utf8)
            .write(to: suite)
        let human = folder.appendingPathComponent("runs/alice")
        let environment = ["XDG_DATA_HOME": folder.appendingPathComponent("data").path]

        do {
            let tmux = try Tmux(folder: folder)
            defer { tmux.stop() }
            let status = folder.appendingPathComponent("status1")
            try tmux.run(["play", "--suite", suite.path, "--record", human.path, "--as", "alice", "--no-color"],
                         environment: environment, statusFile: status)
            try tmux.waitForScreen("the suite's first episode") { $0.contains("grid/pickup  seed 1") }
            try tmux.send(literal: "z")
            try tmux.waitForScreen("a wrong key") { $0.contains("(no step used)") }
            try tmux.send(keys: "Left", "Left", "Left")
            try tmux.waitForScreen("the episode recorded") { $0.contains("1 of 2 episodes recorded, in ") }
            try tmux.send(keys: "Enter")
            try tmux.waitForScreen("the next episode") { $0.contains("grid/pickup  seed 2") }
            try tmux.send(keys: "Left")
            try tmux.waitForScreen("a step of it") { $0.contains("step 1/3") }
            try tmux.send(keys: "C-c")
            #expect(try tmux.waitForExit(statusIn: status) == "0")
        }
        let lines = try String(contentsOf: human.appendingPathComponent("episodes.jsonl"), encoding: .utf8)
        #expect(lines.split(separator: "\n").count == 1, "the unfinished episode is not recorded")

        do {
            let tmux = try Tmux(folder: folder)
            defer { tmux.stop() }
            let status = folder.appendingPathComponent("status2")
            try tmux.run(["play", "--suite", suite.path, "--record", human.path, "--as", "alice", "--no-color"],
                         environment: environment, statusFile: status)
            try tmux.waitForScreen("the resume at the first unrecorded episode") { $0.contains("grid/pickup  seed 2") && $0.contains("step 0/3") }
            try tmux.send(keys: "Right", "Right", "Right")
            try tmux.waitForScreen("the last episode recorded") { $0.contains("2 of 2 episodes recorded, in ") }
            try tmux.send(keys: "Enter")
            #expect(try tmux.waitForExit(statusIn: status) == "0")
            #expect(try tmux.screen().contains("Every episode of the run is recorded, in "))
        }

        let info = try String(contentsOf: human.appendingPathComponent("run.json"), encoding: .utf8)
        #expect(info.contains(#""agent" : "human:alice""#), "\(info)")
        #expect(FileManager.default.fileExists(atPath: human.appendingPathComponent("trajectories/grid/pickup/seed-2.jsonl").path))

        let summary = try DelveBinary.run(["summary", human.path])
        #expect(summary.status == 0, "\(summary.stderr)")
        #expect(summary.stdout.contains("grid/pickup"), "\(summary.stdout)")

        let eval = try DelveBinary.run(["eval", "--suite", suite.path, "--agent", "random", "--out", "runs", "--run-id", "random"],
                                       directory: folder)
        #expect(eval.status == 0, "\(eval.stderr)")
        let compare = try DelveBinary.run(["compare", human.path, folder.appendingPathComponent("runs/random").path])
        #expect(compare.status == 0, "\(compare.stderr)")
        #expect(compare.stdout.contains("grid/pickup"), "\(compare.stdout)")

        let report = folder.appendingPathComponent("report.html")
        let made = try DelveBinary.run(["report", human.path, folder.appendingPathComponent("runs/random").path, "--out", report.path])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(try String(contentsOf: report, encoding: .utf8).contains("human:alice"))
    }

    /// Without a suite, `--record` plays the task's evaluation seeds and adds each to the run as it is recorded.
    @Test(.timeLimit(.minutes(1)))
    func aTaskAloneIsRecordedSeedBySeed() throws {
        let folder = try DelveBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = folder.appendingPathComponent("bob")
        let played = try DelveBinary.run(["play", "grid/pickup", "--record", run.path, "--as", "bob"], input: "turn left\nturn left\n")
        #expect(played.status == 0, "\(played.stderr)")
        #expect(played.stdout.contains("grid/pickup  seed 1000000"))
        #expect(!FileManager.default.fileExists(atPath: run.path), "nothing finished, nothing recorded")
        let refused = try DelveBinary.run(["play", "--suite", "smoke"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("--suite plays a suite to record it: give --record RUN_DIR too"), "\(refused.stderr)")
    }
}
