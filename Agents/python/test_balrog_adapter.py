"""Tests balrog_adapter.py: a class written to BALROG's agent interface, and llm_agent's own
BALROG agents, played by the real `delve eval` through whole episodes of every family,
against a fake OpenAI-compatible endpoint on 127.0.0.1.

    DELVE=.build/release/delve python3 Agents/python/test_balrog_adapter.py -v

Without DELVE, the end-to-end tests are skipped.
"""

import json
import os
import subprocess
import sys
import tempfile
import textwrap
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from delve_agents import balrog_adapter  # noqa: E402
from test_llm_agent import FakeOpenAI  # noqa: E402

DELVE = os.environ.get("DELVE")
FAMILY_TASKS = ["grid/goto", "craft/balrog", "text/coin_collector", "rules/goto_win", "dungeon/maze_walk_9x9"]
BUDGET = 12

# An agent written against BALROG's interface, as a BALROG user would write one: it imports
# BALROG's base agent, keeps a note across steps, asks for "NOTE: ... MOVE: ...", and writes
# what it was given to the file named by NOTES_AGENT_LOG, so that the test can check it.
NOTES_AGENT = textwrap.dedent('''
    import json
    import os

    from balrog.agents.base import BaseAgent


    class NotesAgent(BaseAgent):
        def __init__(self, client_factory, prompt_builder, config):
            super().__init__(client_factory, prompt_builder)
            self.note = None
            self.history = config.agent.max_text_history
            self.log = open(os.environ["NOTES_AGENT_LOG"], "a")

        def reset(self):
            super().reset()
            self.note = None
            self.log.write(json.dumps({"reset": self.prompt_builder.system_prompt}) + "\\n")

        def act(self, obs, prev_action=None):
            if prev_action:
                self.prompt_builder.update_action(prev_action)
            self.prompt_builder.update_observation(obs)
            messages = self.prompt_builder.get_prompt()
            messages[-1].content += "\\n\\nYour note: " + (self.note or "none") + "\\nAnswer NOTE: ... then MOVE: ..."
            response = self.client.generate(messages)
            note, _, move = response.completion.partition("MOVE:")
            self.note = note.replace("NOTE:", "").strip()
            image = obs["image"]
            self.log.write(json.dumps({
                "prev_action": prev_action, "long": obs["text"]["long_term_context"],
                "short": obs["text"]["short_term_context"], "history": self.history,
                "image": None if image is None else [type(image).__name__, image.mode, list(image.size)],
                "tokens": [response.input_tokens, response.output_tokens]}) + "\\n")
            self.log.flush()
            return response._replace(completion=move.strip(), reasoning=self.note)
''')


