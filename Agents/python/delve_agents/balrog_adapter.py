#!/usr/bin/env python3
"""Plays an agent written against BALROG's agent interface as a Delve agent process (stdlib only;
PIL only when pictures are on).

    delve eval --suite balrog --agent "python3 Agents/python/balrog_adapter.py \\
        --agent-class my_agents.py:MyAgent --base-url http://127.0.0.1:8080/v1 --model my-model"

The class is built as BALROG's AgentFactory builds its agents:
`MyAgent(client_factory, prompt_builder)`, plus `config=` (BALROG's config
tree: `config.agent.*`, `config.client.*`, `config.eval.*`) and
`max_icl_history=` when its constructor takes them. `client_factory()`
returns a client whose `generate(messages)` sends BALROG `Message`s (role,
content, attachment) to the OpenAI-compatible endpoint (chat_client.py) and
returns BALROG's `LLMResponse` (model_id, completion, stop_reason,
input_tokens, output_tokens, reasoning). `prompt_builder` is a
`HistoryPromptBuilder` with BALROG's behaviour (16 observations of text
history, `--max-image-history` pictures, 1 remembered chain of thought).

Each Delve episode is played as BALROG's evaluator plays one:
`agent.reset()`; `agent.prompt_builder.update_instruction_prompt(instructions)`;
with `--few-shot K --demos FILE`, K demonstrations of the task (see
`Demos`) fed through the agent's `update_icl_observation`,
`update_icl_action` and `wrap_episode`; then for every step
`agent.act(obs, prev_action=...)`, where `prev_action` is the previous
response's `completion` (None at the first step) and `obs` is BALROG's
observation dict:

    obs["text"]["long_term_context"]   Delve's feedback and text, one per line
    obs["text"]["short_term_context"]  Delve's status (under the delve profile,
                                       then "Legal actions: ..." when Delve lists any)
    obs["image"]                       a PIL image (RGB) when Delve sends a picture, else None

The response's `completion` is the action sent to Delve, its `reasoning`
the step's reasoning, its `input_tokens` and `output_tokens` the step's usage
(as BALROG's evaluator counts it; left out when the endpoint reported none);
the whole answer of the last model call (`raw`) and the messages it was sent
(`prompt`) are reported with it. An agent written with `from balrog.agents.base import BaseAgent`
runs unchanged: without BALROG installed, the adapter provides the modules
`balrog.agents.base`, `balrog.client` and `balrog.prompt_builder(.history)`
with the pieces above. The request fields, streaming, cap and retries are
chat_client.py's; under the `balrog` profile the fields nobody set are
BALROG's (temperature 1.0, max_tokens 8192).
"""

import argparse
import base64
import collections
import importlib
import importlib.util
import inspect
import io
import json
import os
import random
import sys
import types

from .chat_client import ChatClient, EndpointError, RequestFields
from .agent import log, serve

# ---------------------------------------------------------------------------
# BALROG's interface: messages, responses, the history prompt builder, the base agent

LLMResponse = collections.namedtuple(
    "LLMResponse", ["model_id", "completion", "stop_reason", "input_tokens", "output_tokens", "reasoning"])


class Message:
    """One chat message of a prompt: `role` ("user", "assistant", "system"), `content`
    (text), and `attachment` (an image, or None)."""

    def __init__(self, role, content, attachment=None):
        self.role, self.content, self.attachment = role, content, attachment

    def __repr__(self):
        return f"Message(role={self.role!r}, content={self.content!r}, attachment={self.attachment!r})"


