"""The three pages: details, chart and planets; houses and dashas; doshas, yogas, remedies."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table, TableStyle

from backend.domain.astrology import format_offset
from backend.domain.report import KundaliReport
from infrastructure.pdf import words
from infrastructure.pdf.layout import BODY, SMALL, SUBTITLE, TITLE, bold, heading, para, table
from infrastructure.pdf.north_chart import north_chart
from infrastructure.pdf.sections import about, dasha, manglik, remedies, sade_sati, yogas
from infrastructure.pdf.text import day, dm, graha, nakshatra, ordinal, safe, sign

CHART_SIZE = 84 * mm


def first_page(report: KundaliReport, width: float) -> list[Flowable]:
    """Title, birth details, the North-Indian chart with the lagna, and the planet table."""
    name = safe(report.birth.name)
    return [
        para(f"Janma Kundali{' - ' + name if name else ''}", TITLE),
        para(f"Vedic birth chart report, prepared on {day(report.at.date())}", SUBTITLE),
        heading("Birth details"),
        _birth(report, width),
        heading(_chart_title(report)),
        _chart_and_lagna(report, width),
        heading("Planetary positions"),
        _planets(report, width),
    ]


def second_page(report: KundaliReport, width: float) -> list[Flowable]:
    """The houses and the dasha timeline."""
    return [heading("The twelve houses (bhavas)"), _houses(report, width), *dasha(report, width)]


def third_page(report: KundaliReport, width: float) -> list[Flowable]:
    """Manglik, yogas, sade sati, remedies and how the report was made."""
    return [
        *manglik(report),
        *yogas(report),
        *sade_sati(report),
        *remedies(report, width),
        *about(report),
    ]


def _birth(report: KundaliReport, width: float) -> Table:
    b = report.birth
    if b.birth_time is None:
        clock = "Not known - noon used; houses counted from the Moon (Chandra lagna)"
    else:
        clock = f"{b.birth_time:%H:%M} local time" + (
            " (clock time repeated at a DST change)" if b.ambiguous_time else ""
        )
    lat = f"{abs(b.latitude):.4f}° {'N' if b.latitude >= 0 else 'S'}"
    lon = f"{abs(b.longitude):.4f}° {'E' if b.longitude >= 0 else 'W'}"
    offset = format_offset(b.utc_offset)
    reference = "lagna" if b.houses_reference == "lagna" else "Moon sign"
    rows = [
        ["Name", safe(b.name) or "-", "Date of birth", day(b.birth_date)],
        ["Time of birth", clock, "Place", safe(b.place_label)],
        ["Coordinates", f"{lat}, {lon}", "Time zone", safe(b.timezone)],
        ["UTC offset used", f"UTC{offset}", "Birth in UTC", f"{b.utc:%Y-%m-%d %H:%M}"],
        [
            "Ayanamsa",
            f"{b.ayanamsa.label} ({dm(b.ayanamsa_degrees)})",
            "Lunar node",
            f"{b.node.value.capitalize()} node",
        ],
        ["House system", f"Whole sign, from the {reference}", "Zodiac", "Sidereal (nirayana)"],
    ]
    labels = [[bold(r[0]), r[1], bold(r[2]), r[3]] for r in rows]
    return table(labels, [0.17 * width, 0.33 * width, 0.17 * width, 0.33 * width], header=False)


def _chart_title(report: KundaliReport) -> str:
    if report.lagna.reference == "lagna":
        return "Rashi chart (D1), North-Indian style"
    return "Chandra lagna chart (Moon sign as house 1), North-Indian style"


def _chart_and_lagna(report: KundaliReport, width: float) -> Table:
    signs = [h.sign.value + 1 for h in report.houses.houses]
    grahas: dict[int, list[str]] = {}
    for row in report.planets:
        # Rahu and Ketu always move backwards (the mean node, always; the true node, nearly):
        # charts conventionally leave them unmarked.
        marked = row.retrograde and row.graha.english not in ("Rahu", "Ketu")
        grahas.setdefault(row.house, []).append(
            words.ABBREVIATIONS[row.graha] + ("(R)" if marked else "")
        )
    label = "Asc" if report.lagna.reference == "lagna" else "Moon"
    drawing = north_chart(CHART_SIZE, signs, grahas, lagna_label=label)
    lagna_box = Table([[p] for p in _lagna_lines(report)], colWidths=[width - CHART_SIZE - 8 * mm])
    lagna_box.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)])
    )
    layout = Table([[drawing, lagna_box]], colWidths=[CHART_SIZE + 6 * mm, None])
    layout.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (0, 0), 0)])
    )
    return layout


def _lagna_lines(report: KundaliReport) -> list[Flowable]:
    lagna, moon = report.lagna, report.planets[1]
    p = lagna.personality
    title = "Lagna (ascendant)" if lagna.reference == "lagna" else "Chandra lagna (Moon sign)"
    retro = ", retrograde" if lagna.lord_retrograde else ""
    lines = [
        f"{bold(title)}: {sign(lagna.sign)} {dm(lagna.degree_in_sign)}, "
        f"{nakshatra(lagna.nakshatra, lagna.pada)}",
        f"{bold('Lagna lord')}: {graha(lagna.lord)} in the {ordinal(lagna.lord_house)} house, "
        f"{sign(lagna.lord_sign)}; {words.DIGNITIES[lagna.lord_dignity].lower()}{retro}",
        f"{bold('Nature')}: a {words.MODALITIES[p.modality]} {words.ELEMENTS[p.element]} sign - "
        + ", ".join(words.TRAITS[t] for t in p.traits)
        + ".",
        f"{bold('Moon sign (rashi)')}: {sign(moon.sign)}; janma nakshatra "
        f"{nakshatra(moon.nakshatra, moon.pada)}",
        f"{bold('Sun sign')}: {sign(report.planets[0].sign)}",
        "Sign numbers: 1 Mesha (Aries) ... 12 Meena (Pisces). (R) = retrograde.",
    ]
    if not report.birth.moon_sign_certain:
        lines.append(
            "The Moon changed sign on the birth day: with the time unknown, the Moon "
            "sign may be the neighbouring one."
        )
    return [para(line, SMALL if line.startswith("Sign numbers") else BODY) for line in lines]


def _planets(report: KundaliReport, width: float) -> Table:
    rows: list[list[str]] = [
        ["Graha", "Sign", "Degree", "Nakshatra (pada)", "House", "Dignity", "Motion"]
    ]
    for r in report.planets:
        nakshatra_pada = f"{r.nakshatra.sanskrit} ({r.pada})"
        motion = "Retro (R)" if r.retrograde else "Direct"
        rows.append(
            [
                bold(graha(r.graha)),
                sign(r.sign),
                dm(r.degree_in_sign),
                nakshatra_pada,
                str(r.house),
                words.DIGNITIES[r.dignity],
                motion,
            ]
        )
    shares = (0.17, 0.19, 0.08, 0.22, 0.07, 0.17, 0.10)
    return table(rows, [s * width for s in shares])


def _houses(report: KundaliReport, width: float) -> Table:
    rows: list[list[str]] = [["House", "Sign", "Lord", "Lord sits in", "Grahas in the house"]]
    for h in report.houses.houses:
        occupants = ", ".join(graha(g) for g in h.occupants) or "-"
        rows.append(
            [
                f"{bold(str(h.number))} {words.BHAVAS[h.number - 1]}",
                sign(h.sign),
                graha(h.lord),
                f"{ordinal(h.lord_house)} house",
                occupants,
            ]
        )
    shares = (0.31, 0.17, 0.16, 0.12, 0.24)
    return table(rows, [s * width for s in shares])
