"""Read-only use cases: list orders, show one user."""

from __future__ import annotations

from collections.abc import Callable

from backend.application.admin.entitlements import entitlements
from backend.application.admin.errors import InvalidInput, UnknownUser
from backend.domain.admin import AdminUnitOfWork, OrderFilter, UserDetail
from backend.domain.entitlements import Product
from backend.domain.payments.ledger import balance
from backend.domain.payments.order_model import Order, OrderStatus
from backend.domain.phone import InvalidPhoneNumber, parse_e164

DEFAULT_LIMIT, MAX_LIMIT = 50, 500
RECENT_ORDERS = 10


def order_filter(
    phone: str | None, status: str | None, flagged: str | None, limit: str | None
) -> OrderFilter:
    """The filter from query parameters (absent or blank means "any")."""
    statuses = ", ".join(s.value for s in OrderStatus)
    if status and status not in {s.value for s in OrderStatus}:
        raise InvalidInput(f"status must be one of {statuses}")
    if flagged and flagged not in ("true", "false"):
        raise InvalidInput("flagged must be true or false")
    text = (limit or "").strip()
    if not text:
        count = DEFAULT_LIMIT
    elif text.isascii() and text.isdigit() and len(text) <= 3 and 1 <= int(text) <= MAX_LIMIT:
        count = int(text)
    else:
        raise InvalidInput(f"limit must be a whole number from 1 to {MAX_LIMIT}")
    if phone and phone.startswith(" "):
        # An unencoded "+" in a query string arrives as a space (curl "…?phone=+91…").
        phone = "+" + phone.lstrip()
    return OrderFilter(
        phone=parse_phone(phone) if phone else None,
        status=OrderStatus(status) if status else None,
        flagged=flagged == "true",
        limit=count,
    )


def parse_phone(text: str) -> str:
    """The E.164 number, or InvalidInput."""
    try:
        return parse_e164(text)
    except InvalidPhoneNumber:
        raise InvalidInput("phone must be an E.164 number such as +919812345678") from None


def list_orders(unit_of_work: Callable[[], AdminUnitOfWork], which: OrderFilter) -> list[Order]:
    """Orders matching the filter, newest first, with their payment attempts."""
    with unit_of_work() as uow:
        return uow.admin.orders(which)


def user_detail(unit_of_work: Callable[[], AdminUnitOfWork], phone_text: str) -> UserDetail:
    """The user's profile, entitlements, remaining Q&A credits and latest orders."""
    phone = parse_phone(phone_text)
    with unit_of_work() as uow:
        user = uow.admin.user(phone)
        if user is None:
            raise UnknownUser("no user with that number")
        lines = uow.admin.ledger_lines(user.id)
        orders = uow.admin.orders(OrderFilter(phone=phone, limit=RECENT_ORDERS))
    qna = [line.entry for line in lines if line.entry.product is Product.QNA]
    return UserDetail(
        user=user,
        entitlements=entitlements(lines),
        qna_credits=balance(qna, Product.QNA),
        recent_orders=orders,
    )
