"""A local HTTP server for the SaaS stubs: a free port, a background thread, a clean stop."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class LocalServer:
    """Serves a handler on 127.0.0.1; stop() releases stalled requests and joins every thread."""

    def __init__(self, handler: type[BaseHTTPRequestHandler]) -> None:
        self._released = threading.Event()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._server.daemon_threads = False
        self._server.block_on_close = True
        # A short poll interval keeps shutdown (and so every test teardown) quick.
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def base_url(self) -> str:
        """http://127.0.0.1:<port>, what an SDK's API base URL should be."""
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> None:
        """Serve in a background thread."""
        self._thread.start()

    def stop(self) -> None:
        """Release stalled requests, stop serving, join all threads and close the socket."""
        self._released.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()
