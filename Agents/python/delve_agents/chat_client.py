"""A client for OpenAI-compatible chat-completions endpoints, as real endpoints need it (stdlib only).

- Only the request fields someone asked for are sent: the model, the
  messages, the fields the user set (`temperature`, `max_tokens`, anything in
  `extra_body`), and the defaults of the run's profile (see `RequestFields`).
- Answers are streamed (`"stream": true`, server-sent events) and read only up
  to the completion cap: a model that never stops is cut off there, and the
  connection is closed so that the server stops generating.
- Each attempt has a whole-request deadline; an attempt past it is closed, not
  left running. An answer still streaming then is cut there (the model is
  slow; asking again would not help); one that sent no text yet is retried.
- 429, 5xx, timeouts and connection failures are retried with exponential
  backoff; any other 4xx is not (the same request would fail again), and the
  error says so, with the HTTP status and the start of the body. A 200 reply
  that is not a chat completion is an error that shows what came instead.
"""

import http.client
import json
import socket
import ssl
import threading
import time
import urllib.parse
import urllib.request

#: The completion cap sent as `max_tokens` when the user sets none (delve profile).
DEFAULT_MAX_TOKENS = 1024
#: The fields BALROG's config sends (balrog/config/config.yaml, `client.generate_kwargs`).
BALROG_DEFAULTS = {"temperature": 1.0, "max_tokens": 8192}
#: Characters allowed per token of the cap before a stream is cut: a safety net for servers
#: that ignore `max_tokens` and send long chunks (a real token is far shorter).
CHARS_PER_TOKEN_BOUND = 64
#: How much of an unexpected body an error message shows.
BODY_SHOWN = 300


class EndpointError(Exception):
    """The endpoint failed in a way that retrying will not fix, or retries ran out."""


class _Retryable(Exception):
    """One attempt failed in a way another attempt may not (429, 5xx, timeout, lost connection)."""

    def __init__(self, reason, retry_after=None):
        super().__init__(reason)
        self.retry_after = retry_after


def body_start(data):
    """The first BODY_SHOWN characters of a reply body, for error messages."""
    text = data.decode("utf-8", "replace") if isinstance(data, bytes) else str(data)
    text = " ".join(text.split())
    return repr(text[:BODY_SHOWN] + ("..." if len(text) > BODY_SHOWN else ""))


class RequestFields:
    """Which request fields are sent besides the model and the messages.

    `temperature` and `max_tokens` are what the user set (None: not set);
    `max_tokens` 0 means "send no max_tokens". `extra_body` is merged over
    everything else (provider fields: `max_completion_tokens`, `top_p`,
    `stop`, `reasoning_effort`, ...). A field the user did not set is sent only
    as the profile's default: under `balrog`, BALROG's temperature 1.0 and
    max_tokens 8192; under `delve`, no temperature and a max_tokens of
    DEFAULT_MAX_TOKENS, so that a rambling model stops.
    """

    def __init__(self, temperature=None, max_tokens=None, extra_body=None):
        reserved = {"model", "messages", "stream", "stream_options"} & set(extra_body or {})
        if reserved:
            raise ValueError(f"--extra-body may not set {', '.join(sorted(reserved))}: the agent sets those fields")
        self.temperature, self.max_tokens, self.extra_body = temperature, max_tokens, dict(extra_body or {})

    def body(self, profile):
        """The fields for a request of an episode under `profile` ("delve" or "balrog")."""
        defaults = BALROG_DEFAULTS if profile == "balrog" else {"max_tokens": DEFAULT_MAX_TOKENS}
        fields = {}
        temperature = self.temperature if self.temperature is not None else defaults.get("temperature")
        if temperature is not None:
            fields["temperature"] = temperature
        capped_elsewhere = "max_tokens" in self.extra_body or "max_completion_tokens" in self.extra_body
        if self.max_tokens is not None:
            if self.max_tokens > 0:
                fields["max_tokens"] = self.max_tokens
        elif not capped_elsewhere:
            fields["max_tokens"] = defaults["max_tokens"]
        fields.update(self.extra_body)
        return fields

    @staticmethod
    def cap(fields, profile):
        """The completion tokens read from a stream before it is cut: the cap the request
        asks for, else the profile's default cap."""
        for name in ("max_completion_tokens", "max_tokens"):
            if isinstance(fields.get(name), int) and fields[name] > 0:
                return fields[name]
        return BALROG_DEFAULTS["max_tokens"] if profile == "balrog" else DEFAULT_MAX_TOKENS


class _Reading:
    """A streamed answer as it arrives (`pieces`), and the signal to stop reading it."""

    def __init__(self):
        self.pieces = []
        self.stopped = threading.Event()


class Completion:
    """What the endpoint answered: the text, the finish reason, and the token usage (None if unreported)."""

    def __init__(self, text, finish_reason, usage):
        self.text, self.finish_reason, self.usage = text, finish_reason, usage

    def tokens(self):
        """(prompt_tokens, completion_tokens), 0 where unreported."""
        usage = self.usage or {}
        return usage.get("prompt_tokens") or 0, usage.get("completion_tokens") or 0


