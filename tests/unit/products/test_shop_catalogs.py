"""The shop catalogs (payment messages) agree with English in all six languages."""

from __future__ import annotations

import re
import string
import unicodedata

import pytest

from bot_flows import catalog
from bot_flows.products.words import load_catalogs

SHOP = load_catalogs("shop")
ENGLISH = SHOP["en"]
TRANSLATED = [code for code in catalog.LANGUAGES if code != "en"]
# The capitalised words the user is told to type, and the global meaning each one has.
COMMANDS = {"RETRY": "retry", "MENU": "menu", "STOP": "stop", "START": "start"}


def placeholders(template: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(template) if field}


def symbols(template: str) -> list[str]:
    return sorted(c for c in template if unicodedata.category(c) == "So")


def commands(template: str) -> list[str]:
    return sorted(re.findall(r"\b(?:RETRY|MENU|STOP|START)\b", template))


@pytest.mark.parametrize("language", catalog.LANGUAGES)
def test_every_shop_catalog_has_exactly_the_english_keys(language: str) -> None:
    messages = SHOP[language]
    assert set(messages) - set(ENGLISH) == set(), "extra keys"
    assert set(ENGLISH) - set(messages) == set(), "missing keys"


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_shop_template_has_the_english_placeholders(language: str) -> None:
    for key, template in SHOP[language].items():
        assert placeholders(template) == placeholders(ENGLISH[key]), key


@pytest.mark.parametrize("language", TRANSLATED)
def test_translations_keep_the_emoji_and_the_command_words(language: str) -> None:
    for key, template in SHOP[language].items():
        assert symbols(template) == symbols(ENGLISH[key]), key
        assert commands(template) == commands(ENGLISH[key]), key


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_local_word_shown_beside_a_command_works(language: str) -> None:
    # "दोबारा (RETRY)" must promise a word the bot really understands as RETRY.
    for key, template in SHOP[language].items():
        for command in commands(template):
            meaning = COMMANDS[command]
            local = [w for w in catalog.WORDS[language][meaning] if f"{w} ({command})" in template]
            assert local, (key, command)
            assert all(catalog.meaning_of(word) == meaning for word in local), (key, command)


@pytest.mark.parametrize("language", TRANSLATED)
def test_shop_translations_are_not_english_copies(language: str) -> None:
    same = [key for key, text in SHOP[language].items() if text == ENGLISH[key]]
    assert same == []


@pytest.mark.parametrize("language", catalog.LANGUAGES)
def test_every_shop_template_renders(language: str) -> None:
    values = {name: "x" for template in ENGLISH.values() for name in placeholders(template)}
    for key, template in SHOP[language].items():
        assert template.format(**values), key
