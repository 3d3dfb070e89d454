"""The Kundali report on WhatsApp: six languages, whole sections per message, catalogs agree."""

from __future__ import annotations

import string
from dataclasses import replace
from datetime import UTC, date, datetime, time
from functools import cache

import pytest

from backend.application.kundali_report import kundali_report_messages
from backend.domain.astrology import Dignity, Graha, NodeType, analyse
from backend.domain.astrology import manglik as manglik_rules
from backend.domain.astrology.manglik import ManglikStatus
from backend.domain.astrology.yogas import MAHAPURUSHA, Yoga
from backend.domain.entitlements import NotEntitled, Product
from backend.domain.profile import BirthProfile
from backend.domain.report import KundaliReport, build_report
from backend.domain.report import tables as report_tables
from backend.domain.whatsapp_text import MAX_MESSAGE_CHARS
from bot_flows import catalog
from bot_flows.preview import chart_for
from bot_flows.products.report_text import CATALOGS, pack, render_report_text, section_texts

LANGUAGES = ("en", "hi", "mr", "ta", "te", "bn")
ENGLISH = CATALOGS["en"]
AT = datetime(2026, 11, 22, 6, 0, tzinfo=UTC)
PROFILES = {
    "time_known": BirthProfile(
        "Asha Kulkarni",
        date(1990, 8, 15),
        time(22, 30),
        "Mumbai, Maharashtra, India",
        19.07283,
        72.88261,
        "Asia/Kolkata",
        id=1,
    ),
    "time_unknown": BirthProfile(
        "आशा",
        date(1985, 1, 26),
        None,
        "Pune, Maharashtra, India",
        18.52,
        73.86,
        "Asia/Kolkata",
        id=2,
    ),
}
# Section headings in report order; the lagna section's depends on the houses' reference.
HEADINGS = (
    "h_birth",
    "h_lagna",
    "h_planets",
    "h_houses",
    "h_dasha",
    "h_manglik",
    "h_yogas",
    "h_sade_sati",
    "h_remedies",
)
# Templates that are the same in every language because they hold no words.
NEUTRAL = {"dasha_period", "yoga_row"}


@cache
def report(key: str) -> KundaliReport:
    profile = PROFILES[key]
    return build_report(profile, analyse(chart_for(profile), AT))


def placeholders(template: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(template) if field}


def expected_headings(r: KundaliReport, language: str) -> list[str]:
    keys = list(HEADINGS)
    if r.lagna.reference == "moon":
        keys[1] = "h_chandra_lagna"
    messages = CATALOGS[language]
    return [messages[k].format(name=r.birth.name) for k in keys]


def day(language: str, r: KundaliReport, moment: datetime) -> str:
    local = r.birth.local_date(moment)
    month = catalog.text(language, f"month_{local.month}")
    return catalog.text(language, "date_format", day=local.day, month=month, year=local.year)


