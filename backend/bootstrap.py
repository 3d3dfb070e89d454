"""The composition root: builds settings, gateways and units of work for the app, CLI and worker."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from sqlalchemy import text

from backend.config import Settings, load_settings
from backend.domain.places import Gazetteer
from backend.domain.ports import UnitOfWork
from backend.domain.report import MediaTokens, ProfileLookup, ReportPdfRenderer
from backend.domain.signatures import WebhookSignatureVerifier
from bot_flows.turn import FlowSettings
from infrastructure.db.engine import build_engine, session_factory
from infrastructure.db.profile_lookup import SqlProfileLookup
from infrastructure.db.unit_of_work import SqlAlchemyUnitOfWork
from infrastructure.gazetteer import GeonamesGazetteer
from infrastructure.media_tokens import SignedMediaTokens
from infrastructure.pdf import render_report_pdf
from infrastructure.redis.client import redis_check
from infrastructure.twilio.signatures import TwilioSignatureVerifier


@dataclass
class Services:
    """Everything the web app, the CLI and the worker need, built once per process."""

    settings: Settings
    unit_of_work: Callable[[], UnitOfWork]
    gazetteer: Gazetteer
    twilio_signatures: WebhookSignatureVerifier
    flow_settings: FlowSettings
    media_tokens: MediaTokens
    profile_lookup: ProfileLookup
    report_pdf: ReportPdfRenderer
    readiness_checks: dict[str, Callable[[], None]] = field(default_factory=dict)
    close: Callable[[], None] = lambda: None


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The offline gazetteer, built once per process (its index takes a moment)."""
    return GeonamesGazetteer()


def source_url(settings: Settings) -> str:
    """Where users can get this service's source (AGPL-3.0 §13)."""
    return settings.source_url or f"{settings.public_base_url}/source"


def bootstrap(settings: Settings | None = None, *, places: Gazetteer | None = None) -> Services:
    """Wire the real adapters; tests pass their own settings (and, rarely, a fake gazetteer)."""
    settings = settings or load_settings()
    engine = build_engine(settings.database_url)
    sessions = session_factory(engine)

    def check_database() -> None:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))

    checks: dict[str, Callable[[], None]] = {"database": check_database}
    if settings.redis_url:
        checks["redis"] = redis_check(settings.redis_url)

    assert settings.twilio_auth_token, "load_settings guarantees a Twilio auth token"
    return Services(
        settings=settings,
        unit_of_work=lambda: SqlAlchemyUnitOfWork(engine),
        gazetteer=places or gazetteer(),
        twilio_signatures=TwilioSignatureVerifier(settings.twilio_auth_token),
        flow_settings=FlowSettings(source_url=source_url(settings)),
        media_tokens=SignedMediaTokens(settings.twilio_auth_token),
        profile_lookup=SqlProfileLookup(sessions),
        report_pdf=render_report_pdf,
        readiness_checks=checks,
        close=engine.dispose,
    )