class ChatClient:
    """POSTs to BASE_URL/chat/completions with streaming, a whole-request deadline per attempt, and retries."""

    def __init__(self, base_url, model, api_key=None, fields=None, timeout=60.0, retries=3, backoff=1.0,
                 stream=True, log=None):
        self.url = base_url.rstrip("/") + "/chat/completions"
        parsed = urllib.parse.urlsplit(self.url)
        if parsed.scheme not in ("http", "https") or not parsed.hostname:
            raise ValueError(f"--base-url must be an http:// or https:// URL, not {base_url!r}")
        self.model, self.api_key = model, api_key
        self.fields = fields or RequestFields()
        self.timeout, self.retries, self.backoff, self.stream = timeout, retries, backoff, stream
        self.log = log or (lambda *parts: None)
        self.profile = "delve"  # set per episode by the agent
        self.told_no_usage = False

    def request_body(self, messages):
        """The JSON body sent for `messages` under the current profile."""
        body = {"model": self.model, "messages": messages, **self.fields.body(self.profile)}
        if self.stream:
            body["stream"] = True
            body["stream_options"] = {"include_usage": True}
        return body

    def complete(self, messages):
        """The endpoint's Completion of `messages`, retrying 429, 5xx, timeouts and
        connection failures up to `retries` times with exponential backoff."""
        body = self.request_body(messages)
        cap = RequestFields.cap(body, self.profile)
        data = json.dumps(body).encode()
        for attempt in range(self.retries + 1):
            try:
                completion = self._attempt(data, cap)
                if completion.usage is None and self.stream and not self.told_no_usage:
                    self.told_no_usage = True
                    self.log("the endpoint reported no token usage with its streamed answer (it may not take "
                             "stream_options); --no-stream asks for one JSON reply, which usually carries it")
                return completion
            except _Retryable as failure:
                if attempt == self.retries:
                    raise EndpointError(f"gave up after {attempt + 1} attempts; last: {failure}") from None
                delay = self.backoff * 2 ** attempt
                if failure.retry_after is not None:  # the server says when; never wait past a minute
                    delay = min(failure.retry_after, 60.0)
                self.log(f"attempt {attempt + 1} failed ({failure}); retrying in {delay:.2f} s")
                time.sleep(delay)
        raise AssertionError("unreachable")

    # -- one attempt --------------------------------------------------------

    def _connection(self):
        """An HTTP(S) connection to the endpoint, through the environment's proxy unless bypassed."""
        parsed = urllib.parse.urlsplit(self.url)
        host, port = parsed.hostname, parsed.port or (443 if parsed.scheme == "https" else 80)
        proxy = urllib.request.getproxies().get(parsed.scheme)
        if proxy and not urllib.request.proxy_bypass(host):
            proxy_url = urllib.parse.urlsplit(proxy if "://" in proxy else "http://" + proxy)
            if parsed.scheme == "https":
                connection = http.client.HTTPSConnection(proxy_url.hostname, proxy_url.port or 80,
                                                         timeout=self.timeout, context=ssl.create_default_context())
                connection.set_tunnel(host, port)
                return connection, parsed.path
            # A plain-HTTP proxy takes the absolute URL.
            return http.client.HTTPConnection(proxy_url.hostname, proxy_url.port or 80, timeout=self.timeout), self.url
        if parsed.scheme == "https":
            return http.client.HTTPSConnection(host, port, timeout=self.timeout,
                                               context=ssl.create_default_context()), parsed.path
        return http.client.HTTPConnection(host, port, timeout=self.timeout), parsed.path

    def _attempt(self, data, cap):
        """One POST, read in a worker thread. Past the deadline the connection is shut
        down under the worker (so the server sees the client leave); an answer already
        streaming is then cut there (finish reason "timeout": the model is slow, and asking
        again would not make it faster), and an attempt that got no text yet fails."""
        connection, target = self._connection()
        headers = {"Content-Type": "application/json", "Accept": "text/event-stream, application/json"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        outcome, reading = {}, _Reading()

        def run():
            try:
                connection.request("POST", target, body=data, headers=headers)
                outcome["response"] = connection.getresponse()
                outcome["value"] = self._read(outcome["response"], cap, reading)
            except BaseException as error:  # handed over to the waiting thread
                outcome["error"] = error
            finally:
                self._shut_down(connection)
                if "response" in outcome:
                    outcome["response"].close()
                connection.close()

        worker = threading.Thread(target=run, daemon=True)
        worker.start()
        worker.join(self.timeout)
        # The socket's own timeout is the deadline too: a read that waited that long on a busy
        # machine may end the worker just before this thread's wait does. Either way, no answer in time.
        if worker.is_alive() or isinstance(outcome.get("error"), TimeoutError):
            if worker.is_alive():
                reading.stopped.set()  # the worker reads no further line,
                self._shut_down(connection)  # nor waits on one; then it closes the connection
                worker.join(5.0)
            text = "".join(list(reading.pieces)).strip()
            if text:
                self.log(f"the answer was still streaming after {self.timeout:g} s; cut it there and closed the request")
                return Completion(text, "timeout", None)
            raise _Retryable(f"no complete answer within {self.timeout:g} s; closed the request")
        error = outcome.get("error")
        if error is None:
            return outcome["value"]
        if isinstance(error, (_Retryable, EndpointError)):
            raise error
        if isinstance(error, (OSError, http.client.HTTPException)):  # timeouts, resets, refused, cut replies
            raise _Retryable(f"{type(error).__name__}: {error}")
        raise error

    @staticmethod
    def _shut_down(connection):
        """Shuts the connection's socket down at once: a read blocked on it returns, and the
        server sees the client leave (closing alone may wait for other references to the socket)."""
        sock = connection.sock
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def _read(self, response, cap, reading):
        """The Completion in `response`: an error status, a stream, or one JSON body."""
        if response.status != 200:
            body = response.read(4096)
            if response.status == 429 or response.status >= 500:
                retry_after = response.getheader("Retry-After", "")
                raise _Retryable(f"HTTP {response.status}: {body_start(body)}",
                                 float(retry_after) if retry_after.isdigit() else None)
            raise EndpointError(f"HTTP {response.status} from {self.url}: {body_start(body)}; "
                                f"not retried: {self._why_not_retried(response.status)}")
        kind = (response.getheader("Content-Type") or "").split(";")[0].strip().lower()
        if kind == "text/event-stream":
            return self._read_stream(response, cap, reading)
        chunks = []
        while not reading.stopped.is_set():  # piece by piece, so that a caller that stops waiting is heard
            chunk = response.read1(65536)
            if not chunk:
                break
            chunks.append(chunk)
        body = b"".join(chunks)
        try:
            reply = json.loads(body)
            choice = reply["choices"][0]
            message = choice["message"]
            text = message.get("content") or ""
            if not isinstance(text, str):
                raise TypeError("content is not a string")
        except (ValueError, LookupError, TypeError, AttributeError):
            raise EndpointError(f"HTTP 200 from {self.url}, but not a chat completion "
                                f"(no choices[0].message.content): {body_start(body)}") from None
        usage = reply.get("usage") if isinstance(reply.get("usage"), dict) else None
        return Completion(text.strip(), choice.get("finish_reason"), usage)

    @staticmethod
    def _why_not_retried(status):
        hints = {400: "the endpoint refuses the request as sent (a field it does not take? see --extra-body, "
                      "--temperature, --max-tokens 0, --no-stream)",
                 401: "the API key is missing or wrong (see --api-key-env)",
                 403: "the API key may not use this model or endpoint",
                 404: "no such endpoint or model (check --base-url and --model)",
                 413: "the prompt is too large for the endpoint",
                 422: "the endpoint refuses a field of the request (see --extra-body)"}
        return hints.get(status, "a client error other than 429 would fail the same way again")

    def _read_stream(self, response, cap, reading):
        """Reads server-sent events until `[DONE]`, the end of the body, the cap, or until
        `reading` is stopped: past `cap` content pieces (or CHARS_PER_TOKEN_BOUND x cap
        characters) it stops reading; the caller then closes the connection, which tells the
        server to stop. The text arrives in `reading.pieces` as it comes."""
        pieces, count, chars, finish, usage = reading.pieces, 0, 0, None, None
        for raw in response:
            if reading.stopped.is_set():
                break
            line = raw.decode("utf-8", "replace").rstrip("\r\n")
            if not line.startswith("data:"):
                continue  # comments (":"), event names, blank separators
            payload = line[5:].strip()
            if payload == "[DONE]":
                break
            try:
                chunk = json.loads(payload)
            except ValueError:
                raise EndpointError(f"a streamed event from {self.url} is not JSON: {body_start(payload)}") from None
            if not isinstance(chunk, dict):
                raise EndpointError(f"a streamed event from {self.url} is not a chunk: {body_start(payload)}")
            if chunk.get("error"):
                raise EndpointError(f"the endpoint reported an error mid-stream: {body_start(json.dumps(chunk['error']))}")
            if isinstance(chunk.get("usage"), dict):
                usage = chunk["usage"]
            for choice in chunk.get("choices") or []:
                delta = choice.get("delta") or {}
                content = delta.get("content")
                thinking = delta.get("reasoning_content") or delta.get("reasoning")
                if isinstance(content, str) and content:
                    pieces.append(content)
                for part in (content, thinking):
                    if isinstance(part, str) and part:
                        count += 1
                        chars += len(part)
                finish = choice.get("finish_reason") or finish
            if count > cap or chars > cap * CHARS_PER_TOKEN_BOUND:
                self.log(f"the answer passed the cap of {cap} tokens; stopped reading and closed the request")
                finish = "length"
                break
        else:
            if finish is None and not pieces and usage is None:
                raise _Retryable("the stream ended before any answer")
        return Completion("".join(pieces).strip(), finish, usage)
