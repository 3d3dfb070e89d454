"""End to end: STOP and its synonyms, and DELETE MY DATA erasing a real customer's data.

The user talks over signed Twilio webhooks, pays on the sandbox checkout page (which sends
signed Razorpay webhooks to the app) and receives the outbox through the Twilio SDK on a
local stub. After the erasure the whole database is read back, every table and column.
"""

from __future__ import annotations

import json
import random
import re
import string
from collections.abc import Iterator
from datetime import UTC, date, datetime
from urllib.parse import urlsplit

import pytest
import sqlalchemy as sa
from flask.testing import FlaskClient

from backend.application.outbox_delivery import deliver_due
from backend.bootstrap import Services
from backend.domain.payments.ports import OutboundMessage
from bot_flows import catalog
from infrastructure.twilio.rest_sender import TwilioRestSender
from tests.e2e.payments_support import count
from tests.fakes.twilio_stub import TwilioStub, twilio_stub
from tests.support import TEST_AUTH_TOKEN
from tests.whatsapp import ChatUser, message_form, post_signed, replies

__all__ = ["twilio_stub"]

LINK = re.compile(r"/sandbox/pay/(plink_[A-Za-z0-9]+)")
# The sandbox's own table plays Razorpay's records (an outside party; unused in production).
OUTSIDE_PARTIES = {"sandbox_links"}


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


def pay(client: FlaskClient, reply: str, action: str = "pay") -> str:
    """Press Pay (or Fail) on the sandbox page of the link in the reply; the result page."""
    found = LINK.search(reply)
    assert found, reply
    response = client.post(f"/sandbox/pay/{found.group(1)}", data={"action": action})
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_data(as_text=True)


def unique_name() -> str:
    """A name no other test uses: letters only."""
    return "Vasu" + "".join(random.choices(string.ascii_lowercase, k=10))


def with_profile(client: FlaskClient, name: str, born: date, phone: str | None = None) -> ChatUser:
    """A user who chose English, entered their details and saw the free preview."""
    user = ChatUser(client, phone)
    for text in ("hi", "1", "1", name, born.strftime("%d/%m/%Y"), "4:37 am", "Bombay"):
        user.send(text)
    assert "full Kundali report" in user.say("yes")
    return user


def user_id(services: Services, phone: str) -> int:
    """The user's id."""
    with services.unit_of_work() as uow:
        found = uow.users.user_id_for(phone)
    assert found is not None
    return found


def opted_out(services: Services, phone: str) -> bool:
    """The user said STOP (and not START since)."""
    uid = user_id(services, phone)
    with services.unit_of_work() as uow:
        return uow.users.proactive_opt_out(uid)


def dump(services: Services) -> list[str]:
    """Every non-null value of every column of every table, as lower-case text."""
    cells: list[str] = []
    with services.unit_of_work() as uow:
        conn: sa.Connection = uow.connection  # type: ignore[attr-defined]
        for name in sa.inspect(conn).get_table_names():
            if name in OUTSIDE_PARTIES:
                continue
            table = sa.Table(name, sa.MetaData(), autoload_with=conn)
            for row in conn.execute(sa.select(table)):
                cells.extend(_text(value) for value in row if value is not None)
    return cells


def _text(value: object) -> str:
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False).casefold()
    return str(value).casefold()


def hits(cells: list[str], needle: str) -> int:
    """How many cells contain the needle."""
    folded = needle.casefold()
    return sum(folded in cell for cell in cells)


def test_delete_my_data_leaves_no_personal_data_in_any_table(
    shop: Services, client: FlaskClient, twilio_stub: TwilioStub
) -> None:
    # The test database holds other tests' users (some born in Bombay too): every needle must
    # be back to its count from before this user existed.
    before = dump(shop)
    name = unique_name()
    born = date(random.randint(1931, 1949), random.randint(1, 12), random.randint(1, 28))
    user = with_profile(client, name, born)
    pay(client, user.say("1"))  # the full report
    for text in ("menu", "2"):
        user.send(text)
    pay(client, user.say("1"))  # a pack of questions
    deliver(shop)
    questions = [f"Will my {name} bakery in Pune prosper?", f"Is {born.year} a lucky year?"]
    for question in questions:
        assert "questions left" in user.say(question)
    deliver(shop)
    pdf = next(m["media_url"][0] for m in twilio_stub.sent_to(user.phone) if m["media_url"])
    assert client.get(urlsplit(pdf).path).status_code == 200
    uid = user_id(shop, user.phone)
    with shop.unit_of_work() as uow:
        conn: sa.Connection = uow.connection  # type: ignore[attr-defined]
        profile = conn.execute(
            sa.text("SELECT place_label, latitude FROM birth_profiles WHERE user_id = :u"),
            {"u": uid},
        ).one()
    month = catalog.text("en", f"month_{born.month}")
    typed = [name, born.strftime("%d/%m/%Y"), "4:37 am", "Bombay", *questions]
    stored = [born.isoformat(), f"{born.day} {month} {born.year}", profile.place_label]
    needles = [*typed, *stored, str(profile.latitude), "04:37"]
    during = dump(shop)
    for needle in needles:
        assert hits(during, needle) > hits(before, needle), needle  # the scan does find them

    assert "permanently erases" in user.say("delete my data")
    form = message_form(user.phone, "yes")
    answer = "\n".join(replies(post_signed(client, form)))
    assert "erased" in answer and "orders and payment records" in answer

    after = dump(shop)
    for needle in needles:
        assert hits(after, needle) == hits(before, needle), needle
    # The chat history is gone; the confirming message stays as an empty row, so a
    # redelivery of it by Twilio is still recognised and has no second effect.
    assert (
        count(shop, "SELECT count(*) FROM messages WHERE user_id = :u AND body <> ''", u=uid) == 0
    )
    assert count(shop, "SELECT count(*) FROM messages WHERE user_id = :u", u=uid) == 1
    assert replies(post_signed(client, form)) == []
    assert count(shop, "SELECT count(*) FROM birth_profiles WHERE user_id = :u", u=uid) == 0
    assert count(shop, "SELECT count(*) FROM outbox WHERE user_id = :u AND body <> ''", u=uid) == 0
    # What accounting needs stays: the orders, their amounts, payments and the ledger.
    paid = "SELECT count(*) FROM orders WHERE user_id = :u AND status = 'paid' AND "
    assert count(shop, paid + "amount_paise > 0 AND paid_payment_id IS NOT NULL", u=uid) == 2
    attempts = "SELECT count(*) FROM payment_attempts a JOIN orders o ON o.id = a.order_id"
    assert count(shop, attempts + " WHERE o.user_id = :u", u=uid) == 2
    events = "SELECT count(*) FROM payment_events e JOIN orders o ON o.paid_payment_id = "
    assert count(shop, events + "e.payment_id WHERE o.user_id = :u", u=uid) >= 2
    assert count(shop, "SELECT count(*) FROM entitlement_ledger WHERE user_id = :u", u=uid) >= 3
    # The report link is dead, and the next message starts like a stranger's.
    assert client.get(urlsplit(pdf).path).status_code == 404
    fresh = user.say("hi")
    assert "choose your language" in fresh and name not in fresh


