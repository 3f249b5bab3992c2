"""A Gymnasium vector env over serve's batches (the `gym` extra).

    import gymnasium
    import delve_agents.gym

    envs = gymnasium.make_vec("Delve/grid-goto-v1", num_envs=64, vectorization_mode="vector_entry_point")
    # or DelveVectorEnv("grid/goto", num_envs=64, lines_in_flight=2)
    observations, infos = envs.reset(seed=0)
    observations, rewards, terminations, truncations, infos = envs.step(envs.action_space.sample())

All N envs live in one `delve serve`; a step sends their actions as JSON-RPC
batch lines, `lines_in_flight` of them (each its own group of envs) written
before the first answer is read, so the server steps one group while Python
reads another's answer. Episodes that ended are reset as Gymnasium's
`AutoresetMode` says: NEXT_STEP (the default: the step after the last one
resets the env, its action ignored, reward 0), SAME_STEP (reset in the
step that ended it; the last observation and info in `final_obs` and
`final_info`), or DISABLED (reset with `reset(options={"reset_mask": mask})`).
The resets of a step travel in the same lines as its steps.

Seeds: `reset(seed=S)` gives env i Delve's seed S+i and seeds its
generator with S+i; a reset without a seed (every autoreset) draws env i's
seed from its generator, among the task's training seeds.
"""

import numpy as np
from gymnasium.vector import AutoresetMode, VectorEnv
from gymnasium.vector.utils import batch_space, concatenate, create_empty_array, iterate

from .binary import find_delve
from .client import DelveClient, DelveError
from .gym import DelveEnv, legal_mask

__all__ = ["DelveVectorEnv"]


