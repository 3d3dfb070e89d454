"""WSGI entry point: `gunicorn wsgi:app` (what `boloastro serve` runs)."""

from backend.api.app import create_app
from backend.bootstrap import bootstrap

app = create_app(bootstrap())
