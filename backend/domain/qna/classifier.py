"""Classify a free-text question by topic with weighted keyword lexicons in seven scripts/styles.

Deterministic and offline. Each word of the folded question scores, per topic, the weight of
the best lexicon term it matches; phrases add their weight on top. The highest total wins;
ties go to the earlier topic in PRIORITY; no positive score means GENERAL.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from backend.domain.qna import (
    lexicon_bn,
    lexicon_en,
    lexicon_hi,
    lexicon_mr,
    lexicon_ta,
    lexicon_te,
)
from backend.domain.qna.topics import Lexicon, Topic

__all__ = ["PRIORITY", "Topic", "classify", "fold", "scores"]

# Tie-break: the specific life event first. Money and work words appear as side remarks in
# most questions ("ghar lene ke liye paisa", "job ke baad shaadi"), so they rank last.
PRIORITY: tuple[Topic, ...] = (
    Topic.CHILDREN,
    Topic.MARRIAGE,
    Topic.HEALTH,
    Topic.EDUCATION,
    Topic.TRAVEL,
    Topic.PROPERTY,
    Topic.CAREER,
    Topic.WEALTH,
    Topic.GENERAL,
)

# Nuktas are dropped because users type ज/ज़, ड/ड़ and য/য় interchangeably, and NFC splits
# the precomposed forms anyway. Joiners only steer glyph shaping.
_DROP: dict[int, int | None] = {
    ord(c): None for c in "\u093c\u09bc\u0a3c\u0abc\u0b3c\u0c3c\u0cbc\u200c\u200d"
}
# Devanagari chandrabindu and anusvara are typed interchangeably ("हूँ"/"हूं").
_DROP[0x0901] = 0x0902
_LATIN_DOUBLE = re.compile(r"([b-df-hj-np-tv-z])\1+")


def _keep(char: str) -> str:
    # Vowel signs and viramas (category M*) are parts of Indic letters: never strip them.
    if char.isalnum() or unicodedata.category(char).startswith("M"):
        return char
    return "" if char in "'’" else " "


def fold(text: str) -> str:
    """Lower-case, unify spelling variants and reduce punctuation to single spaces."""
    text = unicodedata.normalize("NFC", text).casefold().translate(_DROP)
    text = "".join(_keep(c) for c in text)
    # Romanised typing doubles consonants at will: "shaddi", "baccha", "bussiness".
    return " ".join(_LATIN_DOUBLE.sub(r"\1", text).split())


@dataclass(frozen=True)
class _Term:
    text: str
    weight: int
    kind: str  # "prefix" | "word" | "infix" | "phrase"

    def in_word(self, word: str) -> bool:
        if self.kind == "word":
            return word == self.text
        if self.kind == "infix":
            return self.text in word
        return word.startswith(self.text)


def _compile(term: str, weight: int) -> _Term:
    if " " in term.strip():
        return _Term(fold(term), weight, "phrase")
    if term.endswith("$"):
        return _Term(fold(term[:-1]), weight, "word")
    if term.startswith("*"):
        return _Term(fold(term[1:]), weight, "infix")
    return _Term(fold(term), weight, "prefix")


def _merge(lexicons: Iterable[Lexicon]) -> dict[Topic, tuple[_Term, ...]]:
    merged: dict[Topic, list[_Term]] = {topic: [] for topic in Topic}
    for lexicon in lexicons:
        for topic, terms in lexicon.items():
            merged[topic].extend(_compile(term, weight) for term, weight in terms)
    return {topic: tuple(terms) for topic, terms in merged.items()}


_TERMS = _merge(
    module.LEXICON
    for module in (lexicon_en, lexicon_hi, lexicon_mr, lexicon_ta, lexicon_te, lexicon_bn)
)


def _score(terms: tuple[_Term, ...], words: list[str], padded: str) -> int:
    total = 0
    for word in words:
        total += max((t.weight for t in terms if t.kind != "phrase" and t.in_word(word)), default=0)
    total += sum(t.weight for t in terms if t.kind == "phrase" and f" {t.text}" in padded)
    return total


def scores(question: str) -> dict[Topic, int]:
    """The score of every topic for a question (for tests and diagnostics)."""
    folded = fold(question)
    words, padded = folded.split(), f" {folded}"
    return {topic: _score(_TERMS[topic], words, padded) for topic in PRIORITY}


def classify(question: str) -> Topic:
    """The topic a question is about; GENERAL when no topic scores above zero."""
    ranked = scores(question)
    best = max(ranked.values())
    if best <= 0:
        return Topic.GENERAL
    return next(topic for topic in PRIORITY if ranked[topic] == best)
