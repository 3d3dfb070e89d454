"""Operating the service: admin keys, the audit log, and the read models the admin API shows."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Literal, Protocol

from backend.domain.entitlements import Product
from backend.domain.payments.ledger import LedgerEntry
from backend.domain.payments.order_model import Order, OrderStatus
from backend.domain.ports import UnitOfWork

_KEY_NAME = re.compile(r"[A-Za-z0-9_.-]{1,64}")
_SHA256_HEX = re.compile(r"[0-9a-f]{64}")


def check_key_name(name: str) -> str:
    """The name if it is 1–64 of A–Z a–z 0–9 _ . -, else ValueError."""
    if not _KEY_NAME.fullmatch(name):
        raise ValueError(f"admin key name must be 1-64 of A-Z a-z 0-9 _ . - (got {name[:70]!r})")
    return name


def key_sha256(key: str) -> str:
    """The hex SHA-256 of a presented key: the only form a key is ever stored in."""
    return hashlib.sha256(key.encode()).hexdigest()


def parse_env_keys(text: str) -> dict[str, str]:
    """ADMIN_API_KEYS ("name:sha256hex,…") as name → hash; ValueError names the bad entry."""
    keys: dict[str, str] = {}
    for position, raw in enumerate(text.split(","), start=1):
        entry = raw.strip()
        if not entry:
            continue  # a trailing comma or an empty setting is harmless
        name, _, digest = entry.partition(":")
        digest = digest.strip().lower()
        if not _KEY_NAME.fullmatch(name.strip()) or not _SHA256_HEX.fullmatch(digest):
            # Never echo the entry: it may be a key pasted where its hash belongs.
            raise ValueError(f"entry {position} is not name:sha256hex (64 hex digits)")
        if name.strip() in keys:
            raise ValueError(f"entry {position} repeats the name {name.strip()!r}")
        keys[name.strip()] = digest
    return keys


@dataclass(frozen=True)
class AdminKey:
    """A known admin key: from ADMIN_API_KEYS ("env") or created by the CLI ("db")."""

    name: str
    source: Literal["env", "db"]
    key_sha256: str
    created_at: datetime | None = None
    revoked_at: datetime | None = None


class AdminKeyStore(Protocol):
    """Admin keys kept in the database (hashes only)."""

    def add(self, name: str, key_sha256: str, at: datetime) -> bool:
        """Keep a new key; False when the name is taken."""
        ...

    def revoke(self, name: str, at: datetime) -> AdminKey | None:
        """Mark the key revoked (once; the first time is kept); None when no such name."""
        ...

    def stored(self) -> list[AdminKey]:
        """Every stored key, revoked ones too, oldest first."""
        ...


@dataclass(frozen=True)
class AuditEntry:
    """One admin API call; never holds the key, only its name (None: no valid key)."""

    key_name: str | None
    method: str
    path: str
    status: int
    detail: dict[str, object] | None
    at: datetime


class AdminAudit(Protocol):
    """The admin audit log, written in its own transaction so a failed call is kept too."""

    def record(self, entry: AuditEntry) -> None:
        """Append the entry."""
        ...

    def recent(self, limit: int) -> list[AuditEntry]:
        """The newest entries, newest first."""
        ...


@dataclass(frozen=True)
class OrderFilter:
    """Which orders to list, newest first."""

    phone: str | None = None
    status: OrderStatus | None = None
    # Only orders holding money a human must act on: a flagged payment not yet refunded, or
    # a dispute (of the order's own payment or another).
    flagged: bool = False
    limit: int = 50


@dataclass(frozen=True)
class LedgerLine:
    """A stored ledger line with its row id and the operator's reason, if any."""

    id: int
    user_id: int
    entry: LedgerEntry
    reason: str | None


@dataclass(frozen=True)
class ProfileView:
    """The user's own birth details."""

    name: str
    birth_date: date
    birth_time: time | None
    place: str


@dataclass(frozen=True)
class UserRecord:
    """A user as the admin sees them."""

    id: int
    phone: str
    language: str | None
    created_at: datetime
    proactive_opt_out: bool
    profile: ProfileView | None


@dataclass(frozen=True)
class Entitlement:
    """One grant and whether it was taken back; id is the grant's ledger line id."""

    id: int
    product: Product
    status: Literal["active", "revoked"]
    order_id: int | None
    quantity: int
    granted_at: datetime
    revoked_at: datetime | None
    reason: str | None
    revoke_reason: str | None


@dataclass(frozen=True)
class UserDetail:
    """Everything the admin API shows about one user."""

    user: UserRecord
    entitlements: list[Entitlement]
    qna_credits: int
    recent_orders: list[Order]


class AdminQueries(Protocol):
    """Read models (and the ledger's reason column) for the admin API."""

    def orders(self, which: OrderFilter) -> list[Order]:
        """Orders with their attempts, newest first."""
        ...

    def user(self, phone: str) -> UserRecord | None:
        """The user with this E.164 number."""
        ...

    def ledger_lines(self, user_id: int) -> list[LedgerLine]:
        """All of the user's ledger lines, every product."""
        ...

    def ledger_line(self, line_id: int) -> LedgerLine | None:
        """One line by row id."""
        ...

    def ledger_line_by_key(self, key: str) -> LedgerLine | None:
        """One line by its unique key."""
        ...

    def set_reason(self, key: str, reason: str) -> None:
        """Record why an operator wrote the line with this key."""
        ...


class AdminUnitOfWork(UnitOfWork):
    """A unit of work that also answers the admin read models."""

    admin: AdminQueries
