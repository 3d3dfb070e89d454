"""The entitlement ledger: grants, uses, revokes, and replays of each."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backend.domain.entitlements import NotEntitled, Product
from backend.domain.payments.events import EventKind as K
from backend.domain.payments.ledger import (
    EntryKind,
    LedgerEntry,
    balance,
    consume,
    grant_for,
    is_active,
    manual_grant,
    order_use_key,
    revoke,
    spare,
)
from backend.domain.payments.money import PriceList
from backend.domain.payments.orders import Order, apply_event
from tests.unit.payments.factories import T0, event, issued_order

PRICES = PriceList(kundali_paise=19_900, qna_paise=9_900, milan_paise=29_900, qna_pack_size=3)


def paid_order(product: Product, order_id: int = 7) -> Order:
    """A paid order for product."""
    order = issued_order(product=product)
    apply_event(order, event(K.PAYMENT_CAPTURED))
    order.id = order_id  # the factory's events name order 7; renumber once paid
    return order


def test_grant_gives_a_pack_of_questions_or_one_of_the_rest() -> None:
    qna = grant_for(paid_order(Product.QNA), PRICES, T0)
    kundali = grant_for(paid_order(Product.KUNDALI), PRICES, T0)
    assert (qna.kind, qna.quantity, qna.key) == (EntryKind.GRANT, 3, "grant:7")
    assert kundali.quantity == 1
    assert balance([qna], Product.QNA) == 3
    assert is_active([kundali], Product.KUNDALI)
    assert not is_active([kundali], Product.MILAN)


def test_a_paid_report_still_to_be_delivered_holds_its_credit() -> None:
    paid = grant_for(paid_order(Product.KUNDALI, order_id=7), PRICES, T0)
    given = manual_grant(Product.KUNDALI, 1, "gift", T0)
    assert (balance([paid], Product.KUNDALI), spare([paid], Product.KUNDALI, {7})) == (1, 0)
    assert spare([paid, given], Product.KUNDALI, {7}) == 1
    delivered = consume([paid, given], Product.KUNDALI, order_use_key(7), T0)
    assert spare([paid, given, delivered], Product.KUNDALI, {7}) == 1
    refunded = revoke(7, Product.KUNDALI, T0)
    assert spare([paid, given, refunded], Product.KUNDALI, {7}) == 1
    # Its birth details erased, the order can't be made: its credit is free again.
    assert spare([paid], Product.KUNDALI, set()) == 1
    # A pack's credits are any question's: none is held back.
    pack = grant_for(paid_order(Product.QNA, order_id=8), PRICES, T0)
    assert spare([pack], Product.QNA, {8}) == 3


def test_no_grant_for_an_unpaid_order() -> None:
    with pytest.raises(ValueError, match="not paid"):
        grant_for(issued_order(), PRICES, T0)


def test_uses_count_down_and_stop_at_zero() -> None:
    entries = [grant_for(paid_order(Product.QNA), PRICES, T0)]
    for n in range(3):
        entries.append(consume(entries, Product.QNA, f"SM{n}", T0 + timedelta(minutes=n + 1)))
    assert balance(entries, Product.QNA) == 0
    assert entries[-1].key == "consume:SM2"
    with pytest.raises(NotEntitled):
        consume(entries, Product.QNA, "SM9", T0 + timedelta(hours=1))


def test_a_replayed_message_consumes_once() -> None:
    entries = [grant_for(paid_order(Product.QNA), PRICES, T0)]
    first = consume(entries, Product.QNA, "SM1", T0 + timedelta(minutes=1))
    entries.append(first)
    assert consume(entries, Product.QNA, "SM1", T0 + timedelta(minutes=2)) is first
    assert balance([*entries, first, first], Product.QNA) == 2


def test_no_credit_no_use() -> None:
    with pytest.raises(NotEntitled):
        consume([], Product.KUNDALI, "SM1", T0)


def test_revoke_drops_what_is_left_of_that_grant_only() -> None:
    pack_a = grant_for(paid_order(Product.QNA, 1), PRICES, T0)
    pack_b = grant_for(paid_order(Product.QNA, 2), PRICES, T0 + timedelta(minutes=1))
    entries = [pack_a, pack_b]
    entries.append(consume(entries, Product.QNA, "SM1", T0 + timedelta(minutes=2)))
    entries.append(revoke(1, Product.QNA, T0 + timedelta(minutes=3)))
    # the use came from pack A (oldest first); A's other 2 credits go, B's 3 stay
    assert balance(entries, Product.QNA) == 3
    assert entries[-1].key == "revoke:1"


def test_revoked_grant_no_longer_counts_whatever_the_order_of_rows() -> None:
    grant = grant_for(paid_order(Product.KUNDALI), PRICES, T0 + timedelta(minutes=5))
    revoked = revoke(7, Product.KUNDALI, T0)
    assert balance([revoked, grant], Product.KUNDALI) == 0
    assert balance([grant, revoked], Product.KUNDALI) == 0
    assert not is_active([grant, revoked], Product.KUNDALI)


def test_a_use_without_credit_never_drives_the_balance_negative() -> None:
    stray = LedgerEntry(EntryKind.CONSUME, Product.QNA, None, 1, "consume:SM0", T0)
    grant = grant_for(paid_order(Product.QNA), PRICES, T0 + timedelta(minutes=1))
    assert balance([stray], Product.QNA) == 0
    assert balance([stray, grant], Product.QNA) == 3


@given(
    st.lists(st.sampled_from(["grant1", "grant2", "use", "revoke1"]), max_size=30),
    st.integers(min_value=1, max_value=8),
)
def test_replaying_any_entries_changes_no_balance(kinds: list[str], copies: int) -> None:
    entries: list[LedgerEntry] = []
    grants = {n: grant_for(paid_order(Product.QNA, n), PRICES, T0) for n in (1, 2)}
    for minute, kind in enumerate(kinds):
        when = T0 + timedelta(minutes=minute)
        if kind.startswith("grant"):
            g = grants[int(kind[-1])]
            entries.append(LedgerEntry(g.kind, g.product, g.order_id, g.quantity, g.key, when))
        elif kind == "revoke1":
            entries.append(revoke(1, Product.QNA, when))
        elif balance(entries, Product.QNA) > 0:
            entries.append(consume(entries, Product.QNA, f"SM{minute}", when))
    once = balance(entries, Product.QNA)
    assert 0 <= once <= 6
    assert balance(entries * copies, Product.QNA) == once
    assert balance(list(reversed(entries)) + entries, Product.QNA) == once
