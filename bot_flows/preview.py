"""The free chart preview and the confirmation, rendered from the user's real chart."""

from __future__ import annotations

from backend.domain.astrology import BirthMoment, Chart, birth_moment, compute_chart
from backend.domain.profile import BirthProfile
from bot_flows.formatting import (
    format_date,
    format_offset,
    format_time,
    nakshatra_name,
    sign_name,
)
from bot_flows.turn import Turn


def moment_for(profile: BirthProfile) -> BirthMoment:
    """The UTC instant of birth, with the offset applied to the local clock time."""
    return birth_moment(
        profile.birth_date,
        profile.birth_time,
        profile.latitude,
        profile.longitude,
        timezone=profile.timezone,
    )


def chart_for(profile: BirthProfile) -> Chart:
    """The sidereal chart for a saved or drafted profile (default options: Lahiri, mean node)."""
    return compute_chart(moment_for(profile))


def confirmation(turn: Turn, profile: BirthProfile) -> str:
    """The details echoed back with the UTC offset that will be used."""
    return turn.t(
        "confirm",
        name=profile.name,
        date=format_date(turn, profile.birth_date),
        time=format_time(turn, profile.birth_time),
        place=profile.place_label,
        offset=format_offset(moment_for(profile).utc_offset),
    )


def saved_summary(turn: Turn, profile: BirthProfile) -> str:
    """A one-glance summary of the saved details, asking whether to reuse them."""
    return turn.t(
        "use_saved",
        name=profile.name,
        date=format_date(turn, profile.birth_date),
        place=profile.place_label,
    )


def preview(turn: Turn, profile: BirthProfile) -> str:
    """Lagna, moon sign, nakshatra with pada and sun sign, in the user's language."""
    chart = chart_for(profile)
    moon = chart.moon
    lagna = sign_name(turn, chart.lagna) if chart.lagna is not None else turn.t("no_lagna")
    text = turn.t(
        "preview",
        name=profile.name,
        lagna=lagna,
        moon_sign=sign_name(turn, moon.sign),
        nakshatra=nakshatra_name(turn, moon.nakshatra),
        pada=moon.pada,
        sun_sign=sign_name(turn, chart.sun.sign),
        ayanamsa=chart.options.ayanamsa.value.capitalize(),
    )
    if not chart.moon_sign_certain:
        text = f"{text}\n\n{turn.t('moon_uncertain')}"
    return text
