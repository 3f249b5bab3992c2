"""Serve-mode throughput from Python: many envs stepped per batch line, and
the round trip of one step.

    swift build -c release
    delve-bench-serve --delve .build/release/delve            # spawns `delve serve`
    delve-bench-serve --address tcp://127.0.0.1:7777          # a running `delve serve --listen`

Prints one JSON line per measurement: the median of `--repeats` timed runs.
With a spawned server, batch stepping is also given per CPU-second of the
client and the server together, a figure that a machine busy with other
work distorts less than wall time.
Batch stepping uses DelveClient.step_many_async/step_many_wait (one
JSON-RPC batch line of `--envs` env/step requests, answered in one line,
parsed with json.loads); envs whose episode ended are reset in one more
batch line, counted in the time but not as steps. It is measured with one
line in flight (send, wait, repeat: the server idles while Python works)
and with `--lines-in-flight` lines (default 2), each stepping its own group
of `--envs` envs, as an asynchronous vector env does: the server steps one
group while Python reads the other's answer. Actions are random among the
grid's seven, seeded.
"""

import argparse
import json
import os
import random
import statistics
import time

from .binary import find_delve
from .client import DelveClient

ACTIONS = ["turn left", "turn right", "go forward", "pick up", "drop", "toggle", "done"]


def cpu_seconds(server_pid):
    """CPU time of this process plus, when known, the server's (from /proc)."""
    total = time.process_time()
    if server_pid is not None:
        with open(f"/proc/{server_pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def ended_envs(results):
    """The envs of `results` (env id to step result) whose episode ended."""
    return [env for env, result in results.items() if result["terminated"] or result["truncated"]]


def batch_run(delve, groups, seconds, rng, seeds, server_pid=None):
    """Steps each group of envs once per batch line for `seconds`, keeping a
    line in flight for every group; returns env-steps per second of wall
    time and per CPU-second (client and spawned server)."""
    steps = 0
    start, cpu = time.perf_counter(), cpu_seconds(server_pid)
    # Lines in flight, oldest first: (group, ticket) for steps, (None, ticket) for resets.
    pending = [(group, delve.step_many_async({env: rng.choice(ACTIONS) for env in group})) for group in groups]
    while time.perf_counter() - start < seconds:
        group, ticket = pending.pop(0)
        if group is None:
            delve.batch_wait(ticket)
            continue
        results = delve.step_many_wait(ticket)
        steps += len(results)
        ended = ended_envs(results)
        if ended:
            pending.append((None, delve.batch_async([("env/reset", {"env": env, "seed": next(seeds)}) for env in ended])))
        pending.append((group, delve.step_many_async({env: rng.choice(ACTIONS) for env in group})))
    elapsed, used = time.perf_counter() - start, cpu_seconds(server_pid) - cpu
    # Collect the lines still in flight, and reset what they ended, before the next run.
    ended = []
    for group, ticket in pending:
        if group is None:
            delve.batch_wait(ticket)
        else:
            ended += ended_envs(delve.step_many_wait(ticket))
    delve.batch([("env/reset", {"env": env, "seed": next(seeds)}) for env in ended])
    return steps / elapsed, steps / used


def round_trips(delve, env, count, rng, seeds):
    """Times `count` single env/step calls; returns the median in microseconds."""
    times = []
    for _ in range(count):
        begin = time.perf_counter()
        result = delve.step(env, rng.choice(ACTIONS))
        times.append(time.perf_counter() - begin)
        if result["terminated"] or result["truncated"]:
            delve.reset(env=env, seed=next(seeds))
    return statistics.median(times) * 1e6


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--delve", help="the delve binary to spawn (default: $DELVE, else delve on PATH)")
    parser.add_argument("--address", help="connect to a listening server instead: tcp://HOST:PORT or unix:/path")
    parser.add_argument("--task", default="grid/goto")
    parser.add_argument("--envs", type=int, default=64, help="envs per batch line")
    parser.add_argument("--lines-in-flight", type=int, default=2, help="batch lines kept in flight, each its own envs")
    parser.add_argument("--seconds", type=float, default=2.0, help="length of each timed run")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--round-trips", type=int, default=20000, help="single steps timed per repeat")
    arguments = parser.parse_args()
    if arguments.address:
        delve = DelveClient.connect(arguments.address)
        transport = arguments.address.split(":")[0]
    else:
        delve = DelveClient([arguments.delve or find_delve(), "serve", "--max-envs", str(max(1024, arguments.envs * arguments.lines_in_flight))])
        transport = "stdio"
    rng = random.Random(12345)
    seeds = iter(range(1_000_000, 1 << 62))
    with delve:
        in_flight = max(1, arguments.lines_in_flight)
        envs = [delve.reset(arguments.task, seed=next(seeds))[0] for _ in range(arguments.envs * in_flight)]
        server_pid = None if arguments.address else delve._process.pid
        for lines in sorted({1, in_flight}):
            groups = [envs[i * arguments.envs:(i + 1) * arguments.envs] for i in range(lines)]
            batch_run(delve, groups, 0.3, rng, seeds)  # warm up
            runs = [batch_run(delve, groups, arguments.seconds, rng, seeds, server_pid) for _ in range(arguments.repeats)]
            rates = [wall for wall, _ in runs]
            report = {"measure": "batch env-steps/s", "transport": transport, "task": arguments.task,
                      "envs_per_line": arguments.envs, "lines_in_flight": lines,
                      "median": round(statistics.median(rates)), "runs": [round(r) for r in rates]}
            if server_pid is not None:
                per_cpu = [cpu for _, cpu in runs]
                report["per_cpu_second_median"] = round(statistics.median(per_cpu))
                report["per_cpu_second_runs"] = [round(r) for r in per_cpu]
            print(json.dumps(report))
        for env in envs[1:]:
            delve.close_env(env)
        latencies = [round_trips(delve, envs[0], arguments.round_trips, rng, seeds) for _ in range(arguments.repeats)]
        print(json.dumps({"measure": "single step round trip, median us", "transport": transport, "task": arguments.task,
                          "median": round(statistics.median(latencies), 1), "runs": [round(x, 1) for x in latencies]}))


if __name__ == "__main__":
    main()
