"""Tests llm_agent.py: its answer parsing and prompts, then whole runs of the real
`delve eval` against a fake OpenAI-compatible server on loopback.

    DELVE=.build/debug/delve python3 Agents/python/test_llm_agent.py

Without DELVE, the end-to-end tests are skipped.
"""

import base64
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
import unittest
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from delve_agents import llm_agent  # noqa: E402
from delve_agents.balrog_adapter import Demos  # noqa: E402
from delve_agents.llm_agent import AGENT_TYPES  # noqa: E402
from delve_agents.png import pixel, read_png  # noqa: E402

DELVE = os.environ.get("DELVE")
LEGAL = ["turn left", "turn right", "go forward", "pick up", "drop", "toggle", "done"]
PROMPT_TOKENS, COMPLETION_TOKENS = 100, 7


class FakeOpenAI:
    """An OpenAI-compatible chat-completions server on 127.0.0.1 (ephemeral port), in a thread.

    It answers POST /v1/chat/completions with `script` in order, then cycles
    through `answers` (or, when `answers` is a function, answers what it returns for the request body). A script item is `("slow", seconds)` (waits, then
    answers the next answer of the cycle), `("status", code)` (an error reply),
    or `("text", content)`. Every request body, what it got, and the Authorization headers are recorded.
    """

    def __init__(self, script, answers):
        self.script, self.answers = list(script), answers
        self.served = 0  # answers of the cycle handed out
        self.requests = []  # (decoded body, what was served: "slow", 429, 500 or the answer text)
        self.authorizations = set()  # the Authorization headers seen
        self.lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                if self.path != "/v1/chat/completions" or not body.get("messages"):
                    self.send_error(404)
                    return
                with fake.lock:
                    fake.authorizations.add(self.headers.get("Authorization"))
                    item = fake.script.pop(0) if fake.script else ("text", None)
                    if item[1] is None:
                        item = ("text", fake.answers(body) if callable(fake.answers)
                                else fake.answers[fake.served % len(fake.answers)])
                        fake.served += 1
                    fake.requests.append((body, item[1] if item[0] != "slow" else "slow"))
                if item[0] == "slow":
                    time.sleep(item[1])  # the agent has given up by now; the reply goes nowhere
                    return
                if item[0] == "status":
                    self.send_error(item[1])
                    return
                self.reply({"id": "fake", "object": "chat.completion", "model": body["model"],
                            "choices": [{"index": 0, "finish_reason": "stop",
                                         "message": {"role": "assistant", "content": item[1]}}],
                            "usage": {"prompt_tokens": PROMPT_TOKENS, "completion_tokens": COMPLETION_TOKENS,
                                      "total_tokens": PROMPT_TOKENS + COMPLETION_TOKENS}})

            def reply(self, value):
                data = json.dumps(value).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):  # keep the test's output quiet
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"
        threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


INSTRUCTIONS = "Find the key.\n\nPLAY!"
# BALROG's answer-format texts, spelled out here so that a change to llm_agent's copy shows.
NAIVE_TEXT = ("You always have to output one of the above actions at a time and no other text. "
              "You always have to output an action until the episode terminates.")
COT_TEXT = ("First think about what's the best course of action step by step.\n"
            "Finally, provide a single output action at the end of the message in the form of: ACTION: <action>")
ROBUST_NAIVE_TEXT = ("You must choose exactly one of the listed actions and output it strictly in the following "
                     "format:\n\n<|ACTION|>YOUR_CHOSEN_ACTION<|END|>\n\nReplace YOUR_CHOSEN_ACTION with the chosen "
                     "action. Output no other text, explanation, or reasoning.")
ROBUST_COT_TEXT = ("First, think about the best course of action.\nThen, you must choose exactly one of the listed "
                   "actions and output it strictly in the following format:\n\n<|ACTION|>YOUR_CHOSEN_ACTION<|END|>"
                   "\n\nReplace YOUR_CHOSEN_ACTION with the chosen action.")


def observation(n, legal=()):
    return {"text": f"view {n}", "status": f"status {n}", "feedback": f"fb {n}" if n % 2 else "",
            "mission": "m", "legal_actions": list(legal)}


def user(content):
    return {"role": "user", "content": content}


def assistant(content):
    return {"role": "assistant", "content": content}


