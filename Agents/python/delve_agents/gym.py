"""Gymnasium environments over `delve serve` (the `gym` extra: gymnasium and numpy).

    import gymnasium
    import delve_agents.gym        # registers Delve/FAMILY-TASK-vREVISION for every task the binary serves

    env = gymnasium.make("Delve/grid-goto-v1")             # spawns its own `delve serve`
    env = gymnasium.make("delve_agents.gym:Delve/craft-balrog-v1")   # the same without the import
    observation, info = env.reset(seed=7)
    observation, reward, terminated, truncated, info = env.step(2)   # "go forward"

    gymnasium.make("Delve/task", task="grid/open", options={"room_size": 6})
    gymnasium.make("Delve/grid-goto-v1", address="tcp://127.0.0.1:7777", token="s3cret")
    gymnasium.make_vec("Delve/grid-goto-v1", num_envs=16, vectorization_mode="vector_entry_point")

Observations are a Dict of Text spaces: `text` (what the agent perceives),
`mission`, `status` and `feedback` (one line about the last action), the
same fields as the protocol's observation (docs/protocol.md). With
`observe="both"` (a family with pictures: grid, craft, rules, dungeon) the
Dict also holds `image`, the agent's view as a Box of RGB pixels (height,
width, 3, uint8); `observe="image"` keeps the picture and drops `text`, as
`delve eval --observe image` does. With `symbolic=True` (the same families)
the Dict also holds `symbolic`, a Dict of uint8 arrays (the protocol's
`symbolic` param, docs/protocol.md): grid `image` (MiniGrid's 7x7x3
object/color/state encoding) and `direction`; craft `local_view` (Crafter's
semantic ids, 9x7) and `inventory` (16 amounts); rules `cells` (things of
each of 16 kinds per board cell); dungeon `chars` (the glyph map's ASCII codes).

Actions: a task whose every state offers the same actions (grid, craft and
rules; the dungeon under the `balrog` profile, with MiniHack's action set of
each task) gets a Discrete space over that vocabulary, in the order the
binary lists it (`delve worlds TASK --describe --profile P`); `action_masks()`
marks the ones the observation lists as legal now. Any other task (text;
the dungeon's commands under `delve`) gets a Text space. `action_type="text"`
asks for Text everywhere. An action the world does not understand is a step
with `info["valid"]` False, not an error. The registered dungeon ids play
the `balrog` profile; every other id plays `delve`.

`reset(seed=N)` plays Delve's seed N exactly, the seed `delve eval` and the
protocol use; `reset()` without a seed draws a training seed (below
1,000,000; 0-999 for text: docs/determinism.md) from the env's own
generator, so a seeded env replays the same sequence of episodes.

The task, the profile and every option are checked when the env is made.
The server is the `delve` binary (`$DELVE`, else `delve` on PATH), spawned
per env (`command=` overrides), unless `address=` names a running
`delve serve --listen` or `client=` shares a `DelveClient` between envs.
"""

import base64
import string
import warnings
import zlib

import gymnasium
import numpy as np
from gymnasium import spaces

from . import catalog
from .binary import DelveNotFound
from .client import DelveClient
from .png import read_chunks, read_png

__all__ = ["DelveEnv", "register_envs"]

# Characters an observation field may hold: printable ASCII and the newline.
CHARSET = string.printable
# Long enough for any observation field (the dungeon's longest texts are under 4 KB).
MAX_TEXT = 1 << 14
OBSERVE = ("text", "both", "image")
FIELDS = ("text", "mission", "status", "feedback")


