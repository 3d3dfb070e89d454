"""Tables for operating the service: admin keys (hashes only), the audit log, sandbox links."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from infrastructure.db.models import Base, Id, UTCDateTime, _now


class AdminKeyRow(Base):
    __tablename__ = "admin_keys"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    # Only the SHA-256 of the key is kept; the key itself is shown once, at creation.
    key_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=_now)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class AdminAuditRow(Base):
    __tablename__ = "admin_audit"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    key_name: Mapped[str | None] = mapped_column(String(64), index=True)  # None: no valid key
    method: Mapped[str] = mapped_column(String(8))
    path: Mapped[str] = mapped_column(String(300))
    status: Mapped[int] = mapped_column(Integer)
    detail: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=_now, index=True)


class SandboxLinkRow(Base):
    """The development gateway's payment links (shared by the web app and the worker)."""

    __tablename__ = "sandbox_links"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)  # plink_…
    reference_id: Mapped[str] = mapped_column(String(40), unique=True)
    gateway_order_id: Mapped[str] = mapped_column(String(32), unique=True)  # order_…
    amount_paise: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    description: Mapped[str] = mapped_column(Text)
    customer_phone: Mapped[str] = mapped_column(String(16))
    notes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    status: Mapped[str] = mapped_column(String(16))
    payment_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    callback_url: Mapped[str] = mapped_column(Text)
    expire_by: Mapped[datetime] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=_now)
