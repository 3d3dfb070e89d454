"""SandboxGateway on real SQLite and PostgreSQL: idempotent create, expiry, cancel and pay rules."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import pytest

from backend.domain.payments.gateway import GatewayError, LinkRequest, LinkStatus
from infrastructure.db.engine import build_engine
from infrastructure.sandbox.gateway import SandboxGateway
from infrastructure.sandbox.links import LinkNotPayable, UnknownLink

BASE = "https://bot.sandbox.test"
START = datetime(2030, 1, 1, 12, 0, tzinfo=UTC)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def gateway(database_url: str, clock: Clock) -> Iterator[SandboxGateway]:
    engine = build_engine(database_url)
    yield SandboxGateway(engine, BASE, clock=clock)
    engine.dispose()


def request(reference: str | None = None, minutes: int = 20) -> LinkRequest:
    return LinkRequest(
        reference_id=reference or f"ord-{uuid.uuid4().hex[:20]}",
        amount_paise=19900,
        currency="INR",
        description="Kundali report",
        customer_phone="+919876543210",
        customer_name=None,
        expire_by=START + timedelta(minutes=minutes),
        callback_url=f"{BASE}/payments/thanks",
        notes={"order_id": "42", "product": "kundali"},
    )


def test_create_issues_a_razorpay_like_link(gateway: SandboxGateway) -> None:
    link = gateway.create_link(request())

    assert re.fullmatch(r"plink_[A-Za-z0-9]{14}", link.link_id)
    assert link.gateway_order_id and re.fullmatch(r"order_[A-Za-z0-9]{14}", link.gateway_order_id)
    assert link.url == f"{BASE}/sandbox/pay/{link.link_id}"
    assert (link.status, link.amount_paise, link.currency) == (LinkStatus.CREATED, 19900, "INR")
    assert link.payment_ids == ()
    assert gateway.fetch_link(link.link_id) == link


def test_create_is_idempotent_by_reference(gateway: SandboxGateway) -> None:
    first = gateway.create_link(request("ord-same-ref-" + uuid.uuid4().hex[:8]))

    again = gateway.create_link(request(first.reference_id))

    assert again == first
    assert gateway.find_by_reference(first.reference_id) == first
    assert gateway.find_by_reference("ord-never-made") is None


def test_a_link_reads_expired_once_past_expire_by(gateway: SandboxGateway, clock: Clock) -> None:
    link = gateway.create_link(request(minutes=16))
    clock.now = START + timedelta(minutes=16)

    assert gateway.fetch_link(link.link_id).status is LinkStatus.EXPIRED
    with pytest.raises(LinkNotPayable) as refused:
        gateway.pay(link.link_id)
    assert refused.value.status is LinkStatus.EXPIRED
    with pytest.raises(GatewayError):
        gateway.create_link(request(link.reference_id))  # an expired reference is used up
    with pytest.raises(GatewayError):
        gateway.cancel_link(link.link_id)


def test_cancel_a_created_link(gateway: SandboxGateway) -> None:
    link = gateway.create_link(request())

    cancelled = gateway.cancel_link(link.link_id)

    assert cancelled.status is LinkStatus.CANCELLED
    assert gateway.cancel_link(link.link_id).status is LinkStatus.CANCELLED  # harmless twice
    with pytest.raises(LinkNotPayable):
        gateway.pay(link.link_id)
    with pytest.raises(GatewayError):
        gateway.create_link(request(link.reference_id))


def test_pay_captures_once_and_a_paid_link_cannot_be_cancelled(gateway: SandboxGateway) -> None:
    link = gateway.create_link(request())

    charge = gateway.pay(link.link_id)

    assert re.fullmatch(r"pay_[A-Za-z0-9]{14}", charge.payment_id)
    paid = gateway.fetch_link(link.link_id)
    assert (paid.status, paid.payment_ids) == (LinkStatus.PAID, (charge.payment_id,))
    assert gateway.create_link(request(link.reference_id)) == paid  # retry-safe create
    with pytest.raises(LinkNotPayable):
        gateway.pay(link.link_id)
    with pytest.raises(GatewayError):
        gateway.cancel_link(link.link_id)


def test_a_failed_payment_leaves_the_link_payable(gateway: SandboxGateway) -> None:
    link = gateway.create_link(request())

    failed = gateway.fail(link.link_id)

    assert failed.link.gateway_order_id == link.gateway_order_id
    assert gateway.fetch_link(link.link_id).status is LinkStatus.CREATED
    assert gateway.pay(link.link_id).payment_id != failed.payment_id


def test_concurrent_pays_capture_exactly_once(gateway: SandboxGateway) -> None:
    link = gateway.create_link(request())

    def attempt(_: int) -> str | None:
        try:
            return gateway.pay(link.link_id).payment_id
        except LinkNotPayable:
            return None

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(attempt, range(4)))

    winners = [r for r in results if r is not None]
    assert len(winners) == 1
    assert gateway.fetch_link(link.link_id).payment_ids == (winners[0],)


def test_unknown_links_and_refused_requests(gateway: SandboxGateway) -> None:
    with pytest.raises(UnknownLink):
        gateway.fetch_link("plink_doesnotexist00")
    with pytest.raises(UnknownLink):
        gateway.cancel_link("plink_doesnotexist00")
    assert gateway.link("plink_doesnotexist00") is None
    with pytest.raises(GatewayError, match="15 minutes"):
        gateway.create_link(request(minutes=10))
    with pytest.raises(GatewayError, match="40"):
        gateway.create_link(request("x" * 41))
