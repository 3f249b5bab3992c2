"""The agent-mode loop every Delve agent process shares (standard library only).

Delve starts an agent program, writes JSON-RPC 2.0 requests to its standard
input, one JSON object per line, and reads one response line per request
from its standard output (docs/protocol.md, "Agent mode"). `serve` does that
part; an agent supplies three methods:

    start_episode(params)   `episode/start`: task, seed, instructions, action_space, step_budget
    choose_action(params)   `act`: returns {"action": ..., "reasoning"?: ..., "usage"?: {...}}
    end_episode(params)     `episode/end`: progress, end_reason

Import it (`from delve_agents.agent import serve, log`) or copy this file
beside your agent; random_agent.py and llm_agent.py use it.
"""

import json
import sys

PROTOCOL_VERSION = "1.0"

# What an agent may raise when it cannot answer one request (a malformed
# request, a failed model call): answered with error -32000, which Delve
# records as agent_error, starting a fresh process for the next episode.
ANSWER_FAILURES = (ValueError, LookupError, TypeError)


def log(*parts):
    """Writes a line to standard error, which Delve saves in the run's agent-logs."""
    print(*parts, file=sys.stderr, flush=True)


def serve(agent, info, failures=()):
    """Answers Delve's requests on standard input until `shutdown` or end of input.

    `info` is the `agent` object of the `initialize` result (at least a "name");
    `failures` adds exception types that mean "could not answer this request".
    """
    handlers = {
        "initialize": lambda params: {"protocol_version": PROTOCOL_VERSION, "agent": info},
        "episode/start": lambda params: agent.start_episode(params) or {},
        "act": agent.choose_action,
        "episode/end": lambda params: agent.end_episode(params) or {},
        "shutdown": lambda params: {},
    }
    for line in sys.stdin:
        request = json.loads(line)
        method = request.get("method")
        response = {"jsonrpc": "2.0", "id": request.get("id")}
        handler = handlers.get(method)
        if handler is None:
            response["error"] = {"code": -32601, "message": f"unknown method {method!r}"}
        else:
            try:
                response["result"] = handler(request.get("params") or {})
            except ANSWER_FAILURES + tuple(failures) as error:
                log(f"{method} failed: {error}")
                response["error"] = {"code": -32000, "message": f"{method} failed: {error}"}
        if "id" in request:  # a notification (no id) gets no answer
            sys.stdout.write(json.dumps(response) + "\n")
            sys.stdout.flush()
        if method == "shutdown":
            break