class HistoryPromptBuilder:
    """Turns an episode's observations and actions into prompt messages, as BALROG's builder does.

    It keeps the last 2 x max(max_text_history, max_image_history) events
    (observations and actions, in order). A prompt is the instructions as a
    user message (unless `icl_episodes`), then each kept event: an observation
    as a user message "Observation:" and its text, the newest one as "Current
    Observation:" followed by the latest short-term context; pictures on the
    newest `max_image_history` observations that have one ("Image observation
    provided." after the text); an action as an assistant message, or, for the
    newest `max_cot_history` actions that carry reasoning, "Previous plan:" and
    that reasoning instead (older reasoning is dropped for good).
    """

    def __init__(self, max_text_history=16, max_image_history=1, system_prompt=None, max_cot_history=1):
        self.max_text_history, self.max_image_history = max_text_history, max_image_history
        self.max_cot_history = max_cot_history
        self.system_prompt = system_prompt
        self.max_history = max(max_text_history, max_image_history)
        self._events = collections.deque(maxlen=2 * self.max_history)
        self._last_short_term_obs = None
        self.previous_reasoning = None

    def update_instruction_prompt(self, instruction):
        """Sets the instructions, the first message of every prompt."""
        self.system_prompt = instruction

    def update_observation(self, obs):
        """Adds an observation (BALROG's dict: obs["text"] contexts, optional obs["image"])."""
        self._last_short_term_obs = obs["text"].get("short_term_context", "")
        self._events.append({"type": "observation", "text": obs["text"].get("long_term_context", ""),
                             "image": obs.get("image")})

    def update_action(self, action):
        """Adds an action; it carries the reasoning last given to `update_reasoning`."""
        self._events.append({"type": "action", "action": action, "reasoning": self.previous_reasoning})

    def update_reasoning(self, reasoning):
        """The reasoning that the next action added will carry."""
        self.previous_reasoning = reasoning

    def reset(self):
        """Forgets the episode's events (not the instructions)."""
        self._events.clear()

    def get_prompt(self, icl_episodes=False):
        """The prompt, a list of Message."""
        newest_first = [event for event in reversed(self._events) if event["type"] == "observation"]
        with_text = {id(e) for e in [e for e in newest_first if e["text"] is not None][:self.max_text_history]}
        with_image = {id(e) for e in [e for e in newest_first if e["image"] is not None][:self.max_image_history]}
        actions = [event for event in reversed(self._events) if event["type"] == "action"]
        kept_reasoning = 0
        for event in actions:
            if event["reasoning"] is not None and kept_reasoning < self.max_cot_history:
                kept_reasoning += 1
            else:
                event["reasoning"] = None

        messages = []
        if self.system_prompt and not icl_episodes:
            messages.append(Message("user", self.system_prompt))
        for index, event in enumerate(self._events):
            if event["type"] == "action":
                content = event["action"] if event["reasoning"] is None else "Previous plan:\n" + event["reasoning"]
                messages.append(Message("assistant", content))
                continue
            lines = ["Observation:"]
            if index == len(self._events) - 1:
                lines = ["Current Observation:"]
                if self._last_short_term_obs:
                    lines.append(self._last_short_term_obs)
            if id(event) in with_text:
                lines.append(event["text"])
            image = None
            if id(event) in with_image:
                image = event["image"]
                lines.append("Image observation provided.")
            messages.append(Message("user", "\n".join(lines), attachment=image))
        return messages


class BaseAgent:
    """BALROG's base agent: keeps the client made by `client_factory` and the prompt builder."""

    def __init__(self, client_factory, prompt_builder):
        self.client = client_factory()
        self.prompt_builder = prompt_builder

    def act(self, obs, prev_action=None):
        """The LLMResponse whose `completion` is the action for `obs`."""
        raise NotImplementedError

    def update_prompt(self, observation, action):
        """Adds an observation and an action to the prompt history."""
        self.prompt_builder.update_observation(observation)
        self.prompt_builder.update_action(action)

    def reset(self):
        """Forgets the episode's history."""
        self.prompt_builder.reset()


def install_balrog_modules():
    """Lets `from balrog.agents.base import BaseAgent` (and the client and prompt-builder
    modules) import when BALROG itself is not installed: registers this module's pieces
    under BALROG's module names."""
    try:
        importlib.import_module("balrog.agents.base")
        return
    except ImportError:
        pass
    contents = {
        "balrog": {}, "balrog.agents": {}, "balrog.agents.base": {"BaseAgent": BaseAgent},
        "balrog.client": {"LLMResponse": LLMResponse, "LLMClientWrapper": ChatWrapper},
        "balrog.prompt_builder": {"HistoryPromptBuilder": HistoryPromptBuilder},
        "balrog.prompt_builder.history": {"HistoryPromptBuilder": HistoryPromptBuilder, "Message": Message},
    }
    for name, attributes in contents.items():
        module = types.ModuleType(name)
        module.__path__ = []  # a package, so that its submodules import
        module.__dict__.update(attributes)
        sys.modules[name] = module
    for name in contents:
        parent, _, child = name.rpartition(".")
        if parent:
            setattr(sys.modules[parent], child, sys.modules[name])


