#!/usr/bin/env python3
"""A pass-through HTTP proxy on loopback that logs every request body it forwards.

    python3 scripts/logging_proxy.py UPSTREAM_PORT LOG_FILE

Listens on a free 127.0.0.1 port (printed on stdout), forwards each POST to
127.0.0.1:UPSTREAM_PORT unchanged and relays the answer as it arrives (so a
streamed reply stays streamed, and a client that hangs up closes the upstream
request too), and appends each request body as one JSON line to LOG_FILE.
scripts/real-model-check.sh puts it between llm_agent.py and the model
server to check that the prompt a trajectory records is what the server got.
"""

import http.client
import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

UPSTREAM_PORT = int(sys.argv[1])
LOG_FILE = sys.argv[2]
LOCK = threading.Lock()


class Proxy(BaseHTTPRequestHandler):
    def do_GET(self):
        self.forward(None)

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        try:
            entry = json.dumps(json.loads(body))
        except ValueError:
            entry = json.dumps({"unparsed": body.decode("utf-8", "replace")})
        with LOCK, open(LOG_FILE, "a") as log:
            log.write(entry + "\n")
        self.forward(body)

    def forward(self, body):
        upstream = http.client.HTTPConnection("127.0.0.1", UPSTREAM_PORT, timeout=600)
        headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "connection", "content-length")}
        if body is not None:
            headers["Content-Length"] = str(len(body))
        try:
            upstream.request(self.command, self.path, body=body, headers=headers)
            reply = upstream.getresponse()
            self.send_response(reply.status)
            for name, value in reply.getheaders():
                if name.lower() not in ("transfer-encoding", "connection", "content-length"):
                    self.send_header(name, value)
            self.send_header("Connection", "close")
            self.end_headers()
            while True:
                chunk = reply.read1(65536)
                if not chunk:
                    break
                self.wfile.write(chunk)
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client hung up: closing upstream below ends the request there too
        finally:
            upstream.close()

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    server = ThreadingHTTPServer(("127.0.0.1", 0), Proxy)
    print(server.server_address[1], flush=True)
    server.serve_forever()
