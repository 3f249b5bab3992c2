"""Checks delve_agents.gym and delve_agents.vector against Gymnasium's own env
checker and vector envs, with the real `delve serve`.

    DELVE=.build/debug/delve python3 Agents/python/test_delve_gym.py

It tests the installed `delve_agents` when there is one (scripts/python-check.sh
runs a copy of it in a fresh venv where the package is installed), else the
checkout's beside this file.

Gymnasium is not in the standard library, so this script first makes (or
reuses) a virtual environment outside the repository, $DELVE_GYM_VENV or
/tmp/delve-gym-venv, installs gymnasium and jsonschema there from PyPI, and
runs itself again with that environment's python. It fails, loudly, when
they cannot be installed. `test_delve_gym.py --venv` only makes the
environment and prints its python (the Swift tests validate protocol traffic
with its jsonschema).
"""

import os
import subprocess
import sys

VENV = os.environ.get("DELVE_GYM_VENV", "/tmp/delve-gym-venv")
PACKAGES = ["gymnasium>=1.0", "jsonschema"]


def make_venv():
    """The venv's python, the venv made and its packages installed when needed."""
    python = os.path.join(VENV, "bin", "python")
    if not os.path.exists(python):
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True, stdout=sys.stderr)
    probe = subprocess.run([python, "-c", "import gymnasium, jsonschema"], capture_output=True)
    if probe.returncode != 0:
        subprocess.run([python, "-m", "pip", "install", "--quiet", *PACKAGES], check=True, stdout=sys.stderr)
    return python


def ensure_venv():
    """Runs this script again inside the venv, creating it first when needed."""
    python = make_venv()
    os.execv(python, [python, os.path.abspath(__file__), *sys.argv[1:]])


if sys.argv[1:] == ["--venv"]:
    print(make_venv())
    sys.exit(0)

try:
    import gymnasium  # noqa: F401
except ImportError:
    if os.environ.get("DELVE_GYM_REEXEC"):
        sys.exit(f"gymnasium is not importable in {VENV} even after installing it")
    os.environ["DELVE_GYM_REEXEC"] = "1"
    ensure_venv()

import base64  # noqa: E402
import contextlib  # noqa: E402
import importlib.util  # noqa: E402
import io  # noqa: E402
import re  # noqa: E402
import unittest  # noqa: E402
import warnings  # noqa: E402

import gymnasium  # noqa: E402,F811
import numpy as np  # noqa: E402
from gymnasium.utils.env_checker import check_env  # noqa: E402
from gymnasium.vector import AutoresetMode, SyncVectorEnv  # noqa: E402

if importlib.util.find_spec("delve_agents") is None:
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import delve_agents  # noqa: E402
import delve_agents.gym  # noqa: E402
from delve_agents import catalog, png  # noqa: E402
from delve_agents.binary import DelveNotFound, find_delve  # noqa: E402
from delve_agents.client import DelveClient  # noqa: E402
from delve_agents.gym import DelveEnv  # noqa: E402
from delve_agents.vector import DelveVectorEnv  # noqa: E402

print(f"testing {delve_agents.__file__}", file=sys.stderr)
DELVE = os.environ.get("DELVE", "delve")
COMMAND = [DELVE, "serve"]
OBSERVE = {False: ("text",), True: ("text", "both", "image")}


SERVER = {}


def setUpModule():
    """One listening server for the sweeps: envs connect to it rather than each spawning its own."""
    server = subprocess.Popen([DELVE, "serve", "--listen", "127.0.0.1:0"], stderr=subprocess.PIPE, text=True)
    SERVER["process"] = server
    SERVER["address"] = "tcp://" + re.fullmatch(r"delve serve: listening on (\S+)\n", server.stderr.readline()).group(1)


def tearDownModule():
    server = SERVER["process"]
    server.terminate()
    server.wait(timeout=10)
    server.stderr.close()


def served_tasks():
    with DelveClient(COMMAND) as delve:
        return [dict(task, family=family["family"], images=family["images"], revision=family["revision"])
                for family in delve.worlds() for task in family["tasks"]]


