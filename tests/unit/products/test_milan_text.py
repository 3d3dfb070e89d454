"""Kundali Milan on WhatsApp: six languages, every case renders, parts fit, catalogs agree."""

import string
from dataclasses import replace
from datetime import date, time
from functools import cache

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backend.domain.astrology import (
    Koota,
    MilanResult,
    Nakshatra,
    Sign,
    ashtakoota,
    birth_moment,
    compute_chart,
    match,
    verdict_for,
)
from backend.domain.astrology.manglik import ManglikStatus
from backend.domain.astrology.milan_doshas import bhakoot_cancellation, nadi_cancellation
from backend.domain.whatsapp_text import MAX_MESSAGE_CHARS
from bot_flows import catalog
from bot_flows.products.milan_text import CATALOGS, render_milan

LANGUAGES = ("en", "hi", "mr", "ta", "te", "bn")
longitudes = st.floats(min_value=0, max_value=360, exclude_max=True, allow_nan=False)


@cache
def _base() -> MilanResult:
    girl = birth_moment(date(1992, 3, 2), time(6, 10), 21.15, 79.09, timezone="Asia/Kolkata")
    boy = birth_moment(date(1990, 8, 15), time(14, 30), 18.52, 73.86, timezone="Asia/Kolkata")
    return match(compute_chart(girl), compute_chart(boy))


def _status(present: bool, cancelled: bool = False, lagna: bool = True) -> ManglikStatus:
    return ManglikStatus(
        from_lagna=present if lagna else None, from_moon=present, from_venus=False,
        present=present, cancelled=cancelled,
        exceptions=("mars_own_sign",) if cancelled else (), rule="houses_1_2_4_7_8_12_from_lagna",
    )  # fmt: skip


def _with_moons(bride: float, groom: float) -> MilanResult:
    """The base result with the Moons (and so every koota and dosha) replaced."""
    kootas = ashtakoota(bride, groom)
    moons = (Sign.of(bride), Nakshatra.of(bride)), (Sign.of(groom), Nakshatra.of(groom))
    nadi, bhakoot = kootas[7].points == 0, kootas[6].points == 0
    total = sum(k.points for k in kootas)
    return replace(
        _base(), bride_moon=moons[0], groom_moon=moons[1], kootas=kootas, total=total,
        verdict=verdict_for(total), nadi_dosha=nadi, bhakoot_dosha=bhakoot,
        nadi_cancellation=nadi_cancellation(*moons) if nadi else None,
        bhakoot_cancellation=bhakoot_cancellation(moons[0][0], moons[1][0]) if bhakoot else None,
    )  # fmt: skip


def _mangliks(bride: ManglikStatus, groom: ManglikStatus) -> MilanResult:
    both = bride.effective and groom.effective
    return replace(
        _base(), bride_manglik=bride, groom_manglik=groom, manglik_cancelled_by_pairing=both
    )


@cache
def _cases() -> dict[str, MilanResult]:
    base = _base()
    return {
        "same star": _with_moons(5.0, 6.0),  # Ashwini both: Nadi dosha, not cancelled
        "nadi same rashi": _with_moons(45.0, 35.0),  # Rohini / Krittika in Taurus
        "nadi same star": _with_moons(28.0, 32.0),  # Krittika in Aries / Taurus; 2/12 Bhakoot
        "bhakoot same lord": _with_moons(10.0, 220.0),  # Aries / Scorpio
        "bhakoot friends": _with_moons(10.0, 340.0),  # Aries / Pisces
        "both manglik": _mangliks(_status(True), _status(True)),
        "one manglik": _mangliks(_status(False), _status(True)),
        "cancelled manglik, no time": _mangliks(
            _status(True, cancelled=True, lagna=False), _status(False)
        ),
        "moon uncertain": replace(base, moon_signs_certain=False),
    }


