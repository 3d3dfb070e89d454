"""Moving-window rate limits with the `limits` library: on Redis when configured, else in memory.

Redis runs each moving-window check as one Lua script, so every web process shares the same
count atomically. Without REDIS_URL the count lives in this process only (development).
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable, Sequence

from limits import RateLimitItem, RateLimitItemPerSecond
from limits.errors import StorageError
from limits.storage import MemoryStorage, RedisStorage, Storage
from limits.strategies import MovingWindowRateLimiter
from prometheus_client import Counter

from backend.domain.rate_limit import Decision, Rate, RateLimits, Verdict

log = logging.getLogger(__name__)

# Module-level, on prometheus_client's default registry, which /metrics exposes.
RATE_LIMITED = Counter(
    "boloastro_rate_limited", "Requests refused by a rate limit, by limited route", ["route"]
)
RATE_LIMIT_ERRORS = Counter(
    "boloastro_rate_limit_errors", "Rate-limit checks the storage could not answer"
)

# A dead or black-holed Redis must cost a request milliseconds, not seconds.
REDIS_TIMEOUT_S = 0.25
# After a storage error the storage is left alone this long (each check answers UNAVAILABLE
# at once), which also logs the outage at most once per interval per limiter.
PAUSE_S = 5.0


def limits_storage(redis_url: str | None, key_prefix: str) -> Storage:
    """Redis storage for `redis_url` (keys under `key_prefix`), or in-process memory."""
    if redis_url is None:
        return MemoryStorage(wrap_exceptions=True)
    return RedisStorage(
        redis_url,
        key_prefix=key_prefix,
        wrap_exceptions=True,
        socket_connect_timeout=REDIS_TIMEOUT_S,
        socket_timeout=REDIS_TIMEOUT_S,
    )


class MovingWindowLimiter:
    """RateLimiter: every rate must allow a hit; one NOTIFY per key and window, then SILENT."""

    def __init__(
        self,
        storage: Storage,
        rates: Sequence[Rate],
        *,
        name: str,
        pause_s: float = PAUSE_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._limiter = MovingWindowRateLimiter(storage)
        # (the rate, a 1-per-window rate that allows one notice per refused window)
        self._items: list[tuple[RateLimitItem, RateLimitItem]] = [
            (
                RateLimitItemPerSecond(rate.limit, rate.per_seconds, namespace=name),
                RateLimitItemPerSecond(1, rate.per_seconds, namespace=f"{name}-notice"),
            )
            for rate in rates
        ]
        self._name = name
        self._pause_s = pause_s
        self._clock = clock
        self._paused_until = -math.inf

    def hit(self, key: str) -> Decision:
        """Count one hit for `key`; UNAVAILABLE (and counted) when the storage fails."""
        if self._clock() < self._paused_until:
            RATE_LIMIT_ERRORS.inc()
            return Decision(Verdict.UNAVAILABLE)
        try:
            decision = self._decide(key)
        except StorageError as exc:
            self._paused_until = self._clock() + self._pause_s
            RATE_LIMIT_ERRORS.inc()
            log.warning(
                "rate limit storage unavailable for %s (%s: %s); not retried for %.0f s",
                self._name,
                type(exc.storage_error).__name__,
                exc.storage_error,
                self._pause_s,
            )
            return Decision(Verdict.UNAVAILABLE)
        if decision.limited:
            RATE_LIMITED.labels(route=self._name).inc()
        return decision

    def _decide(self, key: str) -> Decision:
        # A rate that refuses stops the loop, so a flood never spends the longer windows.
        for item, notice in self._items:
            if self._limiter.hit(item, key):
                continue
            reset_at = self._limiter.get_window_stats(item, key).reset_time
            retry_after = max(1, math.ceil(reset_at - time.time()))
            told = not self._limiter.hit(notice, key)
            return Decision(Verdict.SILENT if told else Verdict.NOTIFY, retry_after)
        return Decision(Verdict.ALLOWED)


def build_rate_limits(
    redis_url: str | None,
    *,
    key_prefix: str,
    whatsapp: Sequence[Rate],
    admin: Sequence[Rate],
) -> RateLimits:
    """Both limiters of a process on one storage (one Redis connection pool)."""
    storage = limits_storage(redis_url, key_prefix)
    return RateLimits(
        whatsapp=MovingWindowLimiter(storage, whatsapp, name="whatsapp"),
        admin=MovingWindowLimiter(storage, admin, name="admin"),
    )
