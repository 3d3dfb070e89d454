"""Razorpay-style ids: a prefix, an underscore and 14 random alphanumerics."""

from __future__ import annotations

import secrets
import string

_ALPHABET = string.ascii_letters + string.digits
_LENGTH = 14


def razorpay_id(prefix: str) -> str:
    """A fresh id like "plink_KBnb7I424Rc1R9"."""
    return f"{prefix}_" + "".join(secrets.choice(_ALPHABET) for _ in range(_LENGTH))
