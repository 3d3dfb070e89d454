"""The one door to Swiss Ephemeris: sidereal positions from its built-in Moshier ephemeris."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass

import swisseph as swe

from backend.domain.astrology.options import Ayanamsa, NodeType

# The sidereal mode is global state inside the C library: choosing it and computing with it
# must be one critical section, or a KP chart could be computed with Lahiri. (The installed
# pyswisseph build keeps that state per thread, so a thread that never set a mode silently
# gets Fagan/Bradley: hence the mode is set before every sequence, never cached.)
_LOCK = threading.Lock()
_SID_MODES = {Ayanamsa.LAHIRI: swe.SIDM_LAHIRI, Ayanamsa.KP: swe.SIDM_KRISHNAMURTI}
_NODES = {NodeType.MEAN: swe.MEAN_NODE, NodeType.TRUE: swe.TRUE_NODE}
# Sun..Saturn in Graha order; the node is appended per chart and Ketu derived from it.
_PLANETS = (swe.SUN, swe.MOON, swe.MARS, swe.MERCURY, swe.JUPITER, swe.VENUS, swe.SATURN)
_FLAGS = swe.FLG_MOSEPH | swe.FLG_SPEED | swe.FLG_SIDEREAL
_EPHEMERIS_BITS = swe.FLG_JPLEPH | swe.FLG_SWIEPH | swe.FLG_MOSEPH
_WHOLE_SIGN = b"W"


class EphemerisError(RuntimeError):
    """Swiss Ephemeris failed or answered from an ephemeris other than the one asked for."""


@dataclass(frozen=True)
class SiderealSnapshot:
    """Raw sidereal results for one instant, in degrees and degrees/day."""

    ayanamsa: float  # true ayanamsa (with nutation), the amount subtracted from apparent longitudes
    bodies: tuple[tuple[float, float], ...]  # (longitude, speed): Sun..Saturn, then the node
    ascendant: float | None


def snapshot(
    jd_ut: float,
    ayanamsa: Ayanamsa,
    node: NodeType,
    place: tuple[float, float] | None,
) -> SiderealSnapshot:
    """Sidereal longitudes and speeds of the seven planets and the node, and the ascendant
    at place (latitude, longitude) when one is given."""
    with _LOCK:
        swe.set_sid_mode(_SID_MODES[ayanamsa])
        aya = _ayanamsa(jd_ut)
        bodies = tuple(_calc(jd_ut, body) for body in (*_PLANETS, _NODES[node]))
        asc = None if place is None else _ascendant(jd_ut, *place)
    return SiderealSnapshot(ayanamsa=aya, bodies=bodies, ascendant=asc)


def moon_longitudes(jd_uts: Sequence[float], ayanamsa: Ayanamsa) -> tuple[float, ...]:
    """Sidereal Moon longitudes at several instants (used to bound an unknown birth time)."""
    with _LOCK:
        swe.set_sid_mode(_SID_MODES[ayanamsa])
        return tuple(_calc(jd, swe.MOON)[0] for jd in jd_uts)


def saturn_longitude(jd_ut: float, ayanamsa: Ayanamsa) -> float:
    """Saturn's sidereal longitude at a Julian day (UT), for transit searches."""
    with _LOCK:
        swe.set_sid_mode(_SID_MODES[ayanamsa])
        try:
            # No FLG_SPEED: a search needs only longitudes, and speed doubles the cost.
            xx, retflags = swe.calc_ut(jd_ut, swe.SATURN, _FLAGS & ~swe.FLG_SPEED)
        except swe.Error as exc:
            raise EphemerisError(f"swisseph failed for Saturn: {exc}") from exc
    _check_flags(retflags, "Saturn")
    return float(xx[0])


def _calc(jd_ut: float, body: int) -> tuple[float, float]:
    try:
        xx, retflags = swe.calc_ut(jd_ut, body, _FLAGS)
    except swe.Error as exc:
        raise EphemerisError(f"swisseph failed for body {body}: {exc}") from exc
    _check_flags(retflags, f"body {body}")
    return float(xx[0]), float(xx[3])


def _ayanamsa(jd_ut: float) -> float:
    try:
        retflags, aya = swe.get_ayanamsa_ex_ut(jd_ut, swe.FLG_MOSEPH)
    except swe.Error as exc:
        raise EphemerisError(f"swisseph failed for the ayanamsa: {exc}") from exc
    if retflags & _EPHEMERIS_BITS != swe.FLG_MOSEPH:
        raise EphemerisError(f"ayanamsa computed with flags {retflags:#x}, not Moshier")
    return float(aya)


def _ascendant(jd_ut: float, latitude: float, longitude: float) -> float:
    # houses_ex returns no flags to check; the Moshier bit still selects its nutation model.
    try:
        _cusps, ascmc = swe.houses_ex(jd_ut, latitude, longitude, _WHOLE_SIGN, _FLAGS)
    except swe.Error as exc:
        raise EphemerisError(f"swisseph failed for the ascendant: {exc}") from exc
    return float(ascmc[0])


def _check_flags(retflags: int, what: str) -> None:
    # swisseph silently falls back to another ephemeris when the one asked for is unavailable;
    # the accuracy figures we rely on are for Moshier, so any other answer is an error.
    if retflags < 0 or retflags & _EPHEMERIS_BITS != swe.FLG_MOSEPH:
        raise EphemerisError(f"{what} computed with flags {retflags:#x}, not Moshier")
    if not retflags & swe.FLG_SIDEREAL:
        raise EphemerisError(f"{what} was not computed in sidereal mode")
