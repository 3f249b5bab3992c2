import Foundation
import Testing

/// A fuzz with real processes, files and sockets, from a fixed seed: agents
/// answering with drawn hostile values, run directories with drawn hostile
/// fields, and a socket fed drawn hostile requests. Every `delve` command
/// must end with one of its documented statuses (0, 2 a usage error or a
/// refused file, 3 an incomplete run), never a trap, and serve must answer
/// every line and stay up.
@Suite(.serialized) struct HostileFuzzEndToEndTests {
    /// JSON values an attacker would try, as JSON text.
    static let hostileValues = [
        "9223372036854775807", "-9223372036854775808", "18446744073709551616", "1e308", "-1e308", "1.7976931348623157e308",
        "-1", "0", "0.5", "1e-320", "100.0000001", "9007199254740993", "null", "true", "\"\"", "[]", "{}",
        #""\u001b]0;pwned\u0007\u001b[2J<script>alert(1)</script>""#, #""a|b,c\"d\n=1""#, "[[[[[[[[1]]]]]]]]",
    ]

    static let documented: Set<Int32> = [0, 2, 3]

    static func expectNoCrash(_ run: DelveRun, _ what: String) {
        #expect(documented.contains(run.status), "\(what): status \(run.status): \(run.stderr.suffix(600))")
        #expect(!run.stderr.contains("Fatal error") && !run.stderr.contains("Backtrace"), "\(what): \(run.stderr.suffix(600))")
    }

    @Test func seededHostileAgentsFindNoCrash() throws {
        let dir = try DelveBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for seed in 1...4 {
            let agent = try HostileAgent.command(in: dir, seed: seed)
            let task = seed.isMultiple(of: 2) ? "text/cooking" : "grid/goto"
            let id = "fuzz\(seed)"
            Self.expectNoCrash(try DelveBinary.run(["eval", "--task", task, "--episodes", "3", "--agent", agent, "--run-id", id],
                                                   directory: dir), "eval seed \(seed)")
            for command in [["summary", "runs/\(id)"], ["report", "runs/\(id)"], ["replay", "runs/\(id)", "1"],
                            ["eval", "--resume", "runs/\(id)", "--agent", agent]] {
                let run = try DelveBinary.run(command, directory: dir)
                Self.expectNoCrash(run, "\(command) after seed \(seed)")
                #expect(!run.stdout.contains("\u{1B}]") && !run.stdout.contains("\u{1B}[2J"), "\(command)")
            }
        }
    }

    @Test func hostileFieldsInRunDirectoryFilesFindNoCrash() throws {
        let dir = try DelveBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let made = try DelveBinary.run(["eval", "--task", "grid/goto", "--episodes", "3", "--agent", "expert", "--run-id", "good"],
                                       directory: dir)
        try #require(made.status == 0, "\(made.stderr)")
        let good = dir.appendingPathComponent("runs/good")
        let files = ["episodes.jsonl", "run.json", "summary.json", "trajectories/grid/goto/seed-1000000.jsonl"]
        var draws = SplitMix64(seed: 0x20_2612_05)
        var statuses: [Int32: Int] = [:], mutated = 0
        for round in 0..<24 {
            let copy = dir.appendingPathComponent("runs/r\(round)")
            try FileManager.default.copyItem(at: good, to: copy)
            let file = copy.appendingPathComponent(draws.pick(files))
            let text = try String(contentsOf: file, encoding: .utf8)
            // Replace one value: the text after a drawn `"key":` up to the next `,` or `}` at that level.
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let index = draws.below(max(1, lines.count - (text.hasSuffix("\n") ? 1 : 0)))
            let keys = Self.keys(in: lines[index])
            guard !keys.isEmpty else { continue }
            let key = draws.pick(keys), value = draws.pick(Self.hostileValues)
            let before = lines[index]
            lines[index] = Self.replacing(key: key, in: lines[index], with: value)
            if lines[index] != before { mutated += 1 }
            try Data(lines.joined(separator: "\n").utf8).write(to: file)
            let id = "r\(round)"
            for command in [["summary", "runs/\(id)"], ["report", "runs/\(id)", "--out", "\(id).html"], ["replay", "runs/\(id)", "1"],
                            ["eval", "--resume", "runs/\(id)", "--agent", "expert"]] {
                let run = try DelveBinary.run(command, directory: dir)
                Self.expectNoCrash(run, "\(command) with \(file.lastPathComponent) \(key) = \(value)")
                #expect(!run.stdout.contains("\u{1B}]") && !run.stderr.contains("\u{1B}]"), "\(command)")
                statuses[run.status, default: 0] += 1
            }
        }
        print("run-directory fuzz: \(mutated) files changed; exit statuses \(statuses.sorted { $0.key < $1.key })")
        #expect(mutated >= 16 && statuses[0, default: 0] > 0 && statuses[2, default: 0] > 0, "the fuzz reached both outcomes")
    }

