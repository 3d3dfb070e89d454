"""Answers from real charts: the right houses, readings true to the analysis, dated periods
named in every language, determinism and the documented tone score."""

from __future__ import annotations

import pytest

from backend.domain.astrology.zodiac import Graha
from backend.domain.qna.answers import Answer, answer
from backend.domain.qna.topics import Topic
from bot_flows import catalog
from bot_flows.products.answer_text import render_answer
from tests.unit.qna.expectations import EXPECTED_HOUSES, FIXED_KARAKAS, window
from tests.unit.qna.samples import CASES, PROFILES, analysis_of, written_date


@pytest.mark.parametrize("topic", list(Topic))
@pytest.mark.parametrize("case", CASES)
def test_topic_houses_and_their_readings_match_the_analysis(
    topic: Topic, case: tuple[int, int]
) -> None:
    analysis = analysis_of(*case)
    result = answer(topic, analysis)
    assert tuple(r.number for r in result.houses) == EXPECTED_HOUSES[topic]
    for reading in result.houses:
        house = analysis.houses[reading.number - 1]
        assert (reading.sign, reading.lord, reading.lord_house) == (
            house.sign,
            house.lord,
            house.lord_house,
        )
        assert reading.occupants == house.occupants
        assert reading.lord_dignity == analysis.dignities[house.lord]
    for karaka in result.karakas:
        assert analysis.houses[karaka.house - 1].sign is analysis.chart.graha(karaka.graha).sign
        assert karaka.dignity == analysis.dignities[karaka.graha]
    assert FIXED_KARAKAS[topic] <= {k.graha for k in result.karakas}
    assert result.mahadasha == analysis.dasha_now.mahadasha
    assert result.antardasha == analysis.dasha_now.antardasha


@pytest.mark.parametrize("language", catalog.LANGUAGES)
@pytest.mark.parametrize("case", CASES)
def test_every_answer_names_dated_periods_of_the_users_dasha(
    language: str, case: tuple[int, int]
) -> None:
    analysis = analysis_of(*case)
    own_periods = set(window(analysis)) | {analysis.dasha_now.antardasha}
    for topic in Topic:
        result = answer(topic, analysis)
        text = "\n".join(render_answer(result, PROFILES[case[0]].name, language))
        period = result.favourable_period
        assert period in own_periods
        assert written_date(language, period.start) in text
        assert written_date(language, period.end) in text
        assert written_date(language, result.antardasha.end) in text


@pytest.mark.parametrize("case", CASES)
def test_same_inputs_give_identical_answers_and_text(case: tuple[int, int]) -> None:
    first = analysis_of(*case)
    again = analysis_of.__wrapped__(*case)  # recomputed from scratch, not the cached object
    for topic in Topic:
        a, b = answer(topic, first), answer(topic, again)
        assert isinstance(a, Answer) and a == b
        for language in catalog.LANGUAGES:
            assert render_answer(a, "Asha", language) == render_answer(b, "Asha", language)


POINTS = {"exalted": 2, "moolatrikona": 2, "own_sign": 2, "friendly": 1, "neutral": 0,
          "enemy": -1, "debilitated": -2}  # fmt: skip
MALEFICS = {Graha.SUN, Graha.MARS, Graha.SATURN, Graha.RAHU, Graha.KETU}


@pytest.mark.parametrize("case", CASES)
def test_tone_follows_the_documented_score(case: tuple[int, int]) -> None:
    analysis = analysis_of(*case)
    for topic in Topic:
        houses = [analysis.houses[n - 1] for n in EXPECTED_HOUSES[topic]]
        rulers = {h.lord for h in houses} | FIXED_KARAKAS[topic]
        score = sum(POINTS[analysis.dignities[g].value] for g in rulers)
        score += sum(-1 if g in MALEFICS else 1 for h in houses for g in h.occupants)
        want = "supportive" if score >= 2 else "challenging" if score <= -2 else "mixed"
        result = answer(topic, analysis)
        assert (result.tone_score, result.tone) == (score, want)