class DelveVectorEnv(VectorEnv):
    """`num_envs` episodes of one task, stepped in batch lines of one server."""

    def __init__(self, task="grid/goto", num_envs=8, lines_in_flight=1, autoreset_mode=AutoresetMode.NEXT_STEP,
                 address=None, token=None, command=None, **env_options):
        """`env_options` are DelveEnv's (options, profile, action_type,
        observe, step_budget, render_mode) and are checked as it checks them.
        The server: `address` (+ `token`) for a running `delve serve
        --listen`, else one spawned with `command` (default: the binary's
        `serve` with room for the envs)."""
        if num_envs < 1 or not 1 <= lines_in_flight <= num_envs:
            raise ValueError(f"num_envs {num_envs}, lines_in_flight {lines_in_flight}: need 1 <= lines <= envs")
        self.autoreset_mode = AutoresetMode(autoreset_mode)
        if address is not None:
            self._client = DelveClient.connect(address, token=token)
        else:
            self._client = DelveClient(command or [find_delve(), "serve", "--max-envs", str(num_envs + 1)])
        try:
            self._single = DelveEnv(task, client=self._client, **env_options)
            self._envs = [None] * num_envs
        except BaseException:
            self._client.close()
            raise
        self.num_envs = num_envs
        self.render_mode = self._single.render_mode
        self.metadata = dict(DelveEnv.metadata, autoreset_mode=self.autoreset_mode)
        self.single_observation_space = self._single.observation_space
        self.single_action_space = self._single.action_space
        self.observation_space = batch_space(self.single_observation_space, num_envs)
        self.action_space = batch_space(self.single_action_space, num_envs)
        bounds = np.linspace(0, num_envs, lines_in_flight + 1).astype(int)
        self._groups = [range(bounds[i], bounds[i + 1]) for i in range(lines_in_flight)]
        self._generators = [np.random.default_rng() for _ in range(num_envs)]
        self._last = [None] * num_envs
        self._ended = np.zeros(num_envs, dtype=bool)
        self._pending = None

    # Episodes ------------------------------------------------------------------

    def _seed_for(self, index, seed):
        if seed is not None:
            self._generators[index] = np.random.default_rng(seed)
            return seed
        seeds = self._single.seeds
        return int(self._generators[index].integers(seeds.start, seeds.stop))

    def _reset_params(self, index, seed=None, options=None):
        return self._single.reset_params(self._seed_for(index, seed), options, self._envs[index])

    def reset(self, *, seed=None, options=None):
        """Resets every env (or those `options["reset_mask"]` marks) in batch lines.
        `seed`: None, an int S (env i plays S+i) or one seed per env."""
        options = dict(options or {})
        mask = options.pop("reset_mask", None)
        mask = np.ones(self.num_envs, dtype=bool) if mask is None else np.asarray(mask, dtype=bool)
        if mask.shape != (self.num_envs,) or not mask.any():
            raise ValueError(f"reset_mask must be {self.num_envs} booleans, at least one True")
        seeds = [None] * self.num_envs if seed is None else \
            [seed + i for i in range(self.num_envs)] if isinstance(seed, int) else list(seed)
        if len(seeds) != self.num_envs:
            raise ValueError(f"{len(seeds)} seeds for {self.num_envs} envs")
        if self._envs[0] is None and not mask.all():
            raise ValueError("the first reset resets every env: no reset_mask")
        # New envs: env/reset without `env` creates them (their ids come back).
        params = {int(index): self._reset_params(index, seeds[index], options) for index in np.flatnonzero(mask)}
        answers = self._client.batch([("env/reset", params[index]) for index in params])
        entries = []
        for index, answer in zip(params, answers):
            if isinstance(answer, DelveError):
                raise answer
            self._envs[index] = answer["env"]
            self._ended[index] = False
            entries.append((index, self._reset_info(index, answer)))
        return self._observations(), self._gather({}, entries)

    def _reset_info(self, index, answer):
        self._last[index] = answer["observation"]
        return dict(answer["info"], legal_actions=answer["observation"]["legal_actions"])

    # Steps ---------------------------------------------------------------------

    def step(self, actions):
        """Steps every env (resetting those due, as `autoreset_mode` says); one batch line per group."""
        self.step_async(actions)
        return self.step_wait()

    def step_async(self, actions):
        """Sends the step's lines without waiting for their answers."""
        if self._envs[0] is None:
            raise RuntimeError("call reset() before step()")
        if self._pending is not None:
            raise RuntimeError("step_wait() the step in flight first")
        if self._single.actions is not None:
            actions = np.asarray(actions)
            if not self.action_space.contains(actions):
                raise ValueError(f"actions {actions!r} are not in {self.action_space}")
            words = [self._single.actions[action] for action in actions.tolist()]
        else:
            words = [self._single.action_text(action) for action in iterate(self.action_space, actions)]
        if self.autoreset_mode == AutoresetMode.DISABLED and self._ended.any():
            raise RuntimeError(f"envs {np.flatnonzero(self._ended).tolist()} ended: reset them (reset_mask) first")
        tickets = []
        for group in self._groups:
            steps, resets = {}, {}
            for index in group:
                if self._ended[index] and self.autoreset_mode == AutoresetMode.NEXT_STEP:
                    resets[self._envs[index]] = self._reset_params(index)
                else:
                    steps[self._envs[index]] = words[index]
            tickets.append(self._client.step_many_async(steps, resets))
        self._pending = tickets

    def step_wait(self):
        """The answers of the step in flight: (observations, rewards, terminations, truncations, infos)."""
        if self._pending is None:
            raise RuntimeError("step_async() first")
        answers = {}
        for ticket in self._pending:
            answers.update(self._client.step_many_wait(ticket))
        self._pending = None
        rewards = np.zeros(self.num_envs)
        terminations = np.zeros(self.num_envs, dtype=bool)
        truncations = np.zeros(self.num_envs, dtype=bool)
        infos, entries = {}, []
        same_step = []
        for index, env in enumerate(self._envs):
            answer = answers[env]
            if isinstance(answer, DelveError):
                raise answer
            if "reward" not in answer:  # a NEXT_STEP reset
                entries.append((index, self._reset_info(index, answer)))
                self._ended[index] = False
                continue
            self._last[index] = answer["observation"]
            rewards[index] = answer["reward"]
            terminations[index], truncations[index] = answer["terminated"], answer["truncated"]
            self._ended[index] = answer["terminated"] or answer["truncated"]
            info = dict(answer["info"], progress=answer["progress"], milestones=answer["milestones"],
                        legal_actions=answer["observation"]["legal_actions"])
            if self._ended[index] and self.autoreset_mode == AutoresetMode.SAME_STEP:
                infos = self._add_info(infos, {"final_obs": self._single.convert(answer["observation"]),
                                               "final_info": info}, index)
                same_step.append(index)
            else:
                entries.append((index, info))
        self._gather(infos, entries)
        if same_step:
            resets = self._client.batch([("env/reset", self._reset_params(index)) for index in same_step])
            for index, answer in zip(same_step, resets):
                if isinstance(answer, DelveError):
                    raise answer
                infos = self._add_info(infos, self._reset_info(index, answer), index)
                self._ended[index] = False
        return self._observations(), rewards, terminations, truncations, infos

    def _gather(self, infos, entries):
        """Adds the flat infos of many envs, `entries` of (index, info), to `infos`
        as `_add_info` does (an array per key and its `_key` mask), one array
        per key rather than one update per env and key: integers, floats
        (integers among floats become floats) and booleans in arrays of
        their type, anything else in object arrays."""
        by_key = {}
        for index, info in entries:
            for key, value in info.items():
                by_key.setdefault(key, []).append((index, value))
        for key, pairs in by_key.items():
            kinds = {type(value) for _, value in pairs}
            kind = bool if kinds == {bool} else int if kinds == {int} else float if kinds <= {int, float} else object
            array = np.zeros(self.num_envs, dtype=kind) if kind is not object else np.full(self.num_envs, None, dtype=object)
            mask = np.zeros(self.num_envs, dtype=bool)
            for index, value in pairs:
                array[index] = value
                mask[index] = True
            infos[key], infos["_" + key] = array, mask
        return infos

    def _observations(self):
        items = [self._single.convert(observation) for observation in self._last]
        return concatenate(self.single_observation_space, items,
                           create_empty_array(self.single_observation_space, self.num_envs))

    def action_masks(self):
        """Which actions are legal now, per env: (num_envs, actions) booleans (Discrete action spaces only)."""
        if self._single.actions is None:
            raise ValueError(f"{self._single.task} has a Text action space: its legal actions are infos['legal_actions']")
        return np.stack([legal_mask(self._single.actions, observation["legal_actions"]) for observation in self._last])

    def render(self):
        """Each env's picture as the single env renders it (rgb_array: the agent's view; ansi: the map)."""
        if self.render_mode == "rgb_array":
            return tuple(DelveEnv.frame(observation) for observation in self._last)
        if self.render_mode == "ansi":
            return tuple(self._client.render(env, "ascii") for env in self._envs)
        return None

    def close_extras(self, **kwargs):
        """Ends the server (or this connection): the envs end with it."""
        if self._pending is not None:
            for ticket in self._pending:
                self._client.step_many_wait(ticket)
            self._pending = None
        self._single._client = None  # shared: closed here, once
        self._client.close()
