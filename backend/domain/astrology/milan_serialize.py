"""A match as plain JSON-ready data, for the CLI and any API."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from backend.domain.astrology.milan import TOTAL_POINTS, KootaScore, ManglikLite, MilanResult
from backend.domain.astrology.zodiac import Nakshatra, Sign


def milan_to_dict(result: MilanResult) -> dict[str, Any]:
    """Every number and code of a match, with signs and nakshatras by name."""
    return {
        "bride_moon": _moon(result.bride_moon),
        "groom_moon": _moon(result.groom_moon),
        "kootas": [_koota(k) for k in result.kootas],
        "total": result.total,
        "maximum": TOTAL_POINTS,
        "verdict": result.verdict,
        "nadi_dosha": result.nadi_dosha,
        "nadi_cancellation": result.nadi_cancellation,
        "bhakoot_dosha": result.bhakoot_dosha,
        "bhakoot_cancellation": result.bhakoot_cancellation,
        "bride_manglik": _manglik(result.bride_manglik),
        "groom_manglik": _manglik(result.groom_manglik),
        "manglik_cancelled_by_pairing": result.manglik_cancelled_by_pairing,
        "moon_signs_certain": result.moon_signs_certain,
    }


def _moon(moon: tuple[Sign, Nakshatra]) -> dict[str, str]:
    sign, nakshatra = moon
    return {"sign": sign.english, "rashi": sign.sanskrit, "nakshatra": nakshatra.sanskrit}


def _koota(score: KootaScore) -> dict[str, Any]:
    return {
        "koota": score.koota.name.lower(),
        "points": score.points,
        "maximum": score.maximum,
        "detail": score.detail,
    }


def _manglik(status: ManglikLite) -> dict[str, Any]:
    return {**asdict(status), "exceptions": list(status.exceptions), "effective": status.effective}
