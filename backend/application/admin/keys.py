"""Admin keys: create (shown once), revoke, list, and check a presented key in constant time."""

from __future__ import annotations

import hmac
import secrets
from datetime import datetime

from backend.application.admin.context import AdminContext
from backend.application.admin.errors import InvalidInput, KeyNameTaken, UnknownKey
from backend.domain.admin import AdminKey, check_key_name, key_sha256

# Recognisable in a leaked-secret scan or a paste, and never confused with a Razorpay key.
KEY_PREFIX = "ba_"


def authenticate(context: AdminContext, presented: str) -> str | None:
    """The name of the live key presented, or None; every known hash is compared every time."""
    digest = key_sha256(presented).encode()
    known = list(context.env_keys.items())
    # Read per call, so a revoke made by the CLI takes effect at the next request.
    known += [(k.name, k.key_sha256) for k in context.key_store.stored() if k.revoked_at is None]
    match: str | None = None
    for name, stored in known:
        # No early exit: the time taken does not depend on which key (if any) matched.
        if hmac.compare_digest(digest, stored.encode()) and match is None:
            match = name
    return match


def create_key(context: AdminContext, name: str, now: datetime) -> str:
    """Store the hash of a new random key under name and return the key (the only time)."""
    _valid_name(name)
    if name in context.env_keys:
        raise KeyNameTaken(f"admin key {name!r} is already set in ADMIN_API_KEYS")
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    if not context.key_store.add(name, key_sha256(key), now):
        raise KeyNameTaken(f"admin key {name!r} already exists")
    return key


def revoke_key(context: AdminContext, name: str, now: datetime) -> AdminKey:
    """Revoke the stored key; a key from ADMIN_API_KEYS is removed there, not here."""
    _valid_name(name)
    if name in context.env_keys:
        raise InvalidInput(f"admin key {name!r} comes from ADMIN_API_KEYS; remove it there")
    revoked = context.key_store.revoke(name, now)
    if revoked is None:
        raise UnknownKey(f"no admin key named {name!r}")
    return revoked


def list_keys(context: AdminContext) -> list[AdminKey]:
    """Keys from ADMIN_API_KEYS, then the stored ones (revoked included)."""
    env = [AdminKey(name, "env", digest) for name, digest in context.env_keys.items()]
    return env + context.key_store.stored()


def _valid_name(name: str) -> None:
    try:
        check_key_name(name)
    except ValueError as exc:
        raise InvalidInput(str(exc)) from None
