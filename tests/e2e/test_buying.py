"""End to end with the sandbox: a WhatsApp user buys each product and receives it once.

The conversation runs over signed Twilio webhooks, the sandbox checkout page sends signed
Razorpay webhooks to /webhooks/razorpay, and the outbox is delivered through the Twilio
SDK to a local Twilio stub — each part of the real path, with only the SaaS faked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from urllib.parse import urlsplit

import pytest
from flask.testing import FlaskClient

from backend.application.admin.grants import revoke_grant
from backend.application.outbox_delivery import deliver_due
from backend.bootstrap import Services
from infrastructure.sandbox.gateway import SandboxGateway
from infrastructure.twilio.rest_sender import TwilioRestSender
from tests.e2e.payments_support import count
from tests.fakes.twilio_stub import TwilioStub, twilio_stub
from tests.support import TEST_AUTH_TOKEN
from tests.whatsapp import ChatUser, message_form, post_signed, replies

__all__ = ["twilio_stub"]

LINK = re.compile(r"/sandbox/pay/(plink_[A-Za-z0-9]+)")


@pytest.fixture
def shop(services: Services, client: FlaskClient, twilio_stub: TwilioStub) -> Iterator[Services]:
    """Sandbox webhooks go through the test client; WhatsApp goes to the Twilio stub."""
    services.sandbox_webhook_poster = lambda body, headers: (
        client.post("/webhooks/razorpay", data=body, headers=headers).status_code
    )
    sender = TwilioRestSender(
        "AC" + "1" * 32, TEST_AUTH_TOKEN, "whatsapp:+14155238886", base_url=twilio_stub.base_url
    )
    services.whatsapp_sender = sender
    yield services
    sender.close()


def deliver(services: Services) -> None:
    """One worker pass over the outbox."""
    deliver_due(
        services.unit_of_work,
        services.whatsapp_sender,
        services.delivery_policy,
        jobs=services.fulfilment.run_job,
    )


def with_profile(client: FlaskClient) -> ChatUser:
    """A user who chose English and saw the free preview."""
    user = ChatUser(client)
    for text in ("hi", "1", "1", "Asha", "15/08/1990", "10:30 pm", "Bombay"):
        user.send(text)
    assert "Reply 1 for your full Kundali report (₹199)" in user.say("yes")
    return user


def enter_couple(user: ChatUser) -> str:
    """Menu → Kundali Milan with Asha and Ravi; the reply to choosing to pay."""
    user.send("menu")
    assert "bride" in user.say("3")
    for text in ("Asha", "15/08/1990", "10:30 pm", "Bombay"):
        user.send(text)
    assert "groom" in user.say("yes")
    for text in ("Ravi", "02/03/1988", "6:15 am", "Bombay"):
        user.send(text)
    offer = user.say("yes")
    assert "Asha & Ravi" in offer and "₹199" in offer
    return user.say("1")


def pay(client: FlaskClient, reply: str, action: str = "pay") -> str:
    """Press Pay (or Fail) on the sandbox page of the link in the reply."""
    found = LINK.search(reply)
    assert found, reply
    response = client.post(f"/sandbox/pay/{found.group(1)}", data={"action": action})
    assert response.status_code == 200, response.get_data(as_text=True)
    return found.group(1)


def report_bought(shop: Services, client: FlaskClient) -> ChatUser:
    """A user who paid for their report and had it delivered."""
    user = with_profile(client)
    pay(client, user.say("1"))
    deliver(shop)
    return user


def test_buying_the_report(shop: Services, client: FlaskClient, twilio_stub: TwilioStub) -> None:
    user = with_profile(client)
    offer = user.say("1")
    assert "₹199" in offer and "/sandbox/pay/plink_" in offer
    again = user.say("1")  # still waiting: the same link, never a second one
    assert LINK.search(again) and LINK.search(again).group(1) == LINK.search(offer).group(1)  # type: ignore[union-attr]
    link_id = pay(client, offer)
    # The link's notes repeat its reference: Razorpay copies them to the order behind it.
    sandbox = shop.payment_gateway
    assert isinstance(sandbox, SandboxGateway)
    stored = sandbox.link(link_id)
    assert stored is not None and stored.notes["reference_id"] == stored.reference_id
    deliver(shop)
    deliver(shop)  # a second pass finds nothing new
    sent = twilio_stub.sent_to(user.phone)
    bodies = [m["body"] for m in sent]
    assert sum("₹199 received" in b for b in bodies) == 1
    assert sum("full Kundali report, Asha" in b for b in bodies) == 1
    pdfs = [m for m in sent if m["media_url"]]
    assert len(pdfs) == 1 and "/media/reports/" in pdfs[0]["media_url"][0]
    assert client.get(urlsplit(pdfs[0]["media_url"][0]).path).status_code == 200
    assert "₹199 received" in user.say("any news?")  # the pending payment is settled
    # Asking again hands the report over again instead of selling it twice.
    for text in ("menu", "1", "yes"):
        user.send(text)
    again = user.say("1")
    assert "already have the full report" in again and "/sandbox/pay/" not in again
    deliver(shop)
    sent = twilio_stub.sent_to(user.phone)
    assert sum(bool(m["media_url"]) for m in sent) == 2
    assert sum("₹199 received" in m["body"] for m in sent) == 1


def test_buying_questions_spends_one_credit_per_question(
    shop: Services, client: FlaskClient, twilio_stub: TwilioStub
) -> None:
    user = with_profile(client)
    offer = user.say("2")
    assert "4 questions costs ₹99" in offer
    link = user.say("1")
    assert "Question pack" in link
    pay(client, link)
    deliver(shop)
    assert any("You now have 4 questions" in m["body"] for m in twilio_stub.sent_to(user.phone))
    form = message_form(user.phone, "When will I get a new job?")
    answer = "\n".join(replies(post_signed(client, form)))
    assert "3 questions left" in answer
    replay = post_signed(client, form)  # Twilio redelivers the same MessageSid
    assert replies(replay) == []
    assert "2 questions left" in user.say("How will my marriage be?")


def test_buying_a_match_with_both_partners(
    shop: Services, client: FlaskClient, twilio_stub: TwilioStub
) -> None:
    user = with_profile(client)
    pay(client, enter_couple(user))
    deliver(shop)
    bodies = [m["body"] for m in twilio_stub.sent_to(user.phone)]
    assert sum("Kundali Milan for Asha & Ravi" in b for b in bodies) == 1
    assert sum("₹199 received" in b for b in bodies) == 1


def test_a_failed_payment_can_be_retried_with_a_fresh_link(
    shop: Services, client: FlaskClient, twilio_stub: TwilioStub
) -> None:
    user = with_profile(client)
    first = pay(client, user.say("1"), action="fail")
    deliver(shop)
    assert any("didn't go through" in m["body"] for m in twilio_stub.sent_to(user.phone))
    fresh = user.say("retry")
    second = LINK.search(fresh)
    assert second and second.group(1) != first
    assert shop.payment_gateway.fetch_link(first).status.value == "cancelled"
    pay(client, fresh)
    deliver(shop)
    bodies = [m["body"] for m in twilio_stub.sent_to(user.phone)]
    assert sum("₹199 received" in b for b in bodies) == 1
    grants = count(
        shop,
        "SELECT count(*) FROM entitlement_ledger l JOIN users u ON u.id = l.user_id "
        "WHERE u.phone = :p AND l.kind = 'grant'",
        p=user.phone,
    )
    assert grants == 1


def test_a_paid_report_still_to_be_made_is_not_handed_out_for_another_chart(
    shop: Services, client: FlaskClient, twilio_stub: TwilioStub
) -> None:
    user = with_profile(client)
    pay(client, user.say("1"))  # Asha's report is paid; the worker has not made it yet
    for text in ("menu", "1", "2", "Ravi", "02/03/1988", "6:15 am", "Bombay", "yes"):
        user.send(text)
    offer = user.say("1")
    assert "Full Kundali report for Ravi" in offer and "/sandbox/pay/plink_" in offer
    deliver(shop)
    bodies = [m["body"] for m in twilio_stub.sent_to(user.phone)]
    assert sum("full Kundali report, Asha" in b for b in bodies) == 1
    assert not any("full Kundali report, Ravi" in b for b in bodies)


def orders_of(services: Services, user: ChatUser, product: str) -> int:
    """The user's orders for product."""
    return count(
        services,
        "SELECT count(*) FROM orders o JOIN users u ON u.id = o.user_id"
        " WHERE u.phone = :p AND o.product = :product",
        p=user.phone,
        product=product,
    )


