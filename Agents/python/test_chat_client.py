"""Tests chat_client.py against scripted OpenAI-compatible endpoints on 127.0.0.1.

    python3 Agents/python/test_chat_client.py -v

Each endpoint plays a script: one behaviour per request (a stream, a stream
that never ends, silence, an error status, a malformed reply), and records
what it received and whether the client hung up on it.
"""

import json
import os
import select
import sys
import threading
import time
import unittest
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from delve_agents.chat_client import BODY_SHOWN, DEFAULT_MAX_TOKENS, ChatClient, EndpointError, RequestFields  # noqa: E402

MESSAGES = [{"role": "user", "content": "Which way?"}]
WAIT = 30  # seconds a test waits for an event that must happen (never a measured duration)


def sse(handler, chunks, done=True):
    """Sends `chunks` (dicts) as server-sent events, then `[DONE]`."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/event-stream")
    handler.end_headers()
    for chunk in chunks:
        handler.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
        handler.wfile.flush()
    if done:
        handler.wfile.write(b"data: [DONE]\n\n")


def piece(text, finish=None):
    return {"choices": [{"index": 0, "delta": {"content": text}, "finish_reason": finish}]}


def streamed(*texts, usage=(11, 3)):
    """A behaviour: streams `texts` as pieces, then a usage chunk with empty choices (as OpenAI does)."""
    def behave(handler, body):
        chunks = [{"choices": [{"index": 0, "delta": {"role": "assistant"}}]}]
        chunks += [piece(t) for t in texts] + [piece("", "stop")]
        if usage:
            chunks.append({"choices": [], "usage": {"prompt_tokens": usage[0], "completion_tokens": usage[1]}})
        sse(handler, chunks)
    return behave


def status(code, body=b'{"error": {"message": "nope"}}', headers=()):
    def behave(handler, body_in):
        handler.send_response(code)
        for name, value in headers:
            handler.send_header(name, value)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)
    return behave


class ScriptedEndpoint:
    """An HTTP server on 127.0.0.1 (ephemeral port) that answers the n-th POST with script[n]."""

    def __init__(self, *script):
        self.script = list(script)
        self.bodies = []
        self.hung_up = threading.Event()  # the client closed a connection the server was still serving
        endpoint = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                endpoint.bodies.append(body)
                behave = endpoint.script.pop(0)
                try:
                    behave(self, body)
                except (BrokenPipeError, ConnectionResetError):
                    endpoint.hung_up.set()
                self.close_connection = True

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"
        threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def endless(handler, body):
    """A behaviour: a model that never stops and ignores max_tokens; ends only when the client leaves."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/event-stream")
    handler.end_headers()
    while True:
        handler.wfile.write(f"data: {json.dumps(piece('la '))}\n\n".encode())
        handler.wfile.flush()
        time.sleep(0.001)


def silent(endpoint):
    """A behaviour: accepts the request and never answers; notices when the client closes the connection."""
    def behave(handler, body):
        while True:
            readable, _, _ = select.select([handler.connection], [], [], 0.05)
            if readable and not handler.connection.recv(1):
                endpoint.hung_up.set()
                return
    return behave


class RequestFieldsTests(unittest.TestCase):
    def test_only_fields_the_user_set_are_sent_besides_the_cap(self):
        self.assertEqual(RequestFields().body("delve"), {"max_tokens": DEFAULT_MAX_TOKENS})  # no temperature
        self.assertEqual(RequestFields(temperature=0.2).body("delve"), {"temperature": 0.2, "max_tokens": 1024})
        self.assertEqual(RequestFields(max_tokens=0).body("delve"), {})
        self.assertEqual(RequestFields(max_tokens=40).body("delve"), {"max_tokens": 40})

    def test_the_balrog_profile_samples_as_balrog_does_unless_the_user_says_otherwise(self):
        self.assertEqual(RequestFields().body("balrog"), {"temperature": 1.0, "max_tokens": 8192})
        self.assertEqual(RequestFields(temperature=0.0, max_tokens=64).body("balrog"),
                         {"temperature": 0.0, "max_tokens": 64})

    def test_extra_body_is_merged_and_its_cap_replaces_the_default(self):
        fields = RequestFields(extra_body={"top_p": 0.9, "stop": ["\n"], "max_completion_tokens": 50})
        self.assertEqual(fields.body("delve"), {"top_p": 0.9, "stop": ["\n"], "max_completion_tokens": 50})
        self.assertEqual(RequestFields.cap(fields.body("delve"), "delve"), 50)
        self.assertEqual(RequestFields(extra_body={"temperature": 0.5}).body("balrog"),
                         {"temperature": 0.5, "max_tokens": 8192})
        with self.assertRaisesRegex(ValueError, "may not set messages"):
            RequestFields(extra_body={"messages": []})


