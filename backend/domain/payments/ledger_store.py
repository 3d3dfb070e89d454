"""Port: where ledger lines are kept, and the entitlement check built on it."""

from __future__ import annotations

from typing import Protocol

from backend.domain.entitlements import EntitlementCheck, Product
from backend.domain.payments.ledger import LedgerEntry, is_active


class LedgerStore(Protocol):
    """Ledger lines per user; a line's key is unique, so recording a replay changes nothing."""

    def record(self, user_id: int, entry: LedgerEntry) -> bool:
        """Keep the line; False when a line with its key already exists."""
        ...

    def entries(self, user_id: int, product: Product) -> list[LedgerEntry]:
        """The user's lines for one product (one indexed query)."""
        ...


def entitlement_check(store: LedgerStore, user_id: int) -> EntitlementCheck:
    """The "may this user have X now?" check the paid services take.

    Consumption must run under the user's conversation lock, so two questions cannot both
    spend the last credit.
    """

    def check(product: Product) -> bool:
        return is_active(store.entries(user_id, product), product)

    return check
