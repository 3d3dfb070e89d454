"""Fold place names so that the ways people type one name compare equal."""

from __future__ import annotations

import functools
import unicodedata

# Marks and letters deleted outright. Latin accents (NFKD splits "ā" into "a" + U+0304)
# go, so "Aurangābād" meets "aurangabad". Indic vowel signs and viramas are combining
# marks too but carry the spelling, so only the nukta goes ("फ़रवरी" is often typed
# "फरवरी"). Apostrophes vanish because transliterations use them inside words
# ("Ehskal'des"); zero-width joiners are invisible spelling noise.
_DELETED = (
    [chr(c) for c in range(0x0300, 0x0370)]  # Combining Diacritical Marks
    + ["\u093c", "\u09bc", "\u0a3c", "\u0abc", "\u0b3c", "\u0cbc"]  # Indic nuktas
    + ["\u200b", "\u200c", "\u200d", "\ufeff"]  # zero-width space / joiners
    + ["'", "\u2018", "\u2019", "`", "\u00b4", "\u02bc", "\u02bb", "\u02bf", "\u02be"]
)
# Latin letters NFKD leaves whole.
_LETTERS = {"ł": "l", "ø": "o", "đ": "d", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th", "ð": "d"}
# Chandrabindu and anusvara are used interchangeably when people type Hindi.
_INDIC = {"\u0901": "\u0902", "\u0981": "\u0982"}


@functools.cache
def _table() -> dict[int, str | None]:
    """The translate table: built once, on first use, not at import."""
    table: dict[int, str | None] = {}
    # Planes 0 and 1: every script people type here, plus emoji ("Mumbai 🙏").
    for code in range(0x20000):
        # Punctuation, symbols, separators and controls all become a word break.
        if unicodedata.category(chr(code))[0] in "PSZC":
            table[code] = " "
    for ch in _DELETED:
        table[ord(ch)] = None
    for src, dst in {**_LETTERS, **_INDIC}.items():
        table[ord(src)] = dst
    return table


# ASCII names (six in ten) take a byte-table path: str.translate with a dict costs a
# lookup per character and dominated the gazetteer's start-up.
_ASCII_PUNCT = bytes(c for c in range(128) if not chr(c).isalnum())
_ASCII_TABLE = bytes.maketrans(_ASCII_PUNCT, b" " * len(_ASCII_PUNCT))
_ASCII_DELETED = b"'`"


def fold(text: str) -> str:
    """Casefold, strip accents and punctuation, collapse spaces: the form we index by."""
    if text.isascii():
        raw = text.lower().encode("ascii").translate(_ASCII_TABLE, _ASCII_DELETED)
        return " ".join(raw.decode("ascii").split())
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join(decomposed.translate(_table()).split())