class DelveGymTests(unittest.TestCase):
    def check(self, env):
        try:
            # The checker also tries render mode "human", which prints the map: keep it off the test's output.
            with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()):
                warnings.simplefilter("error")  # the checker reports problems as warnings: make them failures
                check_env(env.unwrapped)
        finally:
            env.close()

    def test_every_served_task_is_registered_and_passes_the_checker_with_each_option(self):
        tasks = served_tasks()
        ids = {f"Delve/{t['task'].replace('/', '-')}-v{t['revision']}": t for t in tasks}
        self.assertEqual(set(ids), set(delve_agents.gym.register_envs()))
        for env_id, task in ids.items():
            fixed = task["family"] != "text"
            profile = "balrog" if task["family"] == "dungeon" else "delve"
            with self.subTest(id=env_id):
                env = gymnasium.make(env_id, address=SERVER["address"], render_mode="ansi")
                self.assertEqual(type(env.action_space).__name__, "Discrete" if fixed else "Text")
                self.assertEqual(env.unwrapped.profile, profile)
                self.check(env)
            for observe in OBSERVE[task["images"]]:
                for action_type in ("discrete", "text") if fixed else ("text",):
                    if (observe, action_type) == ("text", "discrete"):
                        continue  # the registered default, checked above
                    with self.subTest(id=env_id, observe=observe, action_type=action_type):
                        self.check(gymnasium.make(env_id, address=SERVER["address"], observe=observe, action_type=action_type,
                                                  render_mode="rgb_array" if task["images"] else "ansi"))
            if task["images"]:
                with self.subTest(id=env_id, symbolic=True):
                    self.check(gymnasium.make(env_id, address=SERVER["address"], symbolic=True))

    def test_symbolic_arrays_are_each_familys_encoding(self):
        env = DelveEnv("grid/goto", options={"room_size": 5, "distractors": 1}, symbolic=True, command=COMMAND)
        observation, _ = env.reset(seed=7)
        image = observation["symbolic"]["image"]
        # "a wall 1 step right / a green box 2 steps left / a grey box 2 steps forward" (protocol.md's example),
        # in MiniGrid's numbers: [column][row], the agent at [3][6]; box 7, wall 2; green 1, grey 5.
        self.assertEqual(image.shape, (7, 7, 3))
        self.assertEqual([image[4, 6].tolist(), image[1, 6].tolist(), image[3, 4].tolist()], [[2, 5, 0], [7, 1, 0], [7, 5, 0]])
        self.assertEqual(image[3, 6].tolist(), [1, 0, 0])  # the agent's cell: it carries nothing
        self.assertTrue((image[:, :, 0] == 0).any())  # cells behind walls are unseen
        facing = int(observation["symbolic"]["direction"][0])
        observation, *_ = env.step(0)  # turn left
        self.assertEqual(int(observation["symbolic"]["direction"][0]), (facing + 3) % 4)
        env.close()
        shapes = {"craft/balrog": {"local_view": (9, 7), "inventory": (16,)}, "dungeon/corridor": {"chars": (21, 80)}}
        for task, expected in shapes.items():
            env = DelveEnv(task, symbolic=True, command=COMMAND)
            observation, _ = env.reset(seed=2)
            self.assertEqual({name: array.shape for name, array in observation["symbolic"].items()}, expected)
            env.close()
        craft = DelveEnv("craft/balrog", symbolic=True, command=COMMAND)
        observation, _ = craft.reset(seed=2)
        self.assertEqual(observation["symbolic"]["local_view"][4, 3], 13)  # the player, at the centre
        self.assertEqual(observation["symbolic"]["inventory"][:4].tolist(), [9, 9, 9, 9])  # Crafter's vitals first
        craft.close()
        dungeon = DelveEnv("dungeon/corridor", symbolic=True, command=COMMAND)
        observation, _ = dungeon.reset(seed=2)
        self.assertEqual(int((observation["symbolic"]["chars"] == ord("@")).sum()), 1)  # the hero, once
        dungeon.close()
        rules = DelveEnv("rules/goto_win", symbolic=True, command=COMMAND)
        observation, _ = rules.reset(seed=2)
        cells = observation["symbolic"]["cells"]
        self.assertEqual(cells.shape[2], 16)
        self.assertEqual((cells[:, :, 0].sum(), cells[:, :, 10].sum()), (1, 2))  # one baba; `baba is you`, `X is win`
        rules.close()
        with self.assertRaisesRegex(ValueError, "no symbolic arrays"):
            DelveEnv("text/cooking", symbolic=True, command=COMMAND)

    def test_discrete_actions_are_the_tasks_vocabulary_and_masks_follow_legal_actions(self):
        expected = {("grid/goto", "delve"): 7, ("grid/goto", "balrog"): 6, ("craft/balrog", "delve"): 17,
                    ("rules/goto_win", "delve"): 5, ("dungeon/corridor", "balrog"): 11, ("dungeon/boxoban_hard", "balrog"): 4}
        for (task, profile), count in expected.items():
            with self.subTest(task=task, profile=profile):
                env = DelveEnv(task, profile=profile, command=COMMAND)
                try:
                    self.assertEqual(env.action_space.n, count)
                    self.assertEqual(env.actions, catalog.action_space(task, profile, DELVE))
                    _, info = env.reset(seed=5)
                    mask = env.action_masks()
                    self.assertEqual(mask.dtype, np.bool_)
                    legal = info["legal_actions"] or env.actions
                    self.assertEqual([a for a, m in zip(env.actions, mask) if m], [a for a in env.actions if a in legal])
                finally:
                    env.close()
        text = DelveEnv("text/cooking", command=COMMAND)
        with self.assertRaisesRegex(ValueError, "Text action space"):
            text.action_masks()
        text.close()
        with self.assertRaisesRegex(ValueError, "the dungeon's is its 'balrog' profile's"):
            DelveEnv("dungeon/corridor", profile="delve", action_type="discrete", command=COMMAND)

    def test_make_checks_the_task_profile_and_every_option(self):
        bad = [({"task": "grid/fly"}, "unknown task 'grid/fly'; served tasks: grid/goto"),
               ({"options": {"rooms": 3}}, "grid/goto has no option 'rooms'; its options: room_size, distractors"),
               ({"options": {"room_size": 99}}, "'room_size' is 99; it must be in 5...16"),
               ({"options": {"room_size": "8"}}, "'room_size' is an integer"),
               ({"profile": "babyai"}, "profile 'babyai'"),
               ({"task": "text/cooking", "action_type": "discrete"}, "no fixed action set"),
               ({"task": "text/cooking", "observe": "both"}, "no pictures"),
               ({"step_budget": 0}, "step_budget 0"),
               ({"observe": "pixels"}, "observe 'pixels'")]
        for kwargs, message in bad:
            with self.subTest(kwargs=kwargs):
                with self.assertRaisesRegex(ValueError, re.escape(message)):
                    gymnasium.make("Delve/task", **{"task": "grid/goto", "command": COMMAND, **kwargs})
        env = gymnasium.make("Delve/task", task="craft/balrog", options={"unique_items": False}, command=COMMAND)
        with self.assertRaisesRegex(ValueError, "'unique_items' is a boolean"):
            env.reset(options={"unique_items": 1})
        env.close()

    def test_the_binary_is_found_or_the_error_says_how_to_get_it(self):
        self.assertTrue(os.path.samefile(find_delve(), DELVE) if os.path.sep in DELVE else find_delve())
        saved = os.environ.get("DELVE")
        try:
            os.environ["DELVE"] = "/nonexistent/delve"
            with self.assertRaisesRegex(DelveNotFound, re.escape("swift build -c release")):
                DelveClient()
            os.environ["DELVE"], path = "", os.environ.get("PATH", "")
            os.environ["PATH"] = "/nonexistent"
            try:
                with self.assertRaisesRegex(DelveNotFound, "not on PATH and \\$DELVE is not set"):
                    DelveEnv("grid/goto")
            finally:
                os.environ["PATH"] = path
        finally:
            os.environ["DELVE"] = saved if saved is not None else ""

    def test_pictures_are_the_served_pngs_and_rgb_array_renders_them(self):
        env = gymnasium.make("Delve/grid-goto-v1", observe="both", render_mode="rgb_array", command=COMMAND)
        try:
            self.assertEqual(env.observation_space["image"].shape, (252, 252, 3))
            env.reset(seed=3)
            observation, *_ = env.step(2)
            with DelveClient(COMMAND) as delve:
                served, _, _ = delve.reset("grid/goto", seed=3, image=True)
                answer = delve.step(served, "go forward")
            width, height, _, rows = png.read_png(base64.b64decode(answer["observation"]["image"]["data"]))
            self.assertEqual(observation["image"].shape, (height, width, 3))
            for y in range(0, height, 7):
                for x in range(0, width, 5):
                    self.assertEqual(tuple(int(v) for v in observation["image"][y, x]), png.pixel(rows, x, y))
            self.assertTrue(np.array_equal(env.render(), observation["image"]))
            self.assertEqual(observation["text"], answer["observation"]["text"])
        finally:
            env.close()
        image_only = gymnasium.make("Delve/task", task="grid/goto", observe="image", command=COMMAND)
        self.assertNotIn("text", image_only.observation_space.spaces)
        image_only.close()

    def test_seed_n_is_delve_seed_n_and_no_seed_draws_a_training_seed(self):
        env = gymnasium.make("Delve/task", task="grid/goto", options={"room_size": 5, "distractors": 1}, command=COMMAND)
        observation, info = env.reset(seed=7)
        # docs/protocol.md's env/reset example: the same world.
        self.assertEqual(observation["text"], "a wall 1 step right\na green box 2 steps left\na grey box 2 steps forward")
        self.assertEqual((info["seed"], info["step_budget"]), (7, 25))
        observation, reward, terminated, truncated, info = env.step(0)  # turn left
        self.assertEqual(observation["text"], "a wall 1 step left\na grey box 2 steps right\na green box 2 steps forward")
        self.assertEqual((reward, terminated, truncated, info["valid"]), (0.0, False, False, True))
        seeds = [env.reset()[1]["seed"] for _ in range(20)]
        self.assertTrue(all(0 <= seed < 1_000_000 for seed in seeds) and len(set(seeds)) > 1, seeds)
        env.close()
        text = gymnasium.make("Delve/task", task="text/coin_collector", command=COMMAND)
        self.assertTrue(all(0 <= text.reset()[1]["seed"] < 1000 for _ in range(20)))
        text.close()
        replays = []
        for _ in range(2):
            env = DelveEnv("grid/goto", command=COMMAND)
            env.reset(seed=123)
            replays.append([env.reset()[1]["seed"] for _ in range(3)])
            env.close()
        self.assertEqual(replays[0], replays[1])

    def test_an_episode_plays_to_its_end_and_render_shows_the_map(self):
        env = DelveEnv("grid/goto", render_mode="ansi", command=COMMAND)
        env.reset(seed=3)
        self.assertIn("facing", env.render())
        steps, done = 0, False
        while not done:
            _, _, terminated, truncated, info = env.step(env.action_space.sample())
            steps, done = steps + 1, terminated or truncated
        self.assertEqual(info["step"], steps)
        self.assertIn(info["end_reason"], ("success", "failure", "budget"))
        env.close()
        env.close()

    def test_envs_share_a_listening_server(self):
        server = subprocess.Popen([DELVE, "serve", "--listen", "127.0.0.1:0", "--token", "t"], stderr=subprocess.PIPE, text=True)
        address = "tcp://" + re.fullmatch(r"delve serve: listening on (\S+)\n", server.stderr.readline()).group(1)
        envs = [gymnasium.make("Delve/grid-boss-v1", address=address, token="t") for _ in range(2)]
        first = [env.reset(seed=11)[0] for env in envs]
        self.assertEqual(first[0], first[1])
        for env in envs:
            env.close()
        server.terminate()
        self.assertEqual(server.wait(timeout=10), 0)
        server.stderr.close()


