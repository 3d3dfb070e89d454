"""The favourable period: the first antardasha signifying the topic, else a benefic's."""

from __future__ import annotations

import pytest

from backend.domain.qna import answers
from backend.domain.qna.answers import Reason, answer
from backend.domain.qna.topic_rules import TOPIC_HOUSES, TOPIC_KARAKAS
from backend.domain.qna.topics import Topic
from tests.unit.qna.expectations import (
    BENEFICS,
    EXPECTED_HOUSES,
    FIXED_KARAKAS,
    significators,
    window,
)
from tests.unit.qna.samples import CASES, analysis_of


@pytest.mark.parametrize("topic", list(Topic))
@pytest.mark.parametrize("case", CASES)
def test_the_favourable_period_is_the_first_that_follows_the_rule(
    topic: Topic, case: tuple[int, int]
) -> None:
    analysis = analysis_of(*case)
    result = answer(topic, analysis)
    chosen = result.favourable_period
    expected = next(p for p in window(analysis) if p.lord in significators(topic, analysis))
    assert chosen == expected
    assert chosen.level == 2 and chosen.end > analysis.at
    assert result.favourable_reasons
    for reason in result.favourable_reasons:
        if reason.house is None:
            assert reason == Reason("karaka") and chosen.lord in FIXED_KARAKAS[topic]
            continue
        assert reason.house in EXPECTED_HOUSES[topic]
        house = analysis.houses[reason.house - 1]
        assert (
            chosen.lord is house.lord if reason.kind == "lord" else chosen.lord in house.occupants
        )


def test_the_benefic_fallback_applies_when_nothing_signifies_the_topic(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Any 20 years hold a significator; a 1-year window shows the fallback is reached.
    monkeypatch.setattr(answers, "SEARCH_YEARS", 1)
    seen = 0
    for case in CASES:
        analysis = analysis_of(*case)
        for topic in Topic:
            near = window(analysis, years=1)
            if any(p.lord in significators(topic, analysis) for p in near):
                continue
            result = answer(topic, analysis)
            benefics = [p for p in near if p.lord in BENEFICS]
            if benefics:
                seen += 1
                assert result.favourable_period == benefics[0]
                assert result.favourable_reasons == (Reason("benefic"),)
            else:
                assert result.favourable_period == analysis.dasha_now.antardasha
                assert result.favourable_reasons == ()
    assert seen > 0


def test_karakas_named_by_house_are_topic_houses() -> None:
    # answers.reasons_for relies on it: a "lord of N" karaka is already reported as a lord.
    for topic, karakas in TOPIC_KARAKAS.items():
        assert {k for k in karakas if isinstance(k, int)} <= set(TOPIC_HOUSES[topic])
