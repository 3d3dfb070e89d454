"""`boloastro milan`: Ashtakoota (Kundali Milan) match of a boy and a girl from the command line."""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass

from backend.cli.birth_args import find_place, parse_date, parse_time
from backend.cli.errors import UsageFailure
from backend.domain.astrology import (
    Chart,
    InvalidBirthData,
    Koota,
    KootaScore,
    ManglikLite,
    MilanResult,
    birth_moment,
    compute_chart,
    format_offset,
    match,
    milan_to_dict,
)

_BANDS = "under 18 not recommended, 18-24.5 average, 25-32.5 good, 33+ excellent"
_SHAPE = "'YYYY-MM-DD HH:MM PLACE' (the time may be 'unknown')"


@dataclass(frozen=True)
class _Person:
    chart: Chart
    place: str


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `milan` sub-command."""
    parser = subparsers.add_parser(
        "milan",
        help="Ashtakoota match (36 points) of a boy and a girl",
        description="Kundali Milan by the Moon: eight kootas, Nadi/Bhakoot and Manglik doshas.",
    )
    parser.add_argument("--boy", metavar="'DATE TIME PLACE'", help=f"the groom: {_SHAPE}")
    parser.add_argument("--girl", metavar="'DATE TIME PLACE'", help=f"the bride: {_SHAPE}")
    parser.add_argument("--json", action="store_true", help="print the match as JSON")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Match the two births and print the result; bad input raises UsageFailure."""
    girl = _person(args.girl, "--girl")
    boy = _person(args.boy, "--boy")
    result = match(girl.chart, boy.chart)
    if args.json:
        data = {"girl": _birth(girl), "boy": _birth(boy), **milan_to_dict(result)}
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print("\n".join(_report(result, girl, boy)))
    return 0


def _person(text: str | None, flag: str) -> _Person:
    if text is None:
        raise UsageFailure(f"{flag} {_SHAPE} is required")
    parts = text.split(maxsplit=2)
    if len(parts) < 3:
        raise UsageFailure(f"{flag} {text!r} is not like {_SHAPE}")
    day, clock = parse_date(parts[0], flag), parse_time(parts[1], flag)
    place = find_place(parts[2], flag)
    try:
        moment = birth_moment(day, clock, place.latitude, place.longitude, timezone=place.timezone)
    except InvalidBirthData as exc:
        raise UsageFailure(f"{flag}: {exc}") from exc
    return _Person(compute_chart(moment), place.label)


def _birth(person: _Person) -> dict[str, object]:
    moment = person.chart.moment
    return {
        "local": moment.local.isoformat() if moment.time_known else moment.local.date().isoformat(),
        "time_known": moment.time_known,
        "utc_offset": format_offset(moment.utc_offset),
        "place": person.place,
    }


def _report(result: MilanResult, girl: _Person, boy: _Person) -> list[str]:
    """The match as aligned text: births, the eight kootas, the total, doshas and verdict."""
    lines = [_who("Girl", girl), _who("Boy", boy), "", f"{'Koota':<14}{'Points':>10}   Detail"]
    for s in result.kootas:
        lines.append(f"{_name(s.koota):<14}{_fraction(s.points, s.maximum):>10}   {_detail(s)}")
    lines.append(f"{'Total':<14}{_fraction(result.total, 36):>10}")
    lines.append("")
    lines.append(f"Nadi dosha    {_dosha(result.nadi_dosha, result.nadi_cancellation)}")
    lines.append(f"Bhakoot dosha {_dosha(result.bhakoot_dosha, result.bhakoot_cancellation)}")
    lines.append(f"Manglik       girl: {_manglik(result.bride_manglik)}")
    lines.append(f"              boy: {_manglik(result.groom_manglik)}")
    lines.append(f"              {_pairing(result)}")
    lines.append(f"Verdict       {result.verdict.replace('_', ' ')} ({_BANDS})")
    if not result.moon_signs_certain:
        lines.append("Note          a Moon changes sign during a birth day without a time")
    return lines


def _who(label: str, person: _Person) -> str:
    moment, moon = person.chart.moment, person.chart.moon
    when = moment.local.strftime(
        "%Y-%m-%d %H:%M" if moment.time_known else "%Y-%m-%d, time unknown"
    )
    return (
        f"{label:<6}{when} (UTC{format_offset(moment.utc_offset)}) · {person.place}"
        f" · Moon {moon.sign.english} ({moon.sign.sanskrit}), {moon.nakshatra.sanskrit}-{moon.pada}"
    )


def _name(koota: Koota) -> str:
    return koota.name.replace("_", " ").title()


def _fraction(points: float, maximum: float) -> str:
    return f"{points:g} / {maximum:g}"


def _detail(score: KootaScore) -> str:
    if score.koota is Koota.BHAKOOT:
        return f"Moon signs {score.detail.replace('_', '/')} from each other"
    text = score.detail.replace(".", ", ").replace("_", " ")
    return text.replace("bride", "girl").replace("groom", "boy")


def _dosha(present: bool, cancellation: str | None) -> str:
    if not present:
        return "none"
    if cancellation is None:
        return "present"
    return f"present, cancelled ({cancellation.replace('_', ' ')})"


def _manglik(status: ManglikLite) -> str:
    if not status.present:
        return f"no ({status.rule.replace('_', ' ')})"
    if status.cancelled:
        return f"cancelled by {', '.join(e.replace('_', ' ') for e in status.exceptions)}"
    return f"yes ({status.rule.replace('_', ' ')})"


def _pairing(result: MilanResult) -> str:
    if result.manglik_cancelled_by_pairing:
        return "both Manglik: the dosha is cancelled by the pairing"
    if result.bride_manglik.effective:
        return "only the girl is Manglik: not balanced by the boy's chart"
    if result.groom_manglik.effective:
        return "only the boy is Manglik: not balanced by the girl's chart"
    return "neither is Manglik"
