"""Short notices sent instead of a conversation step, in the sender's language when known.

They are answered before (or instead of) the message's own transaction — over the rate limit,
too long to store, or after a failure — so the language is looked up on its own, and a failed
lookup still gets the notice out, in English and Hindi as the menu opens.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from backend.domain.phone import phone_hash
from backend.domain.ports import UnitOfWork
from bot_flows import catalog

log = logging.getLogger(__name__)

# Before a user has chosen a language, a notice goes in both languages the menu opens with.
FALLBACK_LANGUAGES = ("en", "hi")


def notice(key: str, language: str | None) -> str:
    """The catalog text `key` in this language, or in English and Hindi."""
    if language in catalog.LANGUAGES:
        return catalog.text(language, key)
    return "\n\n".join(catalog.text(code, key) for code in FALLBACK_LANGUAGES)


def notice_for(key: str, phone: str, unit_of_work: Callable[[], UnitOfWork]) -> str:
    """The notice in the language the user with this number chose."""
    return notice(key, language_of(phone, unit_of_work))


def language_of(phone: str, unit_of_work: Callable[[], UnitOfWork]) -> str | None:
    """The user's language, or None when unknown or when the lookup itself fails."""
    try:
        with unit_of_work() as uow:
            user_id = uow.users.user_id_for(phone)
            return None if user_id is None else uow.users.language_of(user_id)
    except Exception:
        log.warning("language lookup failed", exc_info=True, extra={"phone": phone_hash(phone)})
        return None
