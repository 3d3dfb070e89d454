"""A Q&A answer as WhatsApp messages in the user's language.

First what the chart shows (each topic house, its lord's placement and dignity, the
karakas), then the timing (running dasha, next favourable antardasha and why), the tone and a
gentle disclaimer. Paragraphs are joined and split at paragraph breaks into parts of at most
1600 characters.
"""

from __future__ import annotations

from backend.domain.astrology.dasha import DashaPeriod
from backend.domain.astrology.zodiac import Graha
from backend.domain.qna.answer_types import Answer, HouseReading, KarakaReading, Reason
from backend.domain.whatsapp_text import MAX_MESSAGE_CHARS, split_message
from bot_flows.products.words import Words, load_catalogs

CATALOGS = load_catalogs("answers")


def render_answer(answer: Answer, name: str, language: str) -> list[str]:
    """The answer as one or more WhatsApp messages of at most 1600 characters each."""
    w = Words(CATALOGS, language)
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


def _house(w: Words, reading: HouseReading) -> str:
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


def _karaka(w: Words, karaka: KarakaReading) -> str:
    role = w("karaka") if karaka.lord_of is None else w(f"lord_{karaka.lord_of}")
    return w(
        "karaka_line",
        graha=w.graha(karaka.graha),
        role=role,
        where=w(f"in_house_{karaka.house}"),
        sign=w.sign(karaka.sign),
        dignity=w(f"dignity_{karaka.dignity.value}"),
    )


def _pair(w: Words, period: DashaPeriod) -> str:
    """ "Jupiter–Saturn": the mahadasha lord, then the antardasha lord."""
    maha = w.graha(period.parent) if period.parent is not None else ""
    return f"{maha}–{w.graha(period.lord)}" if maha else w.graha(period.lord)


def _running(w: Words, answer: Answer) -> str:
    maha = answer.mahadasha
    return w(
        "dasha_now",
        pair=_pair(w, answer.antardasha),
        end=w.date(answer.antardasha.end),
        maha=w.graha(maha.lord),
        maha_start=w.date(maha.start),
        maha_end=w.date(maha.end),
    )


def _favourable(w: Words, answer: Answer, topic: str) -> str:
    period = answer.favourable_period
    key = "favourable_now" if period == answer.antardasha else "favourable_next"
    text = w(key, pair=_pair(w, period), start=w.date(period.start), end=w.date(period.end))
    reasons = "; ".join(
        _reason(w, period.lord, reason, topic) for reason in answer.favourable_reasons
    )
    return f"{text}\n{w('why', reasons=reasons)}" if reasons else text


def _reason(w: Words, graha: Graha, reason: Reason, topic: str) -> str:
    name = w.graha(graha)
    if reason.kind == "lord":
        return w("reason_lord", graha=name, lord=w(f"lord_{reason.house}"))
    if reason.kind == "occupant":
        return w("reason_occupant", graha=name, where=w(f"in_house_{reason.house}"))
    if reason.kind == "karaka":
        return w("reason_karaka", graha=name, topic=topic)
    return w("reason_benefic", graha=name)
