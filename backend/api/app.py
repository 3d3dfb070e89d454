"""The Flask application factory."""

from __future__ import annotations

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from backend.api import (
    admin,
    health,
    media,
    metrics,
    razorpay_webhook,
    request_log,
    sandbox,
    source,
    thanks,
    twilio_status,
    twilio_webhook,
)
from backend.api.errors import register_error_handlers
from backend.bootstrap import Services
from backend.logging_setup import configure_logging, is_configured

# Twilio's own limit for a webhook body is far below this; anything bigger is not Twilio.
MAX_BODY_BYTES = 64 * 1024


def create_app(services: Services) -> Flask:
    """Build the web app around already-wired services (see backend.bootstrap)."""
    app = Flask(__name__)
    if not is_configured():  # serve and worker configure it first; tests and WSGI hosts here
        configure_logging()
    request_log.install(app)  # first: its hooks see every request, even ones refused early
    app.config["MAX_CONTENT_LENGTH"] = MAX_BODY_BYTES
    app.extensions["boloastro"] = services
    app.json.sort_keys = False  # type: ignore[attr-defined]
    for module in (health, media, razorpay_webhook, source, twilio_webhook, twilio_status):
        app.register_blueprint(module.blueprint)
    app.register_blueprint(thanks.blueprint)
    app.register_blueprint(admin.blueprint)
    app.register_blueprint(metrics.blueprint)
    settings = services.settings
    # The sandbox pays links without money: never reachable in production.
    if settings.payment_gateway == "sandbox" and not settings.is_production:
        app.register_blueprint(sandbox.blueprint)
    register_error_handlers(app)
    if settings.trusted_proxy_hops:
        # Only X-Forwarded-For: Twilio signatures are checked against PUBLIC_BASE_URL anyway.
        hops = settings.trusted_proxy_hops
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=0, x_host=0)  # type: ignore[method-assign]
    return app
