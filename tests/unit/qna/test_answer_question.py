"""The answer-a-question use case: nothing is computed without the Q&A entitlement."""

from __future__ import annotations

import pytest

from backend.application import answer_question as use_case
from backend.domain.astrology.analysis import ChartAnalysis, analyse
from backend.domain.entitlements import NotEntitled, Product
from backend.domain.qna.answers import Answer
from backend.domain.qna.ports import AnswerProvider, ChartAnswerProvider
from backend.domain.qna.topics import Topic
from bot_flows.preview import chart_for
from bot_flows.products.answer_text import render_answer
from tests.unit.qna.samples import INSTANTS, PROFILES

PROFILE, AT = PROFILES[0], INSTANTS[0]


class SpyProvider:
    """Records what it was asked and delegates to the chart provider."""

    def __init__(self) -> None:
        self.questions: list[str] = []

    def answer(self, question: str, analysis: ChartAnalysis) -> Answer:
        self.questions.append(question)
        return ChartAnswerProvider().answer(question, analysis)


class Entitlements:
    def __init__(self, allowed: bool) -> None:
        self.allowed = allowed
        self.asked: list[Product] = []

    def __call__(self, product: Product) -> bool:
        self.asked.append(product)
        return self.allowed


def test_not_entitled_raises_before_any_chart_is_computed(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_chart(profile: object) -> None:
        raise AssertionError("a chart was computed without an entitlement")

    monkeypatch.setattr(use_case, "chart_for", no_chart)
    provider, check = SpyProvider(), Entitlements(allowed=False)
    with pytest.raises(NotEntitled) as raised:
        use_case.answer_question("shaadi kab hogi", PROFILE, "hi", AT, check, provider)
    assert raised.value.product is Product.QNA
    assert check.asked == [Product.QNA]
    assert provider.questions == []


def test_entitled_user_gets_the_rendered_chart_answer() -> None:
    provider, check = SpyProvider(), Entitlements(allowed=True)
    parts = use_case.answer_question("shaadi kab hogi", PROFILE, "hi", AT, check, provider)
    assert check.asked == [Product.QNA]
    assert provider.questions == ["shaadi kab hogi"]
    marriage = ChartAnswerProvider().answer("shaadi kab hogi", analyse(chart_for(PROFILE), AT))
    assert marriage.topic is Topic.MARRIAGE
    assert parts == render_answer(marriage, PROFILE.name, "hi")


def test_the_chart_provider_satisfies_the_port() -> None:
    provider: AnswerProvider = ChartAnswerProvider()
    analysis = analyse(chart_for(PROFILE), AT)
    assert provider.answer("naukri milegi kya", analysis).topic is Topic.CAREER
