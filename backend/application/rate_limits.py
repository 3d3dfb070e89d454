"""Use case: screen an inbound WhatsApp message against its sender's rate limit.

Runs before the message touches the database, so a flood costs no writes. A refused
message is not recorded at all (not even its MessageSid): it is dropped, and the user
is asked to send it again later. A Twilio redelivery of a refused message is therefore
counted once more, which only errs on the strict side.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from backend.domain.phone import phone_hash
from backend.domain.ports import UnitOfWork
from backend.domain.rate_limit import RateLimiter, Verdict
from bot_flows import catalog

log = logging.getLogger(__name__)

# Before a user has chosen a language, the notice goes in both languages the menu opens with.
_FALLBACK_LANGUAGES = ("en", "hi")


def screen_inbound(
    phone: str, limiter: RateLimiter, unit_of_work: Callable[[], UnitOfWork]
) -> list[str] | None:
    """None when the message may be applied; otherwise the replies to send instead of it.

    Over the limit the first refusal in a window gets one polite notice, the rest an empty
    reply. When the limiter's storage is down the message goes ahead (fail open).
    """
    decision = limiter.hit(phone_hash(phone))
    if decision.verdict is Verdict.SILENT:
        return []
    if decision.verdict is Verdict.NOTIFY:
        log.info("rate limited", extra={"phone": phone_hash(phone)})
        return [slow_down_notice(_language_of(phone, unit_of_work))]
    return None


def slow_down_notice(language: str | None) -> str:
    """The "please slow down" text in the user's language, or English and Hindi."""
    if language in catalog.LANGUAGES:
        return catalog.text(language, "slow_down")
    return "\n\n".join(catalog.text(code, "slow_down") for code in _FALLBACK_LANGUAGES)


def _language_of(phone: str, unit_of_work: Callable[[], UnitOfWork]) -> str | None:
    # One read, once per window per flooding number; the notice must go out even when it fails.
    try:
        with unit_of_work() as uow:
            user_id = uow.users.user_id_for(phone)
            return None if user_id is None else uow.users.language_of(user_id)
    except Exception:
        log.warning("language lookup failed", exc_info=True, extra={"phone": phone_hash(phone)})
        return None