@pytest.mark.parametrize("key", PROFILES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_parts_fit_and_are_whole_sections_in_order(key: str, language: str) -> None:
    r = report(key)
    sections = section_texts(r, language)
    parts = render_report_text(r, language)
    assert [s.split("\n", 1)[0] for s in sections] == expected_headings(r, language)
    assert all(len(s) <= MAX_MESSAGE_CHARS for s in sections)  # so no section is cut here
    assert all(0 < len(p) <= MAX_MESSAGE_CHARS for p in parts)
    # Splitting only between sections: the parts re-join into exactly the sections.
    assert "\n\n".join(parts) == "\n\n".join(sections)
    headings = set(expected_headings(r, language))
    assert all(p.split("\n", 1)[0] in headings for p in parts)
    assert len(parts) < len(sections)  # sections are packed, not sent one by one


@pytest.mark.parametrize("key", PROFILES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_running_dasha_and_its_dates_are_named(key: str, language: str) -> None:
    r = report(key)
    text = "\n".join(render_report_text(r, language))
    d = r.dasha
    for moment in (d.mahadasha.start, d.mahadasha.end, d.antardasha.start, d.antardasha.end):
        assert day(language, r, moment) in text
    assert catalog.text(language, f"graha_{d.mahadasha.lord.value}") in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_chart_facts_appear_in_every_language(language: str) -> None:
    r = report("time_known")
    text = "\n".join(render_report_text(r, language))
    assert r.birth.name in text and "UTC+05:30" in text and "Lahiri" in text
    planets = section_texts(r, language)[2].split("\n")[1:]
    assert len(planets) == 9
    for line, row in zip(planets, r.planets, strict=True):
        assert line.startswith(catalog.text(language, f"graha_{row.graha.value}"))
        assert catalog.text(language, f"sign_{row.sign.value}") in line
        assert catalog.text(language, f"nakshatra_{row.nakshatra.value}") in line
    assert CATALOGS[language][f"mantra_{r.remedies.remedy.mantra}"] in text


def test_an_unknown_time_is_said_and_dates_are_flagged_approximate() -> None:
    r = report("time_unknown")
    text = "\n".join(render_report_text(r, "en"))
    assert ENGLISH["note_time_unknown"] in text and ENGLISH["dasha_approximate"] in text
    assert ENGLISH["manglik_rule_houses_1_2_4_7_8_12_from_moon"] in text
    assert "not known (noon was used)" in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_manglik_and_yoga_and_sade_sati_case_renders(language: str) -> None:
    base = report("time_known")
    exceptions = tuple(
        k.removeprefix("manglik_exception_") for k in ENGLISH if k.startswith("manglik_exception_")
    )
    detail = ManglikStatus(True, True, False, True, True, exceptions, base.manglik.detail.rule)
    variants = [
        replace(base, manglik=replace(base.manglik, status="cancelled", detail=detail)),
        replace(base, manglik=replace(base.manglik, status="manglik")),
        replace(base, manglik=replace(base.manglik, status="not_manglik")),
        replace(base, yogas=()),
        replace(base, yogas=tuple(Yoga(code, (Graha.MOON,)) for code in _yoga_codes())),
        replace(base, sade_sati=replace(base.sade_sati, active=False, phase=None)),
        *(
            replace(
                base, sade_sati=replace(base.sade_sati, active=True, phase=phase, start=AT, end=AT)
            )
            for phase in ("rising", "peak", "setting")
        ),
    ]
    for variant in variants:
        parts = render_report_text(variant, language)
        assert all(len(p) <= MAX_MESSAGE_CHARS for p in parts)
    cancelled = "\n".join(render_report_text(variants[0], language))
    assert all(CATALOGS[language][f"manglik_exception_{e}"] in cancelled for e in exceptions)


def _yoga_codes() -> list[str]:
    return ["gajakesari", "budhaditya", "chandra_mangala", *MAHAPURUSHA.values(), "kemadruma"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogs_have_the_english_keys_and_placeholders(language: str) -> None:
    messages = CATALOGS[language]
    assert set(messages) == set(ENGLISH)
    for key, template in messages.items():
        assert placeholders(template) == placeholders(ENGLISH[key]), key


@pytest.mark.parametrize("language", [code for code in LANGUAGES if code != "en"])
def test_translations_are_not_english_copies(language: str) -> None:
    same = {k for k, v in CATALOGS[language].items() if v == ENGLISH[k]}
    assert same <= NEUTRAL, same


def test_every_code_the_domain_can_produce_has_words() -> None:
    t = report_tables
    needed = [
        *(f"trait_{c}" for c in t.TRAITS),
        *(f"element_{c}" for c in t.ELEMENTS),
        *(f"modality_{c}" for c in t.MODALITIES),
        *(f"gem_{c}" for c in t.GEMSTONES),
        *(f"day_{c}" for c in t.DAYS),
        *(f"colour_{c}" for c in t.COLOURS),
        *(f"deity_{c}" for c in t.DEITIES),
        *(f"mantra_{c}" for c in t.MANTRAS),
        *(f"dignity_{d.value}" for d in Dignity),
        *(f"node_{n.value}" for n in NodeType),
        *(f"bhava_{n}" for n in range(1, 13)),
        *(f"yoga_{c}" for c in _yoga_codes()),
        *(f"yoga_{c}_meaning" for c in _yoga_codes()),
        *(f"sade_sati_phase_{p}" for p in ("rising", "peak", "setting")),
        *(f"houses_{r}" for r in ("lagna", "moon")),
        *(f"houses_intro_{r}" for r in ("lagna", "moon")),
    ]
    for value in vars(manglik_rules).values():
        if isinstance(value, str) and value.startswith("mars_"):
            needed.append(f"manglik_exception_{value}")
        if isinstance(value, str) and value.startswith("houses_"):
            needed.append(f"manglik_rule_{value}")
    assert sorted(set(needed) - set(ENGLISH)) == []


def test_an_oversized_section_is_cut_at_lines_and_keeps_its_heading() -> None:
    big = "\n".join(["*Heading*", *(f"line {i} " + "x" * 50 for i in range(80))])
    parts = pack(["*First*\nshort", big, "*Last*\nend"], lambda h: f"{h} (continued)")
    assert all(len(p) <= MAX_MESSAGE_CHARS for p in parts)
    assert parts[0].startswith("*First*") and "*Heading*" in parts[0]
    assert all(p.startswith(("*First*", "*Heading*")) for p in parts)
    lines = [line for p in parts for line in p.split("\n")]
    assert [x for x in lines if x.startswith("line ")] == big.split("\n")[1:]  # no line cut
    assert parts[-1].endswith("*Last*\nend")


def test_an_unknown_language_falls_back_to_english() -> None:
    r = report("time_known")
    assert render_report_text(r, "xx") == render_report_text(r, "en")


def test_the_use_case_checks_the_entitlement_first() -> None:
    profile = PROFILES["time_known"]
    asked: list[Product] = []

    def refused(product: Product) -> bool:
        asked.append(product)
        return False

    with pytest.raises(NotEntitled):
        kundali_report_messages(profile, "mr", AT, refused)
    assert asked == [Product.KUNDALI]
    allowed = kundali_report_messages(profile, "mr", AT, lambda product: True)
    assert allowed == render_report_text(report("time_known"), "mr")