class InterfaceTests(unittest.TestCase):
    """The adapter's pieces, without Delve."""

    def test_the_balrog_modules_import_when_balrog_is_not_installed(self):
        balrog_adapter.install_balrog_modules()
        from balrog.agents.base import BaseAgent
        from balrog.client import LLMResponse
        from balrog.prompt_builder.history import HistoryPromptBuilder, Message
        self.assertIs(BaseAgent, balrog_adapter.BaseAgent)
        self.assertEqual(LLMResponse._fields, ("model_id", "completion", "stop_reason", "input_tokens",
                                               "output_tokens", "reasoning"))
        self.assertEqual(Message("user", "x").role, "user")
        self.assertEqual(HistoryPromptBuilder().max_text_history, 16)

    def test_classes_are_built_as_balrogs_factory_builds_them(self):
        made = []

        class WithConfig(balrog_adapter.BaseAgent):
            def __init__(self, client_factory, prompt_builder, config):
                super().__init__(client_factory, prompt_builder)
                made.append(config.agent.max_cot_history)

        class WithIcl(balrog_adapter.BaseAgent):
            def __init__(self, client_factory, prompt_builder, max_icl_history):
                super().__init__(client_factory, prompt_builder)
                made.append(max_icl_history)

        class Odd(balrog_adapter.BaseAgent):
            def __init__(self, client_factory, prompt_builder, weights):
                super().__init__(client_factory, prompt_builder)

        args = argparse_args()
        config = balrog_adapter.balrog_config(args, "custom")
        for cls in (WithConfig, WithIcl):
            agent = balrog_adapter.build_agent(cls, lambda: "client", balrog_adapter.HistoryPromptBuilder(), config)
            self.assertEqual(agent.client, "client")
        self.assertEqual(made, [1, 1000])
        with self.assertRaisesRegex(ValueError, "its parameter 'weights' is not one BALROG passes"):
            balrog_adapter.build_agent(Odd, lambda: None, balrog_adapter.HistoryPromptBuilder(), config)

    def test_a_bad_agent_class_is_a_clear_error_at_start(self):
        for spec, message in [("nothing", "wants MODULE:CLASS"), ("no_such_module_here:X", "No module named"),
                              ("balrog_adapter:NoSuchClass", "has no class NoSuchClass")]:
            with self.subTest(spec=spec):
                run = subprocess.run([sys.executable, os.path.join(HERE, "balrog_adapter.py"), "--agent-class", spec,
                                      "--base-url", "http://127.0.0.1:9/v1", "--model", "m"],
                                     cwd=HERE, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=60)
                self.assertNotEqual(run.returncode, 0)
                self.assertIn(message, run.stderr)
                self.assertEqual(run.stdout, "")  # nothing on the protocol channel

    def test_usage_is_the_agents_own_count_unless_the_endpoint_reported_none(self):
        from delve_agents.chat_client import Completion

        class Chat:
            model, profile = "m", "delve"

            def __init__(self, usage):
                self.usage = usage

            def complete(self, messages):
                return Completion("wait", "stop", self.usage)

        class Counting(balrog_adapter.BaseAgent):
            def act(self, obs, prev_action=None):
                self.prompt_builder.update_observation(obs)
                response = self.client.generate(self.prompt_builder.get_prompt()) if self.client else None
                tokens = (response.input_tokens * 2, 6) if response else (5, 6)
                return balrog_adapter.LLMResponse("m", "wait", "stop", *tokens, None)

        act = {"step": 0, "observation": {"text": "t", "status": "", "feedback": "", "legal_actions": []},
               "reward": 0, "progress": 0}
        start = {"task": "t/t", "seed": 1, "instructions": "I", "step_budget": 1, "profile": "balrog"}
        for usage, client, expected in [({"prompt_tokens": 10, "completion_tokens": 3}, True, (20, 6)),
                                        (None, True, None), (None, False, (5, 6))]:
            with self.subTest(usage=usage, client=client):
                exchanges, chat = balrog_adapter.Exchanges(), Chat(usage)
                factory = (lambda: balrog_adapter.ChatWrapper(chat, exchanges)) if client else (lambda: None)
                agent = Counting(factory, balrog_adapter.HistoryPromptBuilder())
                adapter = balrog_adapter.BalrogAdapter(agent, chat, exchanges)
                adapter.start_episode(start)
                result = adapter.choose_action(act)
                got = result.get("usage")
                self.assertEqual(None if got is None else (got["prompt_tokens"], got["completion_tokens"]), expected)
                self.assertEqual("prompt" in result, client)

    def test_pictures_become_pil_images_or_a_clear_error(self):
        picture = {"data": "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC",
                   "mime": "image/png"}
        try:
            import PIL  # noqa: F401
        except ImportError:
            with self.assertRaisesRegex(ValueError, "PIL is not installed: pip install pillow"):
                balrog_adapter.pil_image(picture)
            return
        image = balrog_adapter.pil_image(picture)
        self.assertEqual((image.mode, image.size), ("RGB", (1, 1)))
        self.assertTrue(balrog_adapter.data_url(image).startswith("data:image/png;base64,iVBOR"))


def argparse_args(*extra):
    import argparse
    parser = argparse.ArgumentParser()
    balrog_adapter.add_arguments(parser)
    return parser.parse_args(["--base-url", "http://127.0.0.1:9/v1", "--model", "m", *extra])


