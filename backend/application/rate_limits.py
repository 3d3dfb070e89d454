"""Use case: screen an inbound WhatsApp message against its sender's rate limit.

Runs before the message touches the database, so a flood costs no writes. A refused
message is not recorded at all (not even its MessageSid): it is dropped, and the user
is asked to send it again later. A Twilio redelivery of a refused message is therefore
counted once more, which only errs on the strict side.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from backend.application.notices import notice_for
from backend.domain.phone import phone_hash
from backend.domain.ports import UnitOfWork
from backend.domain.rate_limit import RateLimiter, Verdict

log = logging.getLogger(__name__)


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
        # One read, once per window per flooding number.
        return [notice_for("slow_down", phone, unit_of_work)]
    return None
