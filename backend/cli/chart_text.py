"""Plain-text rendering of a chart and its analysis for `boloastro chart`."""

from __future__ import annotations

from backend.domain.astrology import (
    BirthMoment,
    Chart,
    ChartAnalysis,
    DashaPeriod,
    Graha,
    format_dms,
    format_offset,
)


def coordinates(latitude: float, longitude: float) -> str:
    ns = "N" if latitude >= 0 else "S"
    ew = "E" if longitude >= 0 else "W"
    return f"{abs(latitude):.4f}°{ns} {abs(longitude):.4f}°{ew}"


def table(chart: Chart, place_label: str) -> list[str]:
    """The chart as aligned text lines: birth details, settings, lagna, then one row a graha."""
    lines = [*_header(chart.moment), f"Place     {place_label}"]
    lines.append(
        f"Ayanamsa  {chart.options.ayanamsa.label} {format_dms(chart.ayanamsa_degrees)}"
        f" · {chart.options.node.value} node · whole-sign houses"
    )
    if chart.ascendant is None:
        lines.append("Lagna     none: without a birth time there is no lagna and no houses")
    else:
        asc = chart.ascendant
        lines.append(
            f"Lagna     {asc.sign.english} ({asc.sign.sanskrit}) {format_dms(asc.degree_in_sign)}"
            f" · {asc.nakshatra.sanskrit}-{asc.pada}"
        )
    if not chart.moon_sign_certain:
        lines.append(
            "Note      the Moon changes sign during this day: its sign depends on the birth time"
        )
    lines.append("")
    lines.append(f"{'Graha':<18} {'Sign':<24} {'Degree':>10}  {'Nakshatra-pada':<20} R  House")
    for p in chart.grahas:
        house = "-" if p.house is None else str(p.house)
        lines.append(
            f"{_graha_name(p.graha):<18} "
            f"{p.sign.english + ' (' + p.sign.sanskrit + ')':<24} "
            f"{format_dms(p.degree_in_sign):>10}  "
            f"{p.nakshatra.sanskrit + '-' + str(p.pada):<20} "
            f"{'R' if p.retrograde else ' '}  {house:>5}"
        )
    return lines


def _graha_name(graha: Graha) -> str:
    if graha.english == graha.sanskrit:  # Rahu and Ketu have no English names
        return graha.english
    return f"{graha.english} ({graha.sanskrit})"


def _header(moment: BirthMoment) -> list[str]:
    offset = f"UTC{format_offset(moment.utc_offset)}"
    utc = moment.utc.strftime("%Y-%m-%d %H:%M UTC")
    if moment.time_known:
        local = moment.local.strftime("%Y-%m-%d %H:%M")
        lines = [f"Birth     {local} local time, {offset} used ({utc})"]
    else:
        local = moment.local.strftime("%Y-%m-%d")
        lines = [f"Birth     {local}, time unknown: noon local used, {offset} ({utc})"]
    if moment.ambiguous:
        lines.append(
            f"Note      a clock change repeated or skipped that local time; {offset} was used"
        )
    return lines


def analysis_lines(a: ChartAnalysis) -> list[str]:
    """Short sections after the graha table: houses, dignities, dashas, manglik, yogas."""
    lines = [
        "",
        f"House  Sign          Lord (in house)      Occupants   [from the {a.houses_reference}]",
    ]
    for h in a.houses:
        occupants = ", ".join(g.english for g in h.occupants) or "-"
        lord = f"{h.lord.english} ({h.lord_house})"
        lines.append(f"{h.number:>5}  {h.sign.english:<13} {lord:<20} {occupants}")
    dignities = " · ".join(
        f"{g.english} {d.value.replace('_', ' ')}" for g, d in a.dignities.items()
    )
    now = a.dasha_now
    next_three = " · ".join(_period(p) for p in now.next_antardashas)
    lines += [
        "",
        f"Dignity   {dignities}",
        f"Dasha     {_period(now.mahadasha)} / {_period(now.antardasha)} (Vimshottari, UTC dates)",
        f"Next      {next_three}",
        f"Manglik   {_manglik(a)}",
        f"Yogas     {', '.join(y.code for y in a.yogas) or 'none of those checked'}",
        f"Sade Sati {_sade_sati(a)}",
    ]
    return lines


def _period(p: DashaPeriod) -> str:
    return f"{p.lord.english} {p.start:%Y-%m-%d} → {p.end:%Y-%m-%d}"


def _manglik(a: ChartAnalysis) -> str:
    m = a.manglik
    if not m.present:
        verdict = "not present"
    elif m.cancelled:
        verdict = f"present but cancelled ({', '.join(m.exceptions)})"
    else:
        verdict = "present"
    lagna = "-" if m.from_lagna is None else _yes(m.from_lagna)
    return (
        f"{verdict} · rule {m.rule} · from lagna {lagna}, Moon {_yes(m.from_moon)},"
        f" Venus {_yes(m.from_venus)}"
    )


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


def _sade_sati(a: ChartAnalysis) -> str:
    s = a.sade_sati
    where = f"Saturn in {s.saturn_sign.english}, Moon sign {s.moon_sign.english}"
    if not s.active or s.start is None or s.end is None:
        return f"not running ({where})"
    return f"{s.phase} phase, {s.start:%Y-%m-%d} → {s.end:%Y-%m-%d} ({where})"
