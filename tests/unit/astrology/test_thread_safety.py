"""The process-global sidereal mode must not leak between charts computed in parallel."""

import sys
from concurrent.futures import ThreadPoolExecutor
from datetime import date, time, timedelta

import pytest

from backend.domain.astrology import Ayanamsa, ChartOptions, NodeType, birth_moment, compute_chart

CASES = [
    (
        birth_moment(date(1950 + i, 1 + i % 12, 1 + i % 28), time(i % 24, 7 * i % 60),
                     12.0 + i, 70.0 + i, utc_offset=timedelta(hours=5, minutes=30)),
        ChartOptions(ayanamsa=list(Ayanamsa)[i % 2], node=list(NodeType)[i // 2 % 2]),
    )
    for i in range(40)
]  # fmt: skip


@pytest.fixture
def eager_thread_switching():
    # Switch threads as often as possible so an unguarded set_sid_mode would be interleaved.
    previous = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    yield
    sys.setswitchinterval(previous)


def test_parallel_kp_and_lahiri_charts_equal_sequential_ones(eager_thread_switching):
    expected = [compute_chart(moment, options) for moment, options in CASES]
    with ThreadPoolExecutor(max_workers=8) as pool:
        for _ in range(5):
            got = list(pool.map(lambda case: compute_chart(*case), CASES))
            assert got == expected


def test_a_fresh_thread_gets_the_requested_ayanamsa_not_the_library_default():
    moment, _ = CASES[0]
    expected = compute_chart(moment)
    with ThreadPoolExecutor(max_workers=1) as pool:
        assert pool.submit(compute_chart, moment).result() == expected
