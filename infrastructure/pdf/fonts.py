"""The fonts embedded in every report: Bitstream Vera, which ships inside reportlab itself.

Embedded because the PDF standard fonts (Helvetica …) are not: each viewer substitutes its
own, with its own metrics (poppler's substitute sets "Ju" as "J u"). Embedding a subset keeps
the page identical everywhere for a few kilobytes, and needs no font on the host.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

REGULAR = "BoloVera"
BOLD = "BoloVera-Bold"
_Flag = Literal[0, 1]
# (name, bold, italic, file)
_FILES: tuple[tuple[str, _Flag, _Flag, str], ...] = (
    (REGULAR, 0, 0, "Vera.ttf"),
    (BOLD, 1, 0, "VeraBd.ttf"),
    ("BoloVera-Italic", 0, 1, "VeraIt.ttf"),
    ("BoloVera-BoldItalic", 1, 1, "VeraBI.ttf"),
)


@lru_cache(maxsize=1)
def register_fonts() -> None:
    """Register the fonts with reportlab once per process (its registry is global)."""
    for name, bold, italic, file in _FILES:
        pdfmetrics.registerFont(TTFont(name, file))  # found on reportlab's own font path
        addMapping(REGULAR, bold, italic, name)  # lets <b> and <i> in paragraphs find them
