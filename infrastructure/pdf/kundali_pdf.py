"""The Kundali report as an A4 PDF, drawn with reportlab.

The PDF is in English with Sanskrit transliterations (Leo (Simha), Ruby (Manik)), whatever the
user's language: reportlab places glyphs one by one and cannot shape Indic scripts (conjuncts,
vowel signs, reordering), so Devanagari, Tamil, Telugu or Bengali would print broken. The
WhatsApp text carries the user's language; the PDF carries the chart and the tables.
"""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import PageBreak, SimpleDocTemplate

from backend.domain.report import KundaliReport
from infrastructure.pdf import layout
from infrastructure.pdf.fonts import REGULAR, register_fonts
from infrastructure.pdf.pages import first_page, second_page, third_page
from infrastructure.pdf.text import latin

MARGIN = 14 * mm


def render_report_pdf(report: KundaliReport) -> bytes:
    """The report as PDF bytes (A4, three pages)."""
    register_fonts()
    buffer = io.BytesIO()
    name = latin(report.birth.name) or "Kundali"
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN + 4 * mm,
        title=f"Janma Kundali - {name}",
        author="BoloAstro",
        subject="Vedic birth chart report",
        invariant=True,  # same report, same bytes: no timestamp or random id inside
    )
    story = [
        *first_page(report, doc.width),
        PageBreak(),
        *second_page(report, doc.width),
        PageBreak(),
        *third_page(report, doc.width),
    ]
    doc.build(story, onFirstPage=_footer, onLaterPages=_footer)
    return buffer.getvalue()


def _footer(canvas: Canvas, doc: SimpleDocTemplate) -> None:
    canvas.saveState()
    canvas.setFont(REGULAR, 7)
    canvas.setFillColor(layout.MUTED)
    y = MARGIN - 2 * mm
    canvas.drawString(
        MARGIN,
        y,
        "BoloAstro - Vedic astrology on WhatsApp. Swiss Ephemeris, "
        "sidereal zodiac. Free software (AGPL-3.0).",
    )
    canvas.drawRightString(A4[0] - MARGIN, y, f"Page {doc.page}")
    canvas.restoreState()
