"""A chart as plain JSON-ready data: ISO times with offsets, names and degrees."""

from __future__ import annotations

from datetime import timedelta

from backend.domain.astrology.angles import format_dms
from backend.domain.astrology.chart import Chart, GrahaPosition, Position


def format_offset(offset: timedelta) -> str:
    """A UTC offset as +HH:MM (or +HH:MM:SS for historical local mean times)."""
    seconds = int(offset.total_seconds())
    sign = "-" if seconds < 0 else "+"
    hours, rest = divmod(abs(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    text = f"{sign}{hours:02d}:{minutes:02d}"
    return f"{text}:{secs:02d}" if secs else text


def chart_to_dict(chart: Chart) -> dict[str, object]:
    """The chart as a dict of str, numbers, bools, None, lists and dicts (for json.dumps)."""
    moment = chart.moment
    return {
        "birth": {
            "local": moment.local.isoformat(),
            "utc": moment.utc.isoformat(),
            "utc_offset": format_offset(moment.utc_offset),
            "time_known": moment.time_known,
            "ambiguous_local_time": moment.ambiguous,
            "latitude": moment.latitude,
            "longitude": moment.longitude,
        },
        "ayanamsa": chart.options.ayanamsa.value,
        "ayanamsa_degrees": chart.ayanamsa_degrees,
        "node": chart.options.node.value,
        "houses": "whole-sign" if chart.ascendant is not None else None,
        "lagna": None if chart.lagna is None else chart.lagna.english,
        "ascendant": None if chart.ascendant is None else _position(chart.ascendant),
        "moon_sign_certain": chart.moon_sign_certain,
        "grahas": [_graha(p) for p in chart.grahas],
    }


def _position(p: Position) -> dict[str, object]:
    return {
        "longitude": p.longitude,
        "sign": p.sign.english,
        "sign_sanskrit": p.sign.sanskrit,
        "degree_in_sign": p.degree_in_sign,
        "dms": format_dms(p.degree_in_sign),
        "nakshatra": p.nakshatra.sanskrit,
        "pada": p.pada,
    }


def _graha(p: GrahaPosition) -> dict[str, object]:
    return {
        "graha": p.graha.english,
        "sanskrit": p.graha.sanskrit,
        **_position(p),
        "speed": p.speed,
        "retrograde": p.retrograde,
        "house": p.house,
    }
