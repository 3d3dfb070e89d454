"""Qualifiers: the state or country a person adds after a place name ("Aurangabad Bihar")."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from backend.domain.places import Place
from infrastructure.gazetteer.folding import fold


@dataclass(frozen=True)
class Meaning:
    """One thing a qualifier can mean: a country, or a region inside one."""

    country_code: str
    region: str | None = None

    def admits(self, place: Place) -> bool:
        """Whether the place lies in this country (and region, if one is named)."""
        if place.country_code != self.country_code:
            return False
        return self.region is None or place.region == self.region


# A phrase may mean several things ("TN": Tamil Nadu or Tunisia; "IN": India or Indiana;
# "Punjab": in India or Pakistan), so each folded phrase maps to all of its meanings and a
# place passes if any of them admits it.
Qualifiers = Mapping[str, frozenset[Meaning]]


def build_qualifiers(
    countries: Iterable[tuple[str, Iterable[str]]],
    regions: Mapping[str, Mapping[str, tuple[str, ...]]],
) -> Qualifiers:
    """Map folded country names/codes and region names/aliases to what they mean.

    countries yields (ISO code, names and codes for it); regions maps country code →
    admin1 code → (shown name, *aliases).
    """
    table: defaultdict[str, set[Meaning]] = defaultdict(set)
    for code, names in countries:
        for name in names:
            table[fold(name)].add(Meaning(code))
    for code, by_admin1 in regions.items():
        for names in by_admin1.values():
            for name in names:
                table[fold(name)].add(Meaning(code, names[0]))
    table.pop("", None)
    return {phrase: frozenset(meanings) for phrase, meanings in table.items()}


def split_qualifier(
    words: list[str], qualifiers: Qualifiers
) -> list[tuple[str, frozenset[Meaning]]]:
    """Every (name, meanings) reading of words whose trailing words form a qualifier.

    The longest name comes first, so "bhopal madhya pradesh" reads as "bhopal" +
    "madhya pradesh" only after "bhopal madhya" + "pradesh" has been tried (and failed).
    """
    readings = []
    for cut in range(len(words) - 1, 0, -1):
        meanings = qualifiers.get(" ".join(words[cut:]))
        if meanings:
            readings.append((" ".join(words[:cut]), meanings))
    return readings
