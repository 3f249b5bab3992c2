#!/usr/bin/env python3
"""An LLM agent for Delve's agent mode over any OpenAI-compatible chat endpoint (stdlib only):
BALROG's agents, run by balrog_adapter.py.

    delve eval --task grid/goto --episodes 5 --act-timeout 600 \\
        --agent "python3 Agents/python/llm_agent.py --base-url https://api.openai.com/v1 --model gpt-4o-mini"
    delve eval --suite balrog --agent "python3 Agents/python/llm_agent.py --agent-type cot --base-url ... --model ..."

`--base-url` is the API root that `/chat/completions` is appended to: OpenAI,
vLLM (`http://127.0.0.1:8000/v1`), Ollama (`http://127.0.0.1:11434/v1`) or
llama.cpp's server (`http://127.0.0.1:8080/v1`). The key is read from the
environment variable named by `--api-key-env` (default OPENAI_API_KEY); local
servers need none. Delve's `--act-timeout` (default 300 s) must leave room
for every attempt of one step: with the defaults here, 4 x 60 s plus 7 s of
backoff.

`--agent-type` picks one of BALROG's agents, each giving the model what
BALROG's agent of that name gives and reading its answer by the same rule:

- naive: answers with the action alone; the answer, with every character but
  letters, blanks and colons removed, is the action;
- cot: thinks step by step, then ends with `ACTION: <action>`; the action is
  what follows the last `ACTION:` (letters, blanks and colons kept); the
  whole answer is remembered and shown once, as "Previous plan:", in place of
  the action in the next prompt;
- robust-naive: answers `<|ACTION|>action<|END|>` alone; the action is the
  text between the first such pair of tags, else the whole answer;
- robust-cot: thinks, then answers `<|ACTION|>action<|END|>`; the action is
  the text between the first pair of tags, else an answer that names none;
- few-shot: as naive, after `--few-shot K` demonstration episodes of the task
  from `--demos FILE` (as `delve demos` writes it; default K is 1).

`--format naive|cot|robust` (the earlier flag) means naive, cot and
robust-naive. Every prompt is the episode's instructions as a user message,
then the last 16 observations with the actions between them (user and
assistant messages; the newest observation as "Current Observation:" with its
short-term part, Delve's status), and the agent's answer-format text after
the newest observation. Under Delve's own profile the newest observation also
lists the legal actions; under `balrog` nothing lists them, as in BALROG.

Requests (chat_client.py) carry only what was asked for: the model, the
messages, `temperature` only when `--temperature` is given, `max_tokens`
(`--max-tokens`, default 1024, so that a model that never stops is cut off;
0 sends none), and whatever `--extra-body JSON` adds (`top_p`, `stop`,
`max_completion_tokens`, `reasoning_effort`, ...). Under the `balrog` profile
(sent by Delve in `episode/start`) the fields the user did not set are
BALROG's: temperature 1.0 and max_tokens 8192. Answers are streamed and read
only up to the cap, then the connection is closed so that the server stops
generating (`--no-stream` asks for one JSON reply instead); a request past
`--timeout` is closed too. A 4xx other than 429 is not retried, and every
error names the HTTP status and shows the start of the body.

Pictures (vision-language models): when Delve sends `observation.image` (a run
with `delve eval --observe image` or `both`), the newest `--max-image-history`
observations that have one (default 1: the current one only) are sent as a
text part and an `image_url` part holding a `data:image/png;base64,...` URL,
with "Image observation provided." after the text. The recorded `prompt`
shows each image's URL shortened to `data:image/png;base64,...`.

Each `act` result carries the model's token usage (and its cost with
`--price-in/--price-out`, USD per million tokens), its whole answer as `raw`,
the exact messages sent as `prompt` (JSON text) and, for the cot agents, the
whole answer as `reasoning`; Delve keeps all of it with the step in the run's
trajectory. Standard output carries protocol lines only; logs go to standard
error (Delve keeps them in RUN_DIR/agent-logs/). The protocol is
docs/protocol.md ("Agent mode").
"""

