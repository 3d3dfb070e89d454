"""Rupee amounts: integer paise in, Indian-grouped text out, and the price list."""

from __future__ import annotations

from dataclasses import dataclass

from backend.domain.entitlements import Product


def _group_indian(digits: str) -> str:
    """Group digits the Indian way: the last three, then pairs (1,00,000)."""
    if len(digits) <= 3:
        return digits
    head, tail = digits[:-3], digits[-3:]
    pairs: list[str] = []
    while len(head) > 2:
        pairs.insert(0, head[-2:])
        head = head[:-2]
    return ",".join([head, *pairs, tail])


def format_inr(paise: int) -> str:
    """Show paise as rupees: "₹199", "₹99.50", "₹1,00,000"."""
    # bool is an int; a True slipping through would print "₹0.01".
    if isinstance(paise, bool) or not isinstance(paise, int) or paise < 0:
        raise ValueError(f"amount must be a non-negative integer of paise, got {paise!r}")
    rupees, rest = divmod(paise, 100)
    text = "₹" + _group_indian(str(rupees))
    return f"{text}.{rest:02d}" if rest else text


def _require_positive(name: str, value: int) -> None:
    """Raise ValueError unless value is a positive int (not a bool)."""
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise ValueError(f"{name} must be a positive integer, got {value!r}")


@dataclass(frozen=True)
class PriceList:
    """What each product costs in paise, and how many questions a Q&A pack holds."""

    kundali_paise: int
    qna_paise: int
    milan_paise: int
    qna_pack_size: int

    def __post_init__(self) -> None:
        """Reject free or negative prices and empty packs: a zero link cannot be paid."""
        for name in ("kundali_paise", "qna_paise", "milan_paise", "qna_pack_size"):
            _require_positive(name, getattr(self, name))

    def price(self, product: Product) -> int:
        """The price of one purchase of product, in paise."""
        prices = {
            Product.KUNDALI: self.kundali_paise,
            Product.QNA: self.qna_paise,
            Product.MILAN: self.milan_paise,
        }
        return prices[product]

    def credits(self, product: Product) -> int:
        """How many uses one purchase grants: a Q&A pack holds several, the rest one."""
        return self.qna_pack_size if product is Product.QNA else 1
