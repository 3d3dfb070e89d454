"""The ambiguity rule: from every place a name matches to what we offer the person."""

from __future__ import annotations

import math
from collections.abc import Iterable

from backend.domain.places import Place
from infrastructure.gazetteer.qualifiers import Meaning

SAME_TOWN_KM = 10.0
# A megacity against a small namesake: 20x is the line. Aurangabad, Maharashtra
# (1.18 M) against Aurangabad, Bihar (0.10 M) is only 11x, so the person is asked.
DOMINANCE = 20
MAX_CHOICES = 6


def _km(a: Place, b: Place) -> float:
    """Distance on the sphere, flat-earth approximation: exact enough at 10 km."""
    mean_lat = math.radians((a.latitude + b.latitude) / 2)
    dx = math.radians(b.longitude - a.longitude) * math.cos(mean_lat)
    dy = math.radians(b.latitude - a.latitude)
    return 6371.0 * math.hypot(dx, dy)


def choose(
    matches: Iterable[tuple[Place, bool]], meanings: frozenset[Meaning] | None
) -> list[Place]:
    """Narrow exact-name matches to the places to offer, best first.

    matches are (place, whether the typed name is the place's own name rather than one
    of its alternate names); meanings are what a trailing qualifier may mean, or None.

    1. Where: with a qualifier, keep the places it admits (a state, a country, an ISO
       code). Without one, if any match is in India keep India's, plus any foreign place
       that bears the typed name as its own and is bigger than every Indian match
       ("Dhaka": Bangladesh's capital, and a town in Bihar). Such a mix is always put to
       the person: India's namesakes never hide that city, nor it them.
    2. Own names first: a place matched only by an alternate name stays only if it is
       bigger than every place bearing the name as its own ("Baroda" → Vadodara, not the
       village Baroda; "Manchester" → not Richmond, Virginia, once called Manchester).
    3. Merge the same town listed twice (within ~10 km; "Delhi" is also an alternate name
       of New Delhi): keep the one the query names outright, else the bigger.
    4. One left: it. Several, and the biggest is more than 20x the next: the biggest
       (unless step 1 mixed India with abroad). Otherwise all of them, biggest first, at
       most 6: the caller asks which.
    """
    found = list(matches)
    mixed = False
    if meanings is not None:
        found = [m for m in found if any(meaning.admits(m[0]) for meaning in meanings)]
    elif any(place.country_code == "IN" for place, _ in found):
        biggest_indian = max(p.population for p, _ in found if p.country_code == "IN")
        abroad = [m for m in found if m[1] and m[0].country_code != "IN"]
        found = [m for m in found if m[0].country_code == "IN"]
        bigger_abroad = [m for m in abroad if m[0].population > biggest_indian]
        mixed = bool(bigger_abroad)
        found += bigger_abroad
    biggest_own = max((p.population for p, own in found if own), default=0)
    found = [(p, own) for p, own in found if own or p.population > biggest_own]
    kept: list[Place] = []
    for place, _ in sorted(found, key=lambda m: (m[1], m[0].population), reverse=True):
        if all(_km(place, other) > SAME_TOWN_KM for other in kept):
            kept.append(place)
    kept.sort(key=lambda p: p.population, reverse=True)
    if len(kept) > 1 and not mixed and kept[0].population > DOMINANCE * kept[1].population:
        return kept[:1]
    return kept[:MAX_CHOICES]
