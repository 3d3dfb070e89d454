"""Rate limits as the use cases see them: a key is hit, and a decision comes back."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol


class Verdict(StrEnum):
    """What the limiter decided about one hit."""

    ALLOWED = "allowed"
    # Over the limit, and the first refusal in this window: tell the caller once.
    NOTIFY = "notify"
    # Over the limit, already told in this window: stay silent.
    SILENT = "silent"
    # The limiter's storage could not answer; each caller chooses to fail open or closed.
    UNAVAILABLE = "unavailable"


@dataclass(frozen=True)
class Decision:
    """One hit's verdict and, when refused, roughly how long until the window frees."""

    verdict: Verdict
    retry_after_s: int = 0

    @property
    def limited(self) -> bool:
        """True when the limit refused the hit (NOTIFY or SILENT)."""
        return self.verdict in (Verdict.NOTIFY, Verdict.SILENT)


@dataclass(frozen=True)
class Rate:
    """At most `limit` hits in any moving window of `per_seconds`."""

    limit: int
    per_seconds: int

    def __post_init__(self) -> None:
        if self.limit < 1 or self.per_seconds < 1:
            raise ValueError(f"a rate needs a positive limit and window, not {self}")


class RateLimiter(Protocol):
    """Counts hits per key against configured rates, shared by every process."""

    def hit(self, key: str) -> Decision:
        """Count one hit for `key` (only when allowed) and decide."""
        ...


class Unlimited:
    """A limiter that allows everything (for processes that serve no public routes)."""

    def hit(self, key: str) -> Decision:
        """Always allowed."""
        return Decision(Verdict.ALLOWED)


@dataclass(frozen=True)
class RateLimits:
    """The process's limiters: WhatsApp senders by number, admin callers by IP."""

    whatsapp: RateLimiter = field(default_factory=Unlimited)
    admin: RateLimiter = field(default_factory=Unlimited)
