"""The PDF report, rendered by poppler and looked at: pages, ink, and the chart drawn right.

Needs poppler-utils (pdftoppm, pdftotext); .ci/run installs it. Without it the test skips
with that reason rather than installing anything itself.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import UTC, date, datetime, time
from functools import cache

import pytest

from backend.domain.astrology import Graha, analyse
from backend.domain.profile import BirthProfile
from backend.domain.report import KundaliReport, build_report
from bot_flows.preview import chart_for
from infrastructure.pdf import render_report_pdf
from infrastructure.pdf.words import ABBREVIATIONS

pytestmark = pytest.mark.skipif(
    not (shutil.which("pdftoppm") and shutil.which("pdftotext")),
    reason="poppler-utils (pdftoppm, pdftotext) is not installed: apt-get install poppler-utils",
)

AT = datetime(2026, 11, 22, 6, 0, tzinfo=UTC)
PROFILES = {
    "time_known": BirthProfile(
        "Asha Kulkarni", date(1990, 8, 15), time(22, 30), "Mumbai, Maharashtra, India",
        19.07283, 72.88261, "Asia/Kolkata", id=1,
    ),
    "time_unknown": BirthProfile(
        "आशा", date(1985, 1, 26), None, "Pune, Maharashtra, India", 18.52, 73.86,
        "Asia/Kolkata", id=2,
    ),
}  # fmt: skip
DARK = 110  # grey level below which a pixel is ink
# The twelve houses of a North-Indian chart in unit square coordinates (y up), drawn here
# independently of the renderer: house 1 the top diamond, then counter-clockwise.
HOUSES = {
    1: [(0.5, 0.5), (0.25, 0.75), (0.5, 1), (0.75, 0.75)],
    2: [(0, 1), (0.5, 1), (0.25, 0.75)],
    3: [(0, 1), (0.25, 0.75), (0, 0.5)],
    4: [(0, 0.5), (0.25, 0.75), (0.5, 0.5), (0.25, 0.25)],
    5: [(0, 0.5), (0.25, 0.25), (0, 0)],
    6: [(0, 0), (0.25, 0.25), (0.5, 0)],
    7: [(0.5, 0), (0.25, 0.25), (0.5, 0.5), (0.75, 0.25)],
    8: [(0.5, 0), (0.75, 0.25), (1, 0)],
    9: [(1, 0), (0.75, 0.25), (1, 0.5)],
    10: [(1, 0.5), (0.75, 0.25), (0.5, 0.5), (0.75, 0.75)],
    11: [(1, 0.5), (0.75, 0.75), (1, 1)],
    12: [(1, 1), (0.75, 0.75), (0.5, 1)],
}


@cache
def report(key: str) -> KundaliReport:
    profile = PROFILES[key]
    return build_report(profile, analyse(chart_for(profile), AT))


@cache
def pdf(key: str) -> bytes:
    return render_report_pdf(report(key))


def run(*args: str, data: bytes) -> bytes:
    return subprocess.run(args, input=data, capture_output=True, check=True, timeout=60).stdout


def page_one_grey(data: bytes, dpi: int) -> tuple[int, int, bytes]:
    """Page 1 as an 8-bit PGM (P5), parsed: width, height, pixels row by row."""
    pgm = run("pdftoppm", "-gray", "-r", str(dpi), "-f", "1", "-l", "1", "-", data=data)
    match = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", pgm)
    assert match and match.group(3) == b"255", pgm[:20]
    width, height = int(match.group(1)), int(match.group(2))
    pixels = pgm[match.end() :]
    assert len(pixels) == width * height
    return width, height, pixels


def chart_square(width: int, height: int, px: bytes) -> tuple[int, int, int]:
    """(left, top, side) of the chart frame: the only long dark horizontal lines on page 1."""
    long_rows: list[tuple[int, int, int]] = []
    for y in range(height):
        row = px[y * width : (y + 1) * width]
        for run_match in re.finditer(rb"[\x00-\x6d]{150,}", row):  # runs of pixels < DARK
            long_rows.append((y, run_match.start(), run_match.end()))
    assert long_rows, "no chart frame found"
    top, bottom = long_rows[0], long_rows[-1]
    side = bottom[0] - top[0]
    assert abs((top[2] - top[1]) - side) <= 3, "the chart is not a square"
    return top[1], top[0], side


def inked_near(px: bytes, width: int, x: float, y: float) -> bool:
    return any(
        px[(round(y) + dy) * width + round(x) + dx] < DARK
        for dx in (-2, -1, 0, 1, 2)
        for dy in (-2, -1, 0, 1, 2)
    )


def inside(point: tuple[float, float], polygon: list[tuple[float, float]]) -> bool:
    x, y = point
    crossings = 0
    for (x1, y1), (x2, y2) in zip(polygon, polygon[1:] + polygon[:1], strict=True):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            crossings += 1
    return crossings % 2 == 1


def words_in_square(data: bytes, left: int, top: int, side: int) -> list[tuple[str, float, float]]:
    """Words drawn inside the chart, with their centres in unit coordinates (y up)."""
    html = run("pdftotext", "-bbox", "-f", "1", "-l", "1", "-", "-", data=data).decode()
    pattern = r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]+)<'
    found = []
    for x0, y0, x1, y1, word in re.findall(pattern, html):
        u = ((float(x0) + float(x1)) / 2 - left) / side
        v = 1 - ((float(y0) + float(y1)) / 2 - top) / side
        if 0 < u < 1 and 0 < v < 1:
            found.append((word, u, v))
    return found


@pytest.mark.parametrize("key", PROFILES)
def test_the_pdf_has_pages_and_ink(key: str) -> None:
    data = pdf(key)
    assert data.startswith(b"%PDF-")
    assert len(re.findall(rb"/Type /Page\b", data)) >= 1
    width, height, px = page_one_grey(data, 50)
    dark = sum(1 for p in px if p < 128)
    assert dark / (width * height) >= 0.02


@pytest.mark.parametrize("key", PROFILES)
def test_the_north_indian_chart_is_drawn_with_every_house_in_place(key: str) -> None:
    data, r = pdf(key), report(key)
    # At 72 dpi a pixel is a PDF point, the unit pdftotext reports word boxes in.
    width, height, px = page_one_grey(data, 72)
    left, top, side = chart_square(width, height, px)
    assert 200 <= side <= 260  # about 84 mm
    corners = {"tl": (0, 0), "tr": (1, 0), "br": (1, 1), "bl": (0, 1)}
    segments = [
        (corners["tl"], corners["br"]), (corners["tr"], corners["bl"]),  # both diagonals
        ((0.5, 0), (1, 0.5)), ((1, 0.5), (0.5, 1)), ((0.5, 1), (0, 0.5)), ((0, 0.5), (0.5, 0)),
        ((0, 0), (0, 1)), ((1, 0), (1, 1)),  # the frame's sides
    ]  # fmt: skip
    for (x1, y1), (x2, y2) in segments:
        for step in range(1, 20):
            t = step / 20
            x, y = left + side * (x1 + t * (x2 - x1)), top + side * (y1 + t * (y2 - y1))
            assert inked_near(px, width, x, y), ((x1, y1), (x2, y2), t)

    words = words_in_square(data, left, top, side)
    for house in r.houses.houses:
        # Each house shows its sign number inside its own polygon …
        numbers = [(u, v) for w, u, v in words if w == str(house.sign.value + 1)]
        assert any(inside(p, HOUSES[house.number]) for p in numbers), house.number
    for row in r.planets:
        # … and each graha's abbreviation stands in the house the report puts it in.
        abbreviation = ABBREVIATIONS[row.graha]
        spots = [(u, v) for w, u, v in words if w.removesuffix("(R)") == abbreviation]
        assert spots and all(inside(p, HOUSES[row.house]) for p in spots), row.graha
        marked = any(w == f"{abbreviation}(R)" for w, _, _ in words)
        assert marked == (row.retrograde and row.graha not in (Graha.RAHU, Graha.KETU))
