#!/usr/bin/env python3
"""Env steps/s from Python: Delve's single env, gymnasium's SyncVectorEnv and
AsyncVectorEnv over it, DelveVectorEnv on serve's batch lines, and the Python
peers (MiniGrid's BabyAI-GoToLocal, Crafter) in the same process, the same sitting.

    PYTHONPATH=Agents/python DELVE=.build/release/delve /tmp/peers-venv/bin/python scripts/bench_vector.py

Each figure is the median of `--repeats` runs of `--seconds`, uniform random
actions from a seeded generator; episodes that end are reset (autoreset for
vector envs), and those resets count in the time. Prints one JSON line per
configuration (BENCHMARKS.md, "Vector envs from Python"). The peers are
skipped when their packages are not importable.
"""

import argparse
import json
import statistics
import time
import warnings

import gymnasium
import numpy as np

from delve_agents.gym import DelveEnv
from delve_agents.vector import DelveVectorEnv

warnings.filterwarnings("ignore")


def single_rate(make, seconds, rng):
    """Steps/s of one env stepped in a loop, reset when an episode ends."""
    env = make()
    env.reset(seed=0)
    steps, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        _, _, terminated, truncated, _ = env.step(int(rng.integers(env.action_space.n)))
        steps += 1
        if terminated or truncated:
            env.reset()
    rate = steps / (time.perf_counter() - start)
    env.close()
    return rate


def vector_rate(make, seconds, rng):
    """Env steps/s of a vector env (autoreset on)."""
    envs = make()
    envs.reset(seed=0)
    steps, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        envs.step(rng.integers(envs.single_action_space.n, size=envs.num_envs))
        steps += envs.num_envs
    rate = steps / (time.perf_counter() - start)
    envs.close()
    return rate


class CrafterEnv(gymnasium.Env):
    """crafter.Env (the old gym API) as a Gymnasium env, for the vector wrappers."""

    def __init__(self):
        import crafter
        self.env = crafter.Env(seed=0)
        self.action_space = gymnasium.spaces.Discrete(self.env.action_space.n)
        self.observation_space = gymnasium.spaces.Box(0, 255, (64, 64, 3), np.uint8)

    def reset(self, *, seed=None, options=None):
        return self.env.reset(), {}

    def step(self, action):
        observation, reward, done, info = self.env.step(action)
        return observation, reward, done, False, {}


def configurations(envs):
    """(name, kind, maker) for every configuration."""
    def delve(task, **kwargs):
        return lambda: DelveEnv(task, **kwargs)
    found = [
        ("delve grid/goto DelveEnv", "single", delve("grid/goto")),
        ("delve grid/goto SyncVectorEnv(DelveEnv)", "vector", lambda: gymnasium.vector.SyncVectorEnv([delve("grid/goto")] * envs)),
        ("delve grid/goto AsyncVectorEnv(DelveEnv)", "vector", lambda: gymnasium.vector.AsyncVectorEnv([delve("grid/goto")] * envs, shared_memory=False)),
        ("delve grid/goto DelveVectorEnv lines=1", "vector", lambda: DelveVectorEnv("grid/goto", num_envs=envs)),
        ("delve grid/goto DelveVectorEnv lines=2", "vector", lambda: DelveVectorEnv("grid/goto", num_envs=envs, lines_in_flight=2)),
        ("delve grid/goto DelveVectorEnv lines=2 symbolic", "vector",
         lambda: DelveVectorEnv("grid/goto", num_envs=envs, lines_in_flight=2, symbolic=True)),
        ("delve craft/balrog DelveEnv", "single", delve("craft/balrog")),
        ("delve craft/balrog DelveVectorEnv lines=2", "vector", lambda: DelveVectorEnv("craft/balrog", num_envs=envs, lines_in_flight=2)),
    ]
    try:
        import minigrid
        minigrid.register_minigrid_envs()
        goto = lambda: gymnasium.make("BabyAI-GoToLocal-v0")  # noqa: E731
        found += [("minigrid BabyAI-GoToLocal-v0", "single", goto),
                  ("minigrid BabyAI-GoToLocal-v0 SyncVectorEnv", "vector", lambda: gymnasium.vector.SyncVectorEnv([goto] * envs)),
                  ("minigrid BabyAI-GoToLocal-v0 AsyncVectorEnv", "vector", lambda: gymnasium.vector.AsyncVectorEnv([goto] * envs, shared_memory=False))]
    except ImportError:
        pass
    try:
        import crafter  # noqa: F401
        found += [("crafter Env", "single", CrafterEnv),
                  ("crafter SyncVectorEnv", "vector", lambda: gymnasium.vector.SyncVectorEnv([CrafterEnv] * envs))]
    except ImportError:
        pass
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--envs", type=int, default=16, help="envs per vector env")
    parser.add_argument("--seconds", type=float, default=2.0)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--only", help="run the configurations whose name contains this")
    args = parser.parse_args()
    for name, kind, make in configurations(args.envs):
        if args.only and args.only not in name:
            continue
        rng = np.random.default_rng(12345)
        measure = single_rate if kind == "single" else vector_rate
        measure(make, 0.3, rng)  # warm up
        runs = [measure(make, args.seconds, rng) for _ in range(args.repeats)]
        print(json.dumps({"config": name, "envs": 1 if kind == "single" else args.envs,
                          "steps_per_s_median": round(statistics.median(runs)), "runs": [round(r) for r in runs]}), flush=True)


if __name__ == "__main__":
    main()
