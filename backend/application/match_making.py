"""Use case: Kundali Milan of a bride and a groom, for a user entitled to it."""

from __future__ import annotations

from backend.domain.astrology import match
from backend.domain.entitlements import EntitlementCheck, Product, require
from backend.domain.profile import BirthProfile
from bot_flows.preview import chart_for
from bot_flows.products.milan_text import render_milan


def kundali_milan(
    bride: BirthProfile, groom: BirthProfile, language: str, entitled: EntitlementCheck
) -> list[str]:
    """The match as WhatsApp messages; raises NotEntitled before computing anything."""
    require(entitled, Product.MILAN)
    result = match(chart_for(bride), chart_for(groom))
    return render_milan(result, bride.name, groom.name, language)
