"""The port the Q&A use case answers through, and the chart-based provider behind it."""

from __future__ import annotations

from typing import Protocol

from backend.domain.astrology.analysis import ChartAnalysis
from backend.domain.qna.answers import Answer, answer
from backend.domain.qna.classifier import classify


class AnswerProvider(Protocol):
    """Turns a question and a chart analysis into an Answer; another engine may plug in here."""

    def answer(self, question: str, analysis: ChartAnalysis) -> Answer:
        """The answer to the question from this chart."""
        ...


class ChartAnswerProvider:
    """The built-in provider: keyword classification, then the chart rules. No network."""

    def answer(self, question: str, analysis: ChartAnalysis) -> Answer:
        """Classify the question and read its topic from the chart."""
        return answer(classify(question), analysis)
