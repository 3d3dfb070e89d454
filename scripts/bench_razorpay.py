"""Razorpay deliveries for scripts/bench_payments.py: signed, pre-encoded, in a realistic mix.

Bodies follow Razorpay's documented webhook samples (payment_link.paid carries the link, the
gateway order and the payment; payment.captured only the payment, whose notes arrive as []).
Per order: payment_link.paid always, payment.captured for the same payment some of the time
(before or after it, as Razorpay gives no order between events), and sometimes a redelivery
of one of them with the same X-Razorpay-Event-Id and bytes.
"""

from __future__ import annotations

import json
import random
import secrets
from collections import Counter
from dataclasses import dataclass
from typing import Any

from bench_support import Step

from infrastructure.razorpay.signatures import sign_webhook

WEBHOOK = "/webhooks/razorpay"
HOST_HEADER = "bench.boloastro.test"
ACCOUNT = "acc_BFQ7uQEaa7j2z7"
# Every reply of the webhook is {"status": ...}: applied, ignored, unmatched or duplicate.
EXPECT = b'"status"'
REDELIVERY = "redelivery (same event id and body)"


@dataclass(frozen=True)
class PaidOrder:
    """A seeded order and the ids its payment carries."""

    order_id: int
    amount_paise: int
    product: str
    link_id: str
    reference_id: str
    gateway_order_id: str
    payment_id: str
    created_at: int  # unix seconds


def _payment(order: PaidOrder) -> dict[str, Any]:
    return {
        "id": order.payment_id,
        "entity": "payment",
        "amount": order.amount_paise,
        "currency": "INR",
        "status": "captured",
        "order_id": order.gateway_order_id,
        "invoice_id": None,
        "international": False,
        "method": "upi",
        "amount_refunded": 0,
        "refund_status": None,
        "captured": True,
        "description": f"#{order.gateway_order_id.removeprefix('order_')}",
        "card_id": None,
        "bank": None,
        "wallet": None,
        "vpa": "asha@okaxis",
        "email": "void@razorpay.com",
        "contact": "+919876543210",
        "notes": [],
        "fee": 470,
        "tax": 72,
        "error_code": None,
        "error_description": None,
        "error_source": None,
        "error_step": None,
        "error_reason": None,
        "acquirer_data": {"rrn": str(225_800_000_000 + order.order_id)},
        "created_at": order.created_at + 40,
    }


def _link_paid(order: PaidOrder) -> dict[str, Any]:
    notes = {"order_id": str(order.order_id), "product": order.product}
    link = {
        "accept_partial": False,
        "amount": order.amount_paise,
        "amount_paid": order.amount_paise,
        "cancelled_at": 0,
        "created_at": order.created_at,
        "currency": "INR",
        "customer": {"contact": "+919876543210", "name": "Asha"},
        "description": f"BoloAstro {order.product}",
        "expire_by": order.created_at + 3600,
        "expired_at": 0,
        "first_min_partial_amount": 0,
        "id": order.link_id,
        "notes": notes,
        "notify": {"email": False, "sms": False},
        "order_id": order.gateway_order_id,
        "reference_id": order.reference_id,
        "reminder_enable": False,
        "reminders": [],
        "short_url": f"https://rzp.io/i/{order.link_id.removeprefix('plink_')[:8]}",
        "status": "paid",
        "updated_at": order.created_at + 45,
        "upi_link": False,
        "user_id": "",
    }
    gateway_order = {
        "id": order.gateway_order_id,
        "entity": "order",
        "amount": order.amount_paise,
        "amount_paid": order.amount_paise,
        "amount_due": 0,
        "currency": "INR",
        "receipt": order.reference_id,
        "offer_id": None,
        "status": "paid",
        "attempts": 1,
        "notes": notes,
        "created_at": order.created_at,
    }
    entities = {"payment_link": link, "order": gateway_order, "payment": _payment(order)}
    return _envelope("payment_link.paid", entities, order.created_at + 45)


def _envelope(event: str, entities: dict[str, Any], at: int) -> dict[str, Any]:
    return {
        "entity": "event",
        "account_id": ACCOUNT,
        "event": event,
        "contains": list(entities),
        "payload": {name: {"entity": entity} for name, entity in entities.items()},
        "created_at": at,
    }


def encode(payload: dict[str, Any], event_id: str, secret: str) -> bytes:
    """The complete HTTP/1.1 request Razorpay would send (signature over the exact bytes)."""
    body = json.dumps(payload, separators=(",", ":")).encode()
    head = (
        f"POST {WEBHOOK} HTTP/1.1\r\n"
        f"Host: {HOST_HEADER}\r\n"
        "User-Agent: Razorpay-Webhook/v1\r\n"
        "Content-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n"
        f"X-Razorpay-Signature: {sign_webhook(body, secret)}\r\n"
        f"X-Razorpay-Event-Id: {event_id}\r\n"
    )
    return head.encode() + b"\r\n" + body


@dataclass(frozen=True)
class MixRates:
    """How often an order's payment also yields payment.captured, and a redelivery."""

    captured: float = 0.6
    duplicate: float = 0.15


def deliveries(
    orders: list[PaidOrder], secret: str, rng: random.Random, rates: MixRates
) -> list[tuple[str, Step]]:
    """Every order's deliveries, each labelled; an order's events stay close together."""
    keyed: list[tuple[float, str, Step]] = []
    for index, order in enumerate(orders):
        events = [("payment_link.paid", _link_paid(order))]
        if rng.random() < rates.captured:
            captured = _envelope("payment.captured", {"payment": _payment(order)}, order.created_at)
            events.insert(rng.randrange(2), ("payment.captured", captured))
        sent = []
        for position, (name, payload) in enumerate(events):
            step = Step(encode(payload, f"evt_{secrets.token_hex(7)}", secret), EXPECT)
            keyed.append((index + position / 10, f"{name} ({order.product})", step))
            sent.append(step)
        if rng.random() < rates.duplicate:
            # Same bytes, same event id, a few deliveries later (a retry after a slow answer).
            keyed.append((index + rng.uniform(2, 20), REDELIVERY, rng.choice(sent)))
    keyed.sort(key=lambda item: item[0])
    return [(label, step) for _, label, step in keyed]


def mix_of(labelled: list[tuple[str, Step]]) -> Counter[str]:
    """How many deliveries of each kind."""
    return Counter(label for label, _ in labelled)


def deal(labelled: list[tuple[str, Step]], connections: int) -> list[list[Step]]:
    """Round-robin over the connections: an order's events run concurrently, as Razorpay's do."""
    steps = [step for _, step in labelled]
    return [steps[i::connections] for i in range(connections)]
