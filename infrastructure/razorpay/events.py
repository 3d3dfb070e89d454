"""Razorpay webhook JSON → PaymentEvent; odd payloads give None or empty fields, never errors."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from backend.domain.payments.events import EventKind, PaymentEvent

_KINDS: dict[str, EventKind] = {
    "payment_link.paid": EventKind.LINK_PAID,
    "payment.authorized": EventKind.PAYMENT_AUTHORIZED,
    "payment.captured": EventKind.PAYMENT_CAPTURED,
    "order.paid": EventKind.ORDER_PAID,
    "payment.failed": EventKind.PAYMENT_FAILED,
    "payment_link.expired": EventKind.LINK_EXPIRED,
    "payment_link.cancelled": EventKind.LINK_CANCELLED,
    "refund.processed": EventKind.REFUND_PROCESSED,
    "payment.dispute.created": EventKind.DISPUTE_CREATED,
}

# Which entity's amount/currency describes the event, most specific first.
_AMOUNT_SOURCES: dict[EventKind, tuple[str, ...]] = {
    EventKind.LINK_PAID: ("payment", "payment_link"),
    EventKind.LINK_EXPIRED: ("payment_link",),
    EventKind.LINK_CANCELLED: ("payment_link",),
    EventKind.ORDER_PAID: ("payment", "order"),
    EventKind.REFUND_PROCESSED: ("refund",),
    EventKind.DISPUTE_CREATED: ("dispute",),
}
_PAID = frozenset({EventKind.LINK_PAID, EventKind.ORDER_PAID})
_MAX_REFERENCE_LEN = 40
_MAX_ID_LEN = 64  # the width of every id column we store these in
_MAX_ORDER_ID = 2**63 - 1  # a BIGINT; a larger "order id" is not one of ours
_MAX_TIMESTAMP = 253_402_300_799  # 9999-12-31: beyond it datetime can't represent the value


def parse_event(payload: Any) -> PaymentEvent | None:
    """The PaymentEvent for a supported Razorpay webhook, else None."""
    if not isinstance(payload, dict):
        return None
    name = payload.get("event")
    kind = _KINDS.get(name) if isinstance(name, str) else None
    if kind is None:
        return None
    entities = _entities(payload.get("payload"))
    link = entities.get("payment_link", {})
    occurred_at = _timestamp(payload.get("created_at"))
    if occurred_at is None:
        return None
    amount, currency = _amount(kind, entities)
    return PaymentEvent(
        kind=kind,
        occurred_at=occurred_at,
        link_id=_str(link.get("id")),
        reference_id=_our_reference(entities),
        payment_id=_payment_id(entities),
        amount_paise=amount,
        currency=currency,
        refund_id=_str(entities.get("refund", {}).get("id")),
        refunded_paise=_refunded(kind, entities),
        dispute_id=_str(entities.get("dispute", {}).get("id")),
        order_id=_our_order_id(entities),
        gateway_order_id=_gateway_order_id(entities),
    )


def _entities(body: Any) -> dict[str, dict[str, Any]]:
    """payload.<name>.entity for each well-formed entry."""
    if not isinstance(body, dict):
        return {}
    found: dict[str, dict[str, Any]] = {}
    for name, wrapper in body.items():
        entity = wrapper.get("entity") if isinstance(wrapper, dict) else None
        if isinstance(name, str) and isinstance(entity, dict):
            found[name] = entity
    return found


def _payment_id(entities: dict[str, dict[str, Any]]) -> str | None:
    """pay_… from the payment entity, or the one a refund or dispute is about."""
    return (
        _str(entities.get("payment", {}).get("id"))
        or _str(entities.get("refund", {}).get("payment_id"))
        or _str(entities.get("dispute", {}).get("payment_id"))
    )


def _amount(kind: EventKind, entities: dict[str, dict[str, Any]]) -> tuple[int | None, str | None]:
    """Amount and currency from the first entity that carries an integer amount."""
    for source in _AMOUNT_SOURCES.get(kind, ("payment",)):
        entity = entities.get(source)
        if entity is None:
            continue
        # A paid link's own `amount` is what was asked; `amount_paid` is what came in.
        key = "amount_paid" if source in ("payment_link", "order") and kind in _PAID else "amount"
        amount = _paise(entity.get(key))
        if amount is not None:
            return amount, _str(entity.get("currency"))
    return None, None


def _refunded(kind: EventKind, entities: dict[str, dict[str, Any]]) -> int | None:
    """The payment's amount_refunded, which a refund event's payment shows after that refund."""
    if kind is not EventKind.REFUND_PROCESSED:
        return None
    return _paise(entities.get("payment", {}).get("amount_refunded"))


def _gateway_order_id(entities: dict[str, dict[str, Any]]) -> str | None:
    """order_… from the payment, the order itself, or the paid link."""
    return (
        _str(entities.get("payment", {}).get("order_id"))
        or _str(entities.get("order", {}).get("id"))
        or _str(entities.get("payment_link", {}).get("order_id"))
    )


def _our_reference(entities: dict[str, dict[str, Any]]) -> str | None:
    """Our attempt's reference: the link's own; without a link, the copy in the gateway
    order's or the payment's notes, else the gateway order's receipt (a link's reference)."""
    if "payment_link" in entities:
        return _reference(entities["payment_link"].get("reference_id"))
    candidates = []
    for source in ("order", "payment"):
        notes = entities.get(source, {}).get("notes")
        if isinstance(notes, dict):
            candidates.append(notes.get("reference_id"))
    candidates.append(entities.get("order", {}).get("receipt"))
    return next((ref for ref in map(_reference, candidates) if ref is not None), None)


def _our_order_id(entities: dict[str, dict[str, Any]]) -> int | None:
    """notes.order_id (our order) from the link, the gateway order or the payment."""
    for source in ("payment_link", "order", "payment"):
        notes = entities.get(source, {}).get("notes")
        # Razorpay sends empty notes as [] (a PHP quirk), so only a dict can hold a value.
        value = notes.get("order_id") if isinstance(notes, dict) else None
        if isinstance(value, bool):
            continue
        if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) <= 19:
            value = int(value)
        if isinstance(value, int) and 0 < value <= _MAX_ORDER_ID:
            return value
    return None


def _timestamp(value: Any) -> datetime | None:
    """Unix seconds → aware UTC datetime."""
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    if not 0 < value <= _MAX_TIMESTAMP:
        return None
    try:
        return datetime.fromtimestamp(value, tz=UTC)
    except (OverflowError, OSError, ValueError):  # some platforms stop short of year 9999
        return None


def _paise(value: Any) -> int | None:
    """A non-negative integer amount in paise."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        return None
    return value


def storable(text: str) -> bool:
    """Whether a database text column can hold it: no NUL (PostgreSQL refuses it) and no
    lone surrogate, which JSON's \\ud800 escapes can make and no encoder will write."""
    if "\x00" in text:
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def storable_text(text: str) -> str:
    """The text with what no text column can hold (NUL, a lone surrogate) replaced."""
    if storable(text):
        return text
    return text.replace("\x00", "\ufffd").encode("utf-8", "replace").decode("utf-8")


def _str(value: Any) -> str | None:
    """A non-empty string that fits our id columns, else None (Razorpay's ids are ~20 chars)."""
    if not isinstance(value, str) or not value or len(value) > _MAX_ID_LEN:
        return None
    return value if storable(value) else None


def _reference(value: Any) -> str | None:
    """Our reference_id, which is never longer than 40 characters."""
    text = _str(value)
    return text if text is not None and len(text) <= _MAX_REFERENCE_LEN else None
