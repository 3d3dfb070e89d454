"""Entitlements as the admin sees them: each grant line, and the revoke line naming it."""

from __future__ import annotations

from collections.abc import Iterable

from backend.domain.admin import Entitlement, LedgerLine
from backend.domain.payments.ledger import EntryKind, revoke_grant


def revoke_key_for(grant: LedgerLine) -> str:
    """The key the revoke of this grant carries (grant:42 ↔ revoke:42)."""
    entry = grant.entry
    return revoke_grant(entry.key, entry.product, entry.order_id, entry.at).key


def entitlement_of(grant: LedgerLine, lines: Iterable[LedgerLine]) -> Entitlement:
    """The grant, revoked when one of lines is its revoke."""
    wanted = revoke_key_for(grant)
    revoke = next((line for line in lines if line.entry.key == wanted), None)
    return Entitlement(
        id=grant.id,
        product=grant.entry.product,
        status="active" if revoke is None else "revoked",
        order_id=grant.entry.order_id,
        quantity=grant.entry.quantity,
        granted_at=grant.entry.at,
        revoked_at=None if revoke is None else revoke.entry.at,
        reason=grant.reason,
        revoke_reason=None if revoke is None else revoke.reason,
    )


def entitlements(lines: Iterable[LedgerLine]) -> list[Entitlement]:
    """Every grant among the user's lines, oldest first."""
    lines = list(lines)
    grants = [line for line in lines if line.entry.kind is EntryKind.GRANT]
    grants.sort(key=lambda line: (line.entry.at, line.id))
    return [entitlement_of(grant, lines) for grant in grants]
