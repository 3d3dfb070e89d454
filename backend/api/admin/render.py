"""The admin API's JSON shapes (CONTRACT.md): times ISO-8601 with offset, money in paise."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from backend.domain.admin import Entitlement, UserDetail
from backend.domain.payments.order_model import Order, PaymentAttempt


def iso(value: datetime | date | time | None) -> str | None:
    """ISO-8601 text (datetimes are aware UTC, so they carry +00:00), or None."""
    return None if value is None else value.isoformat()


def attempt_json(attempt: PaymentAttempt) -> dict[str, Any]:
    """One payment link of an order."""
    return {
        "reference_id": attempt.reference_id,
        "link_id": attempt.link_id or None,
        "url": attempt.url or None,
        "status": attempt.status.value,
        "created_at": iso(attempt.created_at),
        "expires_at": iso(attempt.expires_at),
    }


def order_json(order: Order) -> dict[str, Any]:
    """An order with its attempts."""
    return {
        "id": order.id,
        "phone": order.phone,
        "product": order.product.value,
        "amount_paise": order.amount_paise,
        "currency": order.currency,
        "status": order.status.value,
        "created_at": iso(order.created_at),
        "review_reason": order.review_reason,
        "paid_payment_id": order.paid_payment_id,
        # Every payment id seen for the order and what became of it: "flagged" is money a
        # human must look at (a second payment, a wrong amount), even on a paid order.
        "payments": {payment_id: state.value for payment_id, state in order.payments.items()},
        "attempts": [attempt_json(attempt) for attempt in order.attempts],
    }


def entitlement_json(entitlement: Entitlement) -> dict[str, Any]:
    """A grant and whether it was revoked."""
    return {
        "id": entitlement.id,
        "product": entitlement.product.value,
        "status": entitlement.status,
        "order_id": entitlement.order_id,
        "quantity": entitlement.quantity,
        "granted_at": iso(entitlement.granted_at),
        "revoked_at": iso(entitlement.revoked_at),
        "reason": entitlement.reason,
        "revoke_reason": entitlement.revoke_reason,
    }


def user_json(detail: UserDetail) -> dict[str, Any]:
    """A user with profile, entitlements, Q&A credits and recent orders."""
    user, profile = detail.user, detail.user.profile
    return {
        "phone": user.phone,
        "language": user.language,
        "created_at": iso(user.created_at),
        "proactive_opt_out": user.proactive_opt_out,
        "profile": None
        if profile is None
        else {
            "name": profile.name,
            "birth_date": iso(profile.birth_date),
            "birth_time": None
            if profile.birth_time is None
            else profile.birth_time.strftime("%H:%M"),
            "place": profile.place,
        },
        "entitlements": [entitlement_json(e) for e in detail.entitlements],
        "qna_credits": detail.qna_credits,
        "recent_orders": [order_json(order) for order in detail.recent_orders],
    }
