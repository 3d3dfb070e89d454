"""The Kundali report as WhatsApp messages in the user's language.

Each section is one block that starts with its heading line. Blocks are packed whole into
messages of at most 1600 characters; only a block longer than that on its own is cut, at
line breaks, and each later piece repeats the heading marked "continued".
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import datetime

from backend.domain.astrology import DashaPeriod
from backend.domain.report import KundaliReport
from backend.domain.whatsapp_text import MAX_MESSAGE_CHARS, split_message
from bot_flows.formatting import format_offset
from bot_flows.products.words import Words, load_catalogs

CATALOGS = load_catalogs("report")


class _Words(Words):
    """Report words, with lists joined the way each language joins them."""

    def listing(self, items: list[str]) -> str:
        if len(items) < 2:
            return "".join(items)
        return f"{', '.join(items[:-1])} {self('and')} {items[-1]}"


def degrees(value: float) -> str:
    """12°34' (truncated, never rounded into the next degree)."""
    total = math.floor(value * 60 + 1e-7)
    return f"{total // 60}°{total % 60:02d}'"


def render_report_text(report: KundaliReport, language: str) -> list[str]:
    """The report as WhatsApp messages (≤ 1600 characters each), split at section boundaries."""
    w = _Words(CATALOGS, language)
    return pack([render(report, w) for render in SECTIONS], lambda h: w("continued", heading=h))


def section_texts(report: KundaliReport, language: str) -> list[str]:
    """One text block per section, in the report's order, each starting with its heading."""
    w = _Words(CATALOGS, language)
    return [render(report, w) for render in SECTIONS]


def pack(
    sections: list[str],
    continued: Callable[[str], str] = lambda heading: f"{heading} (…)",
    limit: int = MAX_MESSAGE_CHARS,
) -> list[str]:
    """Whole sections packed greedily into messages; an oversized one is cut at line breaks."""
    messages: list[str] = []
    for section in sections:
        for piece in _pieces(section, continued, limit):
            if messages and len(messages[-1]) + 2 + len(piece) <= limit:
                messages[-1] = f"{messages[-1]}\n\n{piece}"
            else:
                messages.append(piece)
    return messages


def _pieces(section: str, continued: Callable[[str], str], limit: int) -> list[str]:
    if len(section) <= limit:
        return [section]
    marker = continued(section.partition("\n")[0])
    # Every piece leaves room for the marker, so each later piece still starts with a heading.
    chunks = split_message(section, limit - len(marker) - 1)
    return [chunks[0], *(f"{marker}\n{chunk}" for chunk in chunks[1:])]


def _lines(*lines: str | None) -> str:
    """Lines joined; "" is a blank line, None an omitted one."""
    return "\n".join(line for line in lines if line is not None)


def _birth(r: KundaliReport, w: _Words) -> str:
    b = r.birth
    if b.birth_time is None:
        clock = w("birth_time_unknown")
    else:
        clock = f"{b.birth_time:%H:%M} ({b.birth_time.strftime('%I:%M %p').lstrip('0')})"
    lat = f"{abs(b.latitude):.2f}°{'N' if b.latitude >= 0 else 'S'}"
    lon = f"{abs(b.longitude):.2f}°{'E' if b.longitude >= 0 else 'W'}"
    return _lines(
        w("h_birth", name=b.name),
        w("birth_intro"),
        "",
        w("birth_date", date=w.date(b.birth_date)),
        w("birth_time", time=clock),
        w("birth_place", place=b.place_label, coordinates=f"{lat}, {lon}"),
        w("birth_zone", zone=b.timezone, offset=format_offset(b.utc_offset)),
        w(
            "birth_settings",
            ayanamsa=b.ayanamsa.label,
            degrees=degrees(b.ayanamsa_degrees),
            node=w(f"node_{b.node.value}"),
            houses=w(f"houses_{b.houses_reference}"),
        ),
        *([] if b.time_known else ["", w("note_time_unknown")]),
        w("note_ambiguous") if b.ambiguous_time else None,
        None if b.moon_sign_certain else w("note_moon_uncertain"),
    )


def _lagna(r: KundaliReport, w: _Words) -> str:
    g = r.lagna
    by_lagna = g.reference == "lagna"
    place = {
        "sign": w.sign_pair(g.sign),
        "degree": degrees(g.degree_in_sign),
        "nakshatra": w.nakshatra(g.nakshatra),
        "pada": g.pada,
    }
    p = g.personality
    return _lines(
        w("h_lagna" if by_lagna else "h_chandra_lagna"),
        w("lagna_sign" if by_lagna else "chandra_lagna_sign", **place),
        w(
            "lagna_lord",
            graha=w.graha(g.lord),
            house=g.lord_house,
            sign=w.sign(g.lord_sign),
            dignity=w(f"dignity_{g.lord_dignity.value}"),
            retro=w("lagna_lord_retro") if g.lord_retrograde else "",
        ),
        "",
        w(
            "personality",
            sign=w.sign(g.sign),
            modality=w(f"modality_{p.modality}"),
            element=w(f"element_{p.element}"),
            traits=w.listing([w(f"trait_{t}") for t in p.traits]),
        ),
        w("lagna_lord_role"),
    )