class Harness:
    """llm_agent's adapter in this process, against a FakeOpenAI endpoint: plays `steps` acts."""

    def __init__(self, test, agent_type, answers, *flags, profile="balrog", task="grid/goto", seed=7):
        self.fake = FakeOpenAI(script=[], answers=answers)
        test.addCleanup(self.fake.close)
        args = llm_agent.parse_arguments(["--base-url", self.fake.url, "--model", "m", "--agent-type", agent_type,
                                          "--retries", "0", *flags])
        self.adapter = llm_agent.adapter(args)
        self.adapter.start_episode({"task": task, "seed": seed, "instructions": INSTRUCTIONS, "step_budget": 9,
                                    "action_space": [], "profile": profile})

    def play(self, steps, legal=()):
        return [self.adapter.choose_action({"step": n, "observation": observation(n, legal), "reward": 0,
                                            "progress": 0}) for n in range(steps)]

    def prompts(self):
        return [body["messages"] for body, _ in self.fake.requests]


class PromptTests(unittest.TestCase):
    """One whole prompt per agent type, as the endpoint received it at the third step (balrog profile)."""

    def history(self, first_action, second_action):
        return [user(INSTRUCTIONS), user("Observation:\nview 0"), assistant(first_action),
                user("Observation:\nfb 1\nview 1"), assistant(second_action)]

    def test_naive(self):
        harness = Harness(self, "naive", ["Go forward!", "turn left 2", "x"])
        results = harness.play(3)
        self.assertEqual([r["action"] for r in results[:2]], ["Go forward", "turn left "])
        self.assertEqual(harness.prompts()[2], self.history("Go forward", "turn left ") + [
            user("Current Observation:\nstatus 2\nview 2\n\n" + NAIVE_TEXT)])
        self.assertNotIn("reasoning", results[0])
        self.assertEqual(results[0]["raw"], "Go forward!")
        self.assertEqual(json.loads(results[2]["prompt"]), harness.prompts()[2])

    def test_cot_remembers_its_last_plan(self):
        harness = Harness(self, "cot", ["The key is ahead.\nACTION: go forward", "Turn first.\nACTION: turn left", "x"])
        results = harness.play(3)
        self.assertEqual([r["action"] for r in results[:2]], ["go forward", "turn left"])
        self.assertEqual(results[1]["reasoning"], "Turn first.\nACTION: turn left")
        # Only the newest action is shown as its plan; the older one as the action it was.
        self.assertEqual(harness.prompts()[2], self.history("go forward", "Previous plan:\nTurn first.\nACTION: turn left")
                         + [user("Current Observation:\nstatus 2\nview 2\n\n" + COT_TEXT)])

    def test_robust_naive(self):
        harness = Harness(self, "robust-naive", ["<|ACTION|>go forward<|END|>",
                                                 "I pick <|ACTION|> turn left <|END|> not <|ACTION|>drop<|END|>", "x"])
        results = harness.play(3)
        self.assertEqual([r["action"] for r in results[:2]], ["go forward", "turn left"])
        self.assertEqual(harness.prompts()[2], self.history("go forward", "turn left") + [
            user("Current Observation:\nstatus 2\nview 2\n\n" + ROBUST_NAIVE_TEXT)])
        self.assertEqual(Harness(self, "robust-naive", ["  just drop  "]).play(1)[0]["action"], "just drop")

    def test_robust_cot_remembers_no_plan(self):
        harness = Harness(self, "robust-cot", ["Think.\n<|ACTION|>go forward<|END|>", "No tags: turn left", "x"])
        results = harness.play(3)
        failed = "Failed to obtain a valid action from the reasoning."
        self.assertEqual([r["action"] for r in results[:2]], ["go forward", failed])
        self.assertEqual(results[1]["reasoning"], "No tags: turn left")
        self.assertEqual(harness.prompts()[2], self.history("go forward", failed) + [
            user("Current Observation:\nstatus 2\nview 2\n\n" + ROBUST_COT_TEXT)])

    def test_few_shot(self):
        demos = os.path.join(self.enterContext(tempfile.TemporaryDirectory()), "demos.jsonl")
        with open(demos, "w") as f:
            for task, seed, profile in [("grid/goto", 5, "balrog"), ("grid/goto", 9, "delve"),
                                        ("grid/pickup", 1, "balrog"), ("grid/goto", 7, "balrog")]:
                f.write(json.dumps({"task": task, "seed": seed, "profile": profile, "revision": 1, "progress": 100.0,
                                    "end_reason": "success", "instructions": "...",
                                    "observations": [f"d{seed} 0", f"d{seed} 1"], "actions": ["go forward"]}) + "\n")
        # Seed 7's own recording, the delve one and the pickup one are never shown: only seed 5 fits.
        harness = Harness(self, "few-shot", ["go forward", "turn left", "x"], "--demos", demos)
        harness.play(3)
        self.assertEqual(harness.prompts()[2], [
            user("Find the key.\n\nFirst, observe the demonstrations provided and learn from them!!"),
            user("****** START OF DEMONSTRATION EPISODE 1 ******"),
            user("Obesrvation:\nd5 0"), assistant("go forward"), user("Obesrvation:\nd5 1"),
            user("****** END OF DEMONSTRATION EPISODE 1 ******"),
            user("****** Now it's your turn to play the game! ******"),
            user("Observation:\nview 0"), assistant("go forward"), user("Observation:\nfb 1\nview 1"),
            assistant("turn left"), user("Current Observation:\nstatus 2\nview 2\n\n" + NAIVE_TEXT)])
        # A second episode gets its own demonstrations, not the first one's as well.
        harness.adapter.start_episode({"task": "grid/goto", "seed": 8, "instructions": INSTRUCTIONS,
                                       "step_budget": 9, "action_space": [], "profile": "balrog"})
        harness.play(1)
        starts = [m for m in harness.prompts()[3] if "START OF DEMONSTRATION" in m["content"]]
        self.assertEqual(len(starts), 1)

    def test_few_shot_picks_k_demos_of_the_task_by_seed(self):
        demos = os.path.join(self.enterContext(tempfile.TemporaryDirectory()), "demos.jsonl")
        with open(demos, "w") as f:
            for seed in range(100, 106):
                f.write(json.dumps({"task": "rules/goto_win", "seed": seed, "profile": "balrog",
                                    "observations": [f"d{seed}"], "actions": []}) + "\n")
        picks = Demos(demos)
        first = [d["seed"] for d in picks.pick("rules/goto_win", 3, "balrog", 2)]
        self.assertEqual(len(set(first)), 2)
        self.assertEqual(first, [d["seed"] for d in picks.pick("rules/goto_win", 3, "balrog", 2)])  # deterministic
        chosen = {d["seed"] for seed in range(40) for d in picks.pick("rules/goto_win", seed, "balrog", 2)}
        self.assertGreater(len(chosen), 2)  # other seeds, other demos
        with self.assertRaisesRegex(ValueError, "no demonstration of grid/goto"):
            picks.pick("grid/goto", 3, "balrog", 1)
        harness = Harness(self, "few-shot", ["x"], "--demos", demos, "--few-shot", "3", task="rules/goto_win")
        harness.play(1)
        self.assertEqual(sum("START OF DEMONSTRATION" in m["content"] for m in harness.prompts()[0]), 3)
        with open(demos, "a") as f:
            f.write(json.dumps({"task": "rules/goto_win", "observations": ["a"], "actions": ["b"]}) + "\n")
        with self.assertRaisesRegex(ValueError, "demos.jsonl:7: not a demonstration episode"):
            Demos(demos)

    def test_the_history_keeps_16_observations_and_the_actions_between(self):
        harness = Harness(self, "naive", ["turn left"])
        harness.play(20)
        prompt = harness.prompts()[19]
        self.assertEqual(len(prompt), 1 + 32)
        self.assertEqual(prompt[1], assistant("turn left"))  # the window starts with the action after view 3
        self.assertEqual(prompt[2]["content"], "Observation:\nview 4")
        self.assertEqual(sum(m["role"] == "user" for m in prompt[1:]), 16)

    def test_sampling_and_legal_actions_follow_the_profile(self):
        balrog = Harness(self, "naive", ["x"])
        balrog.play(1, legal=["turn left", "turn right"])
        body = balrog.fake.requests[0][0]
        self.assertEqual((body["temperature"], body["max_tokens"]), (1.0, 8192))
        self.assertNotIn("Legal actions", json.dumps(body["messages"]))
        delve = Harness(self, "naive", ["x"], "--extra-body", '{"top_p": 0.5}', profile="delve")
        delve.play(1, legal=["turn left", "turn right"])
        body = delve.fake.requests[0][0]
        self.assertNotIn("temperature", body)
        self.assertEqual((body["max_tokens"], body["top_p"]), (1024, 0.5))
        self.assertEqual(body["messages"][-1]["content"],
                         "Current Observation:\nstatus 0\nLegal actions: turn left, turn right\nview 0\n\n" + NAIVE_TEXT)

    def test_the_earlier_format_flag_maps_to_agent_types(self):
        for flag, agent_type in [("naive", "naive"), ("cot", "cot"), ("robust", "robust-naive")]:
            args = llm_agent.parse_arguments(["--base-url", "http://127.0.0.1:1/v1", "--model", "m", "--format", flag])
            self.assertEqual(args.agent_type, agent_type)