CASES = [
    "same star", "nadi same rashi", "nadi same star", "bhakoot same lord", "bhakoot friends",
    "both manglik", "one manglik", "cancelled manglik, no time", "moon uncertain",
]  # fmt: skip


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("case", CASES)
def test_every_case_renders_in_every_language_within_the_limit(language, case):
    result = _cases()[case]
    parts = render_milan(result, "Priya", "Rahul", language)
    assert parts and all(0 < len(p) <= MAX_MESSAGE_CHARS for p in parts)
    text = "\n".join(parts)
    assert "Priya" in text and "Rahul" in text
    for score in result.kootas:
        name = CATALOGS[language][f"koota_{score.koota.name.lower()}"]
        assert f"{name}: {score.points:g}/{score.maximum:g}" in text
    sign = catalog.text(language, f"sign_{result.bride_moon[0].value}")
    assert sign in text
    assert CATALOGS[language][f"verdict_{result.verdict}"] in text


def test_each_case_shows_its_dosha_lines():
    en = CATALOGS["en"]

    def text(case: str) -> str:
        return "\n".join(render_milan(_cases()[case], "Priya", "Rahul", "en"))

    assert en["nadi_present"] in text("same star")
    assert en["nadi_cancelled_same_rashi_different_nakshatra"] in text("nadi same rashi")
    assert en["nadi_cancelled_same_nakshatra_different_rashi"] in text("nadi same star")
    assert "the Moon signs are 2/12 from each other." in text("nadi same star")
    assert "both Moon signs are ruled by Mars" in text("bhakoot same lord")
    assert "their lords Mars and Jupiter are friends" in text("bhakoot friends")
    assert en["manglik_both"] in text("both manglik")
    assert en["manglik_one"].format(name="Rahul") in text("one manglik")
    cancelled = text("cancelled manglik, no time")
    assert en["manglik_cancelled"].format(name="Priya") in cancelled
    assert en["manglik_from_moon"] in cancelled and en["manglik_neither"] in cancelled
    assert en["moon_uncertain"] in text("moon uncertain")


@given(longitudes, longitudes, st.sampled_from(LANGUAGES))
def test_any_pair_of_moons_renders(bride, groom, language):
    parts = render_milan(_with_moons(bride, groom), "Priya", "Rahul", language)
    assert all(len(p) <= MAX_MESSAGE_CHARS for p in parts)


def test_long_names_are_split_into_parts_that_fit():
    name = "Lakshmi " * 120
    parts = render_milan(_cases()["one manglik"], name, name, "ta")
    assert len(parts) > 1 and all(len(p) <= MAX_MESSAGE_CHARS for p in parts)


def test_an_unknown_language_falls_back_to_english():
    assert render_milan(_base(), "A", "B", "xx") == render_milan(_base(), "A", "B", "en")


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_catalogs_have_the_same_keys_and_placeholders():
    english = CATALOGS["en"]
    assert set(CATALOGS) == set(LANGUAGES)
    for language, messages in CATALOGS.items():
        assert set(messages) == set(english), language
        for key, template in messages.items():
            assert _fields(template) == _fields(english[key]), (language, key)
            assert template.strip() == template and template, (language, key)


def test_every_code_the_domain_can_produce_has_a_message():
    keys = set(CATALOGS["en"])
    assert {f"koota_{k.name.lower()}" for k in Koota} <= keys
    assert {f"verdict_{verdict_for(t / 2)}" for t in range(73)} <= keys
    codes = {bhakoot_cancellation(a, b) for a in Sign for b in Sign} - {None}
    assert {f"bhakoot_cancelled_{c}" for c in codes} <= keys
    moons = [(Sign.of(lon + 0.5), Nakshatra.of(lon + 0.5)) for lon in range(360)]
    codes = {nadi_cancellation(a, b) for a in moons for b in moons} - {None}
    assert codes == {"same_rashi_different_nakshatra", "same_nakshatra_different_rashi"}
    assert {f"nadi_cancelled_{c}" for c in codes} <= keys
