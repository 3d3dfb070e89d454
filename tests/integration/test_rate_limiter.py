"""The moving-window limiter on real Redis and in memory: limits, notices, sharing, outages."""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from prometheus_client import REGISTRY

from backend.domain.rate_limit import Decision, Rate, Verdict
from infrastructure.redis.rate_limit import (
    PAUSE_S,
    MovingWindowLimiter,
    build_rate_limits,
    limits_storage,
)
from tests.conftest import need_service
from tests.redis_server import RedisServer

ALLOWED, NOTIFY, SILENT = Verdict.ALLOWED, Verdict.NOTIFY, Verdict.SILENT


def errors_counted() -> float:
    """The process-wide count of checks the storage could not answer."""
    return REGISTRY.get_sample_value("boloastro_rate_limit_errors_total") or 0.0


def unique(name: str) -> str:
    return f"{name}-{uuid.uuid4().hex[:10]}"


@pytest.fixture(params=["memory", "redis"])
def storage_url(request: pytest.FixtureRequest) -> str | None:
    """No URL (in-process memory, as without REDIS_URL) or the test Redis."""
    return None if request.param == "memory" else need_service("TEST_REDIS_URL")


@pytest.fixture
def own_redis(tmp_path: Path) -> Iterator[RedisServer]:
    """A private redis-server this test may stop; the shared one is never touched."""
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.stop()


def limiter(
    url: str | None, *rates: Rate, prefix: str | None = None, pause_s: float = PAUSE_S
) -> MovingWindowLimiter:
    """A WhatsApp limiter on its own key prefix unless one is given."""
    storage = limits_storage(url, prefix or unique("test-rl"))
    return MovingWindowLimiter(storage, rates, name="whatsapp", pause_s=pause_s)


def verdicts(decisions: list[Decision]) -> list[Verdict]:
    return [d.verdict for d in decisions]


def test_up_to_the_limit_then_one_notice_then_silence(storage_url: str | None) -> None:
    limits = limiter(storage_url, Rate(5, 60))
    decisions = [limits.hit("alice") for _ in range(12)]
    assert verdicts(decisions) == [ALLOWED] * 5 + [NOTIFY] + [SILENT] * 6
    assert all(0 < d.retry_after_s <= 60 for d in decisions[5:])
    assert not decisions[0].limited and decisions[5].limited and decisions[6].limited


def test_each_key_has_its_own_window(storage_url: str | None) -> None:
    limits = limiter(storage_url, Rate(2, 60))
    assert verdicts([limits.hit("alice") for _ in range(3)]) == [ALLOWED, ALLOWED, NOTIFY]
    assert verdicts([limits.hit("bob") for _ in range(3)]) == [ALLOWED, ALLOWED, NOTIFY]


def test_the_hourly_rate_limits_too(storage_url: str | None) -> None:
    limits = limiter(storage_url, Rate(10, 60), Rate(3, 3600))
    decisions = [limits.hit("alice") for _ in range(5)]
    assert verdicts(decisions) == [ALLOWED] * 3 + [NOTIFY, SILENT]
    assert decisions[3].retry_after_s > 60  # the hour's window, not the minute's


def test_the_window_frees_and_a_new_window_gets_a_new_notice(storage_url: str | None) -> None:
    limits = limiter(storage_url, Rate(2, 1))
    assert verdicts([limits.hit("alice") for _ in range(4)]) == [ALLOWED, ALLOWED, NOTIFY, SILENT]
    time.sleep(1.2)  # the one-second window has moved past every counted hit
    assert verdicts([limits.hit("alice") for _ in range(4)]) == [ALLOWED, ALLOWED, NOTIFY, SILENT]


def test_two_processes_share_one_count_on_redis() -> None:
    url, prefix = need_service("TEST_REDIS_URL"), unique("test-rl")
    # Two storages with their own connection pools stand for two web processes.
    first = limiter(url, Rate(5, 60), prefix=prefix)
    second = limiter(url, Rate(5, 60), prefix=prefix)
    assert verdicts([first.hit("alice") for _ in range(3)]) == [ALLOWED] * 3
    assert verdicts([second.hit("alice") for _ in range(3)]) == [ALLOWED, ALLOWED, NOTIFY]
    assert first.hit("alice").verdict is SILENT
    # Another deployment (prefix) on the same Redis counts on its own.
    assert limiter(url, Rate(5, 60)).hit("alice").verdict is ALLOWED


def test_both_limiters_of_a_process_count_apart() -> None:
    limits = build_rate_limits(
        None, key_prefix="unused", whatsapp=[Rate(1, 60)], admin=[Rate(1, 60)]
    )
    assert limits.whatsapp.hit("same-key").verdict is ALLOWED
    assert limits.admin.hit("same-key").verdict is ALLOWED
    assert limits.whatsapp.hit("same-key").verdict is NOTIFY


def test_redis_down_is_unavailable_counted_and_logged_once_per_pause(
    own_redis: RedisServer, caplog: pytest.LogCaptureFixture
) -> None:
    limits = limiter(own_redis.url, Rate(5, 60), pause_s=3600)
    assert limits.hit("alice").verdict is ALLOWED
    own_redis.stop()
    before = errors_counted()
    with caplog.at_level(logging.WARNING, logger="infrastructure.redis.rate_limit"):
        decisions = [limits.hit("alice") for _ in range(3)]
    assert verdicts(decisions) == [Verdict.UNAVAILABLE] * 3
    assert not any(d.limited for d in decisions)
    assert errors_counted() - before == 3
    logged = [r.getMessage() for r in caplog.records]
    assert len(logged) == 1 and "rate limit storage unavailable for whatsapp" in logged[0]


def test_limits_apply_again_once_redis_is_back(own_redis: RedisServer) -> None:
    limits = limiter(own_redis.url, Rate(2, 60), pause_s=0)
    own_redis.stop()
    assert limits.hit("alice").verdict is Verdict.UNAVAILABLE
    own_redis.start()  # same port, empty: the pool reconnects, the script is loaded again
    assert verdicts([limits.hit("alice") for _ in range(3)]) == [ALLOWED, ALLOWED, NOTIFY]


def test_a_rate_must_be_positive() -> None:
    with pytest.raises(ValueError, match="positive"):
        Rate(0, 60)
