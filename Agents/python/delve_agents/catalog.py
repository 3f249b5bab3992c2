"""What the `delve` binary serves, asked of the binary itself (standard library only):
the tasks and their options (`delve worlds --json`), each task's action
vocabulary (`delve worlds TASK --describe --profile P --json`), and the
checks a Gymnasium env makes before it starts a server.
"""

import functools
import json
import subprocess

from .binary import find_delve

PROFILES = ("delve", "balrog")

# The families whose every state offers the same actions, by the profiles in
# which that holds. The dungeon's fixed sets (MiniHack's per task, NetHack's
# for descend) are its `balrog` profile's; under `delve` it takes commands
# with inventory letters ("wield b"), a free text.
FIXED_VOCABULARY = {"grid": PROFILES, "craft": PROFILES, "rules": PROFILES, "dungeon": ("balrog",)}

# Training seeds (docs/determinism.md): below 1,000,000; the text family keeps
# TextWorldExpress's split, whose training seeds are 0-999.
TRAINING_SEEDS = range(0, 1_000_000)
TRAINING_SEEDS_BY_FAMILY = {"text": range(0, 1000)}


def _run(binary, *arguments):
    """The JSON a `delve` command prints."""
    done = subprocess.run([binary, *arguments], capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"`{binary} {' '.join(arguments)}` failed ({done.returncode}): {done.stderr.strip()}")
    return json.loads(done.stdout)


@functools.lru_cache(maxsize=None)
def families(binary=None):
    """The families `delve worlds --json` lists (the shape of serve's `worlds/list`)."""
    return _run(binary or find_delve(), "worlds", "--json")


@functools.lru_cache(maxsize=None)
def action_space(task, profile, binary=None):
    """The actions `delve worlds TASK --describe --profile P` lists: what
    `episode/start` tells an agent (the task's fixed vocabulary where it has one)."""
    described = _run(binary or find_delve(), "worlds", task, "--describe", "--profile", profile, "--json")
    return list(described[0]["tasks"][0]["description"]["action_space"])


def has_fixed_vocabulary(task, profile):
    """Whether every state of `task` under `profile` offers the same actions."""
    return profile in FIXED_VOCABULARY.get(task.split("/")[0], ())


def training_seeds(task):
    """The seeds reserved for training `task` (docs/determinism.md)."""
    return TRAINING_SEEDS_BY_FAMILY.get(task.split("/")[0], TRAINING_SEEDS)


def find_task(served, task):
    """`task`'s entry among `served` families (the list `worlds/list` answers).
    Raises ValueError naming the valid tasks when it is not served."""
    for family in served:
        for entry in family["tasks"]:
            if entry["task"] == task:
                return dict(entry, family=family["family"], images=family["images"])
    names = [entry["task"] for family in served for entry in family["tasks"]]
    raise ValueError(f"unknown task {task!r}; served tasks: {', '.join(names)}")


def check_options(entry, options):
    """Raises ValueError when an option of `options` is not one of the task's,
    or its value is of the wrong type or out of bounds; the message names
    the valid choices."""
    known = {option["name"]: option for option in entry["options"]}
    for name, value in options.items():
        option = known.get(name)
        if option is None:
            valid = ", ".join(known) or "none"
            raise ValueError(f"{entry['task']} has no option {name!r}; its options: {valid}")
        default = option["default"]
        kind = type(default)
        if kind is bool and not isinstance(value, bool):
            raise ValueError(f"{entry['task']} option {name!r} is a boolean, not {value!r}")
        if kind is int and (isinstance(value, bool) or not isinstance(value, int)):
            raise ValueError(f"{entry['task']} option {name!r} is an integer, not {value!r}")
        if kind is str and not isinstance(value, str):
            raise ValueError(f"{entry['task']} option {name!r} is a string, not {value!r}")
        low, high = option.get("minimum"), option.get("maximum")
        if low is not None and high is not None and not low <= value <= high:
            raise ValueError(f"{entry['task']} option {name!r} is {value}; it must be in {low}...{high}")
