"""`boloastro chart`: compute and print a birth chart from the command line."""

from __future__ import annotations

import argparse
import json
import math
import re
from dataclasses import dataclass
from datetime import date, time, timedelta
from typing import TypeVar

from backend.bootstrap import gazetteer
from backend.cli.errors import UsageFailure
from backend.domain.astrology import (
    Ayanamsa,
    BirthMoment,
    Chart,
    ChartOptions,
    Graha,
    InvalidBirthData,
    NodeType,
    birth_moment,
    chart_to_dict,
    compute_chart,
    format_dms,
    format_offset,
)

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TIME = re.compile(r"(\d{1,2}):(\d{2})")
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
    if args.json:
        print(json.dumps(chart_to_dict(chart), ensure_ascii=False, indent=2))
    else:
        print("\n".join(_table(chart, where.label)))
    return 0


def _parse_date(text: str | None) -> date:
    if text is None:
        raise UsageFailure("--dob YYYY-MM-DD is required")
    try:
        if not _DATE.fullmatch(text):
            raise ValueError(text)
        return date.fromisoformat(text)
    except ValueError:
        raise UsageFailure(f"--dob {text!r} is not a date like 1990-05-15") from None


def _parse_time(text: str | None) -> time | None:
    if text is None:
        raise UsageFailure("--time HH:MM (or 'unknown') is required")
    if text.strip().lower() == "unknown":
        return None
    match = _TIME.fullmatch(text.strip())
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        raise UsageFailure(f"--time {text!r} is not a 24-hour time like 14:30 (or 'unknown')")
    return time(int(match[1]), int(match[2]))


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
    return _Where(latitude, longitude, None, offset, _coordinates(latitude, longitude))


def _find_place(name: str) -> _Where:
    places_index = gazetteer()
    places = places_index.find(name)
    if not places:
        near = [p.label for p in places_index.suggest(name)]
        hint = f"; did you mean {' / '.join(near)}?" if near else "; try the nearest large town"
        raise UsageFailure(f"unknown place {name!r}{hint}")
    if len(places) > 1:
        labels = " / ".join(p.label for p in places)
        raise UsageFailure(f"{name!r} may mean {labels}; add the state or country to the name")
    place = places[0]
    label = f"{place.label} · {_coordinates(place.latitude, place.longitude)} · {place.timezone}"
    return _Where(place.latitude, place.longitude, place.timezone, None, label)


def _coordinates(latitude: float, longitude: float) -> str:
    ns = "N" if latitude >= 0 else "S"
    ew = "E" if longitude >= 0 else "W"
    return f"{abs(latitude):.4f}°{ns} {abs(longitude):.4f}°{ew}"


def _table(chart: Chart, place_label: str) -> list[str]:
    """The chart as aligned text lines: birth details, settings, lagna, then one row a graha."""
    lines = [*_header(chart.moment), f"Place     {place_label}"]
    lines.append(
        f"Ayanamsa  {chart.options.ayanamsa.label} {format_dms(chart.ayanamsa_degrees)}"
        f" · {chart.options.node.value} node · whole-sign houses"
    )
    if chart.ascendant is None:
        lines.append("Lagna     none: without a birth time there is no lagna and no houses")
    else:
        asc = chart.ascendant
        lines.append(
            f"Lagna     {asc.sign.english} ({asc.sign.sanskrit}) {format_dms(asc.degree_in_sign)}"
            f" · {asc.nakshatra.sanskrit}-{asc.pada}"
        )
    if not chart.moon_sign_certain:
        lines.append(
            "Note      the Moon changes sign during this day: its sign depends on the birth time"
        )
    lines.append("")
    lines.append(f"{'Graha':<18} {'Sign':<24} {'Degree':>10}  {'Nakshatra-pada':<20} R  House")
    for p in chart.grahas:
        house = "-" if p.house is None else str(p.house)
        lines.append(
            f"{_graha_name(p.graha):<18} "
            f"{p.sign.english + ' (' + p.sign.sanskrit + ')':<24} "
            f"{format_dms(p.degree_in_sign):>10}  "
            f"{p.nakshatra.sanskrit + '-' + str(p.pada):<20} "
            f"{'R' if p.retrograde else ' '}  {house:>5}"
        )
    return lines


def _graha_name(graha: Graha) -> str:
    if graha.english == graha.sanskrit:  # Rahu and Ketu have no English names
        return graha.english
    return f"{graha.english} ({graha.sanskrit})"


def _header(moment: BirthMoment) -> list[str]:
    offset = f"UTC{format_offset(moment.utc_offset)}"
    utc = moment.utc.strftime("%Y-%m-%d %H:%M UTC")
    if moment.time_known:
        local = moment.local.strftime("%Y-%m-%d %H:%M")
        lines = [f"Birth     {local} local time, {offset} used ({utc})"]
    else:
        local = moment.local.strftime("%Y-%m-%d")
        lines = [f"Birth     {local}, time unknown: noon local used, {offset} ({utc})"]
    if moment.ambiguous:
        lines.append(
            f"Note      a clock change repeated or skipped that local time; {offset} was used"
        )
    return lines
