"""The payment sweeps against Razorpay's API (the local stub, called by the official SDK)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from backend.application.payments.apply import apply_payment
from backend.application.payments.checkout import open_order, payable_link
from backend.application.payments.sweeps import Sweeper
from backend.bootstrap import Services
from backend.domain.entitlements import Product
from backend.domain.payments.events import EventKind, PaymentEvent
from backend.domain.payments.order_model import OrderStatus
from infrastructure.razorpay.gateway import RazorpayGateway
from tests.e2e.payments_support import ASHA, count
from tests.fakes.razorpay_stub import KEY_ID, KEY_SECRET, RazorpayStub, razorpay_stub, server_error
from tests.whatsapp import unique_phone

__all__ = ["razorpay_stub"]


@pytest.fixture
def sweeper(services: Services, razorpay_stub: RazorpayStub) -> Iterator[Sweeper]:
    """Sweeps over the real database and the Razorpay stub."""
    gateway = RazorpayGateway(KEY_ID, KEY_SECRET, base_url=razorpay_stub.base_url, timeout_s=2)
    yield Sweeper(services.unit_of_work, gateway, services.fulfilment, services.payment_policy)
    gateway.close()


def issue(services: Services, sweeper: Sweeper, now: datetime) -> tuple[int, str, str]:
    """A user with a profile and a Kundali order with one live Razorpay link."""
    phone = unique_phone()
    with services.unit_of_work() as uow:
        conversation = uow.conversations.lock(phone, now, "menu", "main")
        profile_id = uow.conversations.add_profile(conversation.user_id, ASHA)
        order = open_order(
            uow,
            conversation.user_id,
            phone,
            Product.KUNDALI,
            (profile_id,),
            services.payment_policy,
            now,
        )
        offer = payable_link(
            uow, sweeper.gateway, services.payment_policy, order, "Report", "Asha", now
        )
        assert offer is not None
        uow.commit()
    return order.id, order.attempts[-1].link_id, phone


def nudges(services: Services, order_id: int) -> int:
    """Reminders queued for the order."""
    sql = "SELECT count(*) FROM outbox WHERE kind = 'nudge' AND dedupe_key LIKE :k"
    return count(services, sql, k=f"nudge:{order_id}:%")


def status(services: Services, order_id: int) -> OrderStatus:
    with services.unit_of_work() as uow:
        order = uow.orders.get(order_id)
        assert order is not None
        return order.status


def test_reconcile_recovers_a_missed_payment_webhook(
    services: Services, sweeper: Sweeper, razorpay_stub: RazorpayStub
) -> None:
    now = datetime.now(UTC)
    order_id, link_id, _ = issue(services, sweeper, now)
    link = razorpay_stub.links[link_id]
    # Paid at Razorpay; the webhook never reached us.
    link.update(status="paid", amount_paid=link["amount"], order_id="order_missed1")
    link["payments"] = [{"payment_id": f"pay_rec{order_id}", "status": "captured", "created_at": 1}]

    sweeper.reconcile(now + timedelta(minutes=5))  # too early to ask
    assert status(services, order_id) is OrderStatus.LINK_ISSUED
    result = sweeper.reconcile(now + timedelta(minutes=16))
    assert result["paid"] == 1
    assert status(services, order_id) is OrderStatus.PAID
    assert sweeper.reconcile(now + timedelta(minutes=30)).get("paid", 0) == 0
    grants = count(
        services, "SELECT count(*) FROM entitlement_ledger WHERE key = :k", k=f"grant:{order_id}"
    )
    assert grants == 1
    receipts = count(
        services, "SELECT count(*) FROM outbox WHERE dedupe_key = :k", k=f"paid:{order_id}"
    )
    assert receipts == 1


def test_expire_cancels_a_stale_link_and_closes_the_order(
    services: Services, sweeper: Sweeper, razorpay_stub: RazorpayStub
) -> None:
    now = datetime.now(UTC)
    order_id, link_id, _ = issue(services, sweeper, now)
    assert sweeper.expire(now + timedelta(minutes=30)).get("expired", 0) == 0  # still valid
    sweeper.expire(now + timedelta(minutes=61))
    assert razorpay_stub.links[link_id]["status"] == "cancelled"
    assert status(services, order_id) is OrderStatus.EXPIRED


def test_retries_nudge_once_per_spent_link_up_to_the_limit(
    services: Services, sweeper: Sweeper, razorpay_stub: RazorpayStub
) -> None:
    now = datetime.now(UTC)
    order_id, first_link, _ = issue(services, sweeper, now)
    razorpay_stub.set_status(first_link, "expired")
    later = now + timedelta(minutes=61)
    sweeper.reconcile(later)
    assert status(services, order_id) is OrderStatus.EXPIRED

    sweeper.retries(later)
    assert nudges(services, order_id) == 1
    sweeper.retries(later)  # the fresh link is live: nothing more to nudge
    assert nudges(services, order_id) == 1
    links = [x for x in razorpay_stub.links.values() if x["notes"].get("order_id") == str(order_id)]
    assert len(links) == 2

    # Each further expiry earns one more nudge until MAX_PAYMENT_RETRIES (2) is used up.
    for hours, expected in ((1, 2), (2, 2)):
        for link in razorpay_stub.links.values():
            if link["notes"].get("order_id") == str(order_id) and link["status"] == "created":
                link["status"] = "expired"
        at = later + timedelta(hours=hours)
        sweeper.reconcile(at)
        sweeper.retries(at)
        assert nudges(services, order_id) == expected


def issue_and_fail(services: Services, sweeper: Sweeper, now: datetime) -> tuple[int, str]:
    """An order whose one link had a payment fail on it, as the payment.failed webhook says."""
    order_id, link_id, _ = issue(services, sweeper, now)
    failed = PaymentEvent(EventKind.PAYMENT_FAILED, now, link_id=link_id, payment_id="pay_no")
    with services.unit_of_work() as uow:
        order = uow.orders.get(order_id)
        assert order is not None
        apply_payment(uow, order, failed, services.fulfilment, services.payment_policy, now)
        uow.commit()
    return order_id, link_id


def test_a_gateway_error_while_renewing_a_failed_link_is_retried_by_the_next_sweep(
    services: Services, sweeper: Sweeper, razorpay_stub: RazorpayStub
) -> None:
    now = datetime.now(UTC)
    order_id, link_id = issue_and_fail(services, sweeper, now)
    later = now + timedelta(minutes=20)
    razorpay_stub.fail_next_create(500, server_error())
    sweeper.retries(later)
    # The failed link is closed before any successor, and the successor could not be made.
    assert razorpay_stub.links[link_id]["status"] == "cancelled"
    assert nudges(services, order_id) == 0
    sweeper.retries(later + timedelta(minutes=5))
    assert nudges(services, order_id) == 1
    sweeper.retries(later + timedelta(minutes=10))  # its fresh link is live: nothing more
    assert nudges(services, order_id) == 1


def test_a_failed_link_paid_after_all_is_not_renewed_and_reconcile_settles_it(
    services: Services, sweeper: Sweeper, razorpay_stub: RazorpayStub
) -> None:
    now = datetime.now(UTC)
    order_id, link_id = issue_and_fail(services, sweeper, now)
    # The user paid the same link again (a failed link takes money until it expires), and
    # that webhook never reached us.
    link = razorpay_stub.links[link_id]
    link.update(status="paid", amount_paid=link["amount"], order_id=f"order_again{order_id}")
    link["payments"] = [{"payment_id": f"pay_again{order_id}", "status": "captured"}]
    later = now + timedelta(minutes=20)
    sweeper.retries(later)
    assert nudges(services, order_id) == 0  # no fresh link to pay a second time
    mine = [x for x in razorpay_stub.links.values() if x["notes"].get("order_id") == str(order_id)]
    assert len(mine) == 1
    assert sweeper.reconcile(later).get("paid", 0) == 1
    assert status(services, order_id) is OrderStatus.PAID
    grants = "SELECT count(*) FROM entitlement_ledger WHERE key = :k"
    assert count(services, grants, k=f"grant:{order_id}") == 1


def test_no_nudge_after_stop(
    services: Services, sweeper: Sweeper, razorpay_stub: RazorpayStub
) -> None:
    now = datetime.now(UTC)
    order_id, link_id, phone = issue(services, sweeper, now)
    with services.unit_of_work() as uow:
        user_id = uow.users.user_id_for(phone)
        assert user_id is not None
        uow.users.set_proactive_opt_out(user_id, True)
        uow.commit()
    razorpay_stub.set_status(link_id, "expired")
    later = now + timedelta(minutes=61)
    sweeper.reconcile(later)
    sweeper.retries(later)
    assert nudges(services, order_id) == 0
