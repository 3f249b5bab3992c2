#!/usr/bin/env python3
"""An LLM agent for Delve's agent mode over any OpenAI-compatible chat endpoint (stdlib only).

Run it with

    delve eval --task grid/goto --episodes 5 --act-timeout 600 \\
        --agent "python3 Agents/python/llm_agent.py --base-url https://api.openai.com/v1 --model gpt-4o-mini"

`--base-url` is the API root that `/chat/completions` is appended to: OpenAI,
vLLM (`http://127.0.0.1:8000/v1`), Ollama (`http://127.0.0.1:11434/v1`) or
llama.cpp's server (`http://127.0.0.1:8080/v1`). The key is read from the
environment variable named by `--api-key-env` (default OPENAI_API_KEY); local
servers need none. Delve's `--act-timeout` (default 300 s) must leave room
for every attempt of one step: with the defaults here, 4 x 60 s plus 7 s of
backoff.

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

Prompting follows BALROG: the episode's instructions are the system message;
then the last `--history` observation/action pairs as user/assistant turns;
then the current observation, the only one shown with its short-term part (the
status line), and the answer format (`--format`):

- naive:  the model answers with the action only;
- cot:    the model thinks step by step, then gives the action on the last line;
- robust: the model answers `<|ACTION|>action<|END|>`.

Pictures (vision-language models): when Delve sends `observation.image` (a run
with `delve eval --observe image` or `both`), the newest `--max-image-history`
observations that have one (default 1: the current one only, as in BALROG)
are sent as content parts, the text then an `image_url` part holding a
`data:image/png;base64,...` URL, with "Image observation provided." after the
text; older observations go as text alone. The recorded `prompt` shows each
image's URL shortened to `data:image/png;base64,...` so that trajectories do
not hold every picture twice.

Whatever the format, the answer is parsed tolerantly into a legal action (see
`parse_action`); an answer that names none is sent as it is, and Delve counts
it as an invalid action. Each `act` result carries the model's token usage
(and its cost with `--price-in/--price-out`, USD per million tokens), its
whole answer as `raw`, the exact messages sent as `prompt` (JSON text), and,
when the answer holds more than the action, that text as `reasoning`; Delve
keeps all of it with the step in the run's trajectory, so the run holds the
real prompt.

Standard output carries protocol lines only; logs go to standard error (Delve
keeps them in RUN_DIR/agent-logs/). The protocol is docs/protocol.md ("Agent mode").
"""

import argparse
import collections
import json
import os
import re

from chat_client import DEFAULT_MAX_TOKENS as DEFAULT_CAP
from chat_client import ChatClient, EndpointError, RequestFields
from delve_agent import log, serve

FORMAT_INSTRUCTIONS = {
    "naive": "Answer with exactly one of the legal actions and nothing else.",
    "cot": ("First think step by step about what to do next. "
            "Then give exactly one of the legal actions, alone on the last line."),
    "robust": ("Answer with exactly one of the legal actions between <|ACTION|> and <|END|>, "
               "for example <|ACTION|>{example}<|END|>, and nothing else."),
}


# ---------------------------------------------------------------------------
# Parsing the model's answer

ROBUST_TAGS = re.compile(r"<\|ACTION\|>(.*?)<\|END\|>", re.DOTALL | re.IGNORECASE)
QUOTED = re.compile(r"\"([^\"\n]+)\"|'([^'\n]+)'|`([^`\n]+)`|\*\*([^*\n]+)\*\*")
LINE_PREFIX = re.compile(r"^\s*(?:final\s+)?(?:action|answer)\s*[:=-]\s*", re.IGNORECASE)
EDGE_PUNCTUATION = " \t\r\n.,;:!?\"'`*()[]<>"


def _legal(candidate, legal_actions):
    """The legal action `candidate` names, ignoring case and surrounding punctuation, or None."""
    wanted = LINE_PREFIX.sub("", candidate.strip()).strip(EDGE_PUNCTUATION).lower()
    for action in legal_actions:
        if action.lower() == wanted:
            return action
    return None


def reasoning_of(text):
    """What the answer says besides the action: the text before the last
    `<|ACTION|>` tag, or else every line before the last; None for a bare action."""
    tags = list(ROBUST_TAGS.finditer(text))
    if tags:
        before = text[:tags[-1].start()].strip()
    else:
        lines = [line for line in text.strip().splitlines() if line.strip()]
        before = "\n".join(lines[:-1]).strip()
    return before or None