import argparse
import re

from .balrog_adapter import BaseAgent, Message, add_arguments, build_adapter, run

# The answer-format texts BALROG's agents append to the newest observation
# (balrog/agents/*.py); the model must see these words to get BALROG's information.
NAIVE_FORMAT = ("You always have to output one of the above actions at a time and no other text. "
                "You always have to output an action until the episode terminates.")
COT_FORMAT = ("First think about what's the best course of action step by step.\n"
              "Finally, provide a single output action at the end of the message in the form of: ACTION: <action>")
ROBUST_NAIVE_FORMAT = ("You must choose exactly one of the listed actions and output it strictly in the following "
                       "format:\n\n<|ACTION|>YOUR_CHOSEN_ACTION<|END|>\n\nReplace YOUR_CHOSEN_ACTION with the chosen "
                       "action. Output no other text, explanation, or reasoning.")
ROBUST_COT_FORMAT = ("First, think about the best course of action.\nThen, you must choose exactly one of the listed "
                     "actions and output it strictly in the following format:\n\n<|ACTION|>YOUR_CHOSEN_ACTION<|END|>"
                     "\n\nReplace YOUR_CHOSEN_ACTION with the chosen action.")
#: What robust-cot answers when its answer holds no tagged action (BALROG's words).
ROBUST_COT_NO_ACTION = "Failed to obtain a valid action from the reasoning."

TAGGED = re.compile(r"<\|ACTION\|>(.*?)<\|END\|>", re.DOTALL)
NOT_LETTERS = re.compile(r"[^a-zA-Z\s:]")


def letters_only(text):
    """The text with every character but ASCII letters, whitespace and colons removed."""
    return NOT_LETTERS.sub("", text)


def tagged_action(text):
    """The stripped text between the first <|ACTION|> and the <|END|> after it, or None."""
    match = TAGGED.search(text)
    return match.group(1).strip() if match else None


class PromptingAgent(BaseAgent):
    """One step of every BALROG agent: record the previous answer and the observation,
    build the prompt, append the answer format to its last message, ask, extract."""

    answer_format = NAIVE_FORMAT

    def act(self, obs, prev_action=None):
        if prev_action:
            self.prompt_builder.update_action(prev_action)
        self.prompt_builder.update_observation(obs)
        messages = self.prompt()
        if messages and messages[-1].role == "user":
            messages[-1].content += "\n\n" + self.answer_format
        response = self.client.generate(messages)
        return self.extract(response)

    def prompt(self):
        return self.prompt_builder.get_prompt()

    def extract(self, response):
        """The response with `completion` replaced by the action (and `reasoning` set where kept)."""
        raise NotImplementedError


class NaiveAgent(PromptingAgent):
    """BALROG's naive agent."""

    def extract(self, response):
        return response._replace(completion=letters_only(response.completion))


class ChainOfThoughtAgent(PromptingAgent):
    """BALROG's cot agent: the whole answer is remembered for the next prompt's "Previous plan"."""

    answer_format = COT_FORMAT

    def extract(self, response):
        self.prompt_builder.update_reasoning(response.completion)
        action = letters_only(response.completion).split("ACTION:")[-1].strip()
        return response._replace(reasoning=response.completion, completion=action)


class RobustNaiveAgent(PromptingAgent):
    """BALROG's robust-naive agent."""

    answer_format = ROBUST_NAIVE_FORMAT

    def extract(self, response):
        action = tagged_action(response.completion)
        return response._replace(completion=action if action is not None else response.completion.strip())


class RobustCoTAgent(PromptingAgent):
    """BALROG's robust-cot agent (it remembers no plan)."""

    answer_format = ROBUST_COT_FORMAT

    def extract(self, response):
        action = tagged_action(response.completion)
        return response._replace(reasoning=response.completion,
                                 completion=action if action is not None else ROBUST_COT_NO_ACTION)


