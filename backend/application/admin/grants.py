"""Manual grants and revokes, written to the entitlement ledger with the operator's reason."""

from __future__ import annotations

import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime

from backend.application.admin.entitlements import entitlement_of
from backend.application.admin.errors import AlreadyRevoked, InvalidInput, UnknownGrant, UnknownUser
from backend.application.admin.queries import parse_phone
from backend.domain.admin import AdminUnitOfWork, Entitlement, LedgerLine
from backend.domain.entitlements import Product
from backend.domain.payments import ledger
from backend.domain.payments.money import PriceList

MAX_REASON, MAX_QUANTITY = 200, 100  # reason fits the ledger's column
_MAX_ID = 2**63 - 1  # a bigger id cannot exist and would overflow PostgreSQL's bigint


@dataclass(frozen=True)
class GrantRequest:
    """A checked request for a manual grant."""

    phone: str
    product: Product
    quantity: int
    reason: str


def grant_request(body: Mapping[str, object], prices: PriceList) -> GrantRequest:
    """Check {phone, product, reason, quantity?}; quantity is for qna (default: a pack)."""
    phone = body.get("phone")
    if not isinstance(phone, str):
        raise InvalidInput("phone is required")
    product = body.get("product")
    if product not in {p.value for p in Product}:
        raise InvalidInput("product must be one of " + ", ".join(p.value for p in Product))
    chosen = Product(str(product))
    quantity = body.get("quantity", prices.credits(chosen))
    if isinstance(quantity, bool) or not isinstance(quantity, int):
        raise InvalidInput("quantity must be a whole number")
    if chosen is not Product.QNA and quantity != 1:
        raise InvalidInput("quantity applies to qna only")
    if not 1 <= quantity <= MAX_QUANTITY:
        raise InvalidInput(f"quantity must be from 1 to {MAX_QUANTITY}")
    return GrantRequest(parse_phone(phone), chosen, quantity, reason_from(body))


def reason_from(body: Mapping[str, object]) -> str:
    """The operator's reason: required, trimmed, at most 200 characters."""
    reason = body.get("reason")
    if not isinstance(reason, str) or not reason.strip():
        raise InvalidInput("reason is required")
    if len(reason.strip()) > MAX_REASON:
        raise InvalidInput(f"reason must be at most {MAX_REASON} characters")
    return reason.strip()


def manual_grant(
    unit_of_work: Callable[[], AdminUnitOfWork], request: GrantRequest, now: datetime
) -> Entitlement:
    """Grant the product to the user without an order."""
    entry = ledger.manual_grant(request.product, request.quantity, secrets.token_hex(8), now)
    with unit_of_work() as uow:
        user_id = uow.users.user_id_for(request.phone)
        if user_id is None:
            raise UnknownUser("no user with that number")
        uow.ledger.record(user_id, entry)  # a fresh random key: always a new line
        uow.admin.set_reason(entry.key, request.reason)
        line = _line(uow, entry.key)
        uow.commit()
    return entitlement_of(line, [line])


def revoke_grant(
    unit_of_work: Callable[[], AdminUnitOfWork], grant_id: int, reason: str, now: datetime
) -> Entitlement:
    """Take back what is left of the grant; a grant is revoked once (AlreadyRevoked after)."""
    with unit_of_work() as uow:
        grant = uow.admin.ledger_line(grant_id) if 0 < grant_id <= _MAX_ID else None
        if grant is None or grant.entry.kind is not ledger.EntryKind.GRANT:
            raise UnknownGrant(f"no grant {grant_id}")
        old = grant.entry
        entry = ledger.revoke_grant(old.key, old.product, old.order_id, now)
        # The revoke's unique key decides, so two operators at once cannot both revoke.
        if not uow.ledger.record(grant.user_id, entry):
            raise AlreadyRevoked(f"grant {grant_id} is already revoked")
        uow.admin.set_reason(entry.key, reason)
        revoke = _line(uow, entry.key)
        uow.commit()
    return entitlement_of(grant, [revoke])


def _line(uow: AdminUnitOfWork, key: str) -> LedgerLine:
    line = uow.admin.ledger_line_by_key(key)
    assert line is not None, "the line was written in this unit of work"
    return line
