import Foundation
import Testing

/// Issue 20's input findings, as a user meets them: a real agent process
/// sending hostile numbers and text, a real run directory with a corrupt
/// line, a real socket with ids beyond 64 bits, and the report opened in
/// real Chromium. Each failed before the fix.
@Suite(.serialized) struct HostileInputEndToEndTests {
    @Test func anAgentsHugeUsageAndControlSequencesStopNeitherTheRunNorTheResumeNorTheTerminal() throws {
        let dir = try DelveBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let agent = try HostileAgent.command(in: dir)
        let run = try DelveBinary.run(["eval", "--task", "grid/goto", "--episodes", "2", "--agent", agent, "--run-id", "r"], directory: dir)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stdout.contains("\u{1B}") && !run.stderr.contains("\u{1B}]"), "\(run.stdout)")
        let summary = try JSONFiles.object(dir.appendingPathComponent("runs/r/summary.json"))
        let overall = try #require(summary["overall"] as? [String: Any])
        #expect((overall["prompt_tokens"] as? Int) == Int.max)
        #expect((overall["cost_usd"] as? Double) == Double.greatestFiniteMagnitude)
        #expect(run.stdout.contains("9.22e+18") && run.stdout.contains("$1.8e+308"), "\(run.stdout)")
        for name in ["summary.md", "summary.csv"] {
            let text = try String(contentsOf: dir.appendingPathComponent("runs/r/\(name)"), encoding: .utf8)
            #expect(!text.contains("\u{1B}"), "\(name)")
        }
        // --resume of the finished run sums the same numbers again, and so does merge's reading of it.
        let resumed = try DelveBinary.run(["eval", "--resume", "runs/r", "--agent", agent], directory: dir)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let replay = try DelveBinary.run(["replay", "runs/r", "1"], directory: dir)
        #expect(replay.status == 0, "\(replay.stderr)")
        #expect(replay.stdout.contains("^[]0;pwned^G^[[2Jgo forward"), "\(replay.stdout.prefix(2000))")
        #expect(replay.stdout.contains("<U+009B>31m<b>x</b>"))
        #expect(!replay.stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) })
    }

    @Test func aProgressOfAMillionInEpisodesJSONLIsRefusedByLineAndChangesNothing() throws {
        let dir = try DelveBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try DelveBinary.run(["eval", "--task", "grid/goto", "--episodes", "2", "--agent", "expert", "--run-id", "r"], directory: dir)
        try #require(run.status == 0, "\(run.stderr)")
        let file = dir.appendingPathComponent("runs/r/episodes.jsonl")
        let original = try String(contentsOf: file, encoding: .utf8)
        let lines = original.split(separator: "\n").map(String.init)
        try #require(lines[1].contains(#""progress":100,"#))
        let corrupt = [lines[0], lines[1].replacingOccurrences(of: #""progress":100,"#, with: #""progress":1e6,"#)]
            .joined(separator: "\n") + "\n"
        try Data(corrupt.utf8).write(to: file)
        let resumed = try DelveBinary.run(["eval", "--resume", "runs/r", "--agent", "expert"], directory: dir)
        #expect(resumed.status == 2)
        #expect(resumed.stderr.contains("episodes.jsonl line 2 is not an episode record: progress 1000000.0 is outside 0…100; nothing was changed"),
                "\(resumed.stderr)")
        #expect(try String(contentsOf: file, encoding: .utf8) == corrupt)
        let merged = try DelveBinary.run(["merge", "runs/r", "--out", "merged"], directory: dir)
        #expect(merged.status == 2 && merged.stderr.contains("progress 1000000.0 is outside 0…100"), "\(merged.stderr)")
    }

    @Test func serveEchoesEveryIDAsSentOverASocket() throws {
        let server = try ListeningServer(["127.0.0.1:0"])
        defer { _ = server.stop() }
        let client = try SocketClient(server.address)
        for id in ["18446744073709551616", "-1.50", "1e40", "0.000", #""x\u0000""#] {
            let answer = try #require(client.call(#"{"jsonrpc":"2.0","id":\#(id),"method":"worlds/list"}"#))
            #expect(answer.hasPrefix(#"{"id":\#(id),"#), "\(answer.prefix(60))")
        }
        let reset = try #require(client.call(#"{"jsonrpc":"2.0","id":1,"method":"env/reset","params":{"task":"grid/goto","seed":9007199254740992}}"#))
        #expect(reset.contains(#"param \"seed\" must be a whole number from 0 to 9007199254740991, not 9007199254740992"#), "\(reset)")
    }

    @Test(arguments: [
        (["eval", "--task", "grid/goto", "--first-seed", "9007199254740992"], "--first-seed must be a whole number from 0 to 9007199254740991"),
        (["eval", "--task", "grid/goto", "--episodes", "2", "--first-seed", "9007199254740991"], "run past the largest seed 9007199254740991"),
        (["play", "grid/goto", "--seed", "9007199254740992"], "--seed must be a whole number from 0 to 9007199254740991"),
        (["eval", "--task", "grid/goto", "--episodes", "900719925474099"], "--episodes must be at most 1000000"),
        (["eval", "--task", "grid/goto", "--run-id", String(repeating: "a", count: 250)], "(250 characters)' is not a plain name; use 1 to 200"),
        (["eval", "--task", "grid/goto", "--run-id", "a\u{1B}[2J"], "run id 'a^[[2J' is not a plain name"),
    ])
    func seedsAndRunIDsAreUsageErrorsWhenParsed(arguments: [String], message: String) throws {
        let dir = try DelveBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try DelveBinary.run(arguments, directory: dir)
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains(message) && !run.stderr.contains("\u{1B}"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("runs").path), "nothing was started")
    }

    @Test(.enabled(if: HeadlessChromium.isInstalled, "chromium is not installed (.ci/run installs it)"))
    func aCraftedAgentCommandRunsNoScriptWhenTheReportIsOpened() throws {
        let dir = try DelveBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let agent = try HostileAgent.command(in: dir)
        let payload = #"'"><script>document.title="PWNED";document.documentElement.dataset.pwned=1</script>"#
            + #"<img src=x onerror=document.documentElement.dataset.pwned=2>'"#
        let run = try DelveBinary.run(["eval", "--task", "grid/goto", "--episodes", "1", "--agent", agent + " " + payload,
                                       "--run-id", "r"], directory: dir)
        try #require(run.status == 0, "\(run.stderr)")
        let made = try DelveBinary.run(["report", "runs/r", "--out", "r.html"], directory: dir)
        try #require(made.status == 0, "\(made.stderr)")
        let opened = try HeadlessChromium.dom(dir.appendingPathComponent("r.html"), scratch: dir)
        #expect(opened.status == 0, "\(opened.stderr)")
        let html = opened.stdout
        #expect(!html.contains("data-pwned"), "the crafted command ran script")
        let title = try #require(html.components(separatedBy: "<title>").dropFirst().first?.components(separatedBy: "</title>").first)
        #expect(title.hasPrefix("Delve report: r (python3 ") && title.contains("&lt;script&gt;document.title=\"PWNED\""), "\(title)")
        let dom = PageDOM(html: html)
        #expect(dom.bodyAttribute("data-errors") == "0", "\(dom.bodyAttribute("data-error-text") ?? "")")
        // A link with a malformed escape opens the page as without one.
        let linked = PageDOM(html: try HeadlessChromium.dom(dir.appendingPathComponent("r.html"), fragment: "selftest&task=%E0%A4%A",
                                                            scratch: dir).stdout)
        #expect(linked.bodyAttribute("data-errors") == "0", "\(linked.bodyAttribute("data-error-text") ?? "")")
        #expect(linked.bodyAttribute("data-browser-ready") == "yes")
    }
}