class DelveEnv(gymnasium.Env):
    """One Delve task as a Gymnasium environment."""

    metadata = {"render_modes": ["ansi", "human", "rgb_array"], "render_fps": 4}

    def __init__(self, task="grid/goto", options=None, profile="delve", render_mode=None, action_type=None,
                 address=None, token=None, client=None, command=None, step_budget=None, observe="text", symbolic=False):
        """`task` is FAMILY/TASK; `options` the task's options; `profile`
        "delve" or "balrog"; `action_type` "discrete" or "text" (default:
        discrete where the task has a fixed vocabulary); `observe` "text",
        "both" or "image" (pictures: see the module's notes); `symbolic`
        adds the family's arrays (see the module's notes). The server:
        `client` (shared, not closed by this env), else `address` (+ `token`),
        else a `delve serve` spawned with `command`. Raises ValueError for a
        task, profile, option or mode that cannot be played."""
        if observe not in OBSERVE:
            raise ValueError(f"observe {observe!r}: use one of {', '.join(OBSERVE)}")
        if profile not in catalog.PROFILES:
            raise ValueError(f"profile {profile!r}: use one of {', '.join(catalog.PROFILES)}")
        if action_type not in (None, "discrete", "text"):
            raise ValueError(f"action_type {action_type!r}: use 'discrete' or 'text'")
        if step_budget is not None and (isinstance(step_budget, bool) or not isinstance(step_budget, int) or step_budget < 1):
            raise ValueError(f"step_budget {step_budget!r}: a positive integer")
        self.task, self.profile, self.observe, self.symbolic = task, profile, observe, bool(symbolic)
        self.task_options = dict(options or {})
        self.step_budget = step_budget
        self.render_mode = render_mode
        self._env = None
        self._last = None
        self._owns_client = client is None
        if client is not None:
            self._client = client
        elif address is not None:
            self._client = DelveClient.connect(address, token=token)
        else:
            self._client = DelveClient(command)
        try:
            self._describe(action_type)
        except BaseException:
            self.close()
            raise

    def _describe(self, action_type):
        """Checks the task and its options against what the server serves; sets the spaces."""
        entry = catalog.find_task(self._client.worlds(), self.task)
        catalog.check_options(entry, self.task_options)
        self.seeds = catalog.training_seeds(self.task)
        fixed = catalog.has_fixed_vocabulary(self.task, self.profile)
        if action_type == "discrete" and not fixed:
            raise ValueError(f"{self.task} has no fixed action set under the {self.profile!r} profile"
                             + ("; the dungeon's is its 'balrog' profile's" if entry["family"] == "dungeon" else "")
                             + "; use action_type='text'")
        if (action_type or "discrete") == "discrete" and fixed:
            self.actions = catalog.action_space(self.task, self.profile)
            self.action_space = spaces.Discrete(len(self.actions))
        else:
            self.actions = None
            self.action_space = spaces.Text(max_length=256, min_length=1, charset=CHARSET)
        if not entry["images"]:
            self.metadata = dict(self.metadata, render_modes=["ansi", "human"])
        if self.render_mode is not None and self.render_mode not in self.metadata["render_modes"]:
            raise ValueError(f"render_mode {self.render_mode!r}: {self.task}'s modes are {self.metadata['render_modes']}")
        self.pictures = self.observe != "text" or self.render_mode == "rgb_array"
        if self.pictures and not entry["images"]:
            raise ValueError(f"{self.task} has no pictures (its family is text only): use observe='text'")
        field = spaces.Text(max_length=MAX_TEXT, min_length=0, charset=CHARSET)
        self.fields = FIELDS[1:] if self.observe == "image" else FIELDS
        fields = {name: field for name in self.fields}
        if self.pictures or self.symbolic:
            # The picture's and the arrays' sizes are the task's: one reset tells them.
            result = self._client.call("env/reset", **self.reset_params(0))
            self._client.close_env(result["env"])
            probe = result["observation"]
            self._frame_shape = (probe["image"]["height"], probe["image"]["width"], 3) if self.pictures else None
        if self.observe != "text":
            fields["image"] = spaces.Box(low=0, high=255, shape=self._frame_shape, dtype=np.uint8)
        if self.symbolic:
            if "symbolic" not in probe:
                raise ValueError(f"{self.task} has no symbolic arrays (its family is text only): use symbolic=False")
            fields["symbolic"] = spaces.Dict({name: spaces.Box(low=0, high=255, shape=tuple(array["shape"]), dtype=np.uint8)
                                              for name, array in probe["symbolic"].items()})
        self.observation_space = spaces.Dict(fields)

    def _observation(self, observation):
        self._last = observation
        return self.convert(observation)

    def convert(self, observation):
        """The protocol's observation as this env's observation space holds it."""
        fields = {name: observation[name] for name in self.fields}
        if self.observe != "text":
            fields["image"] = self.frame(observation)
        if self.symbolic:
            fields["symbolic"] = {name: np.array(array["data"], dtype=np.uint8).reshape(array["shape"])
                                  for name, array in observation["symbolic"].items()}
        return fields

    @staticmethod
    def frame(observation):
        """The picture a protocol observation carries, as an array (height, width, 3) of uint8."""
        return decode_png(base64.b64decode(observation["image"]["data"]))

    def reset_params(self, seed, options=None, env=None):
        """The `env/reset` params of an episode of this env's task, options and profile."""
        merged = {**self.task_options, **(options or {})}
        params = DelveClient.reset_params(self.task, seed=seed, options=merged or None, env=env, step_budget=self.step_budget,
                                          image=True if self.pictures else None, profile=self.profile)
        if self.symbolic:
            params["symbolic"] = True
        return params

    def reset(self, *, seed=None, options=None):
        """Starts an episode: Delve's seed `seed`, or a training seed drawn
        from the env's generator. `options` here override the task options
        given at creation (and are checked the same way). Returns
        (observation, info); info holds `instructions`, `seed`,
        `step_budget`, `profile` and `legal_actions`."""
        super().reset(seed=seed)
        if seed is not None and not 0 <= seed < 2**53:
            raise ValueError(f"seed {seed}: Delve's seeds are integers from 0 to 2**53 - 1 (docs/determinism.md)")
        if options:
            catalog.check_options(catalog.find_task(self._client.worlds(), self.task), options)
        delve_seed = seed if seed is not None else int(self.np_random.integers(self.seeds.start, self.seeds.stop))
        result = self._client.call("env/reset", **self.reset_params(delve_seed, options, self._env))
        self._env, observation, info = result["env"], result["observation"], result["info"]
        self.instructions = info["instructions"]
        info = dict(info, legal_actions=observation["legal_actions"])
        if self.render_mode == "human":
            self.render()
        return self._observation(observation), info

    def step(self, action):
        """Plays `action` (an index into `actions`, or a string with a Text action space)."""
        if self._env is None:
            raise RuntimeError("call reset() before step()")
        result = self._client.step(self._env, self.action_text(action))
        info = dict(result["info"], progress=result["progress"], milestones=result["milestones"],
                    legal_actions=result["observation"]["legal_actions"])
        if self.render_mode == "human":
            self.render()
        return (self._observation(result["observation"]), float(result["reward"]),
                result["terminated"], result["truncated"], info)

    def action_text(self, action):
        """The words for `action`: an index into `actions` with a Discrete space, else the string itself."""
        if not self.action_space.contains(action):
            raise ValueError(f"action {action!r} is not in {self.action_space}")
        return self.actions[int(action)] if self.actions is not None else action

    def action_masks(self):
        """Which of `actions` are legal now (a bool array): those the last
        observation lists, or all when it lists none (BALROG's profile lists
        none). For a Discrete action space only."""
        if self.actions is None:
            raise ValueError(f"{self.task} has a Text action space: its legal actions are info['legal_actions']")
        return legal_mask(self.actions, self._last["legal_actions"] if self._last else [])

    def render(self):
        """"ansi": the picture as a string; "human": prints it in color;
        "rgb_array": the agent's view (height, width, 3) as the observations' `image`."""
        if self.render_mode is None or self._env is None:
            return None
        if self.render_mode == "rgb_array":
            return self.frame(self._last)
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


