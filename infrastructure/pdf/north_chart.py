"""The North-Indian (diamond) chart as a reportlab Drawing.

Geometry: a square, both diagonals, and the diamond joining the side midpoints make twelve
houses. House 1 is the top-centre diamond and the houses run counter-clockwise (2 and 3 on
the upper left, 4 the left diamond, 7 the bottom diamond, 10 the right diamond). The signs
move with the lagna, so each house shows its sign number (1 = Mesha … 12 = Meena) near the
centre and its grahas in the middle of the house.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from reportlab.graphics.shapes import Drawing, Line, Polygon, String
from reportlab.lib import colors

from infrastructure.pdf.fonts import BOLD
from infrastructure.pdf.fonts import REGULAR as FONT


@dataclass(frozen=True)
class _Slot:
    """Where a house's text goes, in units of the square's side (origin bottom-left, y up)."""

    sign_at: tuple[float, float]  # the sign number, toward the chart's centre
    text_at: tuple[float, float]  # the centre of the graha block
    per_line: int  # how many grahas fit side by side
    vertical: bool = False  # side triangles are tall and narrow: grow the block downward


# Kites (1, 4, 7, 10) are roomy; the eight triangles are half as wide at their centroid.
_SLOTS: dict[int, _Slot] = {
    1: _Slot((0.5, 0.56), (0.5, 0.76), 3),
    2: _Slot((0.25, 0.80), (0.25, 0.925), 3),
    3: _Slot((0.20, 0.75), (0.085, 0.75), 1, vertical=True),
    4: _Slot((0.44, 0.5), (0.24, 0.5), 3),
    5: _Slot((0.20, 0.25), (0.085, 0.25), 1, vertical=True),
    6: _Slot((0.25, 0.20), (0.25, 0.075), 3),
    7: _Slot((0.5, 0.44), (0.5, 0.24), 3),
    8: _Slot((0.75, 0.20), (0.75, 0.075), 3),
    9: _Slot((0.80, 0.25), (0.915, 0.25), 1, vertical=True),
    10: _Slot((0.56, 0.5), (0.76, 0.5), 3),
    11: _Slot((0.80, 0.75), (0.915, 0.75), 1, vertical=True),
    12: _Slot((0.75, 0.80), (0.75, 0.925), 3),
}


def north_chart(
    size: float,
    signs: Sequence[int],
    grahas: Mapping[int, Sequence[str]],
    *,
    lagna_label: str = "",
) -> Drawing:
    """A size×size drawing: signs[i] is the sign number (1..12) of house i+1 and grahas[h] the
    labels (e.g. "Sa(R)") standing in house h; lagna_label marks house 1 (e.g. "Asc")."""
    if len(signs) != 12:
        raise ValueError("a chart has twelve houses")
    drawing = Drawing(size, size)
    _frame(drawing, size)
    font = max(6.0, size / 26)
    for house, slot in _SLOTS.items():
        sx, sy = slot.sign_at
        drawing.add(
            _text(
                sx * size,
                sy * size - font / 3,
                str(signs[house - 1]),
                font * 0.9,
                colors.HexColor("#8a4b08"),
                FONT,
            )
        )
        _graha_block(drawing, size, slot, list(grahas.get(house, ())), font)
    if lagna_label:
        drawing.add(_text(size / 2, 0.635 * size, lagna_label, font * 0.75, colors.grey))
    return drawing


def _frame(drawing: Drawing, s: float) -> None:
    ink = colors.HexColor("#5a2d0c")
    drawing.add(
        Polygon(
            [0, 0, s, 0, s, s, 0, s],
            strokeColor=ink,
            strokeWidth=1.6,
            fillColor=colors.HexColor("#fff8ec"),
        )
    )
    for x1, y1, x2, y2 in ((0, 0, s, s), (0, s, s, 0)):
        drawing.add(Line(x1, y1, x2, y2, strokeColor=ink, strokeWidth=1))
    h = s / 2
    drawing.add(Polygon([h, 0, s, h, h, s, 0, h], strokeColor=ink, strokeWidth=1, fillColor=None))


def _graha_block(drawing: Drawing, s: float, slot: _Slot, labels: list[str], font: float) -> None:
    if not labels:
        return
    # A narrow side triangle takes one graha a line, two once three lines would not fit.
    per_line = 2 if slot.vertical and len(labels) > 3 else slot.per_line
    lines = [" ".join(labels[i : i + per_line]) for i in range(0, len(labels), per_line)]
    # Crowded houses get a smaller type so the block stays inside its house.
    size = font if len(lines) <= 2 else font * 0.85
    leading = size * 1.2
    cx, cy = slot.text_at[0] * s, slot.text_at[1] * s
    top = cy + (len(lines) - 1) * leading / 2
    for i, line in enumerate(lines):
        drawing.add(_text(cx, top - i * leading - size / 3, line, size, colors.black, BOLD))


def _text(
    x: float, y: float, text: str, size: float, colour: colors.Color, font: str = FONT
) -> String:
    return String(x, y, text, fontName=font, fontSize=size, fillColor=colour, textAnchor="middle")
