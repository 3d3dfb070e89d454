"""The composition root: builds settings, gateways and units of work for the app, CLI and worker."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import lru_cache

from sqlalchemy import Engine, text

from backend.application.admin.context import AdminContext
from backend.application.outbox_delivery import DeliveryPolicy
from backend.application.payments.fulfilment import Fulfilment
from backend.application.payments.policy import PaymentPolicy
from backend.application.payments.sweeps import Sweeper
from backend.application.shop import Shop
from backend.config import Settings, load_settings
from backend.domain.admin import parse_env_keys
from backend.domain.analytics import AnalyticsReader
from backend.domain.messaging import WhatsAppSender
from backend.domain.payments.gateway import PaymentGateway
from backend.domain.payments.money import PriceList
from backend.domain.places import Gazetteer
from backend.domain.ports import UnitOfWork
from backend.domain.qna.ports import ChartAnswerProvider
from backend.domain.rate_limit import Rate, RateLimits
from backend.domain.report import MediaTokens, ProfileLookup, ReportPdfRenderer
from backend.domain.signatures import WebhookSignatureVerifier
from bot_flows.turn import FlowSettings
from infrastructure.db.admin_store import SqlAdminAudit, SqlAdminKeyStore, SqlAdminUnitOfWork
from infrastructure.db.analytics_queries import SqlAnalytics
from infrastructure.db.engine import build_engine, session_factory
from infrastructure.db.profile_lookup import SqlProfileLookup
from infrastructure.db.unit_of_work import SqlAlchemyUnitOfWork
from infrastructure.gazetteer import GeonamesGazetteer
from infrastructure.media_tokens import SignedMediaTokens
from infrastructure.pdf import render_report_pdf
from infrastructure.razorpay.gateway import RazorpayGateway
from infrastructure.razorpay.webhook import RazorpayWebhooks
from infrastructure.redis.client import redis_check
from infrastructure.redis.rate_limit import build_rate_limits
from infrastructure.sandbox.delivery import WebhookPoster, http_poster
from infrastructure.sandbox.gateway import SandboxGateway
from infrastructure.sandbox.phone import SandboxPhone
from infrastructure.sandbox.storage import sandbox_links_engine
from infrastructure.twilio.log_sender import LogSender
from infrastructure.twilio.rest_sender import TwilioRestSender
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
    payment_policy: PaymentPolicy
    fulfilment: Fulfilment
    razorpay_webhooks: RazorpayWebhooks
    whatsapp_sender: WhatsAppSender
    payment_gateway: PaymentGateway
    shop: Shop
    delivery_policy: DeliveryPolicy = field(default_factory=DeliveryPolicy)
    # Periodic jobs the worker runs (payment retries, reconciliation, expiry): name → counts.
    sweeps: dict[str, Callable[[], dict[str, int]]] = field(default_factory=dict)
    # Development only (PAYMENT_GATEWAY=sandbox): how the sandbox posts webhooks and shows
    # the messages the dev sender delivered.
    sandbox_webhook_poster: WebhookPoster | None = None
    sandbox_phone: SandboxPhone | None = None
    readiness_checks: dict[str, Callable[[], None]] = field(default_factory=dict)
    # The admin API's keys, audit log and read models (None: no admin API in this process).
    admin: AdminContext | None = None
    # Aggregate figures for the admin summary and /metrics (None: not in this process).
    analytics: AnalyticsReader | None = None
    # WhatsApp numbers and admin callers, limited on Redis (in memory without REDIS_URL).
    rate_limits: RateLimits = field(default_factory=RateLimits)
    close: Callable[[], None] = lambda: None


def admin_context(settings: Settings, engine: Engine) -> AdminContext:
    """Admin keys from ADMIN_API_KEYS and the database, the audit log, admin units of work."""
    return AdminContext(
        key_store=SqlAdminKeyStore(engine),
        audit=SqlAdminAudit(engine),
        unit_of_work=lambda: SqlAdminUnitOfWork(engine),
        env_keys=parse_env_keys(settings.admin_api_keys),  # Settings checked the format
    )


def rate_limits(settings: Settings) -> RateLimits:
    """Per-number and per-admin-IP moving windows from settings, on Redis when configured."""
    return build_rate_limits(
        settings.redis_url,
        key_prefix=settings.rate_limit_key_prefix,
        whatsapp=[
            Rate(settings.rate_limit_per_minute, 60),
            Rate(settings.rate_limit_per_hour, 3600),
        ],
        admin=[Rate(settings.admin_rate_limit_per_minute, 60)],
    )


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The offline gazetteer, built once per process (its index takes a moment)."""
    return GeonamesGazetteer()


def source_url(settings: Settings) -> str:
    """Where users can get this service's source (AGPL-3.0 §13)."""
    return settings.source_url or f"{settings.public_base_url}/source"


