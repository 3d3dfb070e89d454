"""Redis connections, shared by rate limits, locks and caches."""

from __future__ import annotations

from collections.abc import Callable

import redis


def redis_check(url: str) -> Callable[[], None]:
    """A readiness check that pings Redis (raises when it cannot)."""
    client = redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=1)

    def check() -> None:
        client.ping()

    return check
