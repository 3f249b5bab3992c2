"""Gymnasium environments over `delve serve`.

    import gymnasium
    import delve_gym  # registers delve/grid-goto, delve/text-cooking, ...

    env = gymnasium.make("delve/grid-goto")            # spawns its own `delve serve`
    observation, info = env.reset(seed=7)
    observation, reward, terminated, truncated, info = env.step(2)   # "go forward"

    gymnasium.make("delve/task", task="grid/open", options={"room_size": 6})
    gymnasium.make("delve/grid-goto", address="tcp://127.0.0.1:7777", token="s3cret")

Observations are a Dict of Text spaces: `text` (what the agent perceives),
`mission`, `status` and `feedback` (one line about the last action), the
same fields as the protocol's observation (docs/protocol.md). With
`observe="both"` (a family with pictures: grid, craft, rules, dungeon) the
Dict also holds `image`, the agent's view as a Box of RGB pixels (height,
width, 3, uint8); `observe="image"` keeps the picture and drops `text`, as
`delve eval --observe image` does.

Actions: a world family with a fixed action set (grid) gets a Discrete
space over that list, in the order of `DelveEnv.FIXED_ACTIONS`; any other
family gets a Text space of natural-language actions. `action_type="text"`
asks for Text on grid too. An action the world does not understand is a step
with `info["valid"]` False, not an error.

`reset(seed=N)` plays Delve's seed N exactly, the seed `delve eval` and the
protocol use; `reset()` without a seed draws one from the env's own
generator, so a seeded env replays the same sequence of episodes.

The server is `$DELVE` or `delve` on PATH, spawned per env (`command=`
overrides), unless `address=` names a running `delve serve --listen` or
`client=` shares a `DelveClient` between envs. Requires gymnasium and numpy.
"""

import base64
import os
import string
import zlib

import gymnasium
import numpy as np
from gymnasium import spaces

from delve_client import DelveClient
from png_reader import read_chunks, read_png

__all__ = ["DelveEnv", "register_envs"]

# Characters an observation field may hold: printable ASCII and the newline.
CHARSET = string.printable
# Long enough for any grid observation (boss level with 18 distractors is well under 2 KB).
MAX_TEXT = 1 << 14