def parse_action(text, legal_actions):
    """Reads a legal action out of the model's answer, trying in turn:

    1. the whole answer (exact, or ignoring case and surrounding punctuation);
    2. the last `<|ACTION|>...<|END|>` pair;
    3. the last quoted (`"..."`, `'...'`, backticks, `**...**`) legal action;
    4. the last non-empty line (`Action: ...` allowed);
    5. the one legal action mentioned anywhere in the answer, if only one is
       (an action inside a longer mentioned one, like "drop" in "drop key", does not count).

    Returns the raw answer, stripped, when nothing matches: Delve records it as invalid.
    """
    found = _legal(text, legal_actions)
    if found:
        return found
    for match in reversed(ROBUST_TAGS.findall(text)):
        found = _legal(match, legal_actions)
        if found:
            return found
    for groups in reversed(QUOTED.findall(text)):
        found = _legal("".join(groups), legal_actions)
        if found:
            return found
    lines = [line for line in text.splitlines() if line.strip()]
    if lines:
        found = _legal(lines[-1], legal_actions)
        if found:
            return found
    lowered = text.lower()
    mentioned = [a for a in legal_actions if re.search(r"\b" + re.escape(a.lower()) + r"\b", lowered)]
    mentioned = [a for a in mentioned if not any(a != b and a.lower() in b.lower() for b in mentioned)]
    if len(mentioned) == 1:
        return mentioned[0]
    return text.strip()


# ---------------------------------------------------------------------------
# The agent

class LLMAgent:
    """Keeps one episode's history and turns each observation into a chat request."""

    def __init__(self, client, answer_format, history, price_in, price_out, max_image_history=1):
        self.client, self.format = client, answer_format
        self.price_in, self.price_out = price_in, price_out
        self.max_image_history = max_image_history
        self.instructions = ""
        self.history = collections.deque(maxlen=history)  # (observation text, image or None, action)

    def start_episode(self, params):
        """`episode/start`: the instructions become the system message; the history starts empty."""
        self.instructions = params["instructions"]
        self.client.profile = params.get("profile", "delve")
        self.history.clear()
        log(f"episode {params['task']} seed {params['seed']}: budget {params['step_budget']} steps")

    @staticmethod
    def describe(observation):
        """An observation's long-term part: the feedback on the last action and what is seen."""
        return "\n".join(part for part in (observation.get("feedback"), observation.get("text")) if part)

    @staticmethod
    def user_message(text, image):
        """A user turn: plain text, or, with an image, a text part and an image part (OpenAI's vision format)."""
        if image is None:
            return {"role": "user", "content": text}
        url = f"data:{image.get('mime', 'image/png')};base64,{image['data']}"
        return {"role": "user", "content": [{"type": "text", "text": text + "\nImage observation provided."},
                                             {"type": "image_url", "image_url": {"url": url}}]}

    def messages(self, observation):
        """System instructions, the history window, then the current observation with its status.
        The newest `max_image_history` observations with an image carry it, the current one first."""
        legal = observation["legal_actions"]
        current = "Current observation:\n" + self.describe(observation)
        if observation.get("status"):
            current += "\n" + observation["status"]
        current += "\n\nLegal actions: " + ", ".join(legal) + "\n"
        current += FORMAT_INSTRUCTIONS[self.format].format(example=legal[0] if legal else "")
        images_left = self.max_image_history
        current_image = observation.get("image") if images_left > 0 else None
        if current_image is not None:
            images_left -= 1
        past = []
        for seen, image, action in reversed(self.history):
            shown = image if image is not None and images_left > 0 else None
            if shown is not None:
                images_left -= 1
            past.append((seen, shown, action))
        messages = [{"role": "system", "content": self.instructions}]
        for seen, image, action in reversed(past):
            messages.append(self.user_message("Observation:\n" + seen, image))
            messages.append({"role": "assistant", "content": action})
        messages.append(self.user_message(current, current_image))
        return messages

    @staticmethod
    def recorded(messages):
        """The messages as JSON text for the trajectory, each image URL shortened to its header."""
        def shorten(message):
            if isinstance(message["content"], str):
                return message
            parts = [{"type": "image_url", "image_url": {"url": part["image_url"]["url"].split(",", 1)[0] + ",..."}}
                     if part["type"] == "image_url" else part for part in message["content"]]
            return {**message, "content": parts}
        return json.dumps([shorten(message) for message in messages])

    def choose_action(self, params):
        """`act`: asks the model, parses its answer, and reports usage and the exact prompt."""
        observation = params["observation"]
        messages = self.messages(observation)
        completion = self.client.complete(messages)
        text = completion.text
        action = parse_action(text, observation["legal_actions"])
        self.history.append((self.describe(observation), observation.get("image"), action))
        result = {"action": action, "raw": text, "prompt": self.recorded(messages)}
        reasoning = reasoning_of(text)
        if reasoning:
            result["reasoning"] = reasoning
        if completion.usage:
            prompt, produced = completion.tokens()
            result["usage"] = {"prompt_tokens": prompt, "completion_tokens": produced}
            if self.price_in is not None and self.price_out is not None:
                result["usage"]["cost_usd"] = (prompt * self.price_in + produced * self.price_out) / 1e6
        return result

    def end_episode(self, params):
        """`episode/end`: the final progress and end_reason."""
        log(f"episode over: progress {params['progress']}, {params['end_reason']}")


