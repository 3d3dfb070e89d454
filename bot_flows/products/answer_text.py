"""A Q&A answer as WhatsApp messages in the user's language.

First what the chart shows (each topic house, its lord's placement and dignity, the
karakas), then the timing (running dasha, next favourable antardasha and why), the tone and a
gentle disclaimer. Paragraphs are joined and split at paragraph breaks into parts of at most
1600 characters.
"""

from __future__ import annotations

from datetime import UTC, datetime

from backend.domain.astrology.dasha import DashaPeriod
from backend.domain.astrology.zodiac import Graha, Sign
from backend.domain.qna.answer_types import Answer, HouseReading, KarakaReading, Reason
from backend.domain.whatsapp_text import MAX_MESSAGE_CHARS, split_message
from bot_flows import catalog
from bot_flows.products.catalogs import (
    answers_bn,
    answers_en,
    answers_hi,
    answers_mr,
    answers_ta,
    answers_te,
)

CATALOGS: dict[str, dict[str, str]] = {
    "en": answers_en.MESSAGES,
    "hi": answers_hi.MESSAGES,
    "mr": answers_mr.MESSAGES,
    "ta": answers_ta.MESSAGES,
    "te": answers_te.MESSAGES,
    "bn": answers_bn.MESSAGES,
}


class _Words:
    """The answers catalog plus the shared names (signs, grahas, months) in one language."""

    def __init__(self, language: str) -> None:
        self.language = language if language in CATALOGS else catalog.DEFAULT_LANGUAGE
        self._messages = CATALOGS[self.language]

    def __call__(self, key: str, **params: object) -> str:
        template = self._messages[key]
        return template.format(**params) if params else template

    def sign(self, value: Sign) -> str:
        return catalog.text(self.language, f"sign_{value.value}")

    def graha(self, value: Graha) -> str:
        return catalog.text(self.language, f"graha_{value.value}")

    def date(self, moment: datetime) -> str:
        # The UTC calendar day: dasha boundaries rest on a year-length convention, so they
        # are no more precise than a day, and the same date must read alike everywhere.
        day = moment.astimezone(UTC).date()
        month = catalog.text(self.language, f"month_{day.month}")
        return catalog.text(self.language, "date_format", day=day.day, month=month, year=day.year)


def render_answer(answer: Answer, name: str, language: str) -> list[str]:
    """The answer as one or more WhatsApp messages of at most 1600 characters each."""
    w = _Words(language)
    topic = w(f"topic_{answer.topic.value}")
    paragraphs = [
        w("title", name=name, topic=topic),
        w(f"ref_{answer.houses_reference}"),
        *(_house(w, reading) for reading in answer.houses),
        "\n".join(_karaka(w, karaka) for karaka in answer.karakas),
        _running(w, answer),
        _favourable(w, answer, topic),
        w(f"tone_{answer.tone}"),
        w("disclaimer"),
    ]
    return split_message("\n\n".join(p for p in paragraphs if p), MAX_MESSAGE_CHARS)


def _house(w: _Words, reading: HouseReading) -> str:
    if reading.occupants:
        occupants = w("occupants", grahas=", ".join(w.graha(g) for g in reading.occupants))
    else:
        occupants = w("no_occupants")
    return w(
        "house_line",
        house=w(f"house_{reading.number}"),
        sign=w.sign(reading.sign),
        lord=w.graha(reading.lord),
        where=w(f"in_house_{reading.lord_house}"),
        dignity=w(f"dignity_{reading.lord_dignity.value}"),
        occupants=occupants,
    )


def _karaka(w: _Words, karaka: KarakaReading) -> str:
    role = w("karaka") if karaka.lord_of is None else w(f"lord_{karaka.lord_of}")
    return w(
        "karaka_line",
        graha=w.graha(karaka.graha),
        role=role,
        where=w(f"in_house_{karaka.house}"),
        sign=w.sign(karaka.sign),
        dignity=w(f"dignity_{karaka.dignity.value}"),
    )


def _pair(w: _Words, period: DashaPeriod) -> str:
    """ "Jupiter–Saturn": the mahadasha lord, then the antardasha lord."""
    maha = w.graha(period.parent) if period.parent is not None else ""
    return f"{maha}–{w.graha(period.lord)}" if maha else w.graha(period.lord)


def _running(w: _Words, answer: Answer) -> str:
    maha = answer.mahadasha
    return w(
        "dasha_now",
        pair=_pair(w, answer.antardasha),
        end=w.date(answer.antardasha.end),
        maha=w.graha(maha.lord),
        maha_start=w.date(maha.start),
        maha_end=w.date(maha.end),
    )


def _favourable(w: _Words, answer: Answer, topic: str) -> str:
    period = answer.favourable_period
    key = "favourable_now" if period == answer.antardasha else "favourable_next"
    text = w(key, pair=_pair(w, period), start=w.date(period.start), end=w.date(period.end))
    reasons = "; ".join(
        _reason(w, period.lord, reason, topic) for reason in answer.favourable_reasons
    )
    return f"{text}\n{w('why', reasons=reasons)}" if reasons else text


def _reason(w: _Words, graha: Graha, reason: Reason, topic: str) -> str:
    name = w.graha(graha)
    if reason.kind == "lord":
        return w("reason_lord", graha=name, lord=w(f"lord_{reason.house}"))
    if reason.kind == "occupant":
        return w("reason_occupant", graha=name, where=w(f"in_house_{reason.house}"))
    if reason.kind == "karaka":
        return w("reason_karaka", graha=name, topic=topic)
    return w("reason_benefic", graha=name)
