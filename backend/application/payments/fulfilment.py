"""What a paid order gives the user, written to the outbox with the change that caused it."""

from __future__ import annotations

import logging
from datetime import datetime

from backend.application.kundali_report import kundali_report_messages, report_link
from backend.application.match_making import kundali_milan
from backend.application.payments.policy import PaymentPolicy
from backend.domain.entitlements import EntitlementCheck, Product
from backend.domain.payments.ledger import balance, consume, delivered, order_use_key
from backend.domain.payments.ledger_store import entitlement_check
from backend.domain.payments.money import format_inr
from backend.domain.payments.order_model import Order, OrderStatus
from backend.domain.payments.ports import OutboundMessage, OutboxItem
from backend.domain.ports import UnitOfWork
from backend.domain.profile import BirthProfile
from backend.domain.report import MediaTokens
from bot_flows.products.words import Words, load_catalogs

SHOP = load_catalogs("shop")
PREPARE = "prepare"  # an outbox job the worker carries out instead of sending
UNKNOWN_NAME = "…"  # a name the user erased
# Birth profiles each product is made from.
NEEDS = {Product.KUNDALI: 1, Product.MILAN: 2, Product.QNA: 0}

log = logging.getLogger(__name__)


class Fulfilment:
    """Queues the messages of a payment: the receipt, then the product itself."""

    def __init__(self, tokens: MediaTokens, policy: PaymentPolicy) -> None:
        self._tokens = tokens
        self._policy = policy

    def words(self, uow: UnitOfWork, user_id: int) -> Words:
        """The shop catalog in the user's language."""
        return Words(SHOP, uow.users.language_of(user_id) or "en")

    def on_paid(self, uow: UnitOfWork, order: Order, now: datetime) -> None:
        """Receipt, then the report, the credits or the match (the grant is already in)."""
        words = self.words(uow, order.user_id)
        user = order.user_id
        receipt = words("paid", price=format_inr(order.amount_paise), order=order.id)
        messages = [OutboundMessage(user, "paid", f"paid:{order.id}", receipt)]
        if order.product is Product.QNA:
            credits = balance(uow.ledger.entries(user, Product.QNA), Product.QNA)
            text = words("qna_ready", credits=credits)
            messages.append(OutboundMessage(user, "credits", f"credits:{order.id}", text))
        else:
            # Rendering a report takes a while: the worker does it, so the webhook answers fast.
            variables = {"order": str(order.id)}
            key = f"prepare:{order.id}"
            messages.append(OutboundMessage(user, PREPARE, key, "", template_variables=variables))
        uow.outbox.enqueue_all(messages, now)

    def run_job(self, uow: UnitOfWork, item: OutboxItem, now: datetime) -> None:
        """The outbox job queued by on_paid."""
        self.prepare(uow, int(item.template_variables["order"]), now)

    def prepare(self, uow: UnitOfWork, order_id: int, now: datetime) -> None:
        """The worker's half of a paid report or match: queue its parts and spend the grant."""
        order = uow.orders.get(order_id)
        if order is None or order.status is not OrderStatus.PAID:
            log.warning("order %s is not paid (any more): nothing prepared", order_id)
            return
        profiles = self._profiles(uow, order)
        if profiles is None:
            # The user erased their birth details: nothing to make. The grant stays unspent,
            # so the product can still be had after entering the details again.
            log.warning("order %s paid, but its birth details were erased: not delivered", order.id)
            return
        key = order_use_key(order.id)
        if delivered(uow.ledger.entries(order.user_id, order.product), order.id):
            return  # prepared already: its grant is spent and its messages are queued
        entitled = entitlement_check(uow.ledger, order.user_id)
        if order.product is Product.KUNDALI:
            self.deliver_report(uow, order.user_id, profiles[0], key, entitled, now)
        else:
            bride, groom = profiles
            self.deliver_match(uow, order.user_id, bride, groom, str(order.id), entitled, now)
        # A report or a match is one use of its grant, spent once delivered.
        self.spend(uow, order.user_id, order.product, key, now)

    def on_failed(self, uow: UnitOfWork, order: Order, reference_id: str, now: datetime) -> None:
        """Tell the user the attempt failed and how to get a fresh link."""
        words = self.words(uow, order.user_id)
        text = words("payment_failed", product=self.product_name(uow, words, order))
        key = f"failed:{order.id}:{reference_id}"
        self.send(uow, order.user_id, "payment_failed", key, text, now)

    def on_review(
        self, uow: UnitOfWork, order: Order, payment_id: str | None, now: datetime
    ) -> None:
        """Tell the user a human is looking at their payment."""
        text = self.words(uow, order.user_id)("payment_review", order=order.id)
        key = f"review:{order.id}:{payment_id or '-'}"
        self.send(uow, order.user_id, "review", key, text, now)

    def deliver_report(
        self,
        uow: UnitOfWork,
        user_id: int,
        profile: BirthProfile,
        key: str,
        entitled: EntitlementCheck,
        now: datetime,
    ) -> None:
        """The report's text parts and its PDF link, keyed so each is sent once."""
        words = self.words(uow, user_id)
        parts = kundali_report_messages(profile, words.language, now, entitled)
        intro = words("report_follows", name=profile.name)
        messages = [
            OutboundMessage(user_id, "report", f"report:{key}:{number}", text)
            for number, text in enumerate([intro, *parts])
        ]
        assert profile.id is not None
        url = report_link(
            profile.id, words.language, self._tokens, self._policy.public_base_url, now
        )
        pdf = OutboundMessage(
            user_id, "report", f"report:{key}:pdf", words("report_pdf"), media_url=url
        )
        uow.outbox.enqueue_all([*messages, pdf], now)

    def deliver_match(
        self,
        uow: UnitOfWork,
        user_id: int,
        bride: BirthProfile,
        groom: BirthProfile,
        key: str,
        entitled: EntitlementCheck,
        now: datetime,
    ) -> None:
        """The match's parts, keyed so each is sent once."""
        words = self.words(uow, user_id)
        parts = kundali_milan(bride, groom, words.language, entitled)
        intro = words("match_follows", bride=bride.name, groom=groom.name)
        messages = [
            OutboundMessage(user_id, "match", f"match:{key}:{number}", text)
            for number, text in enumerate([intro, *parts])
        ]
        uow.outbox.enqueue_all(messages, now)

    def spend(
        self, uow: UnitOfWork, user_id: int, product: Product, key: str, now: datetime
    ) -> None:
        """Use one credit of product, once per key."""
        uow.ledger.record(user_id, consume(uow.ledger.entries(user_id, product), product, key, now))

    def product_name(self, uow: UnitOfWork, words: Words, order: Order) -> str:
        """The order's product as the user knows it."""
        if order.product is Product.QNA:
            return words("product_qna", count=self._policy.prices.qna_pack_size)
        profiles = self._profiles(uow, order)
        names = [p.name for p in profiles] if profiles else [UNKNOWN_NAME] * NEEDS[order.product]
        if order.product is Product.KUNDALI:
            return words("product_kundali", name=names[0])
        return words("product_milan", bride=names[0], groom=names[1])

    def send(
        self, uow: UnitOfWork, user_id: int, kind: str, key: str, body: str, now: datetime
    ) -> None:
        """Queue one text; the key makes a repeat of the same cause a no-op."""
        uow.outbox.enqueue(OutboundMessage(user_id, kind, key, body), now)

    def _profiles(self, uow: UnitOfWork, order: Order) -> list[BirthProfile] | None:
        """The order's birth profiles; None when the user has erased them."""
        if len(order.profile_ids) < NEEDS[order.product]:
            return None
        # Read in the payment's own transaction: SQLite allows one writer at a time.
        profiles = [uow.conversations.profile(pid) for pid in order.profile_ids]
        found = [p for p in profiles if p is not None]
        return found if len(found) == len(profiles) else None
