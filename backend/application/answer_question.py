"""Use case: answer a paid question from the user's chart, in the user's language.

Storage-free on purpose: consuming the Q&A credit belongs to the payment work, which wraps
this call in its unit of work.
"""

from __future__ import annotations

from datetime import datetime

from backend.domain.astrology.analysis import analyse
from backend.domain.entitlements import EntitlementCheck, Product, require
from backend.domain.profile import BirthProfile
from backend.domain.qna.ports import AnswerProvider
from bot_flows.preview import chart_for
from bot_flows.products.answer_text import render_answer


def answer_question(
    question: str,
    profile: BirthProfile,
    language: str,
    at: datetime,
    entitled: EntitlementCheck,
    provider: AnswerProvider,
) -> list[str]:
    """The answer messages; raises NotEntitled before anything is computed."""
    require(entitled, Product.QNA)
    analysis = analyse(chart_for(profile), at)
    answer = provider.answer(question, analysis)
    return render_answer(answer, profile.name, language)