# ---------------------------------------------------------------------------
# Pictures

class EncodedImage:
    """A picture as Delve sent it (base64 PNG), for agents that only pass pictures on:
    `save(fp, format="PNG")` writes the PNG, as a PIL image's would."""

    def __init__(self, data, mime="image/png"):
        self.data, self.mime = data, mime

    def save(self, fp, format=None):  # noqa: A002 (PIL's parameter name)
        fp.write(base64.b64decode(self.data))

    def __repr__(self):
        return f"EncodedImage({self.mime}, {len(self.data)} base64 characters)"


def pil_image(picture):
    """Delve's picture (base64 PNG) as an RGB PIL image, as BALROG's observations hold."""
    try:
        from PIL import Image
    except ImportError:
        raise ValueError("this run sends pictures (delve eval --observe image/both), and BALROG agents get them "
                         "as PIL images, but PIL is not installed: pip install pillow, or run without pictures")
    return Image.open(io.BytesIO(base64.b64decode(picture["data"]))).convert("RGB")


def data_url(image):
    """An image attachment (EncodedImage or anything with PIL's `save`) as a data URL of a PNG."""
    if isinstance(image, EncodedImage):
        return f"data:{image.mime};base64,{image.data}"
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


# ---------------------------------------------------------------------------
# The client an agent's client_factory makes

class Exchanges:
    """What the clients of one process sent and got during the current `act`."""

    def __init__(self):
        self.calls = []  # (messages as sent, Completion)

    def take(self):
        calls, self.calls = self.calls, []
        return calls


class ChatWrapper:
    """BALROG's client interface over chat_client.ChatClient: `generate(messages)` -> LLMResponse.

    Messages go as OpenAI chat messages: text content, or, with an attachment,
    a text part and an `image_url` part holding the PNG as a data URL. Roles
    are kept as given (consecutive user messages stay separate, as BALROG's
    `alternate_roles: False`).
    """

    def __init__(self, chat, exchanges):
        self.chat, self.exchanges = chat, exchanges
        self.model_id = chat.model

    @staticmethod
    def convert_messages(messages):
        converted = []
        for message in messages:
            if message.attachment is None:
                converted.append({"role": message.role, "content": message.content})
            else:
                converted.append({"role": message.role, "content": [
                    {"type": "text", "text": message.content},
                    {"type": "image_url", "image_url": {"url": data_url(message.attachment)}}]})
        return converted

    def generate(self, messages):
        converted = self.convert_messages(messages)
        completion = self.chat.complete(converted)
        self.exchanges.calls.append((converted, completion))
        prompt_tokens, completion_tokens = completion.tokens()
        return LLMResponse(model_id=self.model_id, completion=completion.text, stop_reason=completion.finish_reason,
                           input_tokens=prompt_tokens, output_tokens=completion_tokens, reasoning=None)


def recorded_prompt(messages):
    """Messages as JSON text for the trajectory, each image URL shortened to its header."""
    def shorten(message):
        if isinstance(message["content"], str):
            return message
        parts = [{"type": "image_url", "image_url": {"url": part["image_url"]["url"].split(",", 1)[0] + ",..."}}
                 if part["type"] == "image_url" else part for part in message["content"]]
        return {**message, "content": parts}
    return json.dumps([shorten(message) for message in messages])


# ---------------------------------------------------------------------------
# Demonstrations

