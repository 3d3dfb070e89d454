"""The traditional tables a report draws on, as codes: renderers turn each code into words.

Both tables are deliberately small and documented here, so an astrologer can review them
without reading any renderer.
"""

from __future__ import annotations

from dataclasses import dataclass

from backend.domain.astrology import Graha, Sign


@dataclass(frozen=True)
class Personality:
    """A lagna's character: its element (tattva), its modality and three traits (codes)."""

    element: str  # "fire" | "earth" | "air" | "water"
    modality: str  # "movable" (chara) | "fixed" (sthira) | "dual" (dwiswabhava)
    traits: tuple[str, str, str]


# Element and modality follow the classical cycle (fire, earth, air, water; movable, fixed,
# dual); the three traits are the qualities most Indian texts and astrologers attach to each
# rising sign, kept to strengths so the sketch is encouraging rather than fatalistic.
PERSONALITY: dict[Sign, Personality] = {
    Sign.ARIES: Personality("fire", "movable", ("courage", "initiative", "frankness")),
    Sign.TAURUS: Personality("earth", "fixed", ("steadiness", "patience", "love_of_comfort")),
    Sign.GEMINI: Personality("air", "dual", ("curiosity", "communication", "adaptability")),
    Sign.CANCER: Personality("water", "movable", ("caring", "sensitivity", "love_of_home")),
    Sign.LEO: Personality("fire", "fixed", ("confidence", "generosity", "leadership")),
    Sign.VIRGO: Personality("earth", "dual", ("precision", "analysis", "service")),
    Sign.LIBRA: Personality("air", "movable", ("balance", "diplomacy", "sense_of_beauty")),
    Sign.SCORPIO: Personality("water", "fixed", ("intensity", "determination", "insight")),
    Sign.SAGITTARIUS: Personality("fire", "dual", ("optimism", "love_of_learning", "principles")),
    Sign.CAPRICORN: Personality("earth", "movable", ("discipline", "ambition", "practicality")),
    Sign.AQUARIUS: Personality("air", "fixed", ("independence", "originality", "humanity")),
    Sign.PISCES: Personality("water", "dual", ("compassion", "imagination", "spirituality")),
}


@dataclass(frozen=True)
class Remedy:
    """What tradition associates with a graha: stone, weekday, colours, number, deity, mantra."""

    gemstone: str
    day: str  # "sunday" … "saturday"
    colours: tuple[str, ...]
    number: int
    deity: str
    mantra: str  # the graha's beej mantra, by graha code; renderers write it in their script


# Gemstones are the navaratna assignment (Garuda Purana and all modern practice); weekdays are
# the grahas' own days (Rahu shares Saturday and Ketu Tuesday, the common convention); numbers
# are the widely used Chaldean-Indian pairing (1 Sun, 2 Moon, 3 Jupiter, 4 Rahu, 5 Mercury,
# 6 Venus, 7 Ketu, 8 Saturn, 9 Mars). Deities are each graha's own deity or its most widely
# worshipped patron (regional customs differ, e.g. Murugan for Mars in Tamil Nadu); mantras
# are the beej mantras of navagraha worship. A report shows the row of the lagna lord only.
REMEDIES: dict[Graha, Remedy] = {
    Graha.SUN: Remedy("ruby", "sunday", ("saffron", "red"), 1, "surya", "sun"),
    Graha.MOON: Remedy("pearl", "monday", ("white", "silver"), 2, "shiva", "moon"),
    Graha.MARS: Remedy("red_coral", "tuesday", ("red",), 9, "hanuman", "mars"),
    Graha.MERCURY: Remedy("emerald", "wednesday", ("green",), 5, "vishnu", "mercury"),
    Graha.JUPITER: Remedy("yellow_sapphire", "thursday", ("yellow",), 3, "brihaspati", "jupiter"),
    Graha.VENUS: Remedy("diamond", "friday", ("white", "pink"), 6, "lakshmi", "venus"),
    Graha.SATURN: Remedy("blue_sapphire", "saturday", ("black", "dark_blue"), 8, "shani", "saturn"),
    Graha.RAHU: Remedy("hessonite", "saturday", ("dark_blue", "smoky_grey"), 4, "durga", "rahu"),
    Graha.KETU: Remedy("cats_eye", "tuesday", ("grey",), 7, "ganesha", "ketu"),
}

ELEMENTS = ("fire", "earth", "air", "water")
MODALITIES = ("movable", "fixed", "dual")
TRAITS = tuple(sorted({t for p in PERSONALITY.values() for t in p.traits}))
GEMSTONES = tuple(r.gemstone for r in REMEDIES.values())
DAYS = ("sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday")
COLOURS = tuple(sorted({c for r in REMEDIES.values() for c in r.colours}))
DEITIES = tuple(sorted({r.deity for r in REMEDIES.values()}))
MANTRAS = tuple(r.mantra for r in REMEDIES.values())