def _planets(r: KundaliReport, w: _Words) -> str:
    rows = (
        w(
            "planet_row",
            graha=w.graha(p.graha),
            sign=w.sign(p.sign),
            degree=degrees(p.degree_in_sign),
            nakshatra=w.nakshatra(p.nakshatra),
            pada=p.pada,
            house=p.house,
            dignity=w(f"dignity_{p.dignity.value}"),
            retro=w("retro_mark") if p.retrograde else "",
        )
        for p in r.planets
    )
    return _lines(w("h_planets"), *rows)


def _houses(r: KundaliReport, w: _Words) -> str:
    rows = (
        w(
            "house_row",
            number=h.number,
            meaning=w(f"bhava_{h.number}"),
            sign=w.sign(h.sign),
            lord=w.graha(h.lord),
            lord_house=h.lord_house,
            occupants=", ".join(w.graha(g) for g in h.occupants) or w("house_empty"),
        )
        for h in r.houses.houses
    )
    return _lines(w("h_houses"), w(f"houses_intro_{r.houses.reference}"), *rows)


def _period(w: _Words, r: KundaliReport, key: str, period: DashaPeriod) -> str:
    return w(
        key, lord=w.graha(period.lord), start=_day(w, r, period.start), end=_day(w, r, period.end)
    )


def _day(w: _Words, r: KundaliReport, moment: datetime) -> str:
    return w.date(r.birth.local_date(moment))


def _dasha(r: KundaliReport, w: _Words) -> str:
    d = r.dasha
    now = w(
        "dasha_now",
        maha=w.graha(d.mahadasha.lord),
        antar=w.graha(d.antardasha.lord),
        maha_start=_day(w, r, d.mahadasha.start),
        maha_end=_day(w, r, d.mahadasha.end),
        antar_start=_day(w, r, d.antardasha.start),
        antar_end=_day(w, r, d.antardasha.end),
    )
    nexts = [_period(w, r, "dasha_period", p) for p in d.next_antardashas]
    mahas = [
        _period(w, r, "dasha_running" if p == d.mahadasha else "dasha_period", p)
        for p in d.mahadashas
    ]
    return _lines(
        w("h_dasha"),
        w("dasha_about"),
        "",
        now,
        None if r.birth.time_known else w("dasha_approximate"),
        "",
        w("dasha_next"),
        *nexts,
        "",
        w("dasha_all"),
        *mahas,
    )


def _manglik(r: KundaliReport, w: _Words) -> str:
    m = r.manglik
    if m.mars_from_lagna is None:
        mars = w("manglik_mars_no_lagna", from_moon=m.mars_from_moon, from_venus=m.mars_from_venus)
    else:
        mars = w(
            "manglik_mars",
            from_lagna=m.mars_from_lagna,
            from_moon=m.mars_from_moon,
            from_venus=m.mars_from_venus,
        )
    if m.status == "cancelled":
        reasons = w.listing([w(f"manglik_exception_{e}") for e in m.detail.exceptions])
        verdict = w("manglik_cancelled", exceptions=reasons)
    else:
        verdict = w("manglik_yes" if m.status == "manglik" else "manglik_no")
    return _lines(w("h_manglik"), w(f"manglik_rule_{m.detail.rule}"), mars, "", verdict)


def _yogas(r: KundaliReport, w: _Words) -> str:
    if not r.yogas:
        return _lines(w("h_yogas"), w("yogas_none"))
    rows = (
        w(
            "yoga_row",
            name=w(f"yoga_{y.code}"),
            meaning=w(f"yoga_{y.code}_meaning"),
            grahas=", ".join(w.graha(g) for g in y.grahas),
        )
        for y in r.yogas
    )
    return _lines(w("h_yogas"), *rows)


def _sade_sati(r: KundaliReport, w: _Words) -> str:
    s = r.sade_sati
    positions = w(
        "sade_sati_positions", saturn_sign=w.sign(s.saturn_sign), moon_sign=w.sign(s.moon_sign)
    )
    if not (s.active and s.phase is not None):
        return _lines(
            w("h_sade_sati"), positions, w("sade_sati_inactive"), "", w("sade_sati_about")
        )
    dates = None
    if s.start is not None and s.end is not None:
        dates = w("sade_sati_dates", start=_day(w, r, s.start), end=_day(w, r, s.end))
    return _lines(
        w("h_sade_sati"),
        positions,
        w("sade_sati_running", phase=w(f"sade_sati_phase_{s.phase}")),
        dates,
        "",
        w("sade_sati_about"),
        w("sade_sati_advice"),
    )


def _remedies(r: KundaliReport, w: _Words) -> str:
    remedy = r.remedies.remedy
    day = w(f"day_{remedy.day}")
    return _lines(
        w("h_remedies"),
        w("remedies_intro", graha=w.graha(r.remedies.graha)),
        w("remedy_gem", gem=w(f"gem_{remedy.gemstone}")),
        w("remedy_day", day=day),
        w("remedy_colours", colours=", ".join(w(f"colour_{c}") for c in remedy.colours)),
        w("remedy_number", number=remedy.number),
        w("remedy_deity", deity=w(f"deity_{remedy.deity}")),
        w("remedy_mantra", mantra=w(f"mantra_{remedy.mantra}"), day=day),
        "",
        w("remedies_note"),
        "",
        w("closing"),
    )


# One renderer per section, in the order of backend.domain.report.SECTIONS.
SECTIONS: tuple[Callable[[KundaliReport, _Words], str], ...] = (
    _birth,
    _lagna,
    _planets,
    _houses,
    _dasha,
    _manglik,
    _yogas,
    _sade_sati,
    _remedies,
)
