import Foundation
import Testing

/// `delve serve` as a client sees it: the examples of docs/protocol.md run
/// against the real binary, traffic checked against docs/schema, and the
/// Python client playing through it.
@Suite struct ServeEndToEndTests {
    @Test func everyExampleInTheSpecIsAnsweredByteForByte() throws {
        let spec = try ProtocolSpec.load()
        let run = try DelveBinary.run(spec.serveArguments, input: spec.input)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stderr.isEmpty)
        let answers = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        let expected = spec.examples.compactMap(\.response)
        #expect(answers.count == expected.count)
        for (answer, example) in zip(answers, expected) where answer != example {
            Issue.record("expected \(example)\ngot      \(answer)")
        }
    }

    /// Every method the binary says it answers (in `initialize`) has an
    /// example in the page and a schema; every error code has an example or a row.
    @Test func theSpecCoversEveryMethodAndErrorCode() throws {
        let spec = try ProtocolSpec.load()
        let hello = try DelveBinary.run(["serve"], input: #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocol_version":"1.0"}}"# + "\n")
        let answer = try JSONSerialization.jsonObject(with: Data(hello.stdout.utf8)) as? [String: Any]
        let methods = try #require((answer?["result"] as? [String: Any])?["methods"] as? [String])
        #expect(methods.contains("env/step"))
        let schemas = ProtocolSpec.root.appendingPathComponent("docs/schema")
        for method in methods {
            #expect(spec.examples.contains { $0.request.contains(#""method":"\#(method)""#) }, "no example of \(method) in docs/protocol.md")
            let schema = schemas.appendingPathComponent(method.replacingOccurrences(of: "/", with: "-") + ".json")
            #expect(FileManager.default.fileExists(atPath: schema.path), "no schema docs/schema/\(schema.lastPathComponent) for \(method)")
        }
        let shown = spec.examples.compactMap(\.response).joined()
        for code in [-32700, -32600, -32601, -32602, -32000, -32001, -32002, -32003, -32004, -32005, -32006, -32007] {
            #expect(shown.contains(#""code":\#(code)"#), "no example of error \(code)")
        }
        for code in [-32603, -32008, -32009, -32010] {
            #expect(spec.text.contains("| \(code) |"), "no row for error \(code)")
        }
    }

    @Test func realTrafficMatchesTheSchemas() throws {
        let python = try #require(Python.venv, "the tests' venv with jsonschema could not be made (pip from PyPI)")
        let spec = try ProtocolSpec.load()
        // Every task's traffic goes in before the session's closing `shutdown`.
        var requests = spec.examples.dropLast().map(\.request)
        for (index, task) in ["grid/goto", "grid/pickup", "grid/open", "grid/putnext", "grid/pick_up_seq_go_to", "grid/boss"].enumerated() {
            let env = "env-\(index + 1)"
            requests += [
                #"{"jsonrpc":"2.0","id":"r\#(index)","method":"env/reset","params":{"task":"\#(task)","seed":\#(index),"map":true,"image":\#(index % 2 == 0 ? "true" : #"{"view":"full","tile_size":4}"#)}}"#,
                #"[{"jsonrpc":"2.0","id":"s\#(index)","method":"env/step","params":{"env":"\#(env)","action":"go forward"}},{"jsonrpc":"2.0","id":"t\#(index)","method":"env/step","params":{"env":"\#(env)","action":"pick up"}}]"#,
                #"{"jsonrpc":"2.0","id":"a\#(index)","method":"env/render","params":{"env":"\#(env)","style":"ansi"}}"#,
            ]
        }
        // Pictures of the other visual families.
        requests += [#"{"jsonrpc":"2.0","id":"c","method":"env/reset","params":{"task":"craft/balrog","image":true}}"#,
                     #"{"jsonrpc":"2.0","id":"b","method":"env/reset","params":{"task":"rules/goto_win","image":{"tile_size":8}}}"#]
        // A token is ignored by a server without one; the idle timeout shows in the limits.
        requests.append(#"{"jsonrpc":"2.0","id":"tok","method":"initialize","params":{"protocol_version":"1.0","token":"unused"}}"#)
        requests += spec.examples.suffix(1).map(\.request)
        let run = try DelveBinary.run(["serve", "--idle-timeout", "600"], input: requests.joined(separator: "\n") + "\n")
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stdout.contains(#""idle_timeout":600,"#))
        #expect(run.stdout.contains(#""id":"a5""#) && run.stdout.hasSuffix(#"{"id":36,"jsonrpc":"2.0","result":{}}"# + "\n"))
        let traffic = try DelveBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: traffic) }
        try (requests.joined(separator: "\n") + "\n").write(to: traffic.appendingPathComponent("requests.jsonl"), atomically: true, encoding: .utf8)
        try run.stdout.write(to: traffic.appendingPathComponent("responses.jsonl"), atomically: true, encoding: .utf8)
        let check = try DelveBinary.run(executable: python, ["-c", Python.validateTraffic,
                                                             ProtocolSpec.root.appendingPathComponent("docs/schema").path, traffic.path])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("valid:"), "\(check.stdout)")
    }

    @Test(.enabled(if: Python.available, "python3 is not installed"))
    func thePythonClientPlaysThroughServe() throws {
        let script = ProtocolSpec.root.appendingPathComponent("Agents/python/test_delve_client.py").path
        let run = try Python.run([script], environment: ["DELVE": DelveBinary.url.path])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.contains("OK"))
    }

    @Test func aHugeLineIsSkippedAndServingGoesOn() throws {
        let huge = #"{"jsonrpc":"2.0","id":1,"method":"env/step","params":{"action":""# + String(repeating: "x", count: 10 << 20) + #""}}"#
        let next = #"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#
        let run = try DelveBinary.run(["serve", "--max-line-bytes", "65536"], input: huge + "\n" + next + "\n")
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.contains(#""code":-32000"#) == true)
        #expect(lines.last == #"{"id":2,"jsonrpc":"2.0","result":{}}"#)
    }

    @Test func endOfInputEndsServingCleanly() throws {
        let run = try DelveBinary.run(["serve"], input: #"{"jsonrpc":"2.0","id":1,"method":"worlds/list"}"#)
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix(#"{"id":1,"jsonrpc":"2.0","result":{"families":"#))
        #expect(run.stdout.hasSuffix("}\n"))
    }

    @Test(arguments: [["serve", "--max-envs", "0"], ["serve", "--max-line-bytes", "-1"], ["serve", "--max-snapshots", "x"],
                      ["serve", "--spin-us", "1000001"]])
    func badLimitsAreUsageErrors(_ arguments: [String]) throws {
        let run = try DelveBinary.run(arguments)
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix("delve: "))
        #expect(run.stderr.split(separator: "\n").count == 1)
    }
}
