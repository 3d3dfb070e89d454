"""Rupee formatting and the price list."""

from __future__ import annotations

import pytest

from backend.domain.entitlements import Product
from backend.domain.payments.money import PriceList, format_inr


@pytest.mark.parametrize(
    ("paise", "text"),
    [
        (0, "₹0"),
        (1, "₹0.01"),
        (9_950, "₹99.50"),
        (19_900, "₹199"),
        (99_900, "₹999"),
        (199_900, "₹1,999"),
        (1_000_000, "₹10,000"),
        (10_000_000, "₹1,00,000"),
        (123_456_789, "₹12,34,567.89"),
        (1_000_000_000_00, "₹1,00,00,00,000"),
    ],
)
def test_format_inr_groups_the_indian_way(paise: int, text: str) -> None:
    assert format_inr(paise) == text


@pytest.mark.parametrize("bad", [-1, True, 1.5])
def test_format_inr_rejects_what_is_not_paise(bad: object) -> None:
    with pytest.raises(ValueError, match="paise"):
        format_inr(bad)  # type: ignore[arg-type]


def test_price_list_prices_each_product_and_counts_pack_credits() -> None:
    prices = PriceList(kundali_paise=19_900, qna_paise=9_900, milan_paise=29_900, qna_pack_size=5)
    assert [prices.price(p) for p in Product] == [19_900, 9_900, 29_900]
    assert [prices.credits(p) for p in Product] == [1, 5, 1]


@pytest.mark.parametrize("field", ["kundali_paise", "qna_paise", "milan_paise", "qna_pack_size"])
@pytest.mark.parametrize("bad", [0, -100])
def test_price_list_rejects_non_positive_amounts(field: str, bad: int) -> None:
    values = {"kundali_paise": 1, "qna_paise": 1, "milan_paise": 1, "qna_pack_size": 1}
    with pytest.raises(ValueError, match=field):
        PriceList(**{**values, field: bad})
