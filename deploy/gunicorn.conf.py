"""Gunicorn settings for running the app directly: `gunicorn -c deploy/gunicorn.conf.py wsgi:app`.

The values come from the same function `boloastro serve` uses (backend.cli.gunicorn_runner),
so both ways of serving behave alike: gthread workers, 30 s timeout, 20 s graceful stop,
keep-alive, one listening socket per worker, the preloaded app frozen out of the
workers' garbage collections. Sizing comes from the environment:
WEB_HOST (0.0.0.0), WEB_PORT (8000), WEB_WORKERS (2), WEB_THREADS (4).
"""

from __future__ import annotations

import os

from backend.cli.gunicorn_runner import gunicorn_options

_options = gunicorn_options(
    os.environ.get("WEB_HOST", "0.0.0.0"),  # noqa: S104 - inside a container, behind a proxy
    int(os.environ.get("WEB_PORT", "8000")),
    int(os.environ.get("WEB_WORKERS", "2")),
    int(os.environ.get("WEB_THREADS", "4")),
)

bind = _options["bind"]
workers = _options["workers"]
worker_class = _options["worker_class"]
threads = _options["threads"]
timeout = _options["timeout"]
graceful_timeout = _options["graceful_timeout"]
keepalive = _options["keepalive"]
reuse_port = _options["reuse_port"]
accesslog = _options["accesslog"]
logger_class = _options["logger_class"]
pre_fork = _options["pre_fork"]
# `boloastro serve` builds the app once before forking; do the same here.
preload_app = True