class EchoTests(unittest.TestCase):
    """An endpoint that echoes the prompt back never hands an action over: whatever the
    agent type, what it extracts names no action of any family."""

    VOCABULARY = ["turn left", "turn right", "go forward", "pick up", "drop", "toggle", "done", "Noop", "Do",
                  "Move Left", "look", "inventory", "go north", "idle", "up", "down", "left", "right", "wait",
                  "search", "far east", "action", "your chosen action"]

    def test_echoes_yield_no_action(self):
        echoes = {"the newest message": lambda body: body["messages"][-1]["content"],
                  "the instructions": lambda body: body["messages"][0]["content"],
                  "the whole prompt": lambda body: "\n".join(m["content"] for m in body["messages"])}
        # An example action in the instructions' prose, as BALROG's BabyAI tips have (the earlier, tolerant
        # parser credited an echo with it). BALROG's rules would credit a tagged example (<|ACTION|>x<|END|>)
        # or a closing "ACTION: x"; no family's instructions hold one (the end-to-end test checks them all).
        instructions_with_example = ("Tips: use the 'toggle' action to open a door; for example, answer toggle "
                                     "or \"go forward\".\n\nPLAY!")
        for agent_type in AGENT_TYPES:
            for name, echo in echoes.items():
                with self.subTest(agent_type=agent_type, echo=name):
                    flags = ["--demos", self.demos()] if agent_type == "few-shot" else []
                    harness = Harness(self, agent_type, echo, *flags)
                    harness.adapter.agent.prompt_builder.update_instruction_prompt(instructions_with_example)
                    for result in harness.play(3):
                        self.assertNotIn(ActionNames.normal(result["action"]), ActionNames.of(self.VOCABULARY[:-2]))

    def demos(self):
        path = os.path.join(self.enterContext(tempfile.TemporaryDirectory()), "demos.jsonl")
        with open(path, "w") as f:
            f.write(json.dumps({"task": "grid/goto", "seed": 1, "observations": ["a", "b"], "actions": ["toggle"]}))
        return path


