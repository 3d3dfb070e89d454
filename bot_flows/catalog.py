"""Message catalogs: every reply in six languages, and the words that work everywhere."""

from __future__ import annotations

import unicodedata
from types import ModuleType

from bot_flows.catalogs import bn, en, hi, mr, ta, te

_MODULES: dict[str, ModuleType] = {"en": en, "hi": hi, "mr": mr, "ta": ta, "te": te, "bn": bn}
LANGUAGES: tuple[str, ...] = tuple(_MODULES)
DEFAULT_LANGUAGE = "en"

MESSAGES: dict[str, dict[str, str]] = {code: mod.MESSAGES for code, mod in _MODULES.items()}
WORDS: dict[str, dict[str, tuple[str, ...]]] = {code: mod.WORDS for code, mod in _MODULES.items()}


def _keep(char: str) -> str:
    # Vowel signs and viramas (category M*) are letters' parts in Indic scripts: dropping them
    # would turn the name "मीना" into the word "मेनू".
    if char.isalnum() or char.isspace() or unicodedata.category(char).startswith("M"):
        return char
    return "" if char in "'’" else " "


def fold(text: str) -> str:
    """Lower-case, strip punctuation and extra spaces, so "Menu!" and " menu " agree."""
    text = unicodedata.normalize("NFC", text).casefold()
    return " ".join("".join(_keep(c) for c in text).split())


def _word_index() -> dict[str, str]:
    # Global words are understood in any language, whatever the user's chosen one.
    index: dict[str, str] = {}
    for code in LANGUAGES:
        for meaning, words in WORDS[code].items():
            for word in words:
                index.setdefault(fold(word), meaning)
    return index


WORD_INDEX = _word_index()


def meaning_of(text: str) -> str | None:
    """The global word the text is ("menu", "back", "yes", …), if it is one."""
    return WORD_INDEX.get(fold(text))


def text(language: str | None, key: str, **params: object) -> str:
    """The message `key` in `language` (English when unset), with parameters filled in."""
    catalog = MESSAGES.get(language or DEFAULT_LANGUAGE, MESSAGES[DEFAULT_LANGUAGE])
    template = catalog[key]
    return template.format(**params) if params else template


def language_menu() -> str:
    """The numbered list of languages, each in its own script."""
    return "\n".join(
        f"{i}. {MESSAGES[code]['language_name']}" for i, code in enumerate(LANGUAGES, start=1)
    )