def test_a_match_for_the_same_couple_is_sold_once(
    shop: Services, client: FlaskClient, twilio_stub: TwilioStub
) -> None:
    user = with_profile(client)
    offer = enter_couple(user)
    again = enter_couple(user)  # the same couple typed in again: the same order and link
    assert LINK.search(again) and LINK.search(again).group(1) == LINK.search(offer).group(1)  # type: ignore[union-attr]
    pay(client, offer)
    deliver(shop)
    owned = enter_couple(user)
    assert "already have the Kundali Milan for Asha & Ravi" in owned
    assert "/sandbox/pay/" not in owned
    deliver(shop)
    bodies = [m["body"] for m in twilio_stub.sent_to(user.phone)]
    assert sum("Here is the Kundali Milan for Asha & Ravi" in b for b in bodies) == 2
    assert sum("₹199 received" in b for b in bodies) == 1
    assert orders_of(shop, user, "milan") == 1


def test_a_report_paid_for_is_not_sold_again_when_the_same_details_are_typed_again(
    shop: Services, client: FlaskClient, twilio_stub: TwilioStub
) -> None:
    user = report_bought(shop, client)
    for text in ("menu", "1", "2", "Asha", "15/08/1990", "10:30 pm", "Bombay", "yes"):
        user.send(text)
    again = user.say("1")
    assert "already have the full report for Asha" in again and "/sandbox/pay/" not in again
    assert orders_of(shop, user, "kundali") == 1


def test_a_report_an_operator_took_back_is_offered_for_sale_again(
    shop: Services, client: FlaskClient, twilio_stub: TwilioStub
) -> None:
    user = report_bought(shop, client)
    grant_id = count(
        shop,
        "SELECT l.id FROM entitlement_ledger l JOIN users u ON u.id = l.user_id"
        " WHERE u.phone = :p AND l.kind = 'grant'",
        p=user.phone,
    )
    assert shop.admin is not None
    revoke_grant(shop.admin.unit_of_work, grant_id, "chargeback by phone", datetime.now(UTC))
    for text in ("menu", "1", "yes"):
        user.send(text)
    offer = user.say("1")
    assert "already have" not in offer and "/sandbox/pay/plink_" in offer
    assert orders_of(shop, user, "kundali") == 2
