#!/usr/bin/env python3
"""Tabular Q-learning on grid/goto from MiniGrid-style symbolic observations (numpy only).

    pip install "./Agents/python[gym]"
    python3 examples/python/q_learning_grid.py            # a few minutes on 2 cores
    python3 examples/python/q_learning_grid.py --quick    # CI: a shorter run, exits 1 unless it beats random

The task: go to the one object in a 6x6 room (grid/goto, room_size 6, no
distractors). The state is MiniGrid's 7x7x3 view encoding (`symbolic=True`)
reduced to its object layer, every object as one kind; the 7 actions are
Discrete. Training plays 16 envs at once
in serve's batch lines (DelveVectorEnv) on training seeds; every
`--eval-every` episodes the greedy policy and the random agent play the
same evaluation seeds (from 1,000,000: docs/determinism.md), and a line of
the learning curve is printed. Delve's episodes and numpy's generator are
seeded, so a run prints the same curve every time.
"""

import argparse
import sys

import numpy as np

from delve_agents.vector import DelveVectorEnv

OPTIONS = {"room_size": 6, "distractors": 0}
EVAL_SEED = 1_000_000


def state_of(observations, index):
    """Env `index`'s state: the object layer of its 7x7x3 view, as bytes, with
    every key, ball and box as one kind (the room's one object is the target,
    whatever its kind and color)."""
    objects = observations["symbolic"]["image"][index][:, :, 0]
    return np.minimum(objects, 5).tobytes()


def evaluate(envs, choose, episodes):
    """Success rate and mean return of `choose(observations) -> actions` over `episodes` evaluation seeds."""
    successes, returns = [], []
    for start in range(0, episodes, envs.num_envs):
        observations, _ = envs.reset(seed=EVAL_SEED + start)
        totals = np.zeros(envs.num_envs)
        running = np.ones(envs.num_envs, dtype=bool)
        won = np.zeros(envs.num_envs, dtype=bool)
        while running.any():
            observations, rewards, terminations, truncations, _ = envs.step(choose(observations))
            totals += rewards * running
            won |= running & terminations & (rewards > 0)
            running &= ~(terminations | truncations)
        count = min(envs.num_envs, episodes - start)
        successes.extend(won[:count])
        returns.extend(totals[:count])
    return float(np.mean(successes)), float(np.mean(returns))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--episodes", type=int, default=4000, help="training episodes")
    parser.add_argument("--quick", action="store_true", help="2,000 episodes; exit 1 unless the policy beats random by 0.30")
    parser.add_argument("--eval-every", type=int, default=1000)
    parser.add_argument("--eval-episodes", type=int, default=200)
    parser.add_argument("--envs", type=int, default=16)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    if args.quick:
        args.episodes, args.eval_every = 2000, 1000
    rng = np.random.default_rng(args.seed)
    envs = DelveVectorEnv("grid/goto", num_envs=args.envs, lines_in_flight=2, options=OPTIONS, symbolic=True)
    probe = DelveVectorEnv("grid/goto", num_envs=args.envs, options=OPTIONS, symbolic=True)
    actions = envs.single_action_space.n
    table = {}

    def values(state):
        return table.setdefault(state, np.zeros(actions))

    def best(q):
        """The best action, ties broken at random (a state never updated gets a random one)."""
        return int(rng.choice(np.flatnonzero(q == q.max())))

    def greedy(observations):
        return np.array([best(values(state_of(observations, i))) for i in range(envs.num_envs)])

    def uniform(observations):
        return rng.integers(0, actions, size=envs.num_envs)

    random_success, random_return = evaluate(probe, uniform, args.eval_episodes)
    print(f"random agent: success {random_success:.2f}, return {random_return:.3f} ({args.eval_episodes} episodes)")
    print("episodes  success  return  states")
    alpha, gamma = 0.2, 0.9
    observations, _ = envs.reset(seed=args.seed)
    resetting = np.zeros(envs.num_envs, dtype=bool)  # NEXT_STEP autoreset: this step only resets
    done_episodes, next_eval, learned = 0, args.eval_every, (0.0, 0.0)
    while done_episodes < args.episodes:
        epsilon = max(0.05, 1.0 - done_episodes / (0.6 * args.episodes))
        states = [state_of(observations, i) for i in range(envs.num_envs)]
        chosen = np.where(rng.random(envs.num_envs) < epsilon, rng.integers(0, actions, size=envs.num_envs),
                          [best(values(state)) for state in states])
        observations, rewards, terminations, truncations, _ = envs.step(chosen)
        for i in np.flatnonzero(~resetting):
            target = rewards[i] if terminations[i] else rewards[i] + gamma * values(state_of(observations, i)).max()
            q = values(states[i])
            q[chosen[i]] += alpha * (target - q[chosen[i]])
        resetting = terminations | truncations
        done_episodes += int(resetting.sum())
        if done_episodes >= next_eval:
            learned = evaluate(probe, greedy, args.eval_episodes)
            print(f"{done_episodes:8d}  {learned[0]:7.2f}  {learned[1]:6.3f}  {len(table):6d}", flush=True)
            next_eval += args.eval_every
    envs.close()
    probe.close()
    margin = learned[0] - random_success
    print(f"greedy policy: success {learned[0]:.2f} vs random {random_success:.2f} ({margin:+.2f})")
    if args.quick and margin < 0.3:
        sys.exit("the policy did not beat the random agent by 0.30")


if __name__ == "__main__":
    main()