    /// The object keys on `line`: each `"name"` followed by `:` (compact or pretty JSON).
    static func keys(in line: String) -> [String] {
        let pattern = try? NSRegularExpression(pattern: #""([a-z_]+)" ?: ?"#)
        let whole = NSRange(line.startIndex..., in: line)
        return (pattern?.matches(in: line, range: whole) ?? []).compactMap { Range($0.range(at: 1), in: line).map { String(line[$0]) } }
    }

    /// `line` with the value of its first `"key":` replaced by `value` (the
    /// old value: up to the next `,` or `}` outside strings and brackets).
    static func replacing(key: String, in line: String, with value: String) -> String {
        guard let found = line.range(of: #""\#(key)" ?: ?"#, options: .regularExpression) else { return line }
        let range = found
        var depth = 0, inString = false, escaped = false
        var end = range.upperBound
        while end < line.endIndex {
            let character = line[end]
            if inString {
                if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == "\"" { inString = false }
            } else if character == "\"" {
                inString = true
            } else if "[{".contains(character) {
                depth += 1
            } else if "]}".contains(character) {
                if depth == 0 { break }
                depth -= 1
            } else if character == ",", depth == 0 {
                break
            }
            end = line.index(after: end)
        }
        return String(line[..<range.upperBound]) + value + String(line[end...])
    }

    @Test func hostileRequestsOverASocketAreEachAnswered() throws {
        let server = try ListeningServer(["127.0.0.1:0"])
        defer { _ = server.stop() }
        let client = try SocketClient(server.address)
        var draws = SplitMix64(seed: 0x5E_4E)
        let methods = ["env/reset", "env/step", "worlds/list", "env/render", "env/close", "initialize", "no/such"]
        let names = ["seed", "task", "env", "action", "step_budget", "options", "profile", "id", "map"]
        for round in 0..<1500 {
            var params: [String] = []
            if draws.below(4) > 0 { params.append(#""task":"grid/goto""#) }
            for _ in 0..<draws.below(4) { params.append("\"\(draws.pick(names))\":\(draws.pick(Self.hostileValues))") }
            let id = draws.below(3) == 0 ? String(repeating: "9", count: 1 + draws.below(300)) + (draws.below(2) == 0 ? ".5" : "")
                : draws.pick(Self.hostileValues.filter { !["true", "[]", "{}", "[[[[[[[[1]]]]]]]]", "null"].contains($0) })
            let line = #"{"jsonrpc":"2.0","id":\#(id),"method":"\#(draws.pick(methods))","params":{\#(params.joined(separator: ","))}}"#
            let answer = try #require(client.call(line), "no answer to line \(round): \(line)")
            let idOK = answer.contains(#""id":\#(id)"#) || answer.contains(#""id":null"#)
            #expect(idOK, "line \(round): \(line) → \(answer.prefix(200))")
        }
        #expect(client.call(#"{"jsonrpc":"2.0","id":"last","method":"worlds/list"}"#)?.hasPrefix(#"{"id":"last","#) == true)
    }
}
