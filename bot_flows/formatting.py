"""How dates, times, offsets and zodiac names are written in each language."""

from __future__ import annotations

from datetime import date, time, timedelta

from backend.domain.astrology import Nakshatra, Sign
from backend.domain.astrology import format_offset as utc_offset_text
from bot_flows.turn import Turn


def format_date(turn: Turn, value: date) -> str:
    """A date with the month's name in the user's language."""
    month = turn.t(f"month_{value.month}")
    return turn.t("date_format", day=value.day, month=month, year=value.year)


def format_time(turn: Turn, value: time | None) -> str:
    """24-hour clock time with am/pm beside it, or "not known"."""
    if value is None:
        return turn.t("time_unknown")
    twelve = value.strftime("%I:%M %p").lstrip("0")
    return f"{value:%H:%M} ({twelve})"


def format_offset(offset: timedelta) -> str:
    """UTC+05:30 style, including odd historical offsets like +05:53:20."""
    return f"UTC{utc_offset_text(offset)}"


def sign_name(turn: Turn, sign: Sign) -> str:
    """The rashi in the user's language with its Sanskrit name beside it."""
    return turn.t("name_pair", local=turn.t(f"sign_{sign.value}"), sanskrit=sign.sanskrit)


def nakshatra_name(turn: Turn, nakshatra: Nakshatra) -> str:
    """The nakshatra in the user's script."""
    return turn.t(f"nakshatra_{nakshatra.value}")
