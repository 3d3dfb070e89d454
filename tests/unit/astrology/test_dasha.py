"""Vimshottari dashas: book examples, the balance at birth, and invariants over random charts."""

import itertools
from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backend.domain.astrology import (
    NAKSHATRA_SPAN,
    VIMSHOTTARI_ORDER,
    YEAR_DAYS,
    Chart,
    Graha,
    antardashas,
    birth_moment,
    compute_chart,
    dasha_at,
    dasha_balance,
    mahadashas,
)
from tests.unit.astrology.analysis_factory import placed

IST = timedelta(hours=5, minutes=30)
YEARS = {"KETU": 7, "VENUS": 20, "SUN": 6, "MOON": 10, "MARS": 7, "RAHU": 18,
         "JUPITER": 16, "SATURN": 19, "MERCURY": 17}  # fmt: skip
YEAR = timedelta(days=YEAR_DAYS)
TOLERANCE = timedelta(days=2)
EXACT = timedelta(microseconds=2)  # timedelta arithmetic rounds to the microsecond


def _ist_chart(day: date, clock: time, lat: float, lon: float) -> Chart:
    return compute_chart(birth_moment(day, clock, lat, lon, utc_offset=IST))


def _book_years(years: int, months: int, days: int) -> timedelta:
    """A balance written y/m/d as the book does: a month is 1/12 of a dasha year and a day
    1/30 of a month (the y/m/d split of a fraction of years), the year being YEAR_DAYS long."""
    return timedelta(days=(years + months / 12 + days / 360) * YEAR_DAYS)


@pytest.mark.parametrize(
    ("day", "clock", "place", "lord", "book"),
    [
        (date(1972, 6, 1), time(4, 16), (16.25, 81.2), Graha.SUN, (4, 8, 27)),
        (date(1954, 11, 12), time(7, 52), (12.5, 78 + 50 / 60), Graha.MOON, (4, 7, 3)),
    ],
)
def test_balance_at_birth_matches_the_book(day, clock, place, lord, book):
    chart = _ist_chart(day, clock, *place)
    got_lord, balance = dasha_balance(chart)
    assert got_lord is lord
    assert abs(balance - _book_years(*book)) <= TOLERANCE


def test_mercury_mahadasha_of_the_1946_example():
    # The place is not given, but it cannot matter: the dasha depends only on the geocentric
    # Moon at the birth instant (12:58 IST), so any Indian place gives the same dates.
    chart = _ist_chart(date(1946, 10, 16), time(12, 58), 28.61, 77.21)
    mercury = next(p for p in mahadashas(chart) if p.lord is Graha.MERCURY)
    book_start = datetime(1991, 5, 29, 12, tzinfo=UTC) - IST
    book_end = datetime(2008, 5, 28, 12, tzinfo=UTC) - IST
    assert abs(mercury.start - book_start) <= TOLERANCE
    assert abs(mercury.end - book_end) <= TOLERANCE


def test_moon_at_the_start_of_a_nakshatra_gives_the_full_period_from_birth():
    chart = placed(moon=0.0)  # 0° Aries: Ashwini begins, ruled by Ketu
    assert dasha_balance(chart) == (Graha.KETU, 7 * YEAR)
    assert mahadashas(chart)[0].start == chart.moment.utc


def test_balance_is_the_untraversed_fraction_times_the_lords_years():
    chart = placed(moon=NAKSHATRA_SPAN * 1.25)  # a quarter into Bharani (Venus, 20 years)
    lord, balance = dasha_balance(chart)
    assert lord is Graha.VENUS
    assert abs(balance - 15 * YEAR) <= EXACT


def test_antardashas_are_proportional_and_start_with_the_maha_lord():
    ketu = next(p for p in mahadashas(placed(moon=0.0)) if p.lord is Graha.KETU)
    antars = antardashas(ketu)
    assert [a.lord for a in antars] == list(VIMSHOTTARI_ORDER)
    assert abs((antars[0].end - antars[0].start) - 7 * 7 / 120 * YEAR) <= EXACT  # 149.275 d
    assert abs((antars[1].end - antars[1].start) - 7 * 20 / 120 * YEAR) <= EXACT
    with pytest.raises(ValueError, match="mahadasha"):
        antardashas(antars[0])


