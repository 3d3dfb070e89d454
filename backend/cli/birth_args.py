"""Birth details typed on the command line: an ISO date, a 24-hour time or 'unknown', a place.

Every failure is a UsageFailure whose message starts with the flag it concerns.
"""

from __future__ import annotations

import re
from datetime import date, time

from backend.bootstrap import gazetteer
from backend.cli.errors import UsageFailure
from backend.domain.places import Place

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TIME = re.compile(r"(\d{1,2}):(\d{2})")


def parse_date(text: str, flag: str) -> date:
    """A YYYY-MM-DD date that exists on the calendar."""
    try:
        if not _DATE.fullmatch(text.strip()):
            raise ValueError(text)
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UsageFailure(f"{flag} {text!r} is not a date like 1990-05-15") from None


def parse_time(text: str, flag: str) -> time | None:
    """HH:MM on the 24-hour clock, or None for 'unknown'."""
    if text.strip().lower() == "unknown":
        return None
    found = _TIME.fullmatch(text.strip())
    if not found or int(found[1]) > 23 or int(found[2]) > 59:
        raise UsageFailure(f"{flag} {text!r} is not a 24-hour time like 14:30 (or 'unknown')")
    return time(int(found[1]), int(found[2]))


def find_place(name: str, flag: str) -> Place:
    """The one place the name means; unknown or ambiguous names say what to do instead."""
    index = gazetteer()
    places = index.find(name)
    if not places:
        near = [p.label for p in index.suggest(name)]
        hint = f"; did you mean {' / '.join(near)}?" if near else "; try the nearest large town"
        raise UsageFailure(f"{flag}: unknown place {name!r}{hint}")
    if len(places) > 1:
        labels = " / ".join(p.label for p in places)
        raise UsageFailure(f"{flag}: {name!r} may mean {labels}; add the state or country")
    return places[0]
