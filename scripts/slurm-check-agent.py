#!/usr/bin/env python3
"""The agent scripts/slurm-check.sh plays with: Agents/python/random_agent.py
(its choices depend only on the episode's seed, so every run of a suite scores
the same), plus faults set by environment variables, which the Slurm jobs
inherit:

    DELVE_CHECK_RECORD=FILE        append "TASK SEED" to FILE at every episode/start
    DELVE_CHECK_ACT_SLEEP=SECONDS  wait this long before every answer (a slow model)
    DELVE_CHECK_FAIL_ONCE="TASK SEED MARKER"
                                   fail that episode's first act when MARKER does not
                                   exist, and create it (an endpoint that failed once)
    DELVE_CHECK_FAIL_WHILE="TASK SEED FILE"
                                   fail that episode's first act while FILE exists
                                   (an endpoint that is down until someone fixes it)

A failed act is answered with a JSON-RPC error, which Delve records as
agent_error.
"""

import os
import pathlib
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "Agents" / "python"))

from delve_agents.agent import serve  # noqa: E402
from delve_agents.random_agent import RandomAgent  # noqa: E402


def fault(name):
    """The (task, seed, path) of a fault variable, or None when it is not set."""
    words = os.environ.get(name, "").split()
    return (words[0], int(words[1]), words[2]) if len(words) == 3 else None


class CheckAgent(RandomAgent):
    """RandomAgent, slowed down and failing on cue."""

    def __init__(self):
        super().__init__()
        self.record = os.environ.get("DELVE_CHECK_RECORD")
        self.sleep = float(os.environ.get("DELVE_CHECK_ACT_SLEEP", "0"))
        self.fail_once = fault("DELVE_CHECK_FAIL_ONCE")
        self.fail_while = fault("DELVE_CHECK_FAIL_WHILE")
        self.episode = None
        self.acts = 0

    def start_episode(self, params):
        super().start_episode(params)
        self.episode = (params["task"], params["seed"])
        self.acts = 0
        if self.record:
            with open(self.record, "a") as record:
                record.write(f"{params['task']} {params['seed']}\n")

    def choose_action(self, params):
        self.acts += 1
        time.sleep(self.sleep)
        if self.acts == 1 and self.fail_once and self.episode == self.fail_once[:2]:
            marker = pathlib.Path(self.fail_once[2])
            if not marker.exists():
                marker.touch()
                raise ValueError("the endpoint failed once (DELVE_CHECK_FAIL_ONCE)")
        if self.acts == 1 and self.fail_while and self.episode == self.fail_while[:2]:
            if pathlib.Path(self.fail_while[2]).exists():
                raise ValueError("the endpoint is down (DELVE_CHECK_FAIL_WHILE)")
        return super().choose_action(params)


if __name__ == "__main__":
    serve(CheckAgent(), {"name": "slurm-check-agent.py"})
