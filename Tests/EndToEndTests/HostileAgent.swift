import Foundation

/// A Python agent that answers every `act` with hostile values: drawn from
/// `random.Random(SEED)` when given a seed (the fuzz), else always the worst
/// fixed ones. It is written into a test's folder and run by
/// `delve eval --agent "python3 FILE [SEED]"`.
enum HostileAgent {
    static let script = #"""
        import json, random, sys
        seed = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else None
        draw = random.Random(seed)
        texts = ["go forward", "\x1b]0;pwned\x07\x1b[2Jgo forward", "\x9b31m\u202e<script>alert(1)</script>",
                 "a|b *c* [d](e) `f` \r\n# g", "=HYPERLINK(\"x\"),\"q\"", "", "\u0000\u007f", "é✓" * 50]
        tokens = [0, 1, 2**31, 2**53, 2**63 - 1, -1, 2**64, 1.5, 1e308, "10", None]
        costs = [0, 0.001, 1e308, 1.7976931348623157e308, -1, -1e-9, 10**30, "1", None]
        def fixed():
            return {"action": "\x1b]0;pwned\x07\x1b[2Jgo forward", "reasoning": "\x1b[2J\x9b31m<b>x</b>",
                    "usage": {"prompt_tokens": 2**63 - 1, "completion_tokens": 2**63 - 1, "cost_usd": 1e308}}
        def drawn():
            result = {"action": draw.choice(texts)}
            if draw.random() < 0.5: result["reasoning"] = draw.choice(texts)
            if draw.random() < 0.8:
                usage = {}
                for key, values in (("prompt_tokens", tokens), ("completion_tokens", tokens), ("cost_usd", costs)):
                    if draw.random() < 0.7: usage[key] = draw.choice(values)
                result["usage"] = usage
            return result
        for line in sys.stdin:
            request = json.loads(line)
            method, result = request["method"], {}
            if method == "initialize":
                result = {"protocol_version": "1.0"}
            elif method == "act":
                result = fixed() if seed is None else drawn()
            sys.stdout.write(json.dumps({"jsonrpc": "2.0", "id": request["id"], "result": result}) + "\n")
            sys.stdout.flush()
            if method == "shutdown":
                break
        """#

    /// Writes the agent into `directory`; returns the `--agent` value that runs it (with `seed`, when given).
    static func command(in directory: URL, seed: Int? = nil) throws -> String {
        let file = directory.appendingPathComponent("hostile_agent.py")
        try script.write(to: file, atomically: true, encoding: .utf8)
        return "python3 '\(file.path)'" + (seed.map { " \($0)" } ?? "")
    }
}
