"""A chart as plain JSON-ready data: ISO times with offsets, names and degrees."""

from __future__ import annotations

from datetime import datetime, timedelta

from backend.domain.astrology.analysis import ChartAnalysis
from backend.domain.astrology.angles import format_dms
from backend.domain.astrology.chart import Chart, GrahaPosition, Position
from backend.domain.astrology.dasha import YEAR_DAYS, DashaPeriod
from backend.domain.astrology.zodiac import Graha


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


def analysis_to_dict(analysis: ChartAnalysis) -> dict[str, object]:
    """chart_to_dict of the analysed chart plus an "analysis" section (codes, ISO times)."""
    return {**chart_to_dict(analysis.chart), "analysis": _analysis(analysis)}


def _analysis(a: ChartAnalysis) -> dict[str, object]:
    first = a.mahadashas[0]
    balance = first.end - a.chart.moment.utc
    manglik, sade_sati = a.manglik, a.sade_sati
    return {
        "at": a.at.isoformat(),
        "houses_reference": a.houses_reference,
        "houses": [
            {
                "number": h.number,
                "sign": h.sign.english,
                "lord": h.lord.english,
                "occupants": _names(h.occupants),
                "lord_house": h.lord_house,
            }
            for h in a.houses
        ],
        "dignities": {g.english: d.value for g, d in a.dignities.items()},
        "dasha": {
            "system": "vimshottari",
            "year_days": YEAR_DAYS,
            "balance_at_birth": {"lord": first.lord.english, "days": balance / timedelta(days=1)},
            "mahadashas": [_period(p) for p in a.mahadashas],
            "current": {
                "mahadasha": _period(a.dasha_now.mahadasha),
                "antardasha": _period(a.dasha_now.antardasha),
                "next_antardashas": [_period(p) for p in a.dasha_now.next_antardashas],
            },
        },
        "manglik": {
            "rule": manglik.rule,
            "from_lagna": manglik.from_lagna,
            "from_moon": manglik.from_moon,
            "from_venus": manglik.from_venus,
            "present": manglik.present,
            "cancelled": manglik.cancelled,
            "exceptions": list(manglik.exceptions),
            "effective": manglik.effective,
        },
        "yogas": [{"code": y.code, "grahas": _names(y.grahas)} for y in a.yogas],
        "sade_sati": {
            "active": sade_sati.active,
            "phase": sade_sati.phase,
            "saturn_sign": sade_sati.saturn_sign.english,
            "moon_sign": sade_sati.moon_sign.english,
            "start": _iso(sade_sati.start),
            "end": _iso(sade_sati.end),
        },
    }


def _period(p: DashaPeriod) -> dict[str, object]:
    return {
        "lord": p.lord.english,
        "start": p.start.isoformat(),
        "end": p.end.isoformat(),
        "level": p.level,
        "parent": None if p.parent is None else p.parent.english,
    }


def _names(grahas: tuple[Graha, ...]) -> list[str]:
    return [g.english for g in grahas]


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()
