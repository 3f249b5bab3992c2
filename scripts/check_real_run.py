#!/usr/bin/env python3
"""Checks a run that a real model played behind scripts/logging_proxy.py.

    python3 scripts/check_real_run.py RUN_DIR REQUEST_LOG [--requests-at-least N]

Fails (exit 1, one line per problem) unless: no episode's newest attempt
ended agent_error; every step of every trajectory records usage (prompt
tokens, and completion tokens, which may be 0 for an empty answer); and every step's recorded prompt is, message for
message, the messages of a request the server received. Prints one summary
line on success: episodes, steps, tokens, seconds spent waiting on the model
(the agent's latency, summed) and, from summary.json's timing, the session's
wall time, steps per second and the share of it spent waiting on the model.
"""

import json
import os
import sys


def main():
    run_dir, request_log = sys.argv[1], sys.argv[2]
    problems = []
    newest = {}
    with open(os.path.join(run_dir, "episodes.jsonl")) as f:
        for line in f:
            record = json.loads(line)
            newest[(record["task"], record["seed"])] = record
    with open(os.path.join(run_dir, "run.json")) as f:
        planned = json.load(f)["episodes"]
    if len(newest) != planned:
        problems.append(f"{len(newest)} of {planned} episodes recorded")
    received = set()
    with open(request_log) as f:
        for line in f:
            body = json.loads(line)
            if "messages" in body:
                received.add(json.dumps(body["messages"], sort_keys=True))
    steps = tokens = 0
    waiting = 0.0
    for (task, seed), record in sorted(newest.items()):
        if record["end_reason"] == "agent_error":
            problems.append(f"{task} seed {seed} ended agent_error: {record.get('error')}")
        path = os.path.join(run_dir, "trajectories", task, f"seed-{seed}.jsonl")
        with open(path) as f:
            trajectory = [json.loads(line) for line in f]
        if len(trajectory) != record["steps"]:
            problems.append(f"{path}: {len(trajectory)} steps recorded, episodes.jsonl says {record['steps']}")
        for step in trajectory:
            steps += 1
            waiting += step.get("latency", 0)
            usage = step.get("usage") or {}
            # A model may answer with nothing at all (0 completion tokens); the prompt never is empty.
            if not (usage.get("prompt_tokens", 0) > 0 and usage.get("completion_tokens", -1) >= 0):
                problems.append(f"{path} step {step['step']}: no usage ({usage})")
            tokens += usage.get("prompt_tokens", 0) + usage.get("completion_tokens", 0)
            prompt = step.get("prompt")
            if prompt is None:
                problems.append(f"{path} step {step['step']}: no prompt recorded")
            elif json.dumps(json.loads(prompt), sort_keys=True) not in received:
                problems.append(f"{path} step {step['step']}: the recorded prompt is not a request the server received")
    if steps == 0:
        problems.append("no step was played")
    for problem in problems:
        print("FAIL " + problem)
    if problems:
        sys.exit(1)
    with open(os.path.join(run_dir, "summary.json")) as f:
        wall = (json.load(f).get("timing") or {}).get("wall_seconds", 0)
    pace = f", {wall:.1f} s wall, {steps / wall:.3f} steps/s, {100 * waiting / wall:.1f}% of wall time waiting" if wall else ""
    print(f"ok: {len(newest)} episodes, {steps} steps, {tokens} tokens, {waiting:.1f} s waiting on the model{pace}, "
          f"{len(received)} distinct requests received")


if __name__ == "__main__":
    main()
