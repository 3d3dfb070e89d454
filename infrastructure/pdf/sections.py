"""The PDF's later sections: dasha timeline, manglik, yogas, sade sati and remedies."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether, Table, TableStyle

from backend.domain.report import KundaliReport
from infrastructure.pdf import words
from infrastructure.pdf.layout import SMALL, bold, heading, para, table
from infrastructure.pdf.text import graha, ordinal, sign, when


def dasha(report: KundaliReport, width: float) -> list[Flowable]:
    """All mahadashas (the running one highlighted) and the running mahadasha's antardashas."""
    d = report.dasha
    rows: list[list[str]] = [["Mahadasha", "From", "To"]]
    running: list[int] = []
    for i, maha in enumerate(d.mahadashas, start=1):
        if maha == d.mahadasha:
            running.append(i)
        rows.append([graha(maha.lord), when(report, maha.start), when(report, maha.end)])
    antars: list[list[str]] = [["Antardasha", "From", "To"]]
    current: list[int] = []
    for i, antar in enumerate(d.antardashas, start=1):
        if antar == d.antardasha:
            current.append(i)
        label = f"{d.mahadasha.lord.english} / {antar.lord.english}"
        antars.append([label, when(report, antar.start), when(report, antar.end)])
    upcoming = ", ".join(
        f"{graha(a.lord)} from {when(report, a.start)}" for a in d.next_antardashas
    )
    half = (width - 6) / 2
    shares = (0.44, 0.28, 0.28)
    left = table(rows, [s * half for s in shares], highlight=running)
    right = table(antars, [s * half for s in shares], highlight=current)
    flow: list[Flowable] = [
        heading("Vimshottari dasha"),
        para(
            f"Running now: {bold(graha(d.mahadasha.lord))} mahadasha, "
            f"{bold(graha(d.antardasha.lord))} antardasha "
            f"({when(report, d.antardasha.start)} to {when(report, d.antardasha.end)}). "
            f"Next antardashas: {upcoming}."
        ),
        _side_by_side(left, right, width),
    ]
    if not report.birth.time_known:
        flow.append(
            para(
                "Birth time unknown: dasha dates are approximate (by some months), "
                "since they follow the Moon's exact position.",
                SMALL,
            )
        )
    return flow


def _side_by_side(left: Flowable, right: Flowable, width: float) -> Flowable:
    outer = Table([[left, right]], colWidths=[width / 2, width / 2])
    outer.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return outer


def manglik(report: KundaliReport) -> list[Flowable]:
    """The verdict, the rule used, where Mars stands and any cancellation."""
    m = report.manglik
    places = [
        f"{ordinal(m.mars_from_moon)} from the Moon",
        f"{ordinal(m.mars_from_venus)} from Venus",
    ]
    if m.mars_from_lagna is not None:
        places.insert(0, f"{ordinal(m.mars_from_lagna)} from the lagna")
    lines = [
        f"{bold('Result')}: {words.MANGLIK_STATUS[m.status]}.",
        f"{bold('Rule')}: {words.MANGLIK_RULES.get(m.detail.rule, m.detail.rule)}",
        f"{bold('Mars stands')}: {', '.join(places)}.",
    ]
    if m.detail.exceptions:
        found = "; ".join(words.MANGLIK_EXCEPTIONS.get(e, e) for e in m.detail.exceptions)
        lines.append(f"{bold('Cancelled by')}: {found}.")
    return [KeepTogether([heading("Manglik (Kuja dosha)"), *(para(line) for line in lines)])]


def yogas(report: KundaliReport) -> list[Flowable]:
    """Each yoga present with the grahas forming it and a one-line meaning."""
    flow: list[Flowable] = [heading("Yogas")]
    if not report.yogas:
        checked = "Gajakesari, Budhaditya, Chandra-Mangala, the five Mahapurusha yogas, Kemadruma"
        flow.append(para(f"None of the yogas checked here ({checked}) is formed."))
    for yoga in report.yogas:
        name, meaning = words.YOGAS[yoga.code]
        by = ", ".join(graha(g) for g in yoga.grahas)
        flow.append(para(f"{bold(name)} ({by}): {meaning}"))
    return [KeepTogether(flow)]


def sade_sati(report: KundaliReport) -> list[Flowable]:
    """Whether Saturn's 7.5-year transit over the Moon is running, its phase and dates."""
    s = report.sade_sati
    where = f"Saturn transits {sign(s.saturn_sign)}; the natal Moon is in {sign(s.moon_sign)}."
    if s.active and s.phase is not None:
        span = ""
        if s.start is not None and s.end is not None:
            span = f" It runs from {when(report, s.start)} to {when(report, s.end)}."
        status = f"{bold('Sade Sati is running')}: {words.SADE_SATI_PHASES[s.phase]}.{span}"
    else:
        status = f"{bold('Sade Sati is not running')} on {when(report, report.at)}."
    about = (
        "Sade Sati is the roughly seven and a half years Saturn takes to cross the signs "
        "before, on and after the natal Moon: a time of effort, patience and maturing."
    )
    return [
        KeepTogether([heading("Shani Sade Sati"), para(where), para(status), para(about, SMALL)])
    ]


def remedies(report: KundaliReport, width: float) -> list[Flowable]:
    """The lagna lord's gemstone, day, colours, number, deity and mantra."""
    r = report.remedies.remedy
    rows = [
        [bold("Gemstone"), words.GEMSTONES[r.gemstone]],
        [bold("Day"), r.day.capitalize()],
        [bold("Colours"), ", ".join(words.COLOURS[c] for c in r.colours)],
        [bold("Number"), str(r.number)],
        [bold("Deity"), words.DEITIES[r.deity]],
        [bold("Mantra"), f"{words.MANTRAS[r.mantra]} (108 times, on {r.day.capitalize()}s)"],
    ]
    return [
        KeepTogether(
            [
                heading("Remedies and lucky factors"),
                para(f"Chosen by the lagna lord, {graha(report.remedies.graha)}."),
                table(rows, [0.2 * width, 0.8 * width], header=False),
                para(
                    "Wear a gemstone only after a trusted astrologer has examined the whole chart. "
                    "Remedies support effort; they do not replace it.",
                    SMALL,
                ),
            ]
        )
    ]


def about(report: KundaliReport) -> list[Flowable]:
    """How the chart was computed, and the spirit in which to read it."""
    b = report.birth
    return [
        heading("About this report"),
        para(
            f"Positions are sidereal (nirayana), computed with the Swiss Ephemeris (Moshier) and "
            f"the {b.ayanamsa.label} ayanamsa, {b.node.value} lunar nodes and whole-sign houses. "
            "Dasha periods use the Vimshottari system with years of 365.25 days.",
            SMALL,
        ),
        para(
            "Astrology describes tendencies, not certainties. Please take important decisions "
            "about health, money or relationships with the help of qualified people.",
            SMALL,
        ),
    ]
