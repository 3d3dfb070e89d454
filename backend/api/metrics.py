"""GET /metrics: Prometheus text exposition behind an admin key, and the counters it shows.

Counters and histograms live in this process (or, with PROMETHEUS_MULTIPROC_DIR set under
several gunicorn workers, in prometheus_client's shared files); orders by status and the
outbox queue are read from the database at scrape time, so every instance reports the same.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable

from flask import Blueprint, Response, current_app, request
from prometheus_client import REGISTRY, CollectorRegistry, Counter, Histogram, multiprocess
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.exposition import choose_encoder

from backend.api.admin.auth import REALM
from backend.api.errors import json_error
from backend.application.admin.keys import authenticate
from backend.application.analytics import operations
from backend.bootstrap import Services
from backend.domain.analytics import AnalyticsReader

log = logging.getLogger(__name__)
blueprint = Blueprint("metrics", __name__)

WHATSAPP_ROUTE = "/webhooks/twilio/whatsapp"
INBOUND = Counter("boloastro_inbound_messages", "WhatsApp messages accepted from Twilio")
REPLIES = Counter("boloastro_replies", "Replies sent back in TwiML")
WEBHOOK_LATENCY = Histogram(
    "boloastro_webhook_latency_seconds",
    "Time to answer a Twilio or Razorpay webhook",
    ["route"],
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)


def observe(route: str | None, response: Response, seconds: float) -> None:
    """Count one finished request (called by the request log for every request)."""
    if route is None or not route.startswith("/webhooks/"):
        return
    WEBHOOK_LATENCY.labels(route=route).observe(seconds)
    if route == WHATSAPP_ROUTE and response.status_code == 200:
        INBOUND.inc()
        REPLIES.inc(_replies_in(response))


def _replies_in(response: Response) -> int:
    if response.is_streamed:
        return 0
    body = response.get_data()
    # Our own TwiML (backend.api.twiml): text is escaped, so "<Message" only opens an element.
    return body.count(b"<Message>") + body.count(b"<Message />")


@blueprint.get("/metrics")
def metrics() -> Response | tuple[Response, int]:
    """The exposition; 401 without a live admin key (Prometheus sends it as a bearer token)."""
    services: Services = current_app.extensions["boloastro"]
    refused = _refusal(services)
    if refused is not None:
        return refused
    scrape = CollectorRegistry(auto_describe=False)
    scrape.register(_Scrape(_process_registry(), services.analytics))
    encode, content_type = choose_encoder(request.headers.get("Accept", ""))
    return Response(encode(scrape), status=200, content_type=content_type)


def _refusal(services: Services) -> tuple[Response, int] | None:
    # The admin API's key check (constant time, revocations apply at once), without its audit:
    # a scrape every few seconds would drown the audit log.
    if services.admin is None:
        return json_error(503, "unavailable", "the admin API is not configured")
    scheme, _, key = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() == "bearer" and key.strip() and authenticate(services.admin, key.strip()):
        return None
    response, status = json_error(401, "unauthorized", "a valid admin key is required")
    response.headers["WWW-Authenticate"] = REALM
    return response, status


def _process_registry() -> CollectorRegistry:
    if "PROMETHEUS_MULTIPROC_DIR" not in os.environ:
        return REGISTRY
    registry = CollectorRegistry()
    multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
    return registry


class _Scrape:
    """The process's metrics, then orders by status and the outbox counted at scrape time."""

    def __init__(self, process: CollectorRegistry, reader: AnalyticsReader | None) -> None:
        self._process = process
        self._reader = reader

    def collect(self) -> Iterable[Metric]:
        """Everything one scrape shows."""
        yield from self._process.collect()
        yield from self._database()

    def _database(self) -> list[Metric]:
        # Only boloastro_metrics_database_up 0 when the database cannot be read.
        up = GaugeMetricFamily("boloastro_metrics_database_up", "1 if this scrape read the DB")
        try:
            snapshot = operations(self._reader)
        except Exception as exc:  # a scrape must still answer; the gauge says what is missing
            log.warning("metrics: database gauges unavailable: %s", type(exc).__name__)
            up.add_metric([], 0)
            return [up]
        up.add_metric([], 1)
        orders = GaugeMetricFamily("boloastro_orders", "Orders by status", labels=["status"])
        for status, count in snapshot.orders_by_status.items():
            orders.add_metric([status], count)
        backlog = GaugeMetricFamily(
            "boloastro_outbox_backlog",
            "Outbox messages waiting to be delivered",
            value=snapshot.outbox_pending,
        )
        dead = GaugeMetricFamily(
            "boloastro_outbox_dead_letters",
            "Outbox messages given up after the last retry",
            value=snapshot.outbox_dead,
        )
        return [up, orders, backlog, dead]
