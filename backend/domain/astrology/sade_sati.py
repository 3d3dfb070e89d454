"""Sade Sati: Saturn's transit over the 12th, 1st and 2nd signs from the natal Moon sign."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from backend.domain.astrology.angles import julian_day_ut, normalize_degrees
from backend.domain.astrology.chart import Chart
from backend.domain.astrology.ephemeris import EphemerisError, saturn_longitude
from backend.domain.astrology.options import Ayanamsa
from backend.domain.astrology.zodiac import SIGN_SPAN, Sign

# Saturn's sign counted from the Moon sign (0 = the same sign) -> phase.
_PHASES = {11: "rising", 0: "peak", 1: "setting"}
# Bounds on Saturn's sidereal motion, measured over 1780-2240 (1- and 2-day samples) and
# padded: speed below 0.1304°/day, |acceleration| below 0.0019°/day², longitude within 28.3°
# of a uniform 0.03345°/day, and no retrograde arc longer than 6.98°. A step these allow can
# reach a boundary but never jump over it, so no crossing, not even a brief dip, is missed.
_MAX_SPEED = 0.135
_MAX_ACCEL = 0.003
_MEAN_SPEED = 0.0335
_WOBBLE = 32.0
_LOOP_ARC = 8.0  # once this far past a boundary, Saturn is done with it for ~29 years
_MIN_STEP = 0.5  # days; a crossing is bracketed this tightly, then interpolated linearly
_SPAN_DAYS = 10 * 365.25  # a span lasts at most ~9.3 years including its loops

Track = Callable[[float], float]  # days from `at` -> Saturn's sidereal longitude


@dataclass(frozen=True)
class SadeSati:
    """Whether Saturn's 7½-year transit around the natal Moon is running at an instant."""

    active: bool
    phase: str | None  # "rising" (12th from the Moon), "peak" (over it), "setting" (2nd)
    saturn_sign: Sign
    moon_sign: Sign
    start: datetime | None  # Saturn's first entry into the 12th from the Moon
    end: datetime | None  # Saturn's final exit from the 2nd from the Moon


def _distance(longitude: float, boundary: float) -> float:
    """Signed degrees from a boundary, in [-180, 180): negative before it."""
    return (longitude - boundary + 180.0) % 360.0 - 180.0


def _safe_step(d: float, closing: float | None, last_step: float) -> float:
    """The longest step (days) over which Saturn cannot pass a boundary d degrees away;
    closing is its mean rate of approach over the last step (None if unknown)."""
    r = abs(d)
    step = max(r / _MAX_SPEED, (r - _WOBBLE) / _MEAN_SPEED, _MIN_STEP)
    if closing is not None:
        # The approach rate now exceeds the last step's mean by at most a·h/2; from there,
        # the distance covered in Δ days is at most v·Δ + a·Δ²/2.
        v = closing + _MAX_ACCEL * last_step / 2
        step = max(step, (math.sqrt(v * v + 2 * _MAX_ACCEL * r) - v) / _MAX_ACCEL)
    return step


def _crossings(track: Track, boundary: float, direction: int) -> list[float]:
    """Days from `at` (scanning forward for +1, backward for -1) of every time Saturn crosses
    a boundary, up to where it is a loop's arc past it."""
    found: list[float] = []
    t, d = 0.0, _distance(track(0.0), boundary)
    closing: float | None = None
    step = 0.0
    while abs(t) < _SPAN_DAYS and direction * d < _LOOP_ARC:
        step = _safe_step(d, closing, step)
        t_next = t + direction * step
        d_next = _distance(track(t_next), boundary)
        near = abs(d) < 90 and abs(d_next) < 90  # a flip far away is the opposite point
        if near and (d < 0) != (d_next < 0):
            found.append(t + (t_next - t) * d / (d - d_next))
        closing = (abs(d) - abs(d_next)) / step if near and (d < 0) == (d_next < 0) else None
        t, d = t_next, d_next
    return found


def _saturn_track(at: datetime, ayanamsa: Ayanamsa) -> Track:
    """Saturn's longitude by days from `at`, memoized for this one search only."""
    jd, seen = julian_day_ut(at), dict[float, float]()

    def track(days: float) -> float:
        if days not in seen:
            seen[days] = normalize_degrees(saturn_longitude(jd + days, ayanamsa))
        return seen[days]

    return track


def sade_sati(chart: Chart, at: datetime) -> SadeSati:
    """Sade Sati at an aware instant, with the span's first entry and final exit when active.

    Active while Saturn is in the 12th, 1st or 2nd sign from the natal Moon sign, and also
    while a retrograde loop has carried it back out between its first entry and final exit.
    """
    if at.tzinfo is None:
        raise ValueError("sade_sati needs a timezone-aware datetime")
    track, moon = _saturn_track(at, chart.options.ayanamsa), chart.moon.sign
    saturn = Sign.of(track(0.0))
    lower = (moon.value - 1) % 12 * SIGN_SPAN  # where the 12th sign from the Moon begins
    upper = (moon.value + 2) % 12 * SIGN_SPAN  # where the 2nd sign from the Moon ends
    offset = (saturn.value - moon.value) % 12
    phase = _PHASES.get(offset)
    if offset == 10 and _crossings(track, lower, -1):
        phase = "rising"  # back in the 11th after entering the 12th
    elif offset == 2 and _crossings(track, upper, +1):
        phase = "setting"  # in the 3rd, but will return to the 2nd
    if phase is None:
        return SadeSati(False, None, saturn, moon, None, None)
    entries, exits = _crossings(track, lower, -1), _crossings(track, upper, +1)
    if not entries or not exits:
        raise EphemerisError("Saturn's ingress was not found where it must be")
    start, end = (at + timedelta(days=days) for days in (entries[-1], exits[-1]))
    return SadeSati(True, phase, saturn, moon, start, end)
