"""Use case: carry out what a conversation step asked for — links, credits, answers, STOP.

Runs inside the inbound message's unit of work, under the user's conversation lock, so two
messages can never both spend the last credit or open two orders.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from backend.application.answer_question import answer_question
from backend.application.erase_data import erase_my_data
from backend.application.payments.checkout import (
    LinkOffer,
    live_attempt,
    open_order,
    payable_link,
)
from backend.application.payments.fulfilment import SHOP, Fulfilment
from backend.application.payments.policy import PaymentPolicy
from backend.domain.conversation import Conversation
from backend.domain.entitlements import EntitlementCheck, Product
from backend.domain.payments.gateway import PaymentGateway
from backend.domain.payments.ledger import balance, revoked, spare
from backend.domain.payments.ledger_store import entitlement_check
from backend.domain.payments.money import format_inr
from backend.domain.payments.order_model import OPEN_STATUSES, Order, OrderStatus
from backend.domain.ports import UnitOfWork
from backend.domain.qna.ports import AnswerProvider
from bot_flows.birth_details import profile_from_draft
from bot_flows.commands import (
    AskQuestion,
    Buy,
    CheckPayment,
    Command,
    EraseMyData,
    OpenQuestions,
    RenewLink,
    SetReminders,
)
from bot_flows.products.words import Words
from bot_flows.states import S


@dataclass(frozen=True)
class Visit:
    """One inbound message being served: who, in which transaction, and when."""

    conversation: Conversation
    uow: UnitOfWork
    message_sid: str
    now: datetime

    @property
    def user_id(self) -> int:
        """The user's id."""
        return self.conversation.user_id

    @property
    def words(self) -> Words:
        """The shop catalog in the user's language."""
        return Words(SHOP, self.conversation.language or "en")

    def credits(self, product: Product) -> int:
        """Unused credits of product."""
        return balance(self.uow.ledger.entries(self.user_id, product), product)

    def owned(self, product: Product, profile_ids: tuple[int, ...]) -> Order | None:
        """The paid order for product and these profiles whose grant still stands."""
        order = self.uow.orders.paid_for(self.user_id, product, profile_ids)
        if order is None or revoked(self.uow.ledger.entries(self.user_id, product), order.id):
            return None  # refunded, disputed or taken back by an operator: not owned
        return order

    def spare_credits(self, product: Product) -> int:
        """Unused credits of product that no paid order is still waiting to spend."""
        deliverable = self.uow.orders.paid_with_profiles(self.user_id, product)
        return spare(self.uow.ledger.entries(self.user_id, product), product, deliverable)


