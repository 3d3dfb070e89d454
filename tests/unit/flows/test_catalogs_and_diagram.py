"""Catalog completeness in six languages, global-word consistency, and the diagram in step."""

from __future__ import annotations

import string
from pathlib import Path

import pytest

from bot_flows import catalog
from bot_flows.diagram import main_flow_diagram

ENGLISH = catalog.MESSAGES["en"]


def placeholders(template: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(template) if field}


@pytest.mark.parametrize("language", catalog.LANGUAGES)
def test_every_catalog_has_exactly_the_english_keys(language: str) -> None:
    messages = catalog.MESSAGES[language]
    assert set(messages) - set(ENGLISH) == set(), "extra keys"
    assert set(ENGLISH) - set(messages) == set(), "missing keys"
    assert set(catalog.WORDS[language]) == set(catalog.WORDS["en"])


@pytest.mark.parametrize("language", catalog.LANGUAGES)
def test_every_template_has_the_english_placeholders(language: str) -> None:
    for key, template in catalog.MESSAGES[language].items():
        assert placeholders(template) == placeholders(ENGLISH[key]), key


@pytest.mark.parametrize("language", [code for code in catalog.LANGUAGES if code != "en"])
def test_translations_are_not_english_copies(language: str) -> None:
    same = [k for k, v in catalog.MESSAGES[language].items() if v == ENGLISH[k]]
    # Only language-neutral templates may stay identical.
    assert set(same) <= {"name_pair", "date_format"}, same


def test_global_words_mean_one_thing_across_all_languages() -> None:
    seen: dict[str, str] = {}
    for language in catalog.LANGUAGES:
        for meaning, words in catalog.WORDS[language].items():
            for word in words:
                folded = catalog.fold(word)
                assert seen.setdefault(folded, meaning) == meaning, (language, word)


def test_fold_ignores_case_punctuation_and_spacing() -> None:
    assert catalog.meaning_of("  MENU! ") == "menu"
    assert catalog.meaning_of("Don't") is None
    assert catalog.meaning_of("मेनू।") == "menu"


@pytest.mark.parametrize("name", ["मीना", "मीनू", "मिनी", "নেহা", "नेहा", "মীনা", "মানা", "मीन"])
def test_indic_names_are_not_mistaken_for_global_words(name: str) -> None:
    # Folding must keep vowel signs: without them these names collide with मेनू / ना.
    assert catalog.meaning_of(name) is None


def test_the_mermaid_diagram_matches_the_table() -> None:
    path = Path(__file__).resolve().parents[3] / "bot_flows" / "main_flow.mmd"
    assert path.read_text(encoding="utf-8") == main_flow_diagram(), (
        "regenerate: python -m bot_flows.diagram > bot_flows/main_flow.mmd"
    )