class ActionNames:
    @staticmethod
    def normal(text):
        return " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split())

    @staticmethod
    def of(vocabulary):
        return {ActionNames.normal(v) for v in vocabulary}


class ImagePromptTests(unittest.TestCase):
    def observation(self, n, image=True):
        seen = {"text": f"view {n}", "status": "", "feedback": "", "mission": "m", "legal_actions": []}
        if image:
            seen["image"] = {"data": f"PNG{n}", "width": 4, "height": 4, "mime": "image/png"}
        return seen

    def play(self, window, steps=4):
        harness = Harness(self, "naive", ["turn left"], "--max-image-history", str(window))
        results = [harness.adapter.choose_action({"step": n, "observation": self.observation(n), "reward": 0,
                                                  "progress": 0}) for n in range(steps)]
        return results[-1], harness.prompts()[-1]

    @staticmethod
    def images(messages):
        return [part["image_url"]["url"] for m in messages if isinstance(m["content"], list)
                for part in m["content"] if part["type"] == "image_url"]

    def test_the_newest_observations_carry_their_pictures(self):
        for window, expected in [(0, []), (1, ["PNG3"]), (2, ["PNG2", "PNG3"]), (9, ["PNG0", "PNG1", "PNG2", "PNG3"])]:
            with self.subTest(window=window):
                _, messages = self.play(window)
                self.assertEqual(self.images(messages), [f"data:image/png;base64,{d}" for d in expected])
        _, messages = self.play(1)
        text, image = messages[-1]["content"]
        self.assertEqual(text, {"type": "text", "text": "Current Observation:\nview 3\nImage observation provided."
                                                        "\n\n" + NAIVE_TEXT})
        self.assertEqual(image, {"type": "image_url", "image_url": {"url": "data:image/png;base64,PNG3"}})
        self.assertTrue(all(isinstance(m["content"], str) for m in messages[:-1]))  # older turns: text alone

    def test_the_recorded_prompt_shortens_image_urls(self):
        result, messages = self.play(2)
        recorded = json.loads(result["prompt"])
        self.assertEqual(self.images(recorded), ["data:image/png;base64,..."] * 2)
        self.assertEqual(len(recorded), len(messages))


