"""Plays episodes through delve_agents.client against the real `delve serve`.

    DELVE=.build/debug/delve python3 Agents/python/test_delve_client.py
"""

import base64
import os
import re
import subprocess
import sys
import tempfile
import threading
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from delve_agents.client import DelveClient, DelveError  # noqa: E402
from delve_agents.png import pixel, read_png  # noqa: E402

DELVE = os.environ.get("DELVE", "delve")


class DelveClientTests(unittest.TestCase):
    def setUp(self):
        self.delve = DelveClient([DELVE, "serve", "--max-envs", "8"])

    def tearDown(self):
        self.assertEqual(self.delve.close(), 0)

    def test_initialize_reports_the_protocol(self):
        self.assertEqual(self.delve.server_info["protocol_version"], "1.0")
        self.assertIn("grid/goto", [t["task"] for f in self.delve.worlds() for t in f["tasks"]])

    def test_plays_an_episode_to_its_end(self):
        env, observation, info = self.delve.reset("grid/goto", seed=3)
        self.assertEqual(info["task"], "grid/goto")
        actions = observation["legal_actions"]
        steps, result = 0, None
        while True:
            result = self.delve.step(env, actions[steps % 3])  # turn left, turn right, go forward
            steps += 1
            if result["terminated"] or result["truncated"]:
                break
        self.assertEqual(result["info"]["step"], steps)
        self.assertLessEqual(steps, info["step_budget"])
        self.assertIn(result["info"]["end_reason"], ("success", "failure", "budget"))
        with self.assertRaises(DelveError) as caught:
            self.delve.step(env, "go forward")
        self.assertEqual(caught.exception.code, -32004)
        self.delve.close_env(env)

    def test_pictures_come_as_png_when_asked_for(self):
        env, observation, _ = self.delve.reset("grid/goto", seed=7, image=True)
        image = observation["image"]
        width, height, color_type, rows = read_png(base64.b64decode(image["data"]))
        self.assertEqual((width, height, color_type, image["mime"]), (252, 252, 3, "image/png"))
        self.assertEqual(pixel(rows, 3 * 36 + 18, 6 * 36 + 24), (255, 77, 77))  # the agent, bottom middle
        self.assertIn("image", self.delve.step(env, "turn left")["observation"])
        _, full, _ = self.delve.reset("grid/goto", seed=7, image={"view": "full", "tile_size": 4})
        self.assertEqual((full["image"]["width"], full["image"]["height"]), (32, 32))
        _, plain, _ = self.delve.reset("grid/goto", seed=7)
        self.assertNotIn("image", plain)

    def test_snapshot_and_restore_replay_the_same_future(self):
        env, _, _ = self.delve.reset("grid/boss", seed=11)
        token = self.delve.snapshot(env)
        first = [self.delve.step(env, "go forward") for _ in range(5)]
        self.assertEqual(self.delve.restore(env, token)["steps"], 0)
        again = [self.delve.step(env, "go forward") for _ in range(5)]
        self.assertEqual(first, again)
        self.delve.drop_snapshot(token)
        with self.assertRaises(DelveError) as caught:
            self.delve.restore(env, token)
        self.assertEqual(caught.exception.code, -32006)

    def test_step_many_steps_every_env_in_one_line(self):
        envs = [self.delve.reset("grid/goto", seed=seed)[0] for seed in range(4)]
        for _ in range(3):
            results = self.delve.step_many({env: "turn left" for env in envs})
            self.assertEqual(list(results), envs)
        self.assertTrue(all(result["info"]["step"] == 3 for result in results.values()))
        results = self.delve.step_many({envs[0]: "turn left", "env-99": "turn left"})
        self.assertEqual(results[envs[0]]["info"]["step"], 4)
        self.assertEqual(results["env-99"].code, -32003)

    def test_lines_in_flight_are_answered_in_order(self):
        first = [self.delve.reset("grid/goto", seed=seed)[0] for seed in range(3)]
        second = [self.delve.reset("grid/goto", seed=seed)[0] for seed in range(3, 5)]
        a = self.delve.step_many_async({env: "turn left" for env in first})
        b = self.delve.step_many_async({env: "go forward" for env in second})
        c = self.delve.batch_async([("env/legal_actions", {"env": first[0]}), ("env/close", {"env": second[1]})])
        d = self.delve.step_many_async({first[0]: "turn right", second[1]: "turn right"})
        results = self.delve.step_many_wait(a)
        self.assertEqual(list(results), first)
        self.assertTrue(all(result["observation"]["feedback"] == "You turn left." for result in results.values()))
        self.assertEqual(list(self.delve.step_many_wait(b)), second)
        legal, closed = self.delve.batch_wait(c)
        self.assertIn("turn left", legal["legal_actions"])
        self.assertEqual(closed, {})
        results = self.delve.step_many_wait(d)
        self.assertEqual(results[first[0]]["info"]["step"], 2)
        self.assertEqual(results[second[1]].code, -32003)
        self.assertEqual(self.delve.step_many_async({}), None)
        self.assertEqual(self.delve.step_many_wait(None), {})

    def test_render_and_legal_actions(self):
        env, _, _ = self.delve.reset("grid/goto", seed=1, map=True)
        self.assertIn("go forward", self.delve.legal_actions(env))
        self.assertNotIn("\x1b", self.delve.render(env))
        self.assertIn("\x1b[", self.delve.render(env, "ansi"))


def listen(*arguments):
    """Starts `delve serve --listen ...`; returns the process and the address it printed."""
    server = subprocess.Popen([DELVE, "serve", "--listen", *arguments], stderr=subprocess.PIPE, text=True)
    line = server.stderr.readline()
    match = re.fullmatch(r"delve serve: listening on (\S+)\n", line)
    if not match:
        server.kill()
        raise AssertionError(f"no address printed: {line!r}")
    return server, match.group(1)


class SocketTests(unittest.TestCase):
    def stop(self, server):
        server.terminate()
        self.assertEqual(server.wait(timeout=10), 0)
        self.assertEqual(server.stderr.read(), "delve serve: stopped\n")
        server.stderr.close()

    def play(self, address, seed, results, token=None):
        with DelveClient.connect(address, token=token, timeout=10) as delve:
            env, _, _ = delve.reset("grid/goto", seed=seed)
            results[seed] = [delve.step(env, "turn left")["info"]["step"] for _ in range(50)]

    def test_clients_share_a_tcp_server_each_with_its_own_envs(self):
        server, address = listen("127.0.0.1:0")
        results = {}
        threads = [threading.Thread(target=self.play, args=("tcp://" + address, seed, results)) for seed in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        self.assertEqual(results, {seed: list(range(1, 51)) for seed in range(4)})
        self.stop(server)

    def test_a_unix_socket_with_a_token(self):
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "delve.sock")
            server, address = listen("unix:" + path, "--token", "s3cret")
            self.assertEqual(address, "unix:" + path)
            with self.assertRaises(DelveError) as caught:
                DelveClient.connect(address, token="wrong")
            self.assertEqual(caught.exception.code, -32008)
            results = {}
            self.play(address, 1, results, token="s3cret")
            self.assertEqual(len(results[1]), 50)
            self.stop(server)
            self.assertFalse(os.path.exists(path))


if __name__ == "__main__":
    unittest.main()