class ClientTests(unittest.TestCase):
    def endpoint(self, *script):
        endpoint = ScriptedEndpoint(*script)
        self.addCleanup(endpoint.close)
        return endpoint

    def client(self, endpoint, **settings):
        settings = {"timeout": 10.0, "retries": 0, "backoff": 0.01, **settings}
        return ChatClient(endpoint.url, "m", **settings)

    def test_a_streamed_answer_is_assembled_with_its_usage(self):
        endpoint = self.endpoint(streamed("go ", "for", "ward"))
        client = self.client(endpoint, fields=RequestFields(extra_body={"top_p": 0.5}))
        completion = client.complete(MESSAGES)
        self.assertEqual((completion.text, completion.finish_reason, completion.tokens()), ("go forward", "stop", (11, 3)))
        self.assertEqual(endpoint.bodies, [{"model": "m", "messages": MESSAGES, "max_tokens": 1024, "top_p": 0.5,
                                            "stream": True, "stream_options": {"include_usage": True}}])

    def test_a_stream_without_usage_is_reported_once(self):
        endpoint = self.endpoint(streamed("a", usage=None), streamed("b", usage=None))
        logged = []
        client = self.client(endpoint, log=logged.append)
        self.assertEqual([client.complete(MESSAGES).usage for _ in range(2)], [None, None])
        self.assertEqual(len(logged), 1)
        self.assertIn("reported no token usage with its streamed answer", logged[0])
        self.assertIn("--no-stream", logged[0])

    def test_the_balrog_profile_sends_balrogs_sampling_fields(self):
        endpoint = self.endpoint(streamed("x"))
        client = self.client(endpoint)
        client.profile = "balrog"
        client.complete(MESSAGES)
        self.assertEqual((endpoint.bodies[0]["temperature"], endpoint.bodies[0]["max_tokens"]), (1.0, 8192))

    def test_a_json_reply_is_read_too(self):
        reply = {"choices": [{"message": {"content": " turn left \n"}, "finish_reason": "stop"}],
                 "usage": {"prompt_tokens": 5, "completion_tokens": 2}}
        endpoint = self.endpoint(status(200, json.dumps(reply).encode()), status(200, json.dumps(reply).encode()))
        self.assertEqual(self.client(endpoint).complete(MESSAGES).text, "turn left")
        completion = self.client(endpoint, stream=False).complete(MESSAGES)
        self.assertEqual((completion.text, completion.tokens()), ("turn left", (5, 2)))
        self.assertNotIn("stream", endpoint.bodies[1])

    def test_a_model_that_never_stops_is_cut_at_the_cap_and_the_connection_closed(self):
        endpoint = self.endpoint(endless)
        completion = self.client(endpoint, fields=RequestFields(max_tokens=20)).complete(MESSAGES)
        self.assertEqual(completion.finish_reason, "length")
        self.assertEqual(completion.text, ("la " * 21).strip())  # read up to one piece past the cap
        self.assertEqual(completion.usage, None)
        self.assertTrue(endpoint.hung_up.wait(WAIT), "the server was never told that the client left")

    def test_a_timed_out_request_is_closed_not_left_running(self):
        endpoint = ScriptedEndpoint()
        self.addCleanup(endpoint.close)
        endpoint.script = [silent(endpoint), silent(endpoint)]
        with self.assertRaisesRegex(EndpointError, r"gave up after 2 attempts; last: no complete answer within "
                                                   r"0\.3 s; closed the request"):
            self.client(endpoint, timeout=0.3, retries=1).complete(MESSAGES)
        self.assertTrue(endpoint.hung_up.wait(WAIT), "the timed-out request was left open")
        self.assertEqual(len(endpoint.bodies), 2)

    def test_a_json_reply_that_trickles_past_the_deadline_is_closed(self):
        def trickle(handler, body):
            handler.send_response(200)
            handler.send_header("Content-Type", "application/json")
            handler.send_header("Content-Length", "1000000")
            handler.end_headers()
            while True:
                handler.wfile.write(b" ")
                handler.wfile.flush()
                time.sleep(0.01)

        endpoint = self.endpoint(trickle)
        with self.assertRaisesRegex(EndpointError, "no complete answer within 0.3 s; closed the request"):
            self.client(endpoint, timeout=0.3).complete(MESSAGES)
        self.assertTrue(endpoint.hung_up.wait(WAIT), "the timed-out request was left open")

    def test_an_answer_still_streaming_at_the_deadline_is_cut_there_not_retried(self):
        def trickle(handler, body):
            handler.send_response(200)
            handler.send_header("Content-Type", "text/event-stream")
            handler.end_headers()
            while True:
                handler.wfile.write(f"data: {json.dumps(piece('slow '))}\n\n".encode())
                handler.wfile.flush()
                time.sleep(0.05)

        endpoint = self.endpoint(trickle)
        logged = []
        completion = self.client(endpoint, timeout=0.5, retries=2, log=logged.append).complete(MESSAGES)
        self.assertEqual(completion.finish_reason, "timeout")
        self.assertTrue(completion.text.startswith("slow slow"), completion.text)
        self.assertEqual(len(endpoint.bodies), 1)
        self.assertTrue(endpoint.hung_up.wait(WAIT), "the server was never told that the client left")
        self.assertIn("still streaming after 0.5 s; cut it there", logged[0])

    def test_a_client_error_is_not_retried_and_says_why(self):
        long_body = json.dumps({"error": {"message": "temperature is not supported with this model " * 20}}).encode()
        endpoint = self.endpoint(status(400, long_body))
        with self.assertRaises(EndpointError) as caught:
            self.client(endpoint, retries=3).complete(MESSAGES)
        message = str(caught.exception)
        self.assertIn(f"HTTP 400 from {endpoint.url}/chat/completions: '{{\"error\": {{\"message\": "
                      "\"temperature is not supported", message)
        self.assertIn("...'; not retried: the endpoint refuses the request as sent", message)
        self.assertLess(len(message), BODY_SHOWN + 400)  # the start of the body, not all of it
        self.assertEqual(len(endpoint.bodies), 1)
        for code, reason in [(401, "the API key is missing or wrong"), (404, "no such endpoint or model"),
                             (418, "a client error other than 429 would fail the same way again")]:
            with self.subTest(code=code):
                endpoint = self.endpoint(status(code))
                with self.assertRaisesRegex(EndpointError, f"HTTP {code} .*nope.*not retried: {reason}"):
                    self.client(endpoint, retries=3).complete(MESSAGES)
                self.assertEqual(len(endpoint.bodies), 1)

    def test_429_and_5xx_are_retried_with_the_same_body(self):
        endpoint = self.endpoint(status(429, headers=[("Retry-After", "0")]), status(503), streamed("ok"))
        self.assertEqual(self.client(endpoint, retries=2).complete(MESSAGES).text, "ok")
        self.assertEqual(len(endpoint.bodies), 3)
        self.assertTrue(all(body == endpoint.bodies[0] for body in endpoint.bodies))
        endpoint = self.endpoint(status(500, b"overloaded"), status(502, b"bad gateway"))
        with self.assertRaisesRegex(EndpointError, "gave up after 2 attempts; last: HTTP 502: 'bad gateway'"):
            self.client(endpoint, retries=1).complete(MESSAGES)

    def test_a_malformed_200_reply_is_a_clear_error(self):
        cases = [(status(200, b"<html>Gateway says hello</html>"), "not a chat completion .*<html>Gateway says hello"),
                 (status(200, b'{"id": "x", "object": "chat.completion"}'),
                  r"not a chat completion \(no choices\[0\]\.message\.content\): .*chat\.completion"),
                 (status(200, b'{"choices": [{"message": {"content": 7}}]}'), "not a chat completion"),
                 (lambda handler, body: (handler.send_response(200), handler.send_header("Content-Type", "text/event-stream"),
                                         handler.end_headers(), handler.wfile.write(b"data: {oops\n\n")),
                  "a streamed event .* is not JSON: '{oops'"),
                 (lambda handler, body: sse(handler, [{"error": {"message": "model crashed"}}]),
                  "reported an error mid-stream: .*model crashed")]
        for behave, pattern in cases:
            with self.subTest(pattern=pattern):
                endpoint = self.endpoint(behave)
                with self.assertRaisesRegex(EndpointError, pattern):
                    self.client(endpoint, retries=2).complete(MESSAGES)
                self.assertEqual(len(endpoint.bodies), 1)  # not retried

    def test_an_empty_stream_is_an_empty_answer_and_a_cut_one_is_retried(self):
        endpoint = self.endpoint(lambda handler, body: sse(handler, []))
        self.assertEqual(self.client(endpoint).complete(MESSAGES).text, "")
        endpoint = self.endpoint(lambda handler, body: sse(handler, [], done=False), streamed("ok"))
        self.assertEqual(self.client(endpoint, retries=1).complete(MESSAGES).text, "ok")

    def test_a_refused_connection_is_retried_then_reported(self):
        endpoint = self.endpoint()
        url = endpoint.url
        endpoint.close()
        with self.assertRaisesRegex(EndpointError, "gave up after 2 attempts; last: ConnectionRefusedError"):
            ChatClient(url, "m", timeout=5, retries=1, backoff=0.01).complete(MESSAGES)


if __name__ == "__main__":
    unittest.main()
