"""The Kundali Milan use case: the entitlement gate comes first, then the messages."""

from datetime import date, time

import pytest

from backend.application import match_making
from backend.domain.astrology import Chart, MilanResult, match
from backend.domain.entitlements import NotEntitled, Product
from backend.domain.profile import BirthProfile
from backend.domain.whatsapp_text import MAX_MESSAGE_CHARS

BRIDE = BirthProfile(
    "Priya", date(1992, 3, 2), time(6, 10), "Nagpur, Maharashtra, India", 21.15, 79.09,
    "Asia/Kolkata",
)  # fmt: skip
GROOM = BirthProfile(
    "Rahul", date(1990, 8, 15), None, "Pune, Maharashtra, India", 18.52, 73.86, "Asia/Kolkata"
)


class Check:
    """An entitlement check that answers `allow` and remembers what it was asked."""

    def __init__(self, allow: bool) -> None:
        self.allow = allow
        self.asked: list[Product] = []

    def __call__(self, product: Product) -> bool:
        self.asked.append(product)
        return self.allow


def test_without_the_milan_entitlement_nothing_is_computed(monkeypatch):
    computed = []
    monkeypatch.setattr(match_making, "chart_for", lambda profile: computed.append(profile))
    check = Check(allow=False)
    with pytest.raises(NotEntitled) as raised:
        match_making.kundali_milan(BRIDE, GROOM, "hi", check)
    assert raised.value.product is Product.MILAN
    assert check.asked == [Product.MILAN]
    assert computed == []


def test_with_the_entitlement_the_match_comes_back_as_messages():
    check = Check(allow=True)
    messages = match_making.kundali_milan(BRIDE, GROOM, "hi", check)
    assert check.asked == [Product.MILAN]
    assert messages and all(len(m) <= MAX_MESSAGE_CHARS for m in messages)
    text = "\n".join(messages)
    assert "कुंडली मिलान — Priya और Rahul" in text
    assert "36 में से" in text
    assert "(जन्म समय ज्ञात नहीं, इसलिए मंगल चंद्रमा से गिना गया।)" in text  # Rahul's time


def test_the_bride_and_groom_are_not_swapped(monkeypatch):
    seen = []
    real = match

    def spy(bride: Chart, groom: Chart) -> MilanResult:
        seen.append((bride, groom))
        return real(bride, groom)

    monkeypatch.setattr(match_making, "match", spy)
    match_making.kundali_milan(BRIDE, GROOM, "en", Check(allow=True))
    ((bride_chart, groom_chart),) = seen
    assert bride_chart.moment.time_known and not groom_chart.moment.time_known
