#!/usr/bin/env python3
"""A random agent for Delve's agent mode: a template to copy (stdlib only).

Run it with

    delve eval --task grid/goto --episodes 5 --agent delve-random-agent                        # installed
    delve eval --task grid/goto --episodes 5 --agent "python3 Agents/python/random_agent.py"   # from a checkout

Delve starts this program, writes JSON-RPC 2.0 requests to its standard input
(one JSON object per line) and reads one response line per request from its
standard output. The protocol is specified in docs/protocol.md ("Agent mode").

Rules worth keeping when you write your own agent:
- standard output carries protocol lines only: log with `log(...)`, which
  writes to standard error (Delve keeps it in RUN_DIR/agent-logs/);
- answer every request that has an "id" with exactly one line, flushed;
- answer `act` within `--act-timeout` seconds, or Delve kills the process.

To make your own agent, replace `choose_action` (and, if your agent keeps
per-episode state, `start_episode`). The protocol loop lives in agent.py
beside this file: import it from the installed package, or copy both.
"""

import random

from delve_agents.agent import log, serve


class RandomAgent:
    """Picks a uniformly random legal action (else one of the task's action space); its choices depend only on the episode's seed."""

    def __init__(self):
        self.rng = random.Random(0)
        self.action_space = []

    def start_episode(self, params):
        """`episode/start`: task, seed, instructions, action_space, step_budget."""
        self.rng = random.Random(params["seed"])
        self.action_space = params["action_space"]
        log(f"episode {params['task']} seed {params['seed']}: budget {params['step_budget']} steps")

    def choose_action(self, params):
        """`act`: step, observation (text, status, mission, legal_actions, feedback), reward, progress.

        Returns the result: the action, and optionally reasoning and usage
        ({"prompt_tokens", "completion_tokens", "cost_usd"}) for the trajectory and the summary.
        """
        # Under the balrog profile observations list no actions: then any of the task's.
        actions = params["observation"]["legal_actions"] or self.action_space
        return {"action": self.rng.choice(actions)}

    def end_episode(self, params):
        """`episode/end`: the final progress and end_reason."""
        log(f"episode over: progress {params['progress']}, {params['end_reason']}")


def main():
    serve(RandomAgent(), {"name": "random_agent.py"})


if __name__ == "__main__":
    main()
