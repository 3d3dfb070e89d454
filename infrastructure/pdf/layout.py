"""The PDF's look: colours, paragraph styles and the one table style every section uses."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from infrastructure.pdf.fonts import BOLD, REGULAR

INK = colors.HexColor("#2b1a0e")
ACCENT = colors.HexColor("#8a3b12")  # a deep saffron-maroon, as on printed patrikas
SHADE = colors.HexColor("#fbeedd")
HIGHLIGHT = colors.HexColor("#f6d28b")
RULE = colors.HexColor("#d9b98f")
MUTED = colors.HexColor("#6b5a4a")

TITLE = ParagraphStyle(
    "title",
    fontName=BOLD,
    fontSize=20,
    leading=24,
    textColor=ACCENT,
    alignment=TA_CENTER,
    spaceAfter=2,
)
SUBTITLE = ParagraphStyle(
    "subtitle",
    fontName=REGULAR,
    fontSize=9.5,
    leading=12,
    textColor=MUTED,
    alignment=TA_CENTER,
    spaceAfter=8,
)
HEADING = ParagraphStyle(
    "heading",
    fontName=BOLD,
    fontSize=12.5,
    leading=15,
    textColor=ACCENT,
    spaceBefore=9,
    spaceAfter=4,
)
BODY = ParagraphStyle("body", fontName=REGULAR, fontSize=8.8, leading=11, textColor=INK)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=8, leading=10, textColor=MUTED)
_PADDING = 3
CELL = ParagraphStyle("cell", parent=BODY, fontSize=8, leading=9.8)


def heading(text: str) -> Paragraph:
    """A section heading."""
    return Paragraph(text, HEADING)


def para(text: str, style: ParagraphStyle = BODY) -> Paragraph:
    """A paragraph of (already escaped) text."""
    return Paragraph(text, style)


def table(
    rows: Sequence[Sequence[str | Flowable]],
    widths: Sequence[float],
    *,
    header: bool = True,
    highlight: Sequence[int] = (),
) -> Table:
    """A ruled table; the first row is a header when `header`, rows in `highlight` stand out."""
    style: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), REGULAR, CELL.fontSize, CELL.leading),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("GRID", (0, 0), (-1, -1), 0.4, RULE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), _PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), _PADDING),
    ]
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), SHADE))
    style.extend(("BACKGROUND", (0, row), (-1, row), HIGHLIGHT) for row in highlight)
    cells = [
        [_cell(c, widths[x], (x, y), style) if isinstance(c, str) else c for x, c in enumerate(row)]
        for y, row in enumerate(rows)
    ]
    result = Table(cells, colWidths=list(widths), repeatRows=1 if header else 0)
    result.setStyle(TableStyle(style))
    return result


def bold(text: str) -> str:
    """Paragraph markup for bold text."""
    return f"<b>{text}</b>"


def _cell(text: str, width: float, at: tuple[int, int], style: list[tuple[Any, ...]]) -> Any:
    """Plain text when it fits on one line, else a wrapping Paragraph.

    Paragraphs cost about ten times more to lay out, and most cells are short: drawing those
    as plain strings keeps a report under ~100 ms.
    """
    plain, font = text, REGULAR
    if text.startswith("<b>") and text.endswith("</b>") and text.count("<") == 2:
        plain, font = text[3:-4], BOLD
    fits = stringWidth(plain, font, CELL.fontSize) <= width - 2 * _PADDING
    if "<" in plain or "&" in plain or not fits:  # markup, escapes or wrapping: a Paragraph
        return para(text, CELL)
    if font == BOLD:
        style.append(("FONTNAME", at, at, BOLD))
    return plain