@unittest.skipUnless(DELVE, "set DELVE to the delve binary to run the end-to-end tests")
class EndToEndTests(unittest.TestCase):
    # Answers for the default agent type (robust-naive), cycled: no action here can finish or
    # fail an episode early (turning never reaches a goal in front and "done" changes nothing).
    ANSWERS = [
        "<|ACTION|>turn left<|END|>",
        "The goal is not in view; look around.\n<|ACTION|>turn right<|END|>",
        "<|ACTION|>done<|END|>",
        "Hmm, I cannot decide.",  # no tags: the whole answer is the action, counted invalid
    ]

    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.addCleanup(self.dir.cleanup)

    def evaluate(self, fake, *agent_args, episodes=2, run_id="r", eval_args=(), suite=None):
        agent = " ".join([f"python3 '{os.path.join(HERE, 'llm_agent.py')}'", "--base-url", fake.url,
                          "--model", "fake-model", "--api-key-env", "DELVE_TEST_KEY", *agent_args])
        plan = ["--suite", suite] if suite else ["--task", "grid/goto", "--episodes", str(episodes)]
        run = subprocess.run([DELVE, "eval", *plan, "--jobs", "1",
                              "--agent", agent, "--act-timeout", "30", "--out", "out", "--run-id", run_id, *eval_args],
                             cwd=self.dir.name, capture_output=True, text=True, timeout=120,
                             env={**os.environ, "DELVE_TEST_KEY": "sk-test", "no_proxy": "127.0.0.1"})  # loopback, never a proxy
        run_dir = os.path.join(self.dir.name, "out", run_id)
        with open(os.path.join(run_dir, "episodes.jsonl")) as f:
            episodes = [json.loads(line) for line in f]
        return run, run_dir, episodes

    def test_a_run_plays_retries_and_records_usage_and_prompts(self):
        fake = FakeOpenAI(script=[("slow", 2.0), ("status", 429), ("status", 500)], answers=self.ANSWERS)
        self.addCleanup(fake.close)
        run, run_dir, episodes = self.evaluate(fake, "--timeout", "0.5", "--backoff", "0.05",
                                               "--price-in", "1", "--price-out", "2")
        self.assertEqual(run.returncode, 0, run.stderr)
        self.assertEqual(fake.authorizations, {"Bearer sk-test"})  # the key from --api-key-env

        # Both episodes ran their whole budget, one model call per step.
        self.assertEqual(len(episodes), 2)
        steps = [e["steps"] for e in episodes]
        self.assertEqual([e["end_reason"] for e in episodes], ["budget", "budget"])
        self.assertEqual(fake.served, sum(steps))
        # Usage and cost, summed per episode from every act result.
        for e in episodes:
            self.assertEqual(e["prompt_tokens"], PROMPT_TOKENS * e["steps"])
            self.assertEqual(e["completion_tokens"], COMPLETION_TOKENS * e["steps"])
            self.assertAlmostEqual(e["cost_usd"], e["steps"] * (PROMPT_TOKENS * 1 + COMPLETION_TOKENS * 2) / 1e6)
        # Every fourth answer could not be parsed, and Delve counted it invalid.
        self.assertEqual(sum(e["invalid_actions"] for e in episodes), sum(steps) // 4)

        # The first step was retried after a timeout, a 429 and a 500, with the same body.
        served = [what for _, what in fake.requests]
        self.assertEqual(served[:4], ["slow", 429, 500, self.ANSWERS[0]])
        self.assertTrue(all(body == fake.requests[0][0] for body, _ in fake.requests[1:4]))
        with open(os.path.join(run_dir, "agent-logs", "agent-1.log")) as f:
            self.assertEqual(f.read().count("retrying"), 3)

        # The prompts: instructions as a user message, then at most 16 observations with the
        # actions between them, the status ("You carry ...") only in the latest observation.
        bodies = [body for body, what in fake.requests if what not in ("slow", 429, 500)]
        self.assertEqual(len(bodies), sum(steps))
        expected_lengths = [1 + min(2 * step + 1, 32) for n in steps for step in range(n)]
        self.assertEqual([len(body["messages"]) for body in bodies], expected_lengths)
        for body in bodies:
            messages = body["messages"]
            # Only what was asked for: no temperature, the default cap, a stream.
            self.assertEqual(set(body) - {"messages"}, {"model", "max_tokens", "stream", "stream_options"})
            self.assertEqual((body["max_tokens"], body["stream"]), (1024, True))
            self.assertEqual(body["model"], "fake-model")
            self.assertEqual(messages[0]["role"], "user")
            self.assertTrue(messages[0]["content"].startswith("You are an agent in a grid world"))
            self.assertIn("Your mission:", messages[0]["content"])
            self.assertTrue(messages[-1]["content"].startswith("Current Observation:\nYou carry"))
            self.assertIn("\nLegal actions: turn left, turn right, go forward,", messages[-1]["content"])
            self.assertTrue(messages[-1]["content"].endswith("<|ACTION|>YOUR_CHOSEN_ACTION<|END|>\n\nReplace "
                                                             "YOUR_CHOSEN_ACTION with the chosen action. Output no "
                                                             "other text, explanation, or reasoning."))
            self.assertFalse(any("You carry" in m["content"] for m in messages[1:-1]))

        # The trajectory holds the model's whole answer, the exact messages sent, and the action taken from it.
        seed = episodes[0]["seed"]
        with open(os.path.join(run_dir, "trajectories", "grid", "goto", f"seed-{seed}.jsonl")) as f:
            first, second = [json.loads(line) for line in f.readlines()[:2]]
        self.assertEqual(first["raw"], self.ANSWERS[0])
        self.assertEqual(json.loads(first["prompt"]), bodies[0]["messages"])
        self.assertNotIn("reasoning", first)
        self.assertEqual(first["action"], "turn left")
        self.assertEqual(second["raw"], self.ANSWERS[1])
        self.assertEqual(second["action"], "turn right")

    def test_pictures_reach_the_endpoint_as_png_data_urls(self):
        fake = FakeOpenAI(script=[], answers=["<|ACTION|>turn left<|END|>", "<|ACTION|>turn right<|END|>"])
        self.addCleanup(fake.close)
        run, run_dir, episodes = self.evaluate(fake, "--max-image-history", "2", episodes=1,
                                               eval_args=("--observe", "both"))
        self.assertEqual(run.returncode, 0, run.stderr)
        bodies = [body for body, _ in fake.requests]
        self.assertEqual(len(bodies), episodes[0]["steps"])
        for number, body in enumerate(bodies):
            messages = body["messages"]
            urls = [part["image_url"]["url"] for m in messages if isinstance(m["content"], list)
                    for part in m["content"] if part["type"] == "image_url"]
            self.assertEqual(len(urls), min(number + 1, 2))  # the current picture, and the one before
            header, data = urls[-1].split(",", 1)
            self.assertEqual(header, "data:image/png;base64")
            width, height, color_type, rows = read_png(base64.b64decode(data))
            self.assertEqual((width, height, color_type), (252, 252, 3))  # 8-bit indexed color
            # The agent stands at the bottom middle of its 7 x 7 view, a red triangle facing up
            # in a highlighted cell: red at the triangle's centre, the highlight's grey at the cell's corner.
            self.assertEqual(pixel(rows, 3 * 36 + 18, 6 * 36 + 24), (255, 77, 77))
            self.assertEqual(pixel(rows, 3 * 36 + 4, 6 * 36 + 4), (77, 77, 77))
        # The trajectory holds each step's picture; its recorded prompt the shortened URLs.
        seed = episodes[0]["seed"]
        with open(os.path.join(run_dir, "trajectories", "grid", "goto", f"seed-{seed}.jsonl")) as f:
            first = json.loads(f.readline())
        self.assertEqual(first["observation"]["image"]["width"], 252)
        self.assertIn("data:image/png;base64,...", first["prompt"])

    FAMILY_TASKS = ["grid/goto", "craft/balrog", "text/coin_collector", "rules/goto_win", "dungeon/maze_walk_9x9"]

    def test_echoed_prompts_yield_no_valid_action_in_any_family(self):
        """An endpoint that echoes its prompt back (the newest message, the instructions, or all of it,
        in turn) plays every step invalid, whatever the agent type and profile: no answer-format
        example or action named in the instructions is ever taken as the answer."""
        echoes = [lambda body: body["messages"][-1]["content"], lambda body: body["messages"][0]["content"],
                  lambda body: "\n".join(m["content"] for m in body["messages"])]
        served = []

        def echo(body):
            served.append(body)
            return echoes[len(served) % 3](body)

        fake = FakeOpenAI(script=[], answers=echo)
        self.addCleanup(fake.close)
        demos = os.path.join(self.dir.name, "demos.jsonl")
        with open(demos, "w") as f:
            for task in self.FAMILY_TASKS:
                for profile in ("balrog", "delve"):
                    f.write(json.dumps({"task": task, "seed": 1, "profile": profile, "observations": ["seen", "then"],
                                        "actions": ["wait"]}) + "\n")
        steps = 0
        for profile in ("balrog", "delve"):
            with open(os.path.join(self.dir.name, f"{profile}.json"), "w") as f:
                json.dump({"name": "echo", "summary": "one short episode of each family", "profile": profile,
                           "entries": [{"task": task, "seeds": [1000000], "step_budget": 6}
                                       for task in self.FAMILY_TASKS]}, f)
            for agent_type in AGENT_TYPES:
                with self.subTest(profile=profile, agent_type=agent_type):
                    flags = ["--demos", demos] if agent_type == "few-shot" else []
                    run, run_dir, episodes = self.evaluate(fake, "--agent-type", agent_type, *flags,
                                                           run_id=f"echo-{profile}-{agent_type}",
                                                           suite=f"{profile}.json")
                    self.assertEqual(run.returncode, 0, run.stderr)
                    self.assertEqual(sorted(e["task"] for e in episodes), sorted(self.FAMILY_TASKS))
                    for e in episodes:
                        self.assertGreater(e["steps"], 0)
                        # An echo never scores. Under balrog a text world is a parser game: every string is
                        # a command the parser answers, so the echo is "valid" there and must simply get nowhere.
                        self.assertEqual(e["progress"], 0, f"{e['task']}: {e}")
                        self.assertEqual(e["milestones"], [], f"{e['task']}: {e}")
                        if not (profile == "balrog" and e["task"].startswith("text/")):
                            self.assertEqual(e["invalid_actions"], e["steps"], f"{e['task']}: {e}")
                    steps += sum(e["steps"] for e in episodes)
        self.assertEqual(len(served), steps)  # one model call per step, every answer an echo

    def test_an_endpoint_that_keeps_failing_ends_the_episode_as_an_agent_error(self):
        # Retryable errors until the retries run out; a 401 is not retried at all.
        for script, attempts, message in [([("status", 503)] * 3, 3, "gave up after 3 attempts; last: HTTP 503"),
                                          ([("status", 401)], 1, "HTTP 401")]:
            with self.subTest(message=message):
                fake = FakeOpenAI(script=script, answers=self.ANSWERS)
                self.addCleanup(fake.close)
                run, _, episodes = self.evaluate(fake, "--retries", "2", "--backoff", "0.01", episodes=1,
                                                 run_id=str(attempts))
                self.assertEqual(run.returncode, 3)  # Delve's status: incomplete, an episode ended agent_error
                self.assertEqual([e["end_reason"] for e in episodes], ["agent_error"])
                self.assertIn(message, episodes[0]["error"])
                self.assertEqual(len(fake.requests), attempts)

if __name__ == "__main__":
    unittest.main()