class DelveVectorEnvTests(unittest.TestCase):
    """The batch vector env against gymnasium's SyncVectorEnv over the single env: the same episodes, step for step."""

    def play(self, envs, steps=150):
        rng = np.random.default_rng(0)
        observations, infos = envs.reset(seed=40)
        trace = [(observations["text"], infos["seed"].tolist())]
        for _ in range(steps):
            actions = rng.integers(0, 7, size=envs.num_envs)
            observations, rewards, terminations, truncations, infos = envs.step(actions)
            final = infos.get("final_obs")
            trace.append((observations["text"], rewards.tolist(), terminations.tolist(), truncations.tolist(),
                          None if final is None else [f and f["text"] for f in final]))
        return trace

    def test_autoreset_matches_sync_vector_env_in_every_mode_and_with_lines_in_flight(self):
        options = {"room_size": 5, "distractors": 1}
        for mode in (AutoresetMode.NEXT_STEP, AutoresetMode.SAME_STEP):
            with self.subTest(mode=mode):
                sync = SyncVectorEnv([lambda: DelveEnv("grid/goto", options=options, command=COMMAND)] * 4, autoreset_mode=mode)
                expected = self.play(sync)
                sync.close()
                self.assertTrue(any(any(step[2]) or any(step[3]) for step in expected[1:]), "no episode ended")
                for lines in (1, 2):
                    batch = DelveVectorEnv("grid/goto", num_envs=4, lines_in_flight=lines, autoreset_mode=mode,
                                           options=options, command=COMMAND)
                    self.assertEqual(self.play(batch), expected)
                    batch.close()

    def test_make_vec_uses_the_batches_and_masks_and_disabled_mode_resets_by_mask(self):
        envs = gymnasium.make_vec("Delve/craft-balrog-v1", num_envs=3, vectorization_mode="vector_entry_point")
        self.assertIsInstance(envs.unwrapped, DelveVectorEnv)
        envs.reset(seed=1)
        self.assertEqual(envs.unwrapped.action_masks().shape, (3, 17))
        envs.close()
        envs = DelveVectorEnv("grid/goto", num_envs=2, autoreset_mode=AutoresetMode.DISABLED,
                              options={"room_size": 5, "distractors": 1}, command=COMMAND)
        envs.reset(seed=0)
        ended = np.zeros(2, dtype=bool)
        while not ended.any():
            _, _, terminations, truncations, _ = envs.step(np.array([6, 0]))  # done, turn left
            ended = terminations | truncations
        with self.assertRaisesRegex(RuntimeError, "reset them"):
            envs.step(np.array([0, 0]))
        _, infos = envs.reset(seed=[9, None], options={"reset_mask": ended})
        self.assertEqual(infos["_seed"].tolist(), ended.tolist())
        envs.step(np.array([0, 0]))
        envs.close()


if __name__ == "__main__":
    unittest.main()
