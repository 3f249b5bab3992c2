import Foundation

/// Python agents for the agent-mode tests, written into a test's folder and run
/// by `delve eval --agent "python3 FILE ARGS"`.
enum AgentScripts {
    /// An agent that always answers `done` (which changes nothing, so episodes run
    /// their whole budget), and misbehaves on cue at the Nth `act` of an episode. Its arguments:
    ///
    /// - `crash N [MARKER]`: exit with status 3 at the Nth `act`, after a
    ///   line on stderr; with MARKER, only when that file does not exist yet (it creates it).
    /// - `hang N`: stop answering at the Nth `act`, forever.
    /// - `garbage`: before every answer, write lines that are not the response.
    /// - `close N`: close stdout at the Nth `act` and keep running.
    /// - `exit0 N`: exit with status 0 at the Nth `act`.
    /// - `huge`: before the first answer, write a 10 MB line of garbage; answer it with 10 MB of reasoning.
    /// - `record FILE`: append every line received and sent to FILE.
    /// - `invalid`: answer every `act` with the action `fly`, reporting a raw output and a prompt.
    /// - `pid FILE`: append its process id to FILE at every `episode/start`.
    /// - `detach FILE`: at its first `act`, fork a child that starts a process session of its own
    ///   and sleeps (its line in FILE: `child PID`); at the second `episode/start`, write `hanging` in FILE
    ///   and then never answer.
    /// - `orphan N FILE`: at the Nth `act`, fork a child that keeps stdout open and sleeps (`child PID` in FILE),
    ///   then exit with status 5.
    /// - `flood BYTES`: at the first `act`, write BYTES bytes on stderr and answer with 1 MB of reasoning and raw output.
    /// - `spam N`: at the first `act`, write N lines on stdout that are not the response.
    static let faulty = #"""
        import json, os, sys, time
        args = sys.argv[1:]
        acts = 0
        episodes = 0
        forked = False
        def sleeper(file, session):
            if os.fork() == 0:
                if session: os.setsid()
                with open(file, "a") as f: f.write("child %d\n" % os.getpid())
                time.sleep(100000)
                os._exit(0)
        record = open(args[1], "a") if args[:1] == ["record"] else None
        def send(message):
            line = json.dumps(message)
            if record: record.write("out " + line + "\n"); record.flush()
            sys.stdout.write(line + "\n"); sys.stdout.flush()
        for line in sys.stdin:
            if record: record.write("in " + line); record.flush()
            request = json.loads(line)
            method, params = request["method"], request.get("params", {})
            result = {}
            if method == "initialize":
                result = {"protocol_version": "1.0"}
            elif method == "episode/start":
                acts = 0
                episodes += 1
                if args[:1] == ["detach"] and episodes == 2:
                    with open(args[1], "a") as f: f.write("hanging\n")
                    time.sleep(100000)
                if args[:1] == ["pid"]:
                    with open(args[1], "a") as f: f.write("%d\n" % os.getpid())
            elif method == "act":
                acts += 1
                when = int(args[1]) if len(args) > 1 and args[1].isdigit() else 0
                if args[:1] == ["crash"] and acts == when:
                    marker = args[2] if len(args) > 2 else None
                    if marker is None or not os.path.exists(marker):
                        if marker: open(marker, "w").close()
                        print("boom at act %d" % acts, file=sys.stderr, flush=True)
                        sys.exit(3)
                if args[:1] == ["hang"] and acts == when:
                    time.sleep(100000)
                if args[:1] == ["close"] and acts == when:
                    os.close(1)
                    time.sleep(100000)
                if args[:1] == ["exit0"] and acts == when:
                    sys.exit(0)
                if args[:1] == ["detach"] and not forked:
                    forked = True
                    sleeper(args[1], True)
                if args[:1] == ["orphan"] and acts == when:
                    sleeper(args[2], False)
                    print("leaving at act %d" % acts, file=sys.stderr, flush=True)
                    os._exit(5)
                if args[:1] == ["garbage"]:
                    sys.stdout.write("thinking...\n{not json\n")
                    sys.stdout.write(json.dumps({"jsonrpc": "2.0", "id": 999999, "result": {"action": "done"}}) + "\n")
                    sys.stdout.write(json.dumps({"jsonrpc": "2.0", "method": "log", "params": {}}) + "\n")
                result = {"action": "done",
                          "usage": {"prompt_tokens": 10, "completion_tokens": 2, "cost_usd": 0.001}}
                if args[:1] == ["invalid"]:
                    result.update(action="fly", raw="I would rather <|ACTION|>fly<|END|>",
                                  prompt=json.dumps([{"role": "user", "content": params["observation"]["text"]}]))
                if args[:1] == ["flood"] and acts == 1:
                    chunk = "e" * 65536
                    for _ in range(int(args[1]) // 65536): sys.stderr.write(chunk)
                    sys.stderr.write("flood ends\n"); sys.stderr.flush()
                    result.update(reasoning="y" * 1_000_000, raw="z" * 1_000_000)
                if args[:1] == ["spam"] and acts == 1:
                    sys.stdout.write("not json\n" * int(args[1]))
                if args[:1] == ["huge"] and acts == 1:
                    sys.stdout.write("x" * 10_000_000 + "\n")
                    result["reasoning"] = "y" * 10_000_000
            send({"jsonrpc": "2.0", "id": request["id"], "result": result})
            if method == "shutdown":
                break
        """#

    /// An agent that answers the Nth request with the Nth line of the file argv[1],
    /// whatever it is, and appends every request to the file argv[2].
    static let scripted = #"""
        import sys
        answers = open(sys.argv[1]).read().splitlines()
        record = open(sys.argv[2], "a")
        for line, answer in zip(sys.stdin, answers):
            record.write(line); record.flush()
            sys.stdout.write(answer + "\n"); sys.stdout.flush()
        """#

    /// Checks agent-mode traffic against docs/schema/agent (argv[1] is docs/schema):
    /// argv[2] holds lines `in JSON` (sent to the agent) and `out JSON` (its answers).
    static let validateTraffic = #"""
        import json, pathlib, sys
        from jsonschema import Draft202012Validator
        from referencing import Registry, Resource
        root = pathlib.Path(sys.argv[1])
        schemas = {p.relative_to(root).as_posix(): json.loads(p.read_text()) for p in root.glob("**/*.json")}
        registry = Registry().with_resources((s["$id"], Resource.from_contents(s)) for s in schemas.values())
        failures, checked, methods = [], 0, {}
        def check(name, instance, what, pointer=""):
            global checked
            checked += 1
            validator = Draft202012Validator({"$ref": schemas[name]["$id"] + pointer}, registry=registry)
            failures.extend(f"{what}: {e.message} at {list(e.absolute_path)}" for e in validator.iter_errors(instance))
        for line in pathlib.Path(sys.argv[2]).read_text().splitlines():
            direction, message = line[:3].strip(), json.loads(line[3:])
            if direction == "in":
                check("agent/request.json", message, "request")
                methods[message["id"]] = message["method"]
                check("agent/" + message["method"].replace("/", "-") + ".json", message["params"], message["method"] + " params", "#/$defs/params")
            else:
                check("response.json", message, "answer")
                method = methods[message["id"]]
                check("agent/" + method.replace("/", "-") + ".json", message["result"], method + " result", "#/$defs/result")
        print("\n".join(failures) if failures else f"valid: {checked} messages")
        sys.exit(1 if failures else 0)
        """#

    /// Writes the faulty agent into `directory`; returns the `--agent` value that runs it with `arguments`.
    static func faultyAgent(in directory: URL, _ arguments: String) throws -> String {
        let file = directory.appendingPathComponent("faulty_agent.py")
        try faulty.write(to: file, atomically: true, encoding: .utf8)
        return "python3 '\(file.path)' \(arguments)"
    }
}
