"""`boloastro chart`: compute and print a birth chart from the command line."""

from __future__ import annotations

import argparse
import json
import math
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import TypeVar

from backend.cli import chart_text
from backend.cli.birth_args import find_place, parse_date, parse_time
from backend.cli.errors import UsageFailure
from backend.domain.astrology import (
    Ayanamsa,
    ChartOptions,
    InvalidBirthData,
    NodeType,
    analyse,
    analysis_to_dict,
    birth_moment,
    compute_chart,
)

_OFFSET = re.compile(r"([+-])(\d{2}):(\d{2})")
_Choice = TypeVar("_Choice", Ayanamsa, NodeType)


@dataclass(frozen=True)
class _Where:
    latitude: float
    longitude: float
    timezone: str | None
    utc_offset: timedelta | None
    label: str


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `chart` sub-command."""
    parser = subparsers.add_parser(
        "chart",
        help="compute a sidereal birth chart",
        description="Compute a birth chart. The time is the local clock time at the place.",
    )
    parser.add_argument("--dob", metavar="YYYY-MM-DD", help="date of birth")
    parser.add_argument("--time", metavar="HH:MM|unknown", help="local clock time of birth")
    parser.add_argument("--place", metavar="NAME", help="birth place, e.g. 'Aurangabad, Bihar'")
    parser.add_argument("--lat", metavar="D", help="latitude in degrees, north positive")
    parser.add_argument("--lon", metavar="D", help="longitude in degrees, east positive")
    parser.add_argument(
        "--utc-offset",
        metavar="+HH:MM",
        help="offset of the local clock (write --utc-offset=-05:00)",
    )
    parser.add_argument("--ayanamsa", default="lahiri", metavar="lahiri|kp")
    parser.add_argument("--node", default="mean", metavar="mean|true")
    parser.add_argument("--json", action="store_true", help="print the chart as JSON")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Compute the chart the arguments describe and print it; bad input raises UsageFailure."""
    local_date = _parse_date(args.dob)
    local_time = _parse_time(args.time)
    options = ChartOptions(
        ayanamsa=_parse_choice(Ayanamsa, args.ayanamsa, "--ayanamsa"),
        node=_parse_choice(NodeType, args.node, "--node"),
    )
    where = _resolve_place(args)
    try:
        moment = birth_moment(
            local_date, local_time, where.latitude, where.longitude,
            timezone=where.timezone, utc_offset=where.utc_offset,
        )  # fmt: skip
    except InvalidBirthData as exc:
        raise UsageFailure(str(exc)) from exc
    chart = compute_chart(moment, options)
    try:
        analysis = analyse(chart, _now())
    except ValueError as exc:  # a birth so far ahead that no dasha is running yet
        raise UsageFailure(f"--dob {args.dob}: {exc}") from exc
    if args.json:
        print(json.dumps(analysis_to_dict(analysis), ensure_ascii=False, indent=2))
    else:
        print(
            "\n".join([*chart_text.table(chart, where.label), *chart_text.analysis_lines(analysis)])
        )
    return 0


def _now() -> datetime:
    """The instant dashas and Sade Sati are reported for (a seam for tests)."""
    return datetime.now(UTC)


def _parse_date(text: str | None) -> date:
    if text is None:
        raise UsageFailure("--dob YYYY-MM-DD is required")
    return parse_date(text, "--dob")


def _parse_time(text: str | None) -> time | None:
    if text is None:
        raise UsageFailure("--time HH:MM (or 'unknown') is required")
    return parse_time(text, "--time")


def _parse_choice(kind: type[_Choice], text: str, flag: str) -> _Choice:
    try:
        return kind(text.strip().lower())
    except ValueError:
        allowed = " or ".join(member.value for member in kind)
        raise UsageFailure(f"{flag} must be {allowed}, not {text!r}") from None


def _parse_degrees(text: str | None, flag: str) -> float:
    if text is None:
        raise UsageFailure(f"{flag} is required with --lat/--lon/--utc-offset")
    try:
        value = float(text)
    except ValueError:
        raise UsageFailure(f"{flag} {text!r} is not a number of degrees") from None
    if not math.isfinite(value):
        raise UsageFailure(f"{flag} {text!r} is not a number of degrees")
    return value


def _parse_offset(text: str | None) -> timedelta:
    if text is None:
        raise UsageFailure("--utc-offset +HH:MM is required with --lat/--lon")
    match = _OFFSET.fullmatch(text.strip())
    if not match or int(match[3]) > 59:
        raise UsageFailure(f"--utc-offset {text!r} is not like +05:30 or -04:00")
    size = timedelta(hours=int(match[2]), minutes=int(match[3]))
    return -size if match[1] == "-" else size


def _resolve_place(args: argparse.Namespace) -> _Where:
    coordinates = (args.lat, args.lon, args.utc_offset)
    if args.place is not None:
        if any(value is not None for value in coordinates):
            raise UsageFailure("give either --place or --lat/--lon/--utc-offset, not both")
        return _find_place(args.place)
    if all(value is None for value in coordinates):
        raise UsageFailure("give --place NAME, or --lat D --lon D --utc-offset +HH:MM")
    latitude = _parse_degrees(args.lat, "--lat")
    longitude = _parse_degrees(args.lon, "--lon")
    offset = _parse_offset(args.utc_offset)
    return _Where(latitude, longitude, None, offset, chart_text.coordinates(latitude, longitude))


def _find_place(name: str) -> _Where:
    place = find_place(name, "--place")
    where = chart_text.coordinates(place.latitude, place.longitude)
    label = f"{place.label} · {where} · {place.timezone}"
    return _Where(place.latitude, place.longitude, place.timezone, None, label)
