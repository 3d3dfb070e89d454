"""RazorpayGateway through the official SDK against the local Razorpay stub."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from urllib.parse import parse_qs, urlsplit

import pytest

from backend.domain.payments.gateway import GatewayError, LinkRequest, LinkStatus
from infrastructure.razorpay.gateway import RazorpayGateway
from tests.fakes.razorpay_stub import (
    KEY_ID,
    KEY_SECRET,
    RazorpayStub,
    bad_request,
    razorpay_stub,
    server_error,
)

__all__ = ["razorpay_stub"]  # the fixture, imported so pytest sees it here

EXPIRE_BY = datetime(2030, 1, 1, 12, 0, tzinfo=UTC)


def _request(reference_id: str = "ord42-a1") -> LinkRequest:
    return LinkRequest(
        reference_id=reference_id,
        amount_paise=49900,
        currency="INR",
        description="Kundli report",
        customer_phone="+919876543210",
        customer_name="Asha",
        expire_by=EXPIRE_BY,
        callback_url="https://bot.example/paid",
        notes={"order_id": "42", "product": "kundli_report"},
    )


@pytest.fixture
def gateway(razorpay_stub: RazorpayStub) -> Iterator[RazorpayGateway]:
    """A gateway on the stub with a short timeout, so a stalled create times out quickly."""
    gw = RazorpayGateway(KEY_ID, KEY_SECRET, base_url=razorpay_stub.base_url, timeout_s=0.5)
    try:
        yield gw
    finally:
        gw.close()


def test_create_sends_a_razorpay_link_request(
    gateway: RazorpayGateway, razorpay_stub: RazorpayStub
) -> None:
    link = gateway.create_link(_request())

    assert link.status is LinkStatus.CREATED
    assert (link.reference_id, link.amount_paise, link.currency) == ("ord42-a1", 49900, "INR")
    assert link.url.startswith("https://rzp.io/i/")
    stored = razorpay_stub.links[link.link_id]
    assert stored["expire_by"] == int(EXPIRE_BY.timestamp())
    assert stored["customer"] == {"contact": "+919876543210", "name": "Asha"}
    assert stored["notify"] == {"sms": False, "email": False}
    assert stored["reminder_enable"] is False
    assert stored["notes"] == {"order_id": "42", "product": "kundli_report"}
    assert (stored["callback_url"], stored["callback_method"]) == (
        "https://bot.example/paid",
        "get",
    )


def test_create_fetch_cancel_round_trip(gateway: RazorpayGateway) -> None:
    created = gateway.create_link(_request())

    assert gateway.fetch_link(created.link_id) == created
    cancelled = gateway.cancel_link(created.link_id)

    assert cancelled.status is LinkStatus.CANCELLED
    assert gateway.fetch_link(created.link_id).status is LinkStatus.CANCELLED


def test_find_by_reference(gateway: RazorpayGateway, razorpay_stub: RazorpayStub) -> None:
    gateway.create_link(_request("other-ref"))
    mine = gateway.create_link(_request("ord42-a1"))

    assert gateway.find_by_reference("ord42-a1") == mine
    assert gateway.find_by_reference("never-made") is None
    lookups = [path for method, path in razorpay_stub.requests if method == "GET"]
    assert parse_qs(urlsplit(lookups[0]).query) == {"reference_id": ["ord42-a1"]}


def test_timed_out_create_returns_the_link_it_made(
    gateway: RazorpayGateway, razorpay_stub: RazorpayStub
) -> None:
    razorpay_stub.stall_next_create(30)

    link = gateway.create_link(_request())

    assert [x["id"] for x in razorpay_stub.links_for("ord42-a1")] == [link.link_id]
    assert link.status is LinkStatus.CREATED
    # The create's answer never came; the link was found by looking its reference up.
    assert razorpay_stub.requests == [
        ("POST", "/v1/payment_links"),
        ("GET", "/v1/payment_links?reference_id=ord42-a1"),
    ]


def test_retrying_a_timed_out_create_leaves_one_live_link(
    gateway: RazorpayGateway, razorpay_stub: RazorpayStub
) -> None:
    razorpay_stub.stall_next_create(30)
    first = gateway.create_link(_request())

    again = gateway.create_link(_request())

    assert again == first
    stored = razorpay_stub.links_for("ord42-a1")
    assert len(stored) == 1
    assert stored[0]["status"] == "created"
    creates = [p for m, p in razorpay_stub.requests if m == "POST"]
    assert len(creates) == 2  # the retry did reach Razorpay and was refused as a duplicate


def test_duplicate_reference_returns_a_paid_link(
    gateway: RazorpayGateway, razorpay_stub: RazorpayStub
) -> None:
    first = gateway.create_link(_request())
    razorpay_stub.set_status(first.link_id, "paid")

    again = gateway.create_link(_request())

    assert (again.link_id, again.status) == (first.link_id, LinkStatus.PAID)


def test_duplicate_reference_of_a_cancelled_link_is_an_error(gateway: RazorpayGateway) -> None:
    first = gateway.create_link(_request())
    gateway.cancel_link(first.link_id)

    with pytest.raises(GatewayError, match="cancelled"):
        gateway.create_link(_request())


def test_unknown_link_is_a_gateway_error(gateway: RazorpayGateway) -> None:
    with pytest.raises(GatewayError, match="does not exist"):
        gateway.fetch_link("plink_missing")


def test_cancelling_a_paid_link_is_a_gateway_error(
    gateway: RazorpayGateway, razorpay_stub: RazorpayStub
) -> None:
    link = gateway.create_link(_request())
    razorpay_stub.set_status(link.link_id, "paid")

    with pytest.raises(GatewayError, match="cannot be cancelled"):
        gateway.cancel_link(link.link_id)


def test_link_id_is_not_a_path(gateway: RazorpayGateway, razorpay_stub: RazorpayStub) -> None:
    with pytest.raises(GatewayError, match="not a payment link id"):
        gateway.fetch_link("../orders")
    assert razorpay_stub.requests == []


def test_wrong_secret_is_a_gateway_error_without_the_secret(razorpay_stub: RazorpayStub) -> None:
    wrong = "wrong-secret-value"
    gw = RazorpayGateway(KEY_ID, wrong, base_url=razorpay_stub.base_url, timeout_s=2)
    try:
        with pytest.raises(GatewayError, match="Authentication failed") as caught:
            gw.create_link(_request())
    finally:
        gw.close()
    assert wrong not in str(caught.value)
    assert razorpay_stub.links == {}


def test_unreachable_gateway_is_a_gateway_error(razorpay_stub: RazorpayStub) -> None:
    base = razorpay_stub.base_url
    razorpay_stub.stop()  # nothing listens on the port any more
    gw = RazorpayGateway(KEY_ID, KEY_SECRET, base_url=base, timeout_s=2)
    try:
        with pytest.raises(GatewayError) as caught:
            gw.create_link(_request())
    finally:
        gw.close()
    assert KEY_SECRET not in str(caught.value)


def test_error_message_never_carries_the_key_secret(
    gateway: RazorpayGateway, razorpay_stub: RazorpayStub
) -> None:
    # Should an error ever echo the secret back, it must not reach logs through our message.
    razorpay_stub.fail_next(400, bad_request(f"key {KEY_SECRET} is not valid"))

    with pytest.raises(GatewayError) as caught:
        gateway.fetch_link("plink_KBnb7I424Rc1R9")

    assert KEY_SECRET not in str(caught.value)
    assert "key *** is not valid" in str(caught.value)


def test_server_error_is_a_gateway_error(
    gateway: RazorpayGateway, razorpay_stub: RazorpayStub
) -> None:
    razorpay_stub.fail_next(500, server_error())

    with pytest.raises(GatewayError, match="ServerError"):
        gateway.create_link(_request())
    assert razorpay_stub.links == {}


def test_non_json_answer_is_a_gateway_error(
    gateway: RazorpayGateway, razorpay_stub: RazorpayStub
) -> None:
    razorpay_stub.fail_next(502, b"<html>Bad Gateway</html>")

    with pytest.raises(GatewayError, match="Razorpay fetch failed"):
        gateway.fetch_link("plink_KBnb7I424Rc1R9")


def test_unexpected_link_status_is_a_gateway_error(
    gateway: RazorpayGateway, razorpay_stub: RazorpayStub
) -> None:
    link = gateway.create_link(_request())
    razorpay_stub.set_status(link.link_id, "mystery")

    with pytest.raises(GatewayError, match="unexpected Razorpay payment link"):
        gateway.fetch_link(link.link_id)


def test_constructor_needs_credentials() -> None:
    with pytest.raises(ValueError, match="required"):
        RazorpayGateway("", "secret")