@dataclass(frozen=True)
class Shop:
    """Sells, hands over and answers; the gateway and rules come from the composition root."""

    gateway: PaymentGateway
    policy: PaymentPolicy
    fulfilment: Fulfilment
    answers: AnswerProvider

    def run(self, commands: list[Command], visit: Visit) -> list[str]:
        """Carry out the step's commands in order; return the replies they add."""
        replies: list[str] = []
        for command in commands:
            replies.extend(self._run(command, visit))
        return replies

    def _run(self, command: Command, visit: Visit) -> list[str]:
        match command:
            case Buy(product=Product.KUNDALI):
                return self._buy_report(visit)
            case Buy(product=Product.QNA):
                return self._buy_pack(visit)
            case Buy():
                return self._buy_match(visit)
            case OpenQuestions():
                return self._open_questions(visit)
            case AskQuestion(question=question):
                return self._ask(visit, question)
            case CheckPayment():
                return self._check_payment(visit)
            case RenewLink():
                return self._renew(visit)
            case SetReminders(on=on):
                return self._reminders(visit, on)
            case EraseMyData():
                return erase_my_data(visit.uow, visit.conversation, visit.message_sid)
        raise AssertionError(f"unhandled command {command!r}")

    # --- selling ---------------------------------------------------------------------------

    def _buy_report(self, visit: Visit) -> list[str]:
        profile = visit.conversation.profile
        if profile is None or profile.id is None:
            return self._nothing_to_pay(visit)
        owned = visit.owned(Product.KUNDALI, (profile.id,))
        # A report paid for another chart and not yet delivered holds a credit that is
        # already that report's: only a spare one (an operator's grant) makes this one free.
        credits = visit.spare_credits(Product.KUNDALI)
        if owned is None and credits < 1:
            name = visit.words("product_kundali", name=profile.name)
            return self._sell(visit, Product.KUNDALI, (profile.id,), name, profile.name)
        key = f"msg-{visit.message_sid}"
        if owned is not None:  # bought before: the paid order is the entitlement
            self.fulfilment.deliver_report(
                visit.uow, visit.user_id, profile, key, _owned(Product.KUNDALI), visit.now
            )
        else:  # a credit an operator granted
            entitled = entitlement_check(visit.uow.ledger, visit.user_id)
            self.fulfilment.deliver_report(
                visit.uow, visit.user_id, profile, key, entitled, visit.now
            )
            self.fulfilment.spend(visit.uow, visit.user_id, Product.KUNDALI, key, visit.now)
        visit.conversation.state = S.MENU.value
        return [visit.words("report_again", name=profile.name)]

    def _buy_pack(self, visit: Visit) -> list[str]:
        credits = visit.credits(Product.QNA)
        if credits > 0:  # never sell a pack while one is still unused
            return [visit.words("qna_ask", credits=credits)]
        name = visit.words("product_qna", count=self.policy.prices.qna_pack_size)
        return self._sell(visit, Product.QNA, (), name, _name_of(visit))

    def _buy_match(self, visit: Visit) -> list[str]:
        milan = visit.conversation.context.get("milan", {})
        if "bride" not in milan or "groom" not in milan:
            return self._nothing_to_pay(visit)
        partners = profile_from_draft(milan["bride"]), profile_from_draft(milan["groom"])
        if "profile_ids" not in milan:
            milan["profile_ids"] = [
                visit.uow.conversations.add_profile(visit.user_id, p) for p in partners
            ]
        bride, groom = milan["bride"]["name"], milan["groom"]["name"]
        ids = tuple(milan["profile_ids"])
        if visit.owned(Product.MILAN, ids) is not None:  # this couple's match was bought before
            key = f"msg-{visit.message_sid}"
            self.fulfilment.deliver_match(
                visit.uow, visit.user_id, *partners, key, _owned(Product.MILAN), visit.now
            )
            visit.conversation.state = S.MENU.value
            return [visit.words("match_again", bride=bride, groom=groom)]
        name = visit.words("product_milan", bride=bride, groom=groom)
        return self._sell(visit, Product.MILAN, ids, name, _name_of(visit))

    def _sell(
        self,
        visit: Visit,
        product: Product,
        profile_ids: tuple[int, ...],
        description: str,
        customer: str | None,
    ) -> list[str]:
        order = open_order(
            visit.uow,
            visit.user_id,
            visit.conversation.phone,
            product,
            profile_ids,
            self.policy,
            visit.now,
        )
        visit.conversation.context["pending"] = {
            "order_id": order.id,
            "product": product.value,
            "name": description,
        }
        offer = payable_link(
            visit.uow, self.gateway, self.policy, order, description, customer, visit.now
        )
        return [self._offer_text(visit, offer, description)]

    def _offer_text(self, visit: Visit, offer: LinkOffer | None, description: str) -> str:
        if offer is None:
            return visit.words("link_unavailable")
        minutes = max(1, int((offer.expires_at - visit.now).total_seconds() // 60))
        return visit.words(
            "pay_link",
            product=description,
            price=format_inr(offer.amount_paise),
            url=offer.url,
            minutes=minutes,
        )

    # --- waiting and retrying --------------------------------------------------------------

    def _pending(self, visit: Visit) -> tuple[Order | None, str]:
        pending = visit.conversation.context.get("pending") or {}
        order_id = pending.get("order_id")
        order = visit.uow.orders.get(order_id) if isinstance(order_id, int) else None
        return order, str(pending.get("name", ""))

    def _check_payment(self, visit: Visit) -> list[str]:
        order, name = self._pending(visit)
        if order is None or order.status not in OPEN_STATUSES:
            return self._settled(visit, order)
        live = live_attempt(order, visit.now)
        if live is None:
            return self._renew(visit)
        return [visit.words("waiting_payment", product=name, url=live.url)]

    def _renew(self, visit: Visit) -> list[str]:
        order, name = self._pending(visit)
        if order is None or order.status not in OPEN_STATUSES:
            return self._settled(visit, order)
        offer = payable_link(
            visit.uow, self.gateway, self.policy, order, name, _name_of(visit), visit.now
        )
        waiting = S.QUESTIONS if order.product is Product.QNA else S.AWAITING_PAYMENT
        visit.conversation.state = waiting.value
        return [self._offer_text(visit, offer, name)]

    def _settled(self, visit: Visit, order: Order | None) -> list[str]:
        """No payment is open any more: paid, closed, or never started."""
        visit.conversation.context.pop("pending", None)
        if order is not None and order.status is OrderStatus.PAID:
            if order.product is Product.QNA:
                visit.conversation.state = S.QUESTIONS.value
                return [visit.words("qna_ask", credits=visit.credits(Product.QNA))]
            visit.conversation.state = S.MENU.value
            price = format_inr(order.amount_paise)
            return [visit.words("paid", price=price, order=order.id)]
        return self._nothing_to_pay(visit)

    def _nothing_to_pay(self, visit: Visit) -> list[str]:
        if visit.conversation.state == S.AWAITING_PAYMENT:
            visit.conversation.state = S.MENU.value
        return [visit.words("nothing_to_pay")]

    # --- questions -------------------------------------------------------------------------

    def _open_questions(self, visit: Visit) -> list[str]:
        credits = visit.credits(Product.QNA)
        if credits > 0:
            return [visit.words("qna_ask", credits=credits)]
        return [self._no_credits(visit, "qna_offer")]

    def _no_credits(self, visit: Visit, key: str) -> str:
        order, _ = self._pending(visit)
        if order is not None and order.product is Product.QNA:
            live = live_attempt(order, visit.now) if order.status in OPEN_STATUSES else None
            if live is not None:
                return visit.words("qna_waiting", url=live.url)
        prices = self.policy.prices
        return visit.words(key, count=prices.qna_pack_size, price=format_inr(prices.qna_paise))

    def _ask(self, visit: Visit, question: str) -> list[str]:
        profile = visit.conversation.profile
        credits = visit.credits(Product.QNA)
        if profile is None or credits < 1:
            return [self._no_credits(visit, "qna_offer")]
        entitled = entitlement_check(visit.uow.ledger, visit.user_id)
        language = visit.conversation.language or "en"
        answer = answer_question(question, profile, language, visit.now, entitled, self.answers)
        # Keyed by the MessageSid: a redelivered question never spends a second credit.
        self.fulfilment.spend(visit.uow, visit.user_id, Product.QNA, visit.message_sid, visit.now)
        left = credits - 1
        if left > 0:
            return [*answer, visit.words("qna_left", credits=left)]
        return [*answer, self._no_credits(visit, "qna_used_up")]

    # --- reminders -------------------------------------------------------------------------

    def _reminders(self, visit: Visit, on: bool) -> list[str]:
        users = visit.uow.users
        opted_out = users.proactive_opt_out(visit.user_id)
        if on and opted_out:
            users.set_proactive_opt_out(visit.user_id, False)
            return [visit.words("restarted")]
        if not on:
            if not opted_out:
                users.set_proactive_opt_out(visit.user_id, True)
            return [visit.words("stopped")]
        return []


def _owned(owned: Product) -> EntitlementCheck:
    """The entitlement check of a product the user has a paid order for."""

    def check(product: Product) -> bool:
        return product is owned

    return check


def _name_of(visit: Visit) -> str | None:
    profile = visit.conversation.profile
    return profile.name if profile is not None else None