class FewShotAgent(NaiveAgent):
    """BALROG's few-shot agent: demonstration episodes, then the episode so far, as naive."""

    def __init__(self, client_factory, prompt_builder, max_icl_history):
        super().__init__(client_factory, prompt_builder)
        self.max_icl_history = max_icl_history
        self.icl_episodes, self.icl_events = [], []

    def update_icl_observation(self, obs):
        self.icl_events.append(("observation", obs["text"].get("long_term_context", "")))

    def update_icl_action(self, action):
        self.icl_events.append(("action", action))

    def wrap_episode(self):
        """Closes the demonstration being fed: framed, observations as user, actions as assistant messages."""
        number = len(self.icl_episodes) + 1
        # "Obesrvation" is BALROG's spelling in its demonstrations.
        body = [Message("user", "Obesrvation:\n" + value) if kind == "observation" else Message("assistant", value)
                for kind, value in self.icl_events]
        self.icl_episodes.append([Message("user", f"****** START OF DEMONSTRATION EPISODE {number} ******"), *body,
                                  Message("user", f"****** END OF DEMONSTRATION EPISODE {number} ******")])
        self.icl_events = []

    def get_icl_prompt(self):
        """The instructions (PLAY replaced by the call to learn from demonstrations), the
        demonstrations up to max_icl_history steps (the last one cut short, still closed),
        and the turn to play."""
        instructions = (self.prompt_builder.system_prompt or "").replace(
            "PLAY", "First, observe the demonstrations provided and learn from them!")
        messages, steps = [Message("user", instructions)], 0
        for episode in self.icl_episodes:
            length = len(episode) - 2
            if steps + length <= self.max_icl_history:
                messages.extend(episode)
                steps += length
                continue
            messages.extend(episode[:self.max_icl_history - steps + 1] + [episode[-1]])
            break
        messages.append(Message("user", "****** Now it's your turn to play the game! ******"))
        return messages

    def prompt(self):
        return self.get_icl_prompt() + self.prompt_builder.get_prompt(icl_episodes=True)


AGENT_TYPES = {"naive": NaiveAgent, "cot": ChainOfThoughtAgent, "robust-naive": RobustNaiveAgent,
               "robust-cot": RobustCoTAgent, "few-shot": FewShotAgent}
#: The earlier --format values, as agent types.
FORMATS = {"naive": "naive", "cot": "cot", "robust": "robust-naive"}


def parse_arguments(argv):
    parser = argparse.ArgumentParser(description="A Delve agent backed by an OpenAI-compatible chat endpoint, "
                                                 "playing as one of BALROG's agents.")
    kind = parser.add_mutually_exclusive_group()
    kind.add_argument("--agent-type", choices=list(AGENT_TYPES), help="BALROG's agent to play as (default robust-naive)")
    kind.add_argument("--format", choices=list(FORMATS),
                      help="the earlier name: naive, cot, robust (= --agent-type robust-naive)")
    add_arguments(parser)
    parser.add_argument("--history", type=int, dest="max_text_history",
                        help="the earlier name of --max-text-history")
    args = parser.parse_args(argv)
    args.agent_type = args.agent_type or FORMATS.get(args.format) or "robust-naive"
    if args.agent_type == "few-shot" and not args.few_shot:
        args.few_shot = 1  # BALROG's icl_episodes
    if args.few_shot and args.agent_type != "few-shot":
        parser.error("--few-shot is for --agent-type few-shot")
    if args.agent_type == "few-shot" and not args.demos:
        parser.error("--agent-type few-shot needs --demos FILE (`delve demos TASK --episodes K --out FILE` writes one)")
    return args


def adapter(args):
    """The Delve agent playing the chosen BALROG agent (pictures pass through as PNG, no PIL needed)."""
    return build_adapter(args, AGENT_TYPES[args.agent_type], args.agent_type.replace("-", "_"), False)


def main(argv=None):
    args = parse_arguments(argv)
    try:
        run(args, AGENT_TYPES[args.agent_type], args.agent_type.replace("-", "_"), False, "llm_agent.py")
    except (ValueError, OSError) as error:
        raise SystemExit(f"llm_agent.py: {error}")


if __name__ == "__main__":
    main()