def parse_arguments(argv):
    parser = argparse.ArgumentParser(description="A Delve agent backed by an OpenAI-compatible chat endpoint.")
    parser.add_argument("--base-url", required=True, help="API root, e.g. http://127.0.0.1:8000/v1")
    parser.add_argument("--model", required=True, help="the model name the endpoint expects")
    parser.add_argument("--api-key-env", default="OPENAI_API_KEY",
                        help="environment variable holding the API key (unset: no key is sent)")
    parser.add_argument("--format", choices=sorted(FORMAT_INSTRUCTIONS), default="robust",
                        help="answer format asked of the model (default robust)")
    parser.add_argument("--history", type=int, default=16,
                        help="observation/action pairs kept in the prompt (default 16)")
    parser.add_argument("--max-image-history", type=int, default=1,
                        help="newest observations sent with their picture, when Delve sends pictures (default 1)")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per request, whole (default 60)")
    parser.add_argument("--retries", type=int, default=3,
                        help="retries after a 429, 5xx, timeout or connection failure (default 3)")
    parser.add_argument("--backoff", type=float, default=1.0,
                        help="seconds before the first retry, doubled for each next one (default 1)")
    parser.add_argument("--temperature", type=float,
                        help="sampling temperature (default: none sent, the endpoint's own; balrog profile: 1.0)")
    parser.add_argument("--max-tokens", type=int,
                        help=f"completion cap, sent as max_tokens and enforced on the stream (default {DEFAULT_CAP}; "
                             f"balrog profile: 8192; 0: send none)")
    parser.add_argument("--extra-body", type=json_object, default={},
                        help="a JSON object merged into every request, for provider fields "
                             "(e.g. '{\"top_p\": 0.9, \"reasoning_effort\": \"low\"}')")
    parser.add_argument("--no-stream", dest="stream", action="store_false",
                        help="ask for one JSON reply instead of a stream (the cap is then only the server's)")
    parser.add_argument("--price-in", type=float, help="USD per million prompt tokens, for cost_usd")
    parser.add_argument("--price-out", type=float, help="USD per million completion tokens, for cost_usd")
    return parser.parse_args(argv)


def json_object(text):
    """An argparse type: a JSON object."""
    try:
        value = json.loads(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"not JSON: {error}") from None
    if not isinstance(value, dict):
        raise argparse.ArgumentTypeError("must be a JSON object, e.g. '{\"top_p\": 0.9}'")
    return value


def main(argv=None):
    args = parse_arguments(argv)
    try:
        fields = RequestFields(args.temperature, args.max_tokens, args.extra_body)
        client = ChatClient(args.base_url, args.model, os.environ.get(args.api_key_env), fields, args.timeout,
                            args.retries, args.backoff, args.stream, log)
    except ValueError as error:
        raise SystemExit(f"llm_agent.py: {error}")
    agent = LLMAgent(client, args.format, args.history, args.price_in, args.price_out, args.max_image_history)
    # A failed model call ends the episode as agent_error; Delve starts a fresh process.
    serve(agent, {"name": "llm_agent.py", "model": args.model}, failures=(EndpointError,))


if __name__ == "__main__":
    main()
