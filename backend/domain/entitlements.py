"""What a user may have: the paid products, and the check every paid service receives."""

from __future__ import annotations

from enum import StrEnum
from typing import Protocol


class Product(StrEnum):
    """The three things people pay for."""

    KUNDALI = "kundali"
    QNA = "qna"
    MILAN = "milan"


class NotEntitled(Exception):
    """The user has not paid for this product (or has used it up)."""

    def __init__(self, product: Product) -> None:
        super().__init__(f"not entitled to {product.value}")
        self.product = product


class EntitlementCheck(Protocol):
    """Answers "may this user have this product now?"; the payment work supplies the real one."""

    def __call__(self, product: Product) -> bool:
        """True when the user holds an active entitlement (or an unused credit)."""
        ...


def require(check: EntitlementCheck, product: Product) -> None:
    """Raise NotEntitled unless the check allows the product."""
    if not check(product):
        raise NotEntitled(product)
