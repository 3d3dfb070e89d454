"""Steps that gather birth details: conditions read the answer, callbacks ask the next question.

Conditions parse into `turn.parsed` (cached, so two transitions testing the same input agree)
and callbacks store into the draft; nothing here does I/O.
"""

from __future__ import annotations

from datetime import date, time
from typing import Any

from backend.domain.birth_input import (
    BirthInputError,
    parse_birth_date,
    parse_birth_time,
    parse_name,
)
from backend.domain.places import Place
from backend.domain.profile import BirthProfile
from bot_flows.turn import Turn

EventData = Any  # transitions ships no type information

MAX_PLACE_CHOICES = 6


def _parse(turn: Turn, key: str, parser: Any) -> bool:
    if key not in turn.parsed:
        try:
            turn.parsed[key] = parser()
        except BirthInputError as exc:
            turn.parsed[key] = exc
    return not isinstance(turn.parsed[key], BirthInputError)


def valid_name(event: EventData) -> bool:
    """The message is a usable name."""
    turn: Turn = event.model
    return _parse(turn, "name", lambda: parse_name(turn.text))


def valid_date(event: EventData) -> bool:
    """The message is a real, past birth date."""
    turn: Turn = event.model
    return _parse(turn, "dob", lambda: parse_birth_date(turn.text, turn.now.date()))


def valid_time(event: EventData) -> bool:
    """The message is a clock time or says the time is not known."""
    turn: Turn = event.model
    return _parse(turn, "time", lambda: parse_birth_time(turn.text))


def editing(event: EventData) -> bool:
    """The user is correcting one detail from the confirmation."""
    turn: Turn = event.model
    return bool(turn.draft.get("editing"))


def save_name(event: EventData) -> None:
    """Keep the name."""
    turn: Turn = event.model
    turn.draft["name"] = turn.parsed["name"]


def save_date(event: EventData) -> None:
    """Keep the date of birth."""
    turn: Turn = event.model
    turn.draft["dob"] = turn.parsed["dob"].isoformat()


def save_time(event: EventData) -> None:
    """Keep the time of birth (None: not known)."""
    turn: Turn = event.model
    value: time | None = turn.parsed["time"]
    turn.draft["time"] = value.strftime("%H:%M") if value else None


def ask_name(event: EventData) -> None:
    """Ask whose chart it is."""
    event.model.say("ask_name")


def ask_date(event: EventData) -> None:
    """Ask the date of birth."""
    turn: Turn = event.model
    turn.say("ask_dob", name=turn.draft.get("name", ""))


def ask_time(event: EventData) -> None:
    """Ask the time of birth."""
    event.model.say("ask_time")


def ask_place(event: EventData) -> None:
    """Ask the place of birth."""
    event.model.say("ask_place")


def explain_name(event: EventData) -> None:
    """Say what a name should look like."""
    event.model.say("bad_name")


def explain_date(event: EventData) -> None:
    """Say what was wrong with the date, precisely."""
    turn: Turn = event.model
    error = turn.parsed.get("dob")
    code = error.code if isinstance(error, BirthInputError) else "format"
    turn.say(f"dob_{code}")


def explain_time(event: EventData) -> None:
    """Say how to write the time."""
    event.model.say("time_format")


# --- place -------------------------------------------------------------------------------


def _place_matches(turn: Turn) -> list[Place]:
    if "places" not in turn.parsed:
        turn.parsed["places"] = turn.gazetteer.find(turn.text) if turn.text else []
    matches: list[Place] = turn.parsed["places"]
    return matches


def place_found(event: EventData) -> bool:
    """The message names exactly one place."""
    return len(_place_matches(event.model)) == 1


def place_ambiguous(event: EventData) -> bool:
    """The message names several places; the user must choose."""
    return len(_place_matches(event.model)) > 1


def _place_dict(place: Place) -> dict[str, Any]:
    return {
        "label": place.label,
        "lat": place.latitude,
        "lon": place.longitude,
        "tz": place.timezone,
    }


def save_place(event: EventData) -> None:
    """Keep the one place found."""
    turn: Turn = event.model
    turn.draft["place"] = _place_dict(_place_matches(turn)[0])
    turn.draft.pop("place_options", None)


def offer_places(event: EventData) -> None:
    """List the places the name may mean, numbered."""
    turn: Turn = event.model
    options = _place_matches(turn)[:MAX_PLACE_CHOICES]
    turn.draft["place_options"] = [_place_dict(p) for p in options]
    turn.draft["place_query"] = turn.text
    lines = [turn.t("place_choose", query=turn.text)]
    lines += [f"{i}. {p.label}" for i, p in enumerate(options, start=1)]
    lines.append(turn.t("place_choose_hint"))
    turn.replies.append("\n".join(lines))


def chose_listed_place(event: EventData) -> bool:
    """The reply is the number of one of the offered places."""
    turn: Turn = event.model
    choice = turn.number()
    options = turn.draft.get("place_options") or []
    return choice is not None and 1 <= choice <= len(options)


def save_chosen_place(event: EventData) -> None:
    """Keep the place picked from the list."""
    turn: Turn = event.model
    number = turn.number()
    assert number is not None
    turn.draft["place"] = turn.draft["place_options"][number - 1]
    turn.draft.pop("place_options", None)


def explain_place(event: EventData) -> None:
    """Say the place was not found, with near names when there are some."""
    turn: Turn = event.model
    near = turn.gazetteer.suggest(turn.text) if turn.text else []
    if near:
        names = ", ".join(dict.fromkeys(p.label for p in near))
        turn.say("place_suggest", query=turn.text, suggestions=names)
    else:
        turn.say("place_unknown", query=turn.text)


# --- the finished draft --------------------------------------------------------------------


def draft_profile(turn: Turn) -> BirthProfile:
    """The birth profile the draft describes (all steps done)."""
    return profile_from_draft(turn.draft)


def profile_from_draft(draft: dict[str, Any]) -> BirthProfile:
    """The birth profile a finished draft (as kept in the conversation's context) describes."""
    place = draft["place"]
    birth_time = time.fromisoformat(draft["time"]) if draft.get("time") else None
    return BirthProfile(
        name=draft["name"],
        birth_date=date.fromisoformat(draft["dob"]),
        birth_time=birth_time,
        place_label=place["label"],
        latitude=place["lat"],
        longitude=place["lon"],
        timezone=place["tz"],
    )


def draft_complete(turn: Turn) -> bool:
    """All four details are there."""
    return all(k in turn.draft for k in ("name", "dob", "time", "place"))
