"""A client for `delve serve`: drive Delve's worlds from Python (stdlib only).

    from delve_agents import DelveClient

    with DelveClient() as delve:                      # spawns `delve serve` ($DELVE, else delve on PATH)
        env, observation, info = delve.reset("grid/goto", seed=7)
        result = delve.step(env, "go forward")
        results = delve.step_many({env: "turn left"})  # many envs, one line

    # or connect to a running `delve serve --listen ...`
    with DelveClient.connect("tcp://127.0.0.1:7777", token="s3cret") as delve: ...
    with DelveClient.connect("unix:/tmp/delve.sock") as delve: ...

The protocol is specified in docs/protocol.md.
"""

import itertools
import json
import os
import select
import socket
import subprocess
import time

from .binary import find_delve

PROTOCOL_VERSION = "1.0"


class DelveError(Exception):
    """A JSON-RPC error answered by the server: a stable `code` and a `message`."""

    def __init__(self, code, message):
        super().__init__(f"{message} (code {code})")
        self.code = code
        self.message = message


class DelveClient:
    """Speaks JSON-RPC 2.0 to `delve serve`, one line per message: a process it
    spawns (the constructor) or a server listening on a socket (`connect`)."""

    def __init__(self, command=None, initialize=True, token=None, spin_us=100):
        """Starts the server with `command` (a sequence of arguments, never a
        shell string; default: `find_delve()` then `serve`) and, unless told
        otherwise, exchanges the protocol version. `spin_us`: see
        `_await_answer`; 0 never polls."""
        command = command or (find_delve(), "serve")
        self._spin = spin_us / 1e6
        # Buffered both ways: readline on an unbuffered pipe would read a byte per system call.
        self._process = subprocess.Popen(list(command), stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self._socket = None
        self._reader = self._process.stdout
        self._write = self._write_pipe
        self._start(initialize, token)

    @classmethod
    def connect(cls, address, token=None, initialize=True, timeout=None, spin_us=100):
        """Connects to `delve serve --listen`: `address` is tcp://HOST:PORT,
        HOST:PORT or unix:/path. `token` (default: $DELVE_TOKEN) is presented
        in initialize; `timeout` (seconds) bounds connecting and each answer;
        `spin_us` as for the constructor."""
        if address.startswith("unix:"):
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            target = address[len("unix:"):]
        else:
            host, _, port = address.removeprefix("tcp://").rpartition(":")
            if not host or not port.isdigit():
                raise ValueError(f"address {address!r}: use tcp://HOST:PORT, HOST:PORT or unix:/path")
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            target = (host, int(port))
        sock.settimeout(timeout)
        try:
            sock.connect(target)
        except OSError:
            sock.close()
            raise
        client = cls.__new__(cls)
        client._spin = spin_us / 1e6
        client._process = None
        client._socket = sock
        client._reader = sock.makefile("rb", buffering=1 << 16)
        client._write = client._write_socket
        try:
            client._start(initialize, token if token is not None else os.environ.get("DELVE_TOKEN") or None)
        except BaseException:
            client._reader.close()
            sock.close()
            raise
        return client

    def _start(self, initialize, token):
        self._ids = itertools.count(1)
        self._sent_at = 0.0
        self._keeping_up = False
        self.server_info = None
        if initialize:
            params = {"protocol_version": PROTOCOL_VERSION}
            if token is not None:
                params["token"] = token
            self.server_info = self.call("initialize", **params)

    # Plumbing ---------------------------------------------------------------

    def _write_pipe(self, data):
        self._process.stdin.write(data)
        self._process.stdin.flush()
        self._sent_at = time.perf_counter()

    def _write_socket(self, data):
        self._socket.sendall(data)
        self._sent_at = time.perf_counter()

    def _send(self, message):
        line = json.dumps(message, separators=(",", ":"), ensure_ascii=False) + "\n"
        self._write(line.encode("utf-8"))

    def _await_answer(self):
        """Polls for the answer, without sleeping, for up to `spin_us` after
        the request went out, while answers have been coming that fast: a
        process woken from a blocking read pays the scheduler's wake-up (tens
        of microseconds on an idle virtual machine), more than a step takes.
        Answers slower than the window (big batches, a busy server) turn the
        polling off until one comes within it again."""
        if not self._keeping_up:
            return
        deadline = self._sent_at + self._spin
        descriptor = self._reader.fileno()
        while not select.select((descriptor,), (), (), 0)[0]:
            if time.perf_counter() >= deadline:
                return
            os.sched_yield()  # on a busy machine the server may be waiting for this very core

    def _receive(self):
        self._await_answer()
        line = self._reader.readline()
        self._keeping_up = time.perf_counter() - self._sent_at < self._spin
        if not line:
            raise ConnectionError("delve serve closed the connection")
        return json.loads(line)

    def _request(self, method, params):
        message = {"jsonrpc": "2.0", "id": next(self._ids), "method": method}
        if params:
            message["params"] = params
        return message

    @staticmethod
    def _unwrap(response):
        if "error" in response:
            error = response["error"]
            return DelveError(error["code"], error["message"])
        return response["result"]

    def call(self, method, **params):
        """Calls `method` and returns its result; raises DelveError on an error response."""
        request = self._request(method, params)
        self._send(request)
        response = self._receive()
        if response.get("id") != request["id"]:
            raise ConnectionError(f"answer to id {response.get('id')!r}, expected {request['id']!r}: {response}")
        result = self._unwrap(response)
        if isinstance(result, DelveError):
            raise result
        return result

    def notify(self, method, **params):
        """Sends a notification: carried out, never answered."""
        message = {"jsonrpc": "2.0", "method": method}
        if params:
            message["params"] = params
        self._send(message)

    def batch(self, calls):
        """Sends `calls`, a list of (method, params) pairs, as one batch line.
        Returns their results in the same order; a failed call's slot holds
        its DelveError instead of raising, so one bad env does not hide the rest."""
        return self.batch_wait(self.batch_async(calls))

    def batch_async(self, calls):
        """Sends the batch line of `batch` without waiting for its answer;
        returns a ticket for `batch_wait`. See `step_many_async` for lines in flight."""
        if not calls:
            return None
        requests = [self._request(method, params) for method, params in calls]
        self._send(requests)
        return [request["id"] for request in requests]

    def batch_wait(self, ticket):
        """The results of the line `ticket` stands for (as `batch` returns them)."""
        if ticket is None:
            return []
        by_id = {answer.get("id"): answer for answer in self._receive_batch()}
        return [self._unwrap(by_id[request_id]) for request_id in ticket]

    def _receive_batch(self):
        answers = self._receive()
        if not isinstance(answers, list):
            raise DelveError(answers["error"]["code"], answers["error"]["message"])
        return answers

    # The API ----------------------------------------------------------------

    def worlds(self):
        """The families and tasks served."""
        return self.call("worlds/list")["families"]

    def reset(self, task=None, seed=0, options=None, env=None, map=False, step_budget=None, image=None, profile=None):
        """Starts an episode of `task` (FAMILY/TASK); with `env`, resets that env in place.
        `image` asks for pictures in observations: True (the agent's view), False (none), or
        a dict with "view" ("agent" or "full") and "tile_size" (docs/protocol.md); `profile`
        is "delve" (the server's default) or "balrog". Returns (env id, observation, info)."""
        params = self.reset_params(task, seed, options, env, map, step_budget, image, profile)
        result = self.call("env/reset", **params)
        return result["env"], result["observation"], result["info"]

    @staticmethod
    def reset_params(task=None, seed=0, options=None, env=None, map=False, step_budget=None, image=None, profile=None):
        """The params of `env/reset` for `reset`'s arguments."""
        params = {"seed": seed}
        for name, value in (("task", task), ("options", options), ("env", env), ("step_budget", step_budget),
                            ("image", image), ("profile", profile)):
            if value is not None:
                params[name] = value
        if map:
            params["map"] = True
        return params

    def step(self, env, action):
        """Plays `action` in `env`: observation, reward, terminated, truncated, progress, milestones, info."""
        return self.call("env/step", env=env, action=action)

    def step_many(self, actions):
        """Steps many envs in one batch line: `actions` maps env id to action.
        Returns env id to step result (or DelveError for that env)."""
        return self.step_many_wait(self.step_many_async(actions))

    def step_many_async(self, actions, resets=None):
        """Sends the batch line of `step_many` without waiting for its answer;
        returns a ticket for `step_many_wait`. `resets` maps more env ids to
        `env/reset` params (`reset_params`): those envs are reset in the same
        line, as a vector env's autoreset does. Lines may be kept in flight,
        as an asynchronous vector env does (`step_async`/`step_wait`): the
        server steps one group of envs while the caller works on another's
        results. Answers come back in the order lines were sent, so wait for
        tickets in that order; while any is outstanding, use only the
        `*_async`/`*_wait` calls."""
        if not actions and not resets:
            return None
        # The hot path of vectorised stepping: the line is built from strings, not dicts.
        quote = json.encoder.encode_basestring
        envs = {}
        parts = []
        request_id = next(self._ids)
        for env, action in actions.items():
            envs[request_id] = env
            parts.append(f'{{"jsonrpc":"2.0","id":{request_id},"method":"env/step","params":{{"env":{quote(env)},"action":{quote(action)}}}}}')
            request_id += 1
        for env, params in (resets or {}).items():
            envs[request_id] = env
            parts.append(json.dumps({"jsonrpc": "2.0", "id": request_id, "method": "env/reset", "params": params},
                                    separators=(",", ":"), ensure_ascii=False))
            request_id += 1
        self._ids = itertools.count(request_id)
        self._write(("[" + ",".join(parts) + "]\n").encode("utf-8"))
        return envs

    def step_many_wait(self, ticket):
        """The results of the line `ticket` stands for (as `step_many` returns them)."""
        if ticket is None:
            return {}
        results = {ticket[answer["id"]]: self._unwrap(answer) for answer in self._receive_batch()}
        return {env: results[env] for env in ticket.values()}

    def legal_actions(self, env):
        """The actions meaningful now in `env`."""
        return self.call("env/legal_actions", env=env)["legal_actions"]

    def render(self, env, style="ascii"):
        """A picture of `env` for people: style 'ascii' or 'ansi'."""
        return self.call("env/render", env=env, style=style)["text"]

    def snapshot(self, env):
        """Keeps a copy of `env`'s episode; returns its opaque token."""
        return self.call("env/snapshot", env=env)["token"]

    def restore(self, env, token):
        """Puts the kept copy `token` into `env`; returns where it stands (observation, progress, steps, done)."""
        return self.call("env/restore", env=env, token=token)

    def drop_snapshot(self, token):
        """Forgets the kept copy `token`."""
        self.call("env/drop_snapshot", token=token)

    def close_env(self, env):
        """Ends `env`."""
        self.call("env/close", env=env)

    def close(self):
        """Ends the session with `shutdown`. A spawned server then exits: returns
        its exit status. On a socket only this connection ends (the server keeps
        serving others): returns 0."""
        if self._socket is not None:
            try:
                self.call("shutdown")
            except (ConnectionError, OSError):
                pass
            self._reader.close()
            self._socket.close()
            return 0
        if self._process.poll() is None:
            try:
                self.call("shutdown")
            except (ConnectionError, BrokenPipeError):
                pass
            self._process.stdin.close()
        status = self._process.wait()
        self._process.stdout.close()
        return status

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
