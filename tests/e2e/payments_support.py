"""Helpers for payment tests: orders with a live link, and signed Razorpay webhooks for them."""

from __future__ import annotations

import itertools
import json
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import sqlalchemy as sa
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from backend.bootstrap import Services
from backend.domain.entitlements import Product
from backend.domain.payments.orders import new_attempt
from backend.domain.profile import BirthProfile
from infrastructure.razorpay.signatures import sign_webhook
from tests.fakes import razorpay_payloads as rp
from tests.support import RAZORPAY_WEBHOOK_SECRET
from tests.whatsapp import unique_phone

WEBHOOK = "/webhooks/razorpay"
_ids = itertools.count(1)
ASHA = BirthProfile(
    name="Asha",
    birth_date=date(1990, 8, 15),
    birth_time=time(10, 30),
    place_label="Pune, Maharashtra, India",
    latitude=18.5196,
    longitude=73.8553,
    timezone="Asia/Kolkata",
)


@dataclass(frozen=True)
class LiveOrder:
    """An order with one issued link, and the gateway ids a payment of it would carry."""

    order_id: int
    user_id: int
    phone: str
    amount_paise: int
    link_id: str
    reference_id: str
    gateway_order_id: str
    payment_id: str

    def payload(self, template: dict[str, Any], **changes: Any) -> dict[str, Any]:
        """A documented sample payload rewritten to name this order's ids."""
        swap: dict[Any, Any] = {
            rp.LINK_ID: self.link_id,
            rp.REFERENCE: self.reference_id,
            rp.GATEWAY_ORDER: self.gateway_order_id,
            rp.PAYMENT_ID: changes.get("payment_id", self.payment_id),
            rp.NOTES["order_id"]: str(self.order_id),
        }
        amount = changes.get("amount", self.amount_paise)
        rewritten: dict[str, Any] = _rewrite(rp.clone(template), swap, amount)
        return rewritten


def _rewrite(node: Any, swap: dict[Any, Any], amount: int) -> Any:
    if isinstance(node, dict):
        return {
            key: amount
            if key in ("amount", "amount_paid") and node[key] == rp.AMOUNT
            else _rewrite(value, swap, amount)
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_rewrite(item, swap, amount) for item in node]
    if isinstance(node, str):
        return swap.get(node, node)
    return node


def live_order(services: Services, product: Product = Product.KUNDALI) -> LiveOrder:
    """A user with a saved profile and an order whose first link is issued."""
    now = datetime.now(UTC)
    phone = unique_phone()
    n = next(_ids)
    tag = uuid.uuid4().hex[:10]
    with services.unit_of_work() as uow:
        conversation = uow.conversations.lock(phone, now, "menu", "main")
        conversation.language = "en"
        uow.conversations.save(conversation)
        profile_id = uow.conversations.add_profile(conversation.user_id, ASHA)
        profiles: tuple[int, ...] = (profile_id,) if product is Product.KUNDALI else ()
        if product is Product.MILAN:
            groom = uow.conversations.add_profile(conversation.user_id, ASHA)
            profiles = (profile_id, groom)
        amount = services.payment_policy.prices.price(product)
        order = uow.orders.create(conversation.user_id, phone, product, amount, profiles, now)
        reference = f"ba-{order.id}-1-t{n}"
        attempt = new_attempt(
            order,
            reference,
            f"plink_{tag}",
            f"https://rzp.io/i/{tag}",
            now,
            now + timedelta(hours=1),
        )
        attempt.gateway_order_id = f"order_{tag}"
        uow.orders.save(order)
        uow.commit()
    return LiveOrder(
        order.id,
        conversation.user_id,
        phone,
        amount,
        f"plink_{tag}",
        reference,
        f"order_{tag}",
        f"pay_{tag}",
    )


def post_event(
    client: FlaskClient,
    payload: dict[str, Any] | bytes,
    *,
    event_id: str | None = None,
    secret: str = RAZORPAY_WEBHOOK_SECRET,
    signature: str | None = None,
) -> TestResponse:
    """POST a webhook signed as Razorpay signs it (or with the given signature)."""
    body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
    headers = {"Content-Type": "application/json"}
    headers["X-Razorpay-Event-Id"] = event_id or f"evt_{uuid.uuid4().hex[:14]}"
    sig = signature if signature is not None else sign_webhook(body, secret)
    if sig:
        headers["X-Razorpay-Signature"] = sig
    return client.post(WEBHOOK, data=body, headers=headers)


def count(services: Services, sql: str, **params: Any) -> int:
    """One number from the database."""
    with services.unit_of_work() as uow:
        conn = uow.connection  # type: ignore[attr-defined]
        return int(conn.execute(sa.text(sql), params).scalar_one())


def grants(services: Services, order: LiveOrder) -> int:
    """Ledger grants of the order."""
    return count(
        services,
        "SELECT count(*) FROM entitlement_ledger WHERE key = :k",
        k=f"grant:{order.order_id}",
    )


def status_of(services: Services, order: LiveOrder) -> str:
    """The order's status."""
    with services.unit_of_work() as uow:
        found = uow.orders.get(order.order_id)
        assert found is not None
        return found.status.value
