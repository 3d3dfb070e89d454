"""Ports for money: orders, webhook events, the outbox and what payments need about users.

Each is reached through the unit of work, so a payment's effects commit together.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any, Protocol

from backend.domain.entitlements import Product
from backend.domain.payments.events import PaymentEvent
from backend.domain.payments.order_model import Order


class OrderRepository(Protocol):
    """Orders with their attempts; every read used for a change locks the order's row."""

    def create(
        self,
        user_id: int,
        phone: str,
        product: Product,
        amount_paise: int,
        profile_ids: tuple[int, ...],
        now: datetime,
    ) -> Order:
        """A new order in status created, with its database id."""
        ...

    def get(self, order_id: int) -> Order | None:
        """The order, locked until the unit of work ends."""
        ...

    def find_for_event(self, event: PaymentEvent) -> Order | None:
        """The order an event names (our id, link, reference, gateway order, payment), locked."""
        ...

    def open_for(
        self, user_id: int, product: Product, profile_ids: tuple[int, ...]
    ) -> Order | None:
        """The newest order for this product and profiles that can still take money, locked."""
        ...

    def save(self, order: Order) -> None:
        """Write status, payments and attempts back (attempts upserted by reference id)."""
        ...

    def paid_for(
        self, user_id: int, product: Product, profile_ids: tuple[int, ...]
    ) -> Order | None:
        """The user's newest paid order for this product and profiles (what they own)."""
        ...

    def paid_with_profiles(self, user_id: int, product: Product) -> list[int]:
        """Ids of the user's paid orders for product whose birth profiles are still on file
        (an erasure empties them): each is a report or match still to be made, or made."""
        ...

    def retry_candidates(self, since: datetime, limit: int) -> list[int]:
        """Ids of orders created since then that wait for a new link (expired, failed, or
        cancelled by us for a successor the gateway failed to make)."""
        ...

    def pending_before(self, cutoff: datetime, limit: int) -> list[int]:
        """Ids of orders whose newest link may still take money (issued, or failed and not yet
        expired) and predates cutoff, newest first."""
        ...


class EventStatus(StrEnum):
    """What became of a recorded webhook event."""

    RECEIVED = "received"
    APPLIED = "applied"  # changed an order (or was a no-op for it)
    IGNORED = "ignored"  # unknown or unsupported event type
    UNMATCHED = "unmatched"  # no order of ours; kept for the reconciler and for humans
    ERROR = "error"  # malformed for its type; kept with the reason


class PaymentEventLog(Protocol):
    """Every gateway event, once: the event id is unique."""

    def record(
        self,
        event_id: str,
        event_type: str,
        payload_sha256: str,
        payment_id: str | None,
        now: datetime,
        status: EventStatus,
    ) -> bool:
        """Keep the event; False when this event id was already recorded.

        `status` is what it is stored with: the outcome expected when it is recorded in the
        transaction that applies it (nobody sees the row before that commits); `finish`
        corrects it when the outcome differs.
        """
        ...

    def finish(self, event_id: str, status: EventStatus, error: str | None = None) -> None:
        """Note what applying the event did."""
        ...


@dataclass(frozen=True)
class OutboundMessage:
    """A proactive WhatsApp message, written in the transaction of what caused it."""

    user_id: int
    kind: str  # e.g. "paid", "payment_failed", "report", "retry"
    dedupe_key: str  # unique: the same cause never sends twice
    body: str
    media_url: str | None = None
    # Outside WhatsApp's 24 h window only a template may be sent; these fill its variables.
    template_variables: dict[str, str] = field(default_factory=dict)


class OutboxStatus(StrEnum):
    """Where an outbox message stands."""

    PENDING = "pending"
    SENT = "sent"
    DEAD = "dead"  # gave up after the last retry; an operator looks at it
    SKIPPED = "skipped"  # the user said STOP before it went out
    DONE = "done"  # an internal job (preparing a report), carried out by the worker


@dataclass(frozen=True)
class OutboxItem:
    """An outbox message due for delivery, with what the sender needs to know."""

    id: int
    user_id: int
    phone: str  # E.164
    kind: str
    body: str
    media_url: str | None
    template_variables: dict[str, Any]
    attempts: int
    last_inbound_at: datetime | None  # the user's last message: decides text vs template
    opted_out: bool


class Outbox(Protocol):
    """Proactive messages: written with their cause, delivered later by the worker."""

    def enqueue(self, message: OutboundMessage, now: datetime) -> bool:
        """Queue the message; False when its dedupe key was already queued."""
        ...

    def enqueue_all(self, messages: Sequence[OutboundMessage], now: datetime) -> int:
        """Queue the messages in order (one round trip); how many were not queued before."""
        ...

    def claim_due(self, now: datetime, limit: int) -> list[OutboxItem]:
        """Pending messages due now, locked so no other worker takes them (skip locked)."""
        ...

    def mark_sent(self, item_id: int, provider_sid: str, now: datetime) -> None:
        """Delivered to the provider."""
        ...

    def mark_retry(self, item_id: int, error: str, next_attempt_at: datetime) -> None:
        """Failed this time; try again later."""
        ...

    def mark_final(self, item_id: int, status: OutboxStatus, error: str | None) -> None:
        """Dead-lettered or skipped: never tried again."""
        ...

    def record_delivery_status(
        self, provider_sid: str, status: str, error_code: str | None
    ) -> bool:
        """The provider's status callback; False when no message has this sid."""
        ...


class UserDirectory(Protocol):
    """What payments need to know about a user."""

    def phone_of(self, user_id: int) -> str:
        """The user's E.164 number."""
        ...

    def language_of(self, user_id: int) -> str | None:
        """The user's chosen language, if any."""
        ...

    def user_id_for(self, phone: str) -> int | None:
        """The user with this number, if known."""
        ...

    def set_proactive_opt_out(self, user_id: int, opted_out: bool) -> None:
        """STOP (True) or START (False) for proactive messages."""
        ...

    def proactive_opt_out(self, user_id: int) -> bool:
        """True when the user said STOP."""
        ...
