"""Formatting for the PDF: Latin-1-safe text, degrees, dates and names with transliterations."""

from __future__ import annotations

import math
import unicodedata
from datetime import date, datetime
from xml.sax.saxutils import escape

from backend.domain.astrology import Graha, Nakshatra, Sign
from backend.domain.report import KundaliReport

# The embedded Vera covers Latin-1 and the rest of WinAnsi (cp1252), nothing beyond.
_ENCODING = "cp1252"


def latin(text: str) -> str:
    """Text the built-in fonts can draw: accents folded ("Śiva" → "Siva"), other scripts dropped."""
    kept = []
    for char in unicodedata.normalize("NFKD", text):
        if unicodedata.combining(char):
            continue
        try:
            char.encode(_ENCODING)
        except UnicodeEncodeError:
            continue
        kept.append(char)
    return " ".join("".join(kept).split())


def safe(text: str) -> str:
    """latin() and escaped for a reportlab Paragraph (which reads a little XML)."""
    return escape(latin(text))


def dm(degrees: float) -> str:
    """Degrees and minutes, truncated (12°34')."""
    total = math.floor(degrees * 60 + 1e-7)
    return f"{total // 60}°{total % 60:02d}'"


def day(value: date) -> str:
    """15 Aug 1990."""
    return f"{value.day} {value:%b} {value.year}"


def when(report: KundaliReport, moment: datetime) -> str:
    """An instant's date at the birth place's UTC offset."""
    return day(report.birth.local_date(moment))


def sign(value: Sign) -> str:
    """Leo (Simha)."""
    return f"{value.english} ({value.sanskrit})"


def graha(value: Graha) -> str:
    """Sun (Surya); the nodes are their own names."""
    if value.english == value.sanskrit:
        return value.english
    return f"{value.english} ({value.sanskrit})"


def nakshatra(value: Nakshatra, pada: int) -> str:
    """Magha, pada 2."""
    return f"{value.sanskrit}, pada {pada}"


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th … 12th."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
