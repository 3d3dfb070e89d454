"""Rows ↔ domain orders and attempts, and what saving an order must insert or update."""

from __future__ import annotations

from typing import Any

from backend.domain.entitlements import Product
from backend.domain.payments.order_model import (
    AttemptStatus,
    Order,
    OrderStatus,
    PaymentAttempt,
    PaymentState,
)

# What may change on an attempt after it is issued; reference_id is its identity.
_MUTABLE_ATTEMPT_FIELDS = ("status", "link_id", "url", "gateway_order_id", "expires_at")


def attempt_from(row: Any) -> PaymentAttempt:
    """Domain attempt from a SELECT_ATTEMPTS row."""
    return PaymentAttempt(
        reference_id=row.reference_id,
        link_id=row.link_id or "",
        url=row.url or "",
        status=AttemptStatus(row.status),
        created_at=row.created_at,
        expires_at=row.expires_at,
        gateway_order_id=row.gateway_order_id,
    )


def order_from(row: Any, attempts: list[PaymentAttempt]) -> Order:
    """Domain order from a SELECT_ORDER row and its attempts."""
    return Order(
        id=row.id,
        user_id=row.user_id,
        phone=row.phone,
        product=Product(row.product),
        amount_paise=row.amount_paise,
        currency=row.currency,
        status=OrderStatus(row.status),
        created_at=row.created_at,
        attempts=attempts,
        paid_payment_id=row.paid_payment_id,
        review_reason=row.review_reason,
        profile_ids=tuple(row.profile_ids or ()),
        payments={key: PaymentState(value) for key, value in (row.payments or {}).items()},
    )


def order_writes(order: Order) -> dict[str, Any]:
    """UPDATE_ORDER's values for what may change on an order (updated_at aside)."""
    return {
        "b_status": order.status.value,
        "b_paid_payment_id": order.paid_payment_id,
        "b_review_reason": order.review_reason,
        "b_payments": {key: state.value for key, state in order.payments.items()},
    }


def attempts_of(order: Order) -> dict[str, dict[str, Any]]:
    """The order's attempts as they would be stored, by reference id."""
    return {attempt.reference_id: _attempt_values(attempt) for attempt in order.attempts}


def stored_attempts(rows: Any) -> dict[str, dict[str, Any]]:
    """SELECT_ATTEMPTS rows in the shape of attempts_of."""
    return {row.reference_id: _row_values(row) for row in rows}


def attempt_writes(
    order: Order, stored: dict[str, dict[str, Any]]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Rows for INSERT_ATTEMPTS (new references) and UPDATE_ATTEMPT (changed ones)."""
    new: list[dict[str, Any]] = []
    changed: list[dict[str, Any]] = []
    for attempt in order.attempts:
        values = _attempt_values(attempt)
        if attempt.reference_id not in stored:
            columns = {key.removeprefix("b_"): value for key, value in values.items()}
            new.append(
                {
                    "order_id": order.id,
                    "reference_id": attempt.reference_id,
                    "created_at": attempt.created_at,
                    **columns,
                }
            )
        elif stored[attempt.reference_id] != values:
            changed.append({"oid": order.id, "ref": attempt.reference_id, **values})
    return new, changed


def update_attempt_binds() -> dict[str, str]:
    """Column → bind name for UPDATE_ATTEMPT (bind names may not equal column names)."""
    return {name: f"b_{name}" for name in _MUTABLE_ATTEMPT_FIELDS}


def _attempt_values(attempt: PaymentAttempt) -> dict[str, Any]:
    return {
        "b_status": attempt.status.value,
        # "" would collide on the unique link_id; the table says "none" with NULL.
        "b_link_id": attempt.link_id or None,
        "b_url": attempt.url or None,
        "b_gateway_order_id": attempt.gateway_order_id,
        "b_expires_at": attempt.expires_at,
    }


def _row_values(row: Any) -> dict[str, Any]:
    return {f"b_{name}": getattr(row, name) for name in _MUTABLE_ATTEMPT_FIELDS}