def test_no_keeps_everything(client: FlaskClient, services: Services) -> None:
    name = unique_name()
    user = with_profile(client, name, date(1990, 8, 15))
    uid = user_id(services, user.phone)
    messages = "SELECT count(*) FROM messages WHERE user_id = :u"
    history = count(services, messages, u=uid)
    assert "permanently erases" in user.say("delete my data")
    assert "Nothing was erased" in user.say("no")
    # Two messages in; the confirmation question, then "kept" and the menu out.
    assert count(services, messages, u=uid) == history + 5
    assert name in user.say("1")  # the saved details are offered again


def test_a_payment_after_the_erasure_is_recorded_and_not_delivered(
    shop: Services, client: FlaskClient, twilio_stub: TwilioStub, caplog: pytest.LogCaptureFixture
) -> None:
    name = unique_name()
    user = with_profile(client, name, date(1985, 1, 26))
    offer = user.say("1")  # a live link, paid only after the erasure
    user.send("delete my data")
    assert "erased" in user.say("1")
    page = pay(client, offer)
    accepted = re.search(r"accepted (\d+) of (\d+) webhooks", page)
    assert accepted and accepted.group(1) == accepted.group(2), page  # no webhook failed
    uid = user_id(shop, user.phone)
    paid = "SELECT count(*) FROM orders WHERE user_id = :u AND status = 'paid'"
    assert count(shop, paid, u=uid) == 1
    deliver(shop)  # the worker prepares the report, and finds nothing to make it from
    assert "birth details were erased: not delivered" in caplog.text
    bodies = [m["body"] for m in twilio_stub.sent_to(user.phone)]
    assert sum("₹199 received" in b for b in bodies) == 1
    assert not any(name in b for b in bodies)  # no report: its birth details are gone
    spent = "SELECT count(*) FROM entitlement_ledger WHERE user_id = :u AND kind = 'consume'"
    assert count(shop, spent, u=uid) == 0  # the grant stays unspent
    # Entering the details again gets the report paid for, without paying a second time.
    again = with_profile(client, name, date(1985, 1, 26), phone=user.phone)
    answer = again.say("1")
    assert "/sandbox/pay/" not in answer and name in answer
    deliver(shop)
    bodies = [m["body"] for m in twilio_stub.sent_to(user.phone)]
    assert sum(f"full Kundali report, {name}" in b for b in bodies) == 1
    assert count(shop, spent, u=uid) == 1


STOP_WORDS = sorted({w for code in catalog.LANGUAGES for w in catalog.WORDS[code]["stop"]})


def test_every_stop_word_in_every_language_turns_reminders_off(
    client: FlaskClient, services: Services
) -> None:
    for word in STOP_WORDS:
        user = ChatUser(client)
        user.send("hi")
        assert "no more reminders" in user.say(word), word
        assert opted_out(services, user.phone), word
    assert "Reminders are on again" in user.say("start")
    assert not opted_out(services, user.phone)


def test_after_stop_nudges_are_skipped_and_purchases_still_arrive(
    shop: Services, client: FlaskClient, twilio_stub: TwilioStub
) -> None:
    user = ChatUser(client)
    for text in ("hi", "1"):
        user.send(text)
    assert "no more reminders" in user.say("unsubscribe")
    uid = user_id(shop, user.phone)
    now = datetime.now(UTC)
    with shop.unit_of_work() as uow:  # what the retry sweep and a payment would queue
        uow.outbox.enqueue(OutboundMessage(uid, "nudge", f"nudge:t{uid}", "fresh link"), now)
        uow.outbox.enqueue(OutboundMessage(uid, "paid", f"paid:t{uid}", "receipt"), now)
        uow.commit()
    deliver(shop)
    assert [m["body"] for m in twilio_stub.sent_to(user.phone)] == ["receipt"]
    skipped = "SELECT count(*) FROM outbox WHERE user_id = :u AND status = 'skipped'"
    assert count(shop, skipped, u=uid) == 1
