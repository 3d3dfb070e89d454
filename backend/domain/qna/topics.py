"""The life areas a question can be about, and the shape of a keyword lexicon."""

from __future__ import annotations

from enum import StrEnum


class Topic(StrEnum):
    """What a question is about; GENERAL when nothing more specific is recognised."""

    CAREER = "career"
    MARRIAGE = "marriage"  # marriage and relationships
    HEALTH = "health"
    WEALTH = "wealth"
    EDUCATION = "education"
    TRAVEL = "travel"  # travel, abroad, settling overseas
    CHILDREN = "children"
    PROPERTY = "property"
    GENERAL = "general"


# A term and its weight: 3 = unambiguous, 2 = strong but shared, 1 = a weak hint,
# negative = a phrase that cancels a false friend (e.g. "लग्न राशि" is the ascendant sign).
# Term syntax (matched on folded text, word by word):
#   "stem"   the start of a word (inflections follow: "शाद" → शादी, शादि)
#   "word$"  the whole word only ("घर$" but not घराना)
#   "*part"  anywhere inside a word (compounds: प्रेमविवाह)
#   "a b"    a phrase of whole words, the last one a prefix
Lexicon = dict[Topic, tuple[tuple[str, int], ...]]
