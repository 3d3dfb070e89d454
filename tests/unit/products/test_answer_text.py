"""The Q&A answer text: six languages, WhatsApp-sized parts, complete and consistent catalogs."""

from __future__ import annotations

import string

import pytest

from backend.domain.qna.answers import answer
from backend.domain.qna.topics import Topic
from backend.domain.whatsapp_text import MAX_MESSAGE_CHARS
from bot_flows import catalog
from bot_flows.products.answer_text import CATALOGS, render_answer
from tests.unit.qna.samples import CASES, PROFILES, analysis_of

ENGLISH = CATALOGS["en"]
LONG_NAME = "Venkata Satya Sai Lakshmi Narasimha Chaitanya Subrahmanyam"


def placeholders(template: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(template) if field}


def test_answers_catalogs_exist_for_every_bot_language() -> None:
    assert set(CATALOGS) == set(catalog.LANGUAGES)


@pytest.mark.parametrize("language", catalog.LANGUAGES)
def test_every_catalog_has_the_english_keys_and_placeholders(language: str) -> None:
    messages = CATALOGS[language]
    assert set(messages) == set(ENGLISH)
    for key, template in messages.items():
        assert placeholders(template) == placeholders(ENGLISH[key]), key


@pytest.mark.parametrize("language", [code for code in catalog.LANGUAGES if code != "en"])
def test_translations_are_not_english_copies(language: str) -> None:
    assert [k for k, v in CATALOGS[language].items() if v == ENGLISH[k]] == []


@pytest.mark.parametrize("language", catalog.LANGUAGES)
@pytest.mark.parametrize("case", CASES)
def test_every_topic_renders_in_whatsapp_sized_parts(language: str, case: tuple[int, int]) -> None:
    analysis = analysis_of(*case)
    for topic in Topic:
        result = answer(topic, analysis)
        parts = render_answer(result, LONG_NAME, language)
        assert parts and all(0 < len(part) <= MAX_MESSAGE_CHARS for part in parts)
        text = "\n".join(parts)
        words = CATALOGS[language]
        assert words[f"topic_{topic.value}"] in text
        assert words["disclaimer"] in text and words[f"tone_{result.tone}"] in text
        for reading in result.houses:
            assert words[f"house_{reading.number}"] in text
            assert catalog.text(language, f"sign_{reading.sign.value}") in text
            assert catalog.text(language, f"graha_{reading.lord.value}") in text
        for karaka in result.karakas:
            assert catalog.text(language, f"graha_{karaka.graha.value}") in text
        assert "{" not in text and "}" not in text


@pytest.mark.parametrize("language", catalog.LANGUAGES)
def test_the_house_reference_is_stated(language: str) -> None:
    timed = render_answer(answer(Topic.CAREER, analysis_of(0, 0)), "Asha", language)
    untimed = render_answer(answer(Topic.CAREER, analysis_of(2, 0)), "Mita", language)
    assert PROFILES[2].birth_time is None
    assert CATALOGS[language]["ref_lagna"] in "\n".join(timed)
    assert CATALOGS[language]["ref_moon"] in "\n".join(untimed)


def test_english_reads_naturally() -> None:
    result = answer(Topic.MARRIAGE, analysis_of(0, 0))
    text = "\n".join(render_answer(result, "Asha", "en"))
    maha = result.mahadasha.lord.english
    antar = result.antardasha.lord.english
    assert text.startswith("🔮 Asha, here is what your chart says about marriage")
    assert f"Running now: {maha}–{antar} dasha until " in text
    assert "🏠 7th house: " in text


def test_an_unknown_language_falls_back_to_english() -> None:
    result = answer(Topic.WEALTH, analysis_of(1, 0))
    assert render_answer(result, "Ravi", "xx") == render_answer(result, "Ravi", "en")


def test_a_running_favourable_period_is_called_current() -> None:
    running = [
        (case, topic)
        for case in CASES
        for topic in Topic
        if answer(topic, analysis_of(*case)).favourable_period
        == analysis_of(*case).dasha_now.antardasha
    ]
    assert running  # the sample charts include both situations
    for case, topic in running:
        text = "\n".join(render_answer(answer(topic, analysis_of(*case)), "Asha", "en"))
        assert "A favourable period is running now" in text
        assert "Next favourable period" not in text
