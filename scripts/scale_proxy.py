"""A round-robin HTTP forwarder: the load balancer in front of the scale test's web instances.

PUBLIC_BASE_URL points here, so what the app sends to itself (the sandbox's Razorpay-format
webhooks) is spread over both instances as a load balancer would spread Razorpay's. It runs
in a process of its own (`python scale_proxy.py PORT...` prints the port it listens on), out
of reach of the GIL of the test's 200 player threads.
"""

from __future__ import annotations

import http.client
import itertools
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

_HOP_BY_HOP = frozenset({"connection", "keep-alive", "transfer-encoding", "host"})


class RoundRobinProxy:
    """Forwards each request to the next backend port; 502 when the backend fails."""

    def __init__(self, ports: tuple[int, ...], timeout_s: float = 60.0) -> None:
        self._next = itertools.cycle(ports)
        self._lock = threading.Lock()
        self.timeout_s = timeout_s
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def port(self) -> int:
        """Where the proxy listens."""
        return int(self._server.server_address[1])

    def backend(self) -> int:
        """The port of the next backend."""
        with self._lock:
            return next(self._next)

    def start(self) -> None:
        """Serve in a background thread."""
        self._thread.start()

    def stop(self) -> None:
        """Stop serving and close the socket."""
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()


def _handler_for(proxy: RoundRobinProxy) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            """Quiet."""

        def do_GET(self) -> None:
            self._forward("GET")

        def do_POST(self) -> None:
            self._forward("POST")

        def _forward(self, method: str) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else None
            headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP_BY_HOP}
            conn = http.client.HTTPConnection("127.0.0.1", proxy.backend(), timeout=proxy.timeout_s)
            try:
                conn.request(method, self.path, body=body, headers=headers)
                answer = conn.getresponse()
                status, data = answer.status, answer.read()
                kept = [(k, v) for k, v in answer.getheaders() if k.lower() not in _HOP_BY_HOP]
            except OSError:
                status, data, kept = 502, b"backend unavailable", []
            finally:
                conn.close()
            try:
                self.send_response(status)
                for key, value in kept:
                    if key.lower() != "content-length":
                        self.send_header(key, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the caller gave up waiting (the sandbox poster's timeout)

    return Handler


def main(argv: list[str]) -> int:
    """Forward to the given ports until killed; the first line printed is our port."""
    proxy = RoundRobinProxy(tuple(int(port) for port in argv))
    print(proxy.port, flush=True)
    proxy._server.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
