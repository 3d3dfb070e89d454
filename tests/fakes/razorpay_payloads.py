"""Razorpay webhook bodies shaped like the documented samples, for parser and webhook tests."""

from __future__ import annotations

import copy
from typing import Any

ACCOUNT = "acc_BFQ7uQEaa7j2z7"
LINK_ID = "plink_KBnb7I424Rc1R9"
REFERENCE = "ord42-a1"
GATEWAY_ORDER = "order_KBneAVhT2zbzsU"
PAYMENT_ID = "pay_KBnebtRrhTEatJ"
REFUND_ID = "rfnd_FP8QHiV938haTz"
DISPUTE_ID = "disp_Esz7KAitoYM7PJ"
EVENT_AT = 1661852745
AMOUNT = 49900
NOTES = {"order_id": "42", "product": "kundli_report"}


def _envelope(event: str, contains: list[str], **entities: dict[str, Any]) -> dict[str, Any]:
    """The outer event object Razorpay posts."""
    return {
        "entity": "event",
        "account_id": ACCOUNT,
        "event": event,
        "contains": contains,
        "payload": {name: {"entity": entity} for name, entity in entities.items()},
        "created_at": EVENT_AT,
    }


def payment_link_entity(status: str = "paid") -> dict[str, Any]:
    """A payment_link entity as sent in payment_link.* webhooks."""
    paid = status == "paid"
    return {
        "accept_partial": False,
        "amount": AMOUNT,
        "amount_paid": AMOUNT if paid else 0,
        "cancelled_at": EVENT_AT if status == "cancelled" else 0,
        "created_at": EVENT_AT - 600,
        "currency": "INR",
        "customer": {"contact": "+919876543210", "name": "Asha"},
        "description": "Kundli report",
        "expire_by": EVENT_AT + 1200,
        "expired_at": EVENT_AT if status == "expired" else 0,
        "first_min_partial_amount": 0,
        "id": LINK_ID,
        "notes": dict(NOTES),
        "notify": {"email": False, "sms": False},
        "order_id": GATEWAY_ORDER if paid else "",
        "reference_id": REFERENCE,
        "reminder_enable": False,
        "reminders": [],
        "short_url": "https://rzp.io/i/alaBxs0i",
        "status": status,
        "updated_at": EVENT_AT,
        "upi_link": False,
        "user_id": "",
    }


def payment_entity(status: str = "captured") -> dict[str, Any]:
    """A payment entity; empty notes arrive as [] (Razorpay's PHP heritage), as here."""
    failed = status == "failed"
    return {
        "id": PAYMENT_ID,
        "entity": "payment",
        "amount": AMOUNT,
        "currency": "INR",
        "status": status,
        "order_id": GATEWAY_ORDER,
        "invoice_id": None,
        "international": False,
        "method": "upi",
        "amount_refunded": 0,
        "refund_status": None,
        "captured": status == "captured",
        "description": "#KBneAVhT2zbzsU",
        "card_id": None,
        "bank": None,
        "wallet": None,
        "vpa": "asha@okaxis",
        "email": "void@razorpay.com",
        "contact": "+919876543210",
        "notes": [],
        "fee": 0 if failed else 1178,
        "tax": 0 if failed else 180,
        "error_code": "BAD_REQUEST_ERROR" if failed else None,
        "error_description": "Payment was unsuccessful" if failed else None,
        "error_source": "customer" if failed else None,
        "error_step": "payment_authorization" if failed else None,
        "error_reason": "payment_cancelled" if failed else None,
        "acquirer_data": {"rrn": "225817223421"},
        "created_at": EVENT_AT - 30,
    }


def order_entity() -> dict[str, Any]:
    """The gateway order Razorpay made behind the payment link."""
    return {
        "id": GATEWAY_ORDER,
        "entity": "order",
        "amount": AMOUNT,
        "amount_paid": AMOUNT,
        "amount_due": 0,
        "currency": "INR",
        "receipt": REFERENCE,
        "offer_id": None,
        "status": "paid",
        "attempts": 1,
        "notes": dict(NOTES),
        "created_at": EVENT_AT - 600,
    }


def refund_entity(refund_id: str = REFUND_ID, amount: int = 20000) -> dict[str, Any]:
    """A processed refund."""
    return {
        "id": refund_id,
        "entity": "refund",
        "amount": amount,
        "currency": "INR",
        "payment_id": PAYMENT_ID,
        "notes": {"reason": "duplicate purchase"},
        "receipt": None,
        "acquirer_data": {"arn": "10000000000000"},
        "created_at": EVENT_AT,
        "batch_id": None,
        "status": "processed",
        "speed_processed": "normal",
        "speed_requested": "normal",
    }


def dispute_entity() -> dict[str, Any]:
    """A newly opened dispute."""
    return {
        "id": DISPUTE_ID,
        "entity": "dispute",
        "payment_id": PAYMENT_ID,
        "amount": AMOUNT,
        "currency": "INR",
        "amount_deducted": 0,
        "reason_code": "chargeback",
        "respond_by": EVENT_AT + 7 * 86400,
        "status": "open",
        "phase": "chargeback",
        "created_at": EVENT_AT,
    }


def payment_link_paid() -> dict[str, Any]:
    """payment_link.paid: link, order and payment."""
    return _envelope(
        "payment_link.paid",
        ["payment_link", "order", "payment"],
        payment_link=payment_link_entity("paid"),
        order=order_entity(),
        payment=payment_entity("captured"),
    )


def payment_link_expired() -> dict[str, Any]:
    """payment_link.expired: the link only."""
    return _envelope(
        "payment_link.expired", ["payment_link"], payment_link=payment_link_entity("expired")
    )


def payment_link_cancelled() -> dict[str, Any]:
    """payment_link.cancelled: the link only."""
    return _envelope(
        "payment_link.cancelled", ["payment_link"], payment_link=payment_link_entity("cancelled")
    )


def payment_event(event: str, status: str) -> dict[str, Any]:
    """payment.authorized / payment.captured / payment.failed: the payment only."""
    return _envelope(event, ["payment"], payment=payment_entity(status))


def order_paid() -> dict[str, Any]:
    """order.paid: payment and order."""
    return _envelope(
        "order.paid", ["payment", "order"], payment=payment_entity("captured"), order=order_entity()
    )


def refund_processed(
    refund_id: str = REFUND_ID, amount: int = 20000, refunded: int | None = None
) -> dict[str, Any]:
    """refund.processed: the refund, and the payment with all refunded of it so far
    (`refunded`, this refund's amount unless given)."""
    total = amount if refunded is None else refunded
    payment = payment_entity("captured") | {
        "amount_refunded": total,
        "refund_status": "full" if total >= AMOUNT else "partial",
    }
    return _envelope(
        "refund.processed",
        ["refund", "payment"],
        refund=refund_entity(refund_id, amount),
        payment=payment,
    )


def dispute_created() -> dict[str, Any]:
    """payment.dispute.created: payment and dispute."""
    return _envelope(
        "payment.dispute.created",
        ["payment", "dispute"],
        payment=payment_entity("captured"),
        dispute=dispute_entity(),
    )


def settlement_processed() -> dict[str, Any]:
    """An event we don't handle."""
    return _envelope(
        "settlement.processed",
        ["settlement"],
        settlement={"id": "setl_DGlQ1Rj8os78Ec", "entity": "settlement", "amount": 9973635},
    )


def clone(payload: dict[str, Any]) -> dict[str, Any]:
    """A deep copy to mutate in a test."""
    return copy.deepcopy(payload)