class DelveEnv(gymnasium.Env):
    """One Delve task as a Gymnasium environment."""

    metadata = {"render_modes": ["ansi", "human"], "render_fps": 4}

    # Families whose every state offers the same actions, in this order.
    FIXED_ACTIONS = {
        "grid": ["turn left", "turn right", "go forward", "pick up", "drop", "toggle", "done"],
    }

    def __init__(self, task="grid/goto", options=None, render_mode=None, action_type=None,
                 address=None, token=None, client=None, command=None, step_budget=None, observe="text"):
        """`task` is FAMILY/TASK; `options` the task's options; `action_type`
        "discrete" or "text" (default: discrete where the family has a fixed
        action set); `observe` "text", "both" or "image" (pictures: see the
        module's notes). The server: `client` (shared, not closed by this env),
        else `address` (+ `token`), else a `delve serve` spawned with `command`."""
        if render_mode is not None and render_mode not in self.metadata["render_modes"]:
            raise ValueError(f"render_mode {render_mode!r}: valid modes are {self.metadata['render_modes']}")
        if observe not in ("text", "both", "image"):
            raise ValueError(f"observe {observe!r}: use 'text', 'both' or 'image'")
        self.observe = observe
        self.task = task
        self.task_options = dict(options or {})
        self.step_budget = step_budget
        self.render_mode = render_mode
        family = task.split("/")[0]
        fixed = self.FIXED_ACTIONS.get(family)
        action_type = action_type or ("discrete" if fixed else "text")
        if action_type == "discrete":
            if not fixed:
                raise ValueError(f"family {family!r} has no fixed action set; use action_type='text'")
            self.actions = list(fixed)
            self.action_space = spaces.Discrete(len(self.actions))
        elif action_type == "text":
            self.actions = None
            self.action_space = spaces.Text(max_length=256, min_length=1, charset=CHARSET)
        else:
            raise ValueError(f"action_type {action_type!r}: use 'discrete' or 'text'")
        self._owns_client = client is None
        if client is not None:
            self._client = client
        elif address is not None:
            self._client = DelveClient.connect(address, token=token)
        else:
            self._client = DelveClient(command or [os.environ.get("DELVE", "delve"), "serve"])
        self._env = None
        self.instructions = None
        field = spaces.Text(max_length=MAX_TEXT, min_length=0, charset=CHARSET)
        self._fields = ("mission", "status", "feedback") if observe == "image" else ("text", "mission", "status", "feedback")
        fields = {name: field for name in self._fields}
        if observe != "text":
            # The picture's size is the task's: one reset tells it (a frame's size does not change within a task).
            probe, observation, _ = self._client.reset(task, seed=0, options=self.task_options or None, image=True)
            self._client.close_env(probe)
            height, width = observation["image"]["height"], observation["image"]["width"]
            fields["image"] = spaces.Box(low=0, high=255, shape=(height, width, 3), dtype=np.uint8)
        self.observation_space = spaces.Dict(fields)

    def _observation(self, observation):
        fields = {name: observation[name] for name in self._fields}
        if self.observe != "text":
            fields["image"] = decode_png(base64.b64decode(observation["image"]["data"]))
        return fields

    def reset(self, *, seed=None, options=None):
        """Starts an episode: Delve's seed `seed`, or one drawn from the env's
        generator. `options` here override the task options given at creation.
        Returns (observation, info); info holds `instructions`, `seed`,
        `step_budget` and `legal_actions`."""
        super().reset(seed=seed)
        # Delve's seeds are 0 to 2**53 - 1, the integers every JSON reader keeps exact (docs/determinism.md).
        delve_seed = seed if seed is not None else int(self.np_random.integers(0, 2**53))
        merged = {**self.task_options, **(options or {})}
        env, observation, info = self._client.reset(
            self.task, seed=delve_seed, options=merged or None, env=self._env, step_budget=self.step_budget,
            image=True if self.observe != "text" else None)
        self._env = env
        self.instructions = info["instructions"]
        info = dict(info, legal_actions=observation["legal_actions"])
        if self.render_mode == "human":
            self.render()
        return self._observation(observation), info

    def step(self, action):
        """Plays `action` (an index into `actions`, or a string with a Text action space)."""
        if self._env is None:
            raise RuntimeError("call reset() before step()")
        if self.actions is not None:
            if not self.action_space.contains(action):
                raise ValueError(f"action {action!r} is not in {self.action_space}")
            action = self.actions[int(action)]
        result = self._client.step(self._env, action)
        info = dict(result["info"], progress=result["progress"], milestones=result["milestones"],
                    legal_actions=result["observation"]["legal_actions"])
        if self.render_mode == "human":
            self.render()
        return (self._observation(result["observation"]), float(result["reward"]),
                result["terminated"], result["truncated"], info)

    def render(self):
        """"ansi": returns the picture as a string; "human": prints it in color."""
        if self.render_mode is None or self._env is None:
            return None
        if self.render_mode == "ansi":
            return self._client.render(self._env, "ascii")
        print(self._client.render(self._env, "ansi"))
        return None

    def close(self):
        """Ends the env on the server, and the server (or connection) when this env owns it. Safe to call twice."""
        client, self._client = getattr(self, "_client", None), None
        if client is None:
            return
        if self._env is not None and not self._owns_client:
            client.close_env(self._env)
        self._env = None
        if self._owns_client:
            client.close()


def decode_png(data):
    """A PNG's pixels as an array (height, width, 3) of uint8. Delve's PNGs
    (indexed color, rows unfiltered or `Up`) decode with numpy; any other
    PNG through the stdlib reader."""
    header, palette, idat = read_chunks(data)
    width, height, depth, color_type, _, _, interlace = header
    rows = np.frombuffer(zlib.decompress(idat), dtype=np.uint8).reshape(height, width + 1) \
        if (depth, color_type, interlace) == (8, 3, 0) else None
    if rows is None or not np.isin(rows[:, 0], (0, 2)).all():
        _, _, kind, pixels = read_png(data)
        channels = 4 if kind == 6 else 3
        flat = np.frombuffer(b"".join(bytes(row) for row in pixels), dtype=np.uint8)
        return flat.reshape(height, width, channels)[:, :, :3].copy()
    indices = rows[:, 1:].copy()
    for y in range(1, height):
        if rows[y, 0] == 2:  # Up: add the row above
            indices[y] = indices[y] + indices[y - 1]
    colors = np.frombuffer(palette, dtype=np.uint8).reshape(-1, 3)
    return colors[indices]


# The tasks registered as `delve/FAMILY-TASK`; any other task `delve serve`
# serves plays through `delve/task` with `task=`.
TASKS = ["grid/goto", "grid/pickup", "grid/open", "grid/putnext", "grid/pick_up_seq_go_to", "grid/boss",
         "text/treasure_hunter", "text/cooking", "text/coin_collector", "text/arithmetic", "text/tidying"]


def register_envs():
    """Registers `delve/FAMILY-TASK` for every task in TASKS (grid ones with
    Discrete actions, text ones with Text actions), and `delve/task` (pass `task=`)."""
    for task in TASKS:
        env_id = "delve/" + task.replace("/", "-")
        if env_id not in gymnasium.registry:
            gymnasium.register(id=env_id, entry_point=DelveEnv, kwargs={"task": task})
    if "delve/task" not in gymnasium.registry:
        gymnasium.register(id="delve/task", entry_point=DelveEnv)


register_envs()