births = st.builds(
    lambda day, minutes, lat, lon, known: birth_moment(
        day, time(minutes // 60, minutes % 60) if known else None, lat, lon, utc_offset=IST
    ),
    st.dates(date(1900, 1, 1), date(2100, 12, 31)),
    st.integers(0, 24 * 60 - 1),
    st.floats(-60, 60),
    st.floats(-180, 180),
    st.booleans(),
)


@settings(max_examples=150, deadline=None)
@given(births)
def test_mahadashas_are_continuous_and_span_120_years(moment):
    chart = compute_chart(moment)
    mahas = mahadashas(chart)
    lord, balance = dasha_balance(chart)
    first = VIMSHOTTARI_ORDER.index(lord)
    assert [p.lord for p in mahas] == [VIMSHOTTARI_ORDER[(first + i) % 9] for i in range(9)]
    assert mahas[0].start <= moment.utc < mahas[0].end
    assert mahas[0].end - moment.utc == balance
    assert mahas[-1].end - mahas[0].start == 120 * YEAR
    for before, after in itertools.pairwise(mahas):
        assert before.end == after.start
    for p in mahas:
        assert p.end - p.start == YEARS[p.lord.name] * YEAR
        assert (p.level, p.parent, p.start.tzinfo) == (1, None, UTC)


@settings(max_examples=60, deadline=None)
@given(births)
def test_antardashas_fill_their_mahadasha(moment):
    for maha in mahadashas(compute_chart(moment)):
        antars = antardashas(maha)
        assert antars[0].start == maha.start and antars[-1].end == maha.end
        assert antars[0].lord is maha.lord
        for before, after in itertools.pairwise(antars):
            assert before.end == after.start
        for a in antars:
            share = YEARS[a.lord.name] / 120
            assert abs((a.end - a.start) - (maha.end - maha.start) * share) <= EXACT
            assert (a.level, a.parent) == (2, maha.lord)


@settings(max_examples=150, deadline=None)
@given(births, st.floats(0, 150 * 365.25))
def test_dasha_at_finds_the_running_periods(moment, days_after_birth):
    chart = compute_chart(moment)
    lord, balance = dasha_balance(chart)
    at_birth = dasha_at(chart, moment.utc)
    assert at_birth.mahadasha.lord is lord
    assert at_birth.mahadasha.end - moment.utc == balance
    at = moment.utc + timedelta(days=days_after_birth)
    now = dasha_at(chart, at)
    assert now.mahadasha.start <= at < now.mahadasha.end
    assert now.antardasha.start <= at < now.antardasha.end
    assert now.antardasha.parent is now.mahadasha.lord
    assert now.antardasha in antardashas(now.mahadasha)
    assert len(now.next_antardashas) == 3
    chain = (now.antardasha, *now.next_antardashas)
    for before, after in itertools.pairwise(chain):
        assert before.end == after.start


def test_the_cycle_repeats_after_120_years():
    chart = placed(moon=NAKSHATRA_SPAN * 1.25)
    mahas = mahadashas(chart)
    later = dasha_at(chart, mahas[0].start + 120 * YEAR + timedelta(days=1))
    assert later.mahadasha.lord is mahas[0].lord
    assert later.mahadasha.start == mahas[0].start + 120 * YEAR
    last = dasha_at(chart, mahas[-1].end - timedelta(days=1))
    assert last.next_antardashas[0].parent is mahas[0].lord  # runs into the next cycle


def test_dasha_at_rejects_naive_and_too_early_instants():
    chart = placed()
    with pytest.raises(ValueError, match="timezone-aware"):
        dasha_at(chart, datetime(2020, 1, 1))
    with pytest.raises(ValueError, match="precedes"):
        dasha_at(chart, mahadashas(chart)[0].start - timedelta(seconds=1))
