"""What the admin use cases are wired with (built in backend.bootstrap)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from backend.domain.admin import AdminAudit, AdminKeyStore, AdminUnitOfWork


@dataclass(frozen=True)
class AdminContext:
    """Key store, audit log and units of work for the admin API and the admin-key CLI."""

    key_store: AdminKeyStore
    audit: AdminAudit
    unit_of_work: Callable[[], AdminUnitOfWork]
    env_keys: Mapping[str, str]  # ADMIN_API_KEYS: name → SHA-256 hex