@unittest.skipUnless(DELVE, "set DELVE to the delve binary to run the end-to-end tests")
class EndToEndTests(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.addCleanup(self.dir.cleanup)
        with open(os.path.join(self.dir.name, "notes_agent.py"), "w") as f:
            f.write(NOTES_AGENT)
        self.log = os.path.join(self.dir.name, "notes.jsonl")

    def vocabularies(self):
        """An action of each task that is valid at every step (one that changes little), from its
        action space under the balrog profile (`delve worlds TASK --describe --profile balrog --json`)."""
        chosen = {}
        for task in FAMILY_TASKS:
            run = subprocess.run([DELVE, "worlds", task, "--describe", "--profile", "balrog", "--json"],
                                 capture_output=True, text=True, timeout=120)
            self.assertEqual(run.returncode, 0, run.stderr)
            (family,) = json.loads(run.stdout)
            (described,) = [t for t in family["tasks"] if t["task"] == task]
            space = described["description"]["action_space"]
            # A parser game under balrog lists no action space: any command is typed, and `look` always answers.
            chosen[task] = next((a for a in ("look", "wait", "idle", "Noop", "turn left") if a in space), space[0] if space else "look")
        return chosen

    def evaluate(self, fake, agent, run_id, profile="balrog", eval_args=()):
        suite = os.path.join(self.dir.name, f"{run_id}.json")
        with open(suite, "w") as f:
            json.dump({"name": run_id, "summary": "one short episode of each family", "profile": profile,
                       "entries": [{"task": task, "seeds": [1000000], "step_budget": BUDGET} for task in FAMILY_TASKS]}, f)
        agent = " ".join([agent, "--base-url", fake.url, "--model", "fake-model"])
        run = subprocess.run([DELVE, "eval", "--suite", suite, "--jobs", "1", "--agent", agent, "--act-timeout", "60",
                              "--out", "out", "--run-id", run_id, *eval_args], cwd=self.dir.name,
                             capture_output=True, text=True, timeout=600,
                             env={**os.environ, "NOTES_AGENT_LOG": self.log, "no_proxy": "127.0.0.1"})
        run_dir = os.path.join(self.dir.name, "out", run_id)
        with open(os.path.join(run_dir, "episodes.jsonl")) as f:
            episodes = {json.loads(line)["task"]: json.loads(line) for line in f}
        return run, run_dir, episodes

    def notes(self):
        with open(self.log) as f:
            return [json.loads(line) for line in f]

    def test_a_balrog_interface_agent_plays_a_whole_episode_of_every_family(self):
        actions = self.vocabularies()
        current = [None]  # the family being played: the endpoint answers its first action
        fake = FakeOpenAI(script=[], answers=lambda body: f"NOTE: step {len(body['messages'])}\n"
                                                          f"MOVE: {actions[current[0]]}")
        self.addCleanup(fake.close)
        agent = f"python3 {os.path.join(HERE, 'balrog_adapter.py')} --agent-class notes_agent.py:NotesAgent"
        for task in FAMILY_TASKS:
            current[0] = task
            with self.subTest(task=task):
                self.run_family(fake, agent, task, actions[task])

    def run_family(self, fake, agent, task, action):
        suite = os.path.join(self.dir.name, f"{task.replace('/', '-')}.json")
        with open(suite, "w") as f:
            json.dump({"name": "one", "summary": "one episode", "profile": "balrog",
                       "entries": [{"task": task, "seeds": [1000000], "step_budget": BUDGET}]}, f)
        before = len(fake.requests)
        if os.path.exists(self.log):
            os.remove(self.log)
        agent_command = " ".join([agent, "--base-url", fake.url, "--model", "fake-model"])
        run = subprocess.run([DELVE, "eval", "--suite", suite, "--jobs", "1", "--agent", agent_command,
                              "--act-timeout", "60", "--out", "out", "--run-id", task.replace("/", "-")],
                             cwd=self.dir.name, capture_output=True, text=True, timeout=600,
                             env={**os.environ, "NOTES_AGENT_LOG": self.log, "no_proxy": "127.0.0.1"})
        self.assertEqual(run.returncode, 0, run.stderr)
        run_dir = os.path.join(self.dir.name, "out", task.replace("/", "-"))
        with open(os.path.join(run_dir, "episodes.jsonl")) as f:
            (episode,) = [json.loads(line) for line in f]
        self.assertIn(episode["end_reason"], ("budget", "success", "failure", "death"))
        steps = episode["steps"]
        self.assertEqual(episode["invalid_actions"], 0, episode)  # every MOVE reached Delve as a valid action
        # Usage is the response's token counts, from the endpoint's usage (100 in, 7 out per call).
        self.assertEqual((episode["prompt_tokens"], episode["completion_tokens"]), (100 * steps, 7 * steps))
        bodies = [body for body, _ in fake.requests[before:]]
        self.assertEqual(len(bodies), steps)
        notes = self.notes()
        self.assertEqual(sum("reset" in n for n in notes), 1)
        acts = [n for n in notes if "reset" not in n]
        self.assertEqual(len(acts), steps)
        # BALROG's observation dict: text contexts, no picture; prev_action is the previous completion.
        self.assertEqual([a["prev_action"] for a in acts], [None] + [action] * (steps - 1))
        self.assertTrue(all(isinstance(a["long"], str) and isinstance(a["short"], str) for a in acts))
        self.assertTrue(all(a["image"] is None and a["history"] == 16 for a in acts))
        # The prompt: the episode's instructions as a user message, BALROG's history layout, the agent's words.
        with open(os.path.join(run_dir, "trajectories", *task.split("/")[:1], task.split("/")[1],
                               "seed-1000000.jsonl")) as f:
            trajectory = [json.loads(line) for line in f]
        for number, (step, body) in enumerate(zip(trajectory, bodies)):
            messages = body["messages"]
            self.assertEqual(json.loads(step["prompt"]), messages)
            self.assertEqual(messages[0]["role"], "user")
            self.assertTrue(messages[-1]["content"].startswith("Current Observation:"))
            self.assertIn("\n\nYour note: " + ("none" if number == 0 else f"step {len(bodies[number - 1]['messages'])}"),
                          messages[-1]["content"])
            self.assertEqual(len(messages), 1 + min(2 * number + 1, 32))
            self.assertNotIn("Legal actions", json.dumps(messages))
            self.assertEqual(step["reasoning"], f"step {len(messages)}")
            self.assertEqual((body["temperature"], body["max_tokens"]), (1.0, 8192))  # BALROG's sampling

    def test_llm_agents_own_agents_run_behind_the_adapter(self):
        fake = FakeOpenAI(script=[], answers=["The way is clear.\nACTION: wait"])
        self.addCleanup(fake.close)
        agent = (f"python3 {os.path.join(HERE, 'balrog_adapter.py')} "
                 "--agent-class delve_agents.llm_agent:ChainOfThoughtAgent")
        run, run_dir, episodes = self.evaluate(fake, agent, "cot-behind-adapter")
        self.assertEqual(run.returncode, 0, run.stderr)
        self.assertEqual(sorted(episodes), sorted(FAMILY_TASKS))
        bodies = [body for body, _ in fake.requests]
        self.assertEqual(len(bodies), sum(e["steps"] for e in episodes.values()))
        # The second prompt of an episode shows the first answer as the remembered plan.
        seconds = [b for b in bodies if len(b["messages"]) == 4]
        self.assertEqual(len(seconds), len(FAMILY_TASKS))
        for body in seconds:
            self.assertEqual(body["messages"][2], {"role": "assistant",
                                                   "content": "Previous plan:\nThe way is clear.\nACTION: wait"})
            self.assertTrue(body["messages"][3]["content"].endswith("in the form of: ACTION: <action>"))
        with open(os.path.join(run_dir, "trajectories", "grid", "goto", "seed-1000000.jsonl")) as f:
            first = json.loads(f.readline())
        self.assertEqual((first["action"], first["reasoning"]), ("wait", "The way is clear.\nACTION: wait"))

    def test_pictures_reach_the_agent_as_pil_images(self):
        try:
            import PIL  # noqa: F401
            have_pil = True
        except ImportError:
            have_pil = False
        fake = FakeOpenAI(script=[], answers=["NOTE: x\nMOVE: turn left"])
        self.addCleanup(fake.close)
        agent = f"python3 {os.path.join(HERE, 'balrog_adapter.py')} --agent-class notes_agent.py:NotesAgent"
        suite = os.path.join(self.dir.name, "pictures.json")
        with open(suite, "w") as f:
            json.dump({"name": "pictures", "summary": "grid with pictures", "profile": "balrog",
                       "entries": [{"task": "grid/goto", "seeds": [1000000], "step_budget": 3}]}, f)
        run = subprocess.run([DELVE, "eval", "--suite", suite, "--jobs", "1", "--observe", "both", "--agent",
                              f"{agent} --base-url {fake.url} --model m", "--out", "out", "--run-id", "pictures"],
                             cwd=self.dir.name, capture_output=True, text=True, timeout=600,
                             env={**os.environ, "NOTES_AGENT_LOG": self.log, "no_proxy": "127.0.0.1"})
        with open(os.path.join(self.dir.name, "out", "pictures", "episodes.jsonl")) as f:
            (episode,) = [json.loads(line) for line in f]
        if not have_pil:
            self.assertEqual(episode["end_reason"], "agent_error")
            self.assertIn("PIL is not installed: pip install pillow", episode["error"])
            return
        self.assertEqual(run.returncode, 0, run.stderr)
        acts = [n for n in self.notes() if "reset" not in n]
        self.assertEqual([a["image"] for a in acts], [["Image", "RGB", [252, 252]]] * episode["steps"])
        urls = [part["image_url"]["url"] for body, _ in fake.requests for m in body["messages"]
                if isinstance(m["content"], list) for part in m["content"] if part["type"] == "image_url"]
        self.assertEqual(len(urls), episode["steps"])  # the newest picture only (--max-image-history 1)
        self.assertTrue(all(url.startswith("data:image/png;base64,") for url in urls))


if __name__ == "__main__":
    unittest.main()
