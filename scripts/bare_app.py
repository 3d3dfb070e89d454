"""The benchmark baseline: a bare Flask app answering the Twilio webhook with fixed TwiML.

It runs under exactly the gunicorn settings `boloastro serve` uses (gthread workers, the same
threads and keep-alive), so `scripts/bench_webhook.py` can divide the app's throughput by it.
"""

from __future__ import annotations

import argparse
import sys

from flask import Flask, Response, jsonify

from backend.cli.gunicorn_runner import gunicorn_options, run_gunicorn

WEBHOOK = "/webhooks/twilio/whatsapp"
TWIML = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    "<Response><Message>Namaste! I'm BoloAstro, your Vedic astrology guide.</Message></Response>"
)


def create_bare_app() -> Flask:
    """A Flask app with the webhook route (fixed reply) and /healthz, nothing else."""
    app = Flask(__name__)

    @app.post(WEBHOOK)
    def whatsapp() -> Response:
        """The same reply to every message; the request is not read."""
        return Response(TWIML, status=200, mimetype="application/xml")

    @app.get("/healthz")
    def healthz() -> Response:
        """Alive."""
        return jsonify({"status": "ok"})

    return app


def main(argv: list[str] | None = None) -> int:
    """Serve the bare app under gunicorn until stopped."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8001)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    args = parser.parse_args(argv)
    options = gunicorn_options(args.host, args.port, args.workers, args.threads)
    run_gunicorn(create_bare_app(), options)
    return 0


if __name__ == "__main__":
    sys.exit(main())