def payment_policy(settings: Settings) -> PaymentPolicy:
    """Prices and link rules from settings."""
    prices = PriceList(
        kundali_paise=settings.price_kundali_paise,
        qna_paise=settings.price_qna_paise,
        milan_paise=settings.price_milan_paise,
        qna_pack_size=settings.qna_pack_size,
    )
    return PaymentPolicy(
        prices=prices,
        link_lifetime=timedelta(minutes=settings.payment_link_expire_minutes),
        max_retries=settings.max_payment_retries,
        callback_url=f"{settings.public_base_url}/payments/thanks",
        public_base_url=settings.public_base_url,
    )


def whatsapp_sender(settings: Settings) -> WhatsAppSender:
    """Twilio's REST API, or the log in development (and wherever no account is configured)."""
    if settings.is_development or not settings.twilio_account_sid:
        return LogSender()
    assert settings.twilio_auth_token, "load_settings guarantees a Twilio auth token"
    return TwilioRestSender(
        settings.twilio_account_sid,
        settings.twilio_auth_token,
        from_=settings.twilio_whatsapp_from,
        status_callback=f"{settings.public_base_url}/webhooks/twilio/status",
        base_url=settings.twilio_api_url,
    )


@dataclass(frozen=True)
class PaymentAdapters:
    """The configured payment gateway and, with the sandbox, its webhook poster and phone."""

    gateway: PaymentGateway
    close: Callable[[], None]
    webhook_poster: WebhookPoster | None = None
    phone: SandboxPhone | None = None


def payment_adapters(settings: Settings) -> PaymentAdapters:
    """The sandbox (own engine: it plays an outside service) or Razorpay through its SDK."""
    if settings.payment_gateway == "sandbox":
        engine = build_engine(settings.database_url)
        links = sandbox_links_engine(settings.database_url) or engine

        def close() -> None:
            links.dispose()
            engine.dispose()

        return PaymentAdapters(
            gateway=SandboxGateway(links, settings.public_base_url),
            close=close,
            webhook_poster=http_poster(f"{settings.public_base_url}/webhooks/razorpay"),
            phone=SandboxPhone(engine),
        )
    gateway = RazorpayGateway(
        settings.razorpay_key_id or "",
        settings.razorpay_key_secret or "",
        base_url=settings.razorpay_api_url,
        timeout_s=5,
    )
    return PaymentAdapters(gateway=gateway, close=gateway.close)


def sweeps(sweeper: Sweeper) -> dict[str, Callable[[], dict[str, int]]]:
    """The worker's periodic jobs, each run with the current time."""
    return {
        "retries": lambda: sweeper.retries(datetime.now(UTC)),
        "reconcile": lambda: sweeper.reconcile(datetime.now(UTC)),
        "expire": lambda: sweeper.expire(datetime.now(UTC)),
    }


def bootstrap(settings: Settings | None = None, *, places: Gazetteer | None = None) -> Services:
    """Wire the real adapters; tests pass their own settings (and, rarely, a fake gazetteer)."""
    settings = settings or load_settings()
    engine = build_engine(settings.database_url)
    sessions = session_factory(engine)

    def check_database() -> None:
        # Ends with COMMIT: a ROLLBACK would drop the statements psycopg prepared on the
        # pooled connection (see SqlAlchemyUnitOfWork._unchanged).
        with engine.begin() as conn:
            conn.execute(text("SELECT 1"))

    checks: dict[str, Callable[[], None]] = {"database": check_database}
    if settings.redis_url:
        checks["redis"] = redis_check(settings.redis_url)

    assert settings.twilio_auth_token, "load_settings guarantees a Twilio auth token"
    policy = payment_policy(settings)
    media_tokens = SignedMediaTokens(settings.twilio_auth_token)
    profiles = SqlProfileLookup(sessions)
    payments = payment_adapters(settings)

    def close() -> None:
        payments.close()
        engine.dispose()

    def unit_of_work() -> UnitOfWork:
        return SqlAlchemyUnitOfWork(engine)

    fulfilment = Fulfilment(media_tokens, policy)
    sweeper = Sweeper(unit_of_work, payments.gateway, fulfilment, policy)
    return Services(
        settings=settings,
        unit_of_work=unit_of_work,
        gazetteer=places or gazetteer(),
        twilio_signatures=TwilioSignatureVerifier(settings.twilio_auth_token),
        flow_settings=FlowSettings(source_url=source_url(settings), prices=policy.prices),
        media_tokens=media_tokens,
        profile_lookup=profiles,
        report_pdf=render_report_pdf,
        payment_policy=policy,
        fulfilment=fulfilment,
        razorpay_webhooks=RazorpayWebhooks(settings.razorpay_webhook_secret or ""),
        whatsapp_sender=whatsapp_sender(settings),
        payment_gateway=payments.gateway,
        shop=Shop(payments.gateway, policy, fulfilment, ChartAnswerProvider()),
        sweeps=sweeps(sweeper),
        sandbox_webhook_poster=payments.webhook_poster,
        sandbox_phone=payments.phone,
        delivery_policy=DeliveryPolicy(template_content_sid=settings.twilio_template_content_sid),
        readiness_checks=checks,
        rate_limits=rate_limits(settings),
        admin=admin_context(settings, engine),
        analytics=SqlAnalytics(engine),
        close=close,
    )
