"""The entitlement ledger as pure rules: grants, consumption, revocation and balances."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from backend.domain.entitlements import NotEntitled, Product
from backend.domain.payments.money import PriceList
from backend.domain.payments.order_model import Order, OrderStatus


class EntryKind(StrEnum):
    """What a ledger line does."""

    GRANT = "grant"
    CONSUME = "consume"
    REVOKE = "revoke"


@dataclass(frozen=True)
class LedgerEntry:
    """One ledger line; key is unique across the ledger and makes replays harmless."""

    kind: EntryKind
    product: Product
    order_id: int | None  # None for a consumption
    quantity: int
    key: str
    at: datetime


def grant_for(order: Order, price_list: PriceList, at: datetime) -> LedgerEntry:
    """The grant a paid order earns: a Q&A pack's credits, or one use of the rest."""
    if order.status is not OrderStatus.PAID:
        raise ValueError(f"order {order.id} is {order.status}, not paid")
    return LedgerEntry(
        kind=EntryKind.GRANT,
        product=order.product,
        order_id=order.id,
        quantity=price_list.credits(order.product),
        key=f"grant:{order.id}",
        at=at,
    )


def revoke(order_id: int, product: Product, at: datetime) -> LedgerEntry:
    """Take back whatever is left of the order's grant (refund or dispute)."""
    return revoke_grant(f"grant:{order_id}", product, order_id, at)


def manual_grant(product: Product, quantity: int, token: str, at: datetime) -> LedgerEntry:
    """A grant an operator gives without an order; token makes its key unique."""
    if quantity <= 0:
        raise ValueError("a grant gives at least one use")
    return LedgerEntry(
        kind=EntryKind.GRANT,
        product=product,
        order_id=None,
        quantity=quantity,
        key=f"grant:m-{token}",
        at=at,
    )


def revoke_grant(
    grant_key: str, product: Product, order_id: int | None, at: datetime
) -> LedgerEntry:
    """Take back what is left of the grant with this key; its own key names that grant."""
    if not grant_key.startswith(_GRANT):
        raise ValueError(f"{grant_key!r} is not a grant's key")
    return LedgerEntry(
        kind=EntryKind.REVOKE,
        product=product,
        order_id=order_id,
        quantity=0,  # the revoke removes the grant's remainder, whatever it is
        key=_revoke_key(grant_key),
        at=at,
    )


def _revoke_key(grant_key: str) -> str:
    """The key of the revoke that takes back the grant with this key."""
    return _REVOKE + grant_key.removeprefix(_GRANT)


_GRANT, _REVOKE, _CONSUME = "grant:", "revoke:", "consume:"


def consume(
    entries: Iterable[LedgerEntry], product: Product, message_sid: str, at: datetime
) -> LedgerEntry:
    """Use one credit for the message; a replayed message returns its first consumption."""
    key = _consume_key(message_sid)
    entries = list(entries)
    for entry in entries:
        if entry.key == key:
            return entry  # the same message never pays twice
    if balance(entries, product) < 1:
        raise NotEntitled(product)
    return LedgerEntry(
        kind=EntryKind.CONSUME, product=product, order_id=None, quantity=1, key=key, at=at
    )


# At one instant: grant, then use, then revoke (a use made as the refund landed stays used).
_SAME_INSTANT_ORDER = {EntryKind.GRANT: 0, EntryKind.CONSUME: 1, EntryKind.REVOKE: 2}


def _unique(entries: Iterable[LedgerEntry]) -> list[LedgerEntry]:
    """The earliest entry for each key, in time order, as the unique constraint keeps it."""
    seen: set[str] = set()
    kept: list[LedgerEntry] = []
    # Earliest first, so the answer does not depend on the order rows come back in.
    for entry in sorted(entries, key=lambda e: (e.at, _SAME_INSTANT_ORDER[e.kind], e.key)):
        if entry.key not in seen:
            seen.add(entry.key)
            kept.append(entry)
    return kept


def balance(entries: Iterable[LedgerEntry], product: Product) -> int:
    """Credits left for product: grants used oldest first, a revoke drops a grant's rest."""
    lines = [e for e in _unique(entries) if e.product is product]
    # A grant and its revoke share the key's tail: grant:42 ↔ revoke:42, grant:m-x ↔ revoke:m-x.
    remaining: dict[str, int] = {}  # grant → credits left, oldest first
    revoked: set[str] = set()
    for entry in lines:
        if entry.kind is EntryKind.GRANT:
            grant = entry.key.removeprefix(_GRANT)
            # A revoke logged before its grant (replayed out of order) still cancels it.
            remaining[grant] = 0 if grant in revoked else entry.quantity
        elif entry.kind is EntryKind.REVOKE:
            grant = entry.key.removeprefix(_REVOKE)
            revoked.add(grant)
            remaining[grant] = 0
        else:
            # Uses already made from a later-revoked pack stay used; a use with nothing left
            # (a race the database lost) is ignored rather than driving the balance negative.
            source = next((k for k, left in remaining.items() if left > 0), None)
            if source is not None:
                remaining[source] -= 1
    return sum(remaining.values())


def order_use_key(order_id: int) -> str:
    """The key a paid report or match spends its grant under, once it has been delivered."""
    return f"order-{order_id}"


def delivered(entries: Iterable[LedgerEntry], order_id: int) -> bool:
    """Whether the paid order's report or match has been delivered (its grant spent)."""
    key = _consume_key(order_use_key(order_id))
    return any(entry.key == key for entry in entries)


def revoked(entries: Iterable[LedgerEntry], order_id: int) -> bool:
    """Whether the order's grant was taken back (a refund, a dispute or an operator)."""
    key = _revoke_key(f"{_GRANT}{order_id}")
    return any(entry.key == key for entry in entries)


def _consume_key(use: str) -> str:
    return f"{_CONSUME}{use}"


def spare(entries: Iterable[LedgerEntry], product: Product, deliverable: Collection[int]) -> int:
    """Credits of product free to hand over now: the balance, less one for each deliverable
    paid order (its birth details still on file) whose own report or match has not been
    delivered yet: that credit is spoken for. A paid order whose details were erased can't
    be delivered, so its credit is free for the details entered again."""
    if product is Product.QNA:
        return balance(entries, product)  # a pack's credits are spent by any question
    lines = [e for e in _unique(entries) if e.product is product]
    keys = {e.key for e in lines}
    waiting = sum(
        1
        for e in lines
        if e.kind is EntryKind.GRANT
        and e.order_id is not None
        and e.order_id in deliverable
        and _consume_key(order_use_key(e.order_id)) not in keys
        and _revoke_key(e.key) not in keys
    )
    return max(0, balance(lines, product) - waiting)


def is_active(entries: Iterable[LedgerEntry], product: Product) -> bool:
    """True while the user holds at least one unused credit of product."""
    return balance(entries, product) > 0