def legal_mask(actions, legal):
    """A bool array over `actions`: True for those in `legal`, all True when `legal` is empty."""
    if not legal:
        return np.ones(len(actions), dtype=bool)
    legal = set(legal)
    return np.array([action in legal for action in actions], dtype=bool)


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


def env_id(family, entry):
    """The registered id of a task `entry` of a `family` of `worlds/list`: Delve/FAMILY-TASK-vREVISION,
    the family's revision (docs/determinism.md: a world's output changes only with it)."""
    return f"Delve/{entry['task'].replace('/', '-')}-v{family['revision']}"


def registered_profile(task):
    """The profile a registered id plays: the dungeon's fixed action sets are its `balrog` profile's."""
    return "balrog" if task.startswith("dungeon/") else "delve"


# make_vec's "vector_entry_point" mode: the batch vector env (named, as delve_agents.vector imports this module).
VECTOR_ENTRY_POINT = "delve_agents.vector:DelveVectorEnv"


def register_envs(binary=None):
    """Registers Delve/FAMILY-TASK-vREVISION for every task `delve worlds`
    lists, and Delve/task (pass `task=`). Returns the ids registered. Without
    a binary it warns, saying how to get one, and registers Delve/task alone
    (usable with `address=`)."""
    ids = []
    if "Delve/task" not in gymnasium.registry:
        gymnasium.register(id="Delve/task", entry_point=DelveEnv, vector_entry_point=VECTOR_ENTRY_POINT)
    try:
        served = catalog.families(binary)
    except DelveNotFound as error:
        warnings.warn(f"delve_agents.gym registers no Delve task ids: {error}", stacklevel=2)
        return ids
    for family in served:
        for entry in family["tasks"]:
            kwargs = {"task": entry["task"], "profile": registered_profile(entry["task"])}
            ids.append(env_id(family, entry))
            if ids[-1] not in gymnasium.registry:
                gymnasium.register(id=ids[-1], entry_point=DelveEnv, vector_entry_point=VECTOR_ENTRY_POINT, kwargs=kwargs)
    return ids


register_envs()