class Demos:
    """Demonstration episodes from a JSON-lines file (`delve demos TASK --episodes K --out FILE`):
    one episode per line, {"task", "seed", "profile", "instructions", "observations": [text at
    reset, after action 1, ...], "actions": [...], ...} with one observation more than actions."""

    def __init__(self, path):
        self.path, self.episodes = path, []
        with open(path, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    episode = json.loads(line)
                    observations, actions = episode["observations"], episode["actions"]
                    valid = (isinstance(episode["task"], str) and len(observations) == len(actions) + 1
                             and all(isinstance(x, str) for x in observations + actions))
                except (ValueError, KeyError, TypeError):
                    valid = False
                if not valid:
                    raise ValueError(f"{path}:{number}: not a demonstration episode (task, observations, "
                                     f"actions, with one observation more than actions)")
                self.episodes.append(episode)

    def pick(self, task, seed, profile, count):
        """`count` episodes of `task` recorded under `profile`, never the episode's own seed,
        chosen by a generator seeded from the task and seed (the same episode gets the same demos)."""
        candidates = [e for e in self.episodes if e["task"] == task and e.get("profile", profile) == profile
                      and e.get("seed") != seed]
        if not candidates:
            raise ValueError(f"no demonstration of {task} (profile {profile}) in {self.path}; "
                             f"record some with `delve demos {task} --episodes K --out FILE`")
        if len(candidates) < count:
            log(f"only {len(candidates)} demonstrations of {task} in {self.path}; {count} asked for")
        return random.Random(f"{task}#{seed}").sample(candidates, min(count, len(candidates)))


def feed_demo(agent, episode):
    """Hands one demonstration to a BALROG few-shot agent, as BALROG's dataset loader does."""
    def observation(text):
        return {"text": {"long_term_context": text, "short_term_context": ""}, "image": None}
    agent.update_icl_observation(observation(episode["observations"][0]))
    for action, text in zip(episode["actions"], episode["observations"][1:]):
        agent.update_icl_action(action)
        agent.update_icl_observation(observation(text))
    agent.wrap_episode()


# ---------------------------------------------------------------------------
# The Delve side

class BalrogAdapter:
    """A Delve agent (delve_agents.agent.serve) that plays a BALROG-interface agent."""

    def __init__(self, agent, chat, exchanges, pictures_as_pil=True, demos=None, few_shot=0,
                 price_in=None, price_out=None):
        self.agent, self.chat, self.exchanges = agent, chat, exchanges
        self.pictures_as_pil = pictures_as_pil
        self.demos, self.few_shot = demos, few_shot
        self.price_in, self.price_out = price_in, price_out
        self.profile, self.prev_action = "delve", None

    def start_episode(self, params):
        """`episode/start`: resets the agent, gives it the instructions (and its demonstrations)."""
        self.profile = params.get("profile") or "delve"
        self.chat.profile = self.profile
        self.prev_action = None
        self.agent.reset()
        self.agent.prompt_builder.update_instruction_prompt(params["instructions"])
        if self.few_shot:
            for name in ("icl_episodes", "icl_events"):  # BALROG's evaluator never clears these between
                if isinstance(getattr(self.agent, name, None), list):  # episodes; each Delve episode gets its own
                    getattr(self.agent, name).clear()
            for episode in self.demos.pick(params["task"], params["seed"], self.profile, self.few_shot):
                feed_demo(self.agent, episode)
        log(f"episode {params['task']} seed {params['seed']} ({self.profile}): budget {params['step_budget']} steps")

    def observation(self, observation):
        """Delve's observation as BALROG's observation dict."""
        long_term = "\n".join(part for part in (observation.get("feedback"), observation.get("text")) if part)
        short_term = observation.get("status") or ""
        legal = observation.get("legal_actions") or []
        if self.profile != "balrog" and legal:  # BALROG lists no legal actions; Delve's own profile does
            short_term = "\n".join(part for part in (short_term, "Legal actions: " + ", ".join(legal)) if part)
        image = observation.get("image")
        if image is not None:
            image = pil_image(image) if self.pictures_as_pil else EncodedImage(image["data"], image.get("mime", "image/png"))
        return {"text": {"long_term_context": long_term, "short_term_context": short_term}, "image": image}

    def choose_action(self, params):
        """`act`: the agent's completion is the action; the model calls made for it are reported."""
        obs = self.observation(params["observation"])
        self.exchanges.take()
        response = self.agent.act(obs, prev_action=self.prev_action)
        calls = self.exchanges.take()
        action = response.completion if isinstance(response.completion, str) else ""
        self.prev_action = response.completion
        result = {"action": action}
        reasoning = getattr(response, "reasoning", None)
        if isinstance(reasoning, str) and reasoning:
            result["reasoning"] = reasoning
        if calls:
            messages, completion = calls[-1]
            result["raw"], result["prompt"] = completion.text, recorded_prompt(messages)
        tokens = (getattr(response, "input_tokens", None), getattr(response, "output_tokens", None))
        counted = all(isinstance(t, int) and not isinstance(t, bool) and t >= 0 for t in tokens)
        if counted and not (calls and all(completion.usage is None for _, completion in calls)):
            prompt, produced = tokens  # the agent's own count, as BALROG's evaluator sums it
            result["usage"] = {"prompt_tokens": prompt, "completion_tokens": produced}
            if self.price_in is not None and self.price_out is not None:
                result["usage"]["cost_usd"] = (prompt * self.price_in + produced * self.price_out) / 1e6
        return result

    def end_episode(self, params):
        log(f"episode over: progress {params['progress']}, {params['end_reason']}")


class Config(dict):
    """BALROG's config tree (an OmegaConf DictConfig there): keys read as attributes too."""

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


def balrog_config(args, agent_type):
    """The parts of BALROG's config that agents read, from the adapter's arguments."""
    return Config(
        agent=Config(type=agent_type, remember_cot=True, max_text_history=args.max_text_history,
                     max_image_history=args.max_image_history, max_cot_history=args.max_cot_history,
                     max_icl_history=args.max_icl_history, cache_icl=False),
        client=Config(client_name="openai", model_id=args.model, base_url=args.base_url,
                      generate_kwargs=Config(temperature=args.temperature, max_tokens=args.max_tokens),
                      timeout=args.timeout, max_retries=args.retries, delay=args.backoff, alternate_roles=False),
        eval=Config(icl_episodes=args.few_shot, feedback_on_invalid_action=True))


def build_agent(cls, client_factory, prompt_builder, config):
    """`cls(client_factory, prompt_builder, ...)` as BALROG's AgentFactory calls its agents:
    `config` and `max_icl_history` are passed to constructors that take them."""
    parameters = list(inspect.signature(cls).parameters.values())[2:]
    known = {"config": config, "max_icl_history": config.agent.max_icl_history}
    arguments = {}
    for parameter in parameters:
        if parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
            continue
        if parameter.name in known:
            arguments[parameter.name] = known[parameter.name]
        elif parameter.default is parameter.empty:
            raise ValueError(f"cannot build {cls.__name__}: its parameter {parameter.name!r} is not one BALROG "
                             f"passes (client_factory, prompt_builder, config, max_icl_history)")
    return cls(client_factory, prompt_builder, **arguments)


def load_class(spec):
    """The class named by MODULE:CLASS or PATH.py:CLASS."""
    where, _, name = spec.rpartition(":")
    if not where or not name:
        raise ValueError(f"--agent-class wants MODULE:CLASS or PATH.py:CLASS, not {spec!r}")
    if where.endswith(".py"):
        path = os.path.abspath(where)
        sys.path.insert(0, os.path.dirname(path))
        module_spec = importlib.util.spec_from_file_location(os.path.splitext(os.path.basename(path))[0], path)
        if module_spec is None or not os.path.exists(path):
            raise ValueError(f"--agent-class: no file {where}")
        module = importlib.util.module_from_spec(module_spec)
        sys.modules[module_spec.name] = module
        module_spec.loader.exec_module(module)
    else:
        sys.path.insert(0, os.getcwd())
        module = importlib.import_module(where)
    found = getattr(module, name, None)
    if not inspect.isclass(found):
        raise ValueError(f"--agent-class: {where} has no class {name}")
    return found


def add_arguments(parser):
    """The endpoint, sampling, history and few-shot arguments the adapter and llm_agent share."""
    parser.add_argument("--base-url", required=True, help="API root, e.g. http://127.0.0.1:8000/v1")
    parser.add_argument("--model", required=True, help="the model name the endpoint expects")
    parser.add_argument("--api-key-env", default="OPENAI_API_KEY",
                        help="environment variable holding the API key (unset: no key is sent)")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per request, whole (default 60)")
    parser.add_argument("--retries", type=int, default=3,
                        help="retries after a 429, 5xx, timeout or connection failure (default 3)")
    parser.add_argument("--backoff", type=float, default=1.0,
                        help="seconds before the first retry, doubled for each next one (default 1)")
    parser.add_argument("--temperature", type=float,
                        help="sampling temperature (default: none sent; balrog profile: BALROG's 1.0)")
    parser.add_argument("--max-tokens", type=int,
                        help="completion cap, sent as max_tokens and enforced on the stream "
                             "(default 1024; balrog profile: BALROG's 8192; 0: send none)")
    parser.add_argument("--extra-body", type=json_object, default={},
                        help="a JSON object merged into every request, for provider fields "
                             "(e.g. '{\"top_p\": 0.9, \"reasoning_effort\": \"low\"}')")
    parser.add_argument("--no-stream", dest="stream", action="store_false",
                        help="ask for one JSON reply instead of a stream (the cap is then only the server's)")
    parser.add_argument("--max-text-history", type=int, default=16,
                        help="observations kept in the prompt, with the actions between them (default 16)")
    parser.add_argument("--max-image-history", type=int, default=1,
                        help="newest observations sent with their picture, when Delve sends pictures (default 1)")
    parser.add_argument("--max-cot-history", type=int, default=1,
                        help="newest actions shown as their remembered plan (default 1)")
    parser.add_argument("--max-icl-history", type=int, default=1000,
                        help="demonstration steps kept in the prompt (default 1000)")
    parser.add_argument("--few-shot", type=int, default=0, metavar="K",
                        help="demonstration episodes of the task put in the prompt "
                             "(needs --demos; llm_agent's few-shot: default 1)")
    parser.add_argument("--demos", help="JSON-lines demonstrations, as `delve demos` writes them")
    parser.add_argument("--price-in", type=float, help="USD per million prompt tokens, for cost_usd")
    parser.add_argument("--price-out", type=float, help="USD per million completion tokens, for cost_usd")


def json_object(text):
    """An argparse type: a JSON object."""
    try:
        value = json.loads(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"not JSON: {error}") from None
    if not isinstance(value, dict):
        raise argparse.ArgumentTypeError("must be a JSON object, e.g. '{\"top_p\": 0.9}'")
    return value


def build_adapter(args, cls, agent_type, pictures_as_pil):
    """The adapter playing `cls`, built from the arguments (add_arguments)."""
    fields = RequestFields(args.temperature, args.max_tokens, args.extra_body)
    chat = ChatClient(args.base_url, args.model, os.environ.get(args.api_key_env), fields, args.timeout,
                      args.retries, args.backoff, args.stream, log)
    exchanges = Exchanges()
    builder = HistoryPromptBuilder(max_text_history=args.max_text_history, max_image_history=args.max_image_history,
                                   max_cot_history=args.max_cot_history)
    agent = build_agent(cls, lambda: ChatWrapper(chat, exchanges), builder, balrog_config(args, agent_type))
    demos = None
    if args.few_shot:
        if not args.demos:
            raise ValueError("--few-shot needs --demos FILE")
        if not all(hasattr(agent, m) for m in ("update_icl_observation", "update_icl_action", "wrap_episode")):
            raise ValueError(f"--few-shot: {cls.__name__} has no update_icl_observation, update_icl_action "
                             f"and wrap_episode (BALROG's few-shot agent interface)")
        demos = Demos(args.demos)
    return BalrogAdapter(agent, chat, exchanges, pictures_as_pil, demos, args.few_shot, args.price_in, args.price_out)


def run(args, cls, agent_type, pictures_as_pil, name):
    """Builds the adapter and serves Delve's requests until shutdown."""
    adapter = build_adapter(args, cls, agent_type, pictures_as_pil)
    # A failed model call ends the episode as agent_error; Delve starts a fresh process.
    serve(adapter, {"name": name, "model": args.model, "agent_class": cls.__name__}, failures=(EndpointError,))


def main(argv=None):
    parser = argparse.ArgumentParser(description="Plays a BALROG-interface agent class as a Delve agent.")
    parser.add_argument("--agent-class", required=True, metavar="MODULE:CLASS",
                        help="the agent class: MODULE:CLASS (importable from here) or PATH.py:CLASS")
    add_arguments(parser)
    args = parser.parse_args(argv)
    try:
        install_balrog_modules()
        cls = load_class(args.agent_class)
        run(args, cls, "custom", True, "balrog_adapter.py")
    except (ValueError, ImportError, OSError) as error:
        raise SystemExit(f"balrog_adapter.py: {error}")


if __name__ == "__main__":
    main()
