"""Tests llm_agent.py: its answer parsing and prompts, then whole runs of the real
`delve eval` against a fake OpenAI-compatible server on loopback.

    DELVE=.build/debug/delve python3 Agents/python/test_llm_agent.py

Without DELVE, the end-to-end tests are skipped.
"""

import base64
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
import unittest
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from llm_agent import FORMAT_INSTRUCTIONS, LLMAgent, parse_action, reasoning_of  # noqa: E402
from png_reader import pixel, read_png  # noqa: E402

DELVE = os.environ.get("DELVE")
LEGAL = ["turn left", "turn right", "go forward", "pick up", "drop", "toggle", "done"]
PROMPT_TOKENS, COMPLETION_TOKENS = 100, 7


class FakeOpenAI:
    """An OpenAI-compatible chat-completions server on 127.0.0.1 (ephemeral port), in a thread.

    It answers POST /v1/chat/completions with `script` in order, then cycles
    through `answers`. A script item is `("slow", seconds)` (waits, then
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
                        item = ("text", fake.answers[fake.served % len(fake.answers)])
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
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


class ParseActionTests(unittest.TestCase):
    def test_each_answer_format_parses(self):
        cases = {
            "turn left": "turn left",  # naive, exact
            "  Turn Left.\n": "turn left",  # naive, case and punctuation
            "<|ACTION|>go forward<|END|>": "go forward",  # robust
            "I see the box ahead.\n<|ACTION|> Pick up <|END|>": "pick up",  # robust after prose
            "The box is to my left, so I should face it.\nAction: turn left": "turn left",  # cot, last line
            'I will answer "toggle" to open the door.\nThat is all.': "toggle",  # quoted
            "The best move now is to turn right, I think.\n": "turn right",  # the one mentioned
        }
        for answer, action in cases.items():
            with self.subTest(answer=answer):
                self.assertEqual(parse_action(answer, LEGAL), action)

    def test_an_unparseable_answer_is_sent_raw(self):
        self.assertEqual(parse_action("  I am not sure.  ", LEGAL), "I am not sure.")
        # Two different actions mentioned: no guess.
        self.assertEqual(parse_action("either turn left or turn right", LEGAL), "either turn left or turn right")

    def test_a_mention_inside_a_longer_action_does_not_count(self):
        self.assertEqual(parse_action("I will drop key now", ["drop", "drop key"]), "drop key")


class ReasoningTests(unittest.TestCase):
    def test_reasoning_is_what_the_answer_says_besides_the_action(self):
        self.assertIsNone(reasoning_of("turn left"))
        self.assertIsNone(reasoning_of("<|ACTION|>done<|END|>"))
        self.assertEqual(reasoning_of("Face the box first.\nturn left"), "Face the box first.")
        self.assertEqual(reasoning_of("It is ahead. <|ACTION|>go forward<|END|>"), "It is ahead.")


class PromptTests(unittest.TestCase):
    def observation(self, n):
        return {"text": f"view {n}", "status": f"status {n}", "feedback": f"feedback {n}",
                "mission": "m", "legal_actions": LEGAL}

    def test_history_window_and_status_shown_only_for_the_latest(self):
        class Client:
            model = "m"

            def complete(self, messages):
                return {"choices": [{"message": {"content": "<|ACTION|>done<|END|>"}}]}

        agent = LLMAgent(Client(), "robust", history=3, price_in=None, price_out=None)
        agent.start_episode({"task": "t", "seed": 1, "step_budget": 9, "instructions": "RULES"})
        for n in range(5):
            result = agent.choose_action({"step": n, "observation": self.observation(n), "reward": 0, "progress": 0})
        messages = json.loads(result["prompt"])
        self.assertEqual(result["raw"], "<|ACTION|>done<|END|>")
        self.assertNotIn("reasoning", result)  # the answer was the action alone
        self.assertEqual(messages[0], {"role": "system", "content": "RULES"})
        self.assertEqual([m["role"] for m in messages[1:]], ["user", "assistant"] * 3 + ["user"])
        self.assertEqual([m["content"] for m in messages[2:7:2]], ["done"] * 3)
        # The window keeps the last 3 pairs (observations 1, 2, 3), without their status.
        self.assertEqual([m["content"] for m in messages[1:7:2]],
                         [f"Observation:\nfeedback {n}\nview {n}" for n in (1, 2, 3)])
        self.assertIn("feedback 4\nview 4\nstatus 4", messages[-1]["content"])
        self.assertIn("<|ACTION|>", messages[-1]["content"])
        self.assertNotIn("usage", result)  # the endpoint reported none

    def test_each_format_asks_for_its_answer_shape(self):
        for answer_format, asks in [("naive", "and nothing else"), ("cot", "think step by step"),
                                    ("robust", "<|ACTION|>turn left<|END|>")]:
            with self.subTest(answer_format=answer_format):
                agent = LLMAgent(None, answer_format, history=16, price_in=None, price_out=None)
                last = agent.messages(self.observation(0))[-1]["content"]
                self.assertTrue(last.endswith(FORMAT_INSTRUCTIONS[answer_format].format(example="turn left")))
                self.assertIn(asks, last)
                self.assertIn("Legal actions: " + ", ".join(LEGAL), last)


class ImagePromptTests(unittest.TestCase):
    def observation(self, n, image=True):
        seen = {"text": f"view {n}", "status": "", "feedback": f"feedback {n}", "mission": "m", "legal_actions": LEGAL}
        if image:
            seen["image"] = {"data": f"PNG{n}", "width": 4, "height": 4, "mime": "image/png"}
        return seen

    def run_steps(self, max_image_history, steps=4):
        class Client:
            def complete(self, messages):
                return {"choices": [{"message": {"content": "turn left"}}]}

        agent = LLMAgent(Client(), "naive", history=16, price_in=None, price_out=None, max_image_history=max_image_history)
        agent.start_episode({"task": "t", "seed": 1, "step_budget": 9, "instructions": "RULES"})
        for n in range(steps - 1):
            agent.choose_action({"step": n, "observation": self.observation(n), "reward": 0, "progress": 0})
        return agent, agent.messages(self.observation(steps - 1))

    @staticmethod
    def images(messages):
        return [part["image_url"]["url"] for m in messages if isinstance(m["content"], list)
                for part in m["content"] if part["type"] == "image_url"]

    def test_the_newest_observations_carry_their_pictures(self):
        for window, expected in [(0, []), (1, ["PNG3"]), (2, ["PNG2", "PNG3"]), (9, ["PNG0", "PNG1", "PNG2", "PNG3"])]:
            with self.subTest(window=window):
                _, messages = self.run_steps(window)
                self.assertEqual(self.images(messages), [f"data:image/png;base64,{d}" for d in expected])
        _, messages = self.run_steps(1)
        text, image = messages[-1]["content"]
        self.assertEqual(text["type"], "text")
        self.assertTrue(text["text"].endswith("Image observation provided."))
        self.assertEqual(image, {"type": "image_url", "image_url": {"url": "data:image/png;base64,PNG3"}})
        self.assertTrue(all(isinstance(m["content"], str) for m in messages[:-1]))  # older turns: text alone

    def test_the_recorded_prompt_shortens_image_urls(self):
        agent, messages = self.run_steps(2)
        recorded = json.loads(agent.recorded(messages))
        self.assertEqual(self.images(recorded), ["data:image/png;base64,..."] * 2)
        self.assertEqual(len(recorded), len(messages))

    def test_an_observation_without_a_picture_stays_text(self):
        agent = LLMAgent(None, "naive", history=16, price_in=None, price_out=None)
        self.assertIsInstance(agent.messages(self.observation(0, image=False))[-1]["content"], str)


@unittest.skipUnless(DELVE, "set DELVE to the delve binary to run the end-to-end tests")
class EndToEndTests(unittest.TestCase):
    # One answer of each kind, cycled: no action here can finish or fail an episode
    # early (turning never reaches a goal in front and "done" changes nothing).
    ANSWERS = [
        "turn left",  # naive
        "The goal is not in view; look around.\nturn right",  # chain of thought
        "<|ACTION|>done<|END|>",  # robust
        "Hmm, I cannot decide.",  # unparseable: sent raw, counted invalid
    ]

    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.addCleanup(self.dir.cleanup)

    def evaluate(self, fake, *agent_args, episodes=2, run_id="r", eval_args=()):
        agent = " ".join([f"python3 '{os.path.join(HERE, 'llm_agent.py')}'", "--base-url", fake.url,
                          "--model", "fake-model", "--api-key-env", "DELVE_TEST_KEY", *agent_args])
        run = subprocess.run([DELVE, "eval", "--task", "grid/goto", "--episodes", str(episodes), "--jobs", "1",
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

        # The prompts: instructions as the system message, a window of at most 16 pairs,
        # the status ("You carry ...") only in the latest observation.
        bodies = [body for body, what in fake.requests if what not in ("slow", 429, 500)]
        self.assertEqual(len(bodies), sum(steps))
        expected_lengths = [2 + 2 * min(step, 16) for n in steps for step in range(n)]
        self.assertEqual([len(body["messages"]) for body in bodies], expected_lengths)
        for body in bodies:
            messages = body["messages"]
            self.assertEqual(body["model"], "fake-model")
            self.assertEqual(messages[0]["role"], "system")
            self.assertTrue(messages[0]["content"].startswith("You are an agent in a grid world"))
            self.assertIn("Your mission:", messages[0]["content"])
            self.assertIn("You carry", messages[-1]["content"])
            self.assertFalse(any("You carry" in m["content"] for m in messages[1:-1]))

        # The trajectory holds the model's whole answer, the exact messages sent, and the reasoning.
        seed = episodes[0]["seed"]
        with open(os.path.join(run_dir, "trajectories", "grid", "goto", f"seed-{seed}.jsonl")) as f:
            first, second = [json.loads(line) for line in f.readlines()[:2]]
        self.assertEqual(first["raw"], self.ANSWERS[0])
        self.assertEqual(json.loads(first["prompt"]), bodies[0]["messages"])
        self.assertNotIn("reasoning", first)
        self.assertEqual(first["action"], "turn left")
        self.assertEqual(second["reasoning"], "The goal is not in view; look around.")
        self.assertEqual(second["action"], "turn right")

    def test_pictures_reach_the_endpoint_as_png_data_urls(self):
        fake = FakeOpenAI(script=[], answers=["turn left", "turn right"])
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
