import Foundation

/// An OpenAI-compatible chat endpoint on loopback, scripted in Python's
/// standard library: it answers each request with an action chosen by a hash
/// of the messages (so equal prompts get equal answers and runs repeat
/// exactly), with usage, plain or streamed as the request asks; and it can
/// fail with HTTP 503 for a while, starting at a given request, as a real
/// outage does. Every request body is appended to `requests.jsonl`.
final class ScriptedEndpoint {
    /// The server script: argv is OUTAGE_AT (0 for none), OUTAGE_SECONDS, REQUEST_LOG.
    static let script = #"""
        import hashlib, json, sys, threading, time
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
        outage_at, outage_seconds, log_path = int(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
        lock = threading.Lock()
        state = {"count": 0, "outage_from": None}
        ACTIONS = ["turn left", "turn right", "go forward"]
        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                with lock:
                    state["count"] += 1
                    if state["count"] == outage_at:
                        state["outage_from"] = time.monotonic()
                    start = state["outage_from"]
                    with open(log_path, "ab") as log:
                        log.write(body.replace(b"\n", b" ") + b"\n")
                if start is not None and time.monotonic() - start < outage_seconds:
                    return self.send(503, "application/json", json.dumps({"error": {"message": "scripted outage"}}))
                request = json.loads(body)
                text = json.dumps(request["messages"], sort_keys=True)
                action = ACTIONS[int(hashlib.sha256(text.encode()).hexdigest(), 16) % len(ACTIONS)]
                content = "<|ACTION|>%s<|END|>" % action
                usage = {"prompt_tokens": len(text) // 4, "completion_tokens": 7, "total_tokens": len(text) // 4 + 7}
                if request.get("stream"):
                    chunks = [{"choices": [{"index": 0, "delta": {"role": "assistant", "content": content}, "finish_reason": None}]},
                              {"choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]},
                              {"choices": [], "usage": usage}]
                    events = "".join("data: %s\n\n" % json.dumps(c) for c in chunks) + "data: [DONE]\n\n"
                    return self.send(200, "text/event-stream", events)
                self.send(200, "application/json", json.dumps({
                    "id": "scripted", "object": "chat.completion", "model": request.get("model"),
                    "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}],
                    "usage": usage}))
            def send(self, status, kind, text):
                data = text.encode()
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            def log_message(self, *args):
                pass
        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        print(server.server_address[1], flush=True)
        server.serve_forever()
        """#

    private let process = Process()
    /// The API root to give `llm_agent.py --base-url`.
    let baseURL: String
    /// Where every request body is appended, one per line.
    let requestLog: URL

    /// Starts the endpoint; with `outageAt`, request number `outageAt` and
    /// every request in the `outageSeconds` after it get HTTP 503.
    init(in directory: URL, outageAt: Int = 0, outageSeconds: Double = 0) throws {
        let file = directory.appendingPathComponent("scripted_endpoint_\(UUID().uuidString.prefix(8)).py")
        try Self.script.write(to: file, atomically: true, encoding: .utf8)
        requestLog = directory.appendingPathComponent("requests-\(UUID().uuidString.prefix(8)).jsonl")
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", file.path, String(outageAt), String(outageSeconds), requestLog.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while let byte = try output.fileHandleForReading.read(upToCount: 1), let first = byte.first, first != UInt8(ascii: "\n") {
            line.append(first)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self)) else {
            kill(process.processIdentifier, SIGKILL)
            throw CocoaError(.fileReadCorruptFile)
        }
        baseURL = "http://127.0.0.1:\(port)/v1"
    }

    /// The `--agent` value that plays against this endpoint with `Agents/python/llm_agent.py`:
    /// robust format, no retries (each failure ends its episode at once).
    var agent: String {
        let script = ProtocolSpec.root.appendingPathComponent("Agents/python/llm_agent.py").path
        return "python3 '\(script)' --base-url \(baseURL) --model scripted --format robust --retries 0 --timeout 20"
    }

    /// Stops the server: SIGKILL, since a child inherits the test process's
    /// blocked signals and may never see a SIGTERM.
    func stop() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}
