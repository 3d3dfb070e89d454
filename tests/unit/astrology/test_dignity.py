"""Dignities: BPHS exaltation, debilitation, moolatrikona, own signs and natural friendships."""

import pytest

from backend.domain.astrology import Dignity, Graha, Sign, dignity, position_at
from backend.domain.astrology.dignity import relationship

G, S, D = Graha, Sign, Dignity
CLASSICAL = [G.SUN, G.MOON, G.MARS, G.MERCURY, G.JUPITER, G.VENUS, G.SATURN]


def dignity_in(graha: Graha, sign: Sign, degree: float = 25.0) -> Dignity:
    return dignity(graha, position_at(sign.value * 30.0 + degree))


@pytest.mark.parametrize(
    ("graha", "exalted", "debilitated"),
    [
        (G.SUN, S.ARIES, S.LIBRA),
        (G.MOON, S.TAURUS, S.SCORPIO),
        (G.MARS, S.CAPRICORN, S.CANCER),
        (G.MERCURY, S.VIRGO, S.PISCES),
        (G.JUPITER, S.CANCER, S.CAPRICORN),
        (G.VENUS, S.PISCES, S.VIRGO),
        (G.SATURN, S.LIBRA, S.ARIES),
    ],
)
def test_exaltation_and_debilitation_signs(graha, exalted, debilitated):
    # Degree 1 avoids the moolatrikona parts of Taurus (Moon) and Virgo (Mercury).
    assert dignity_in(graha, exalted, 1.0) is D.EXALTED
    assert dignity_in(graha, debilitated, 1.0) is D.DEBILITATED
    assert dignity_in(graha, debilitated, 29.9) is D.DEBILITATED
    exalted_signs = {s for s in Sign if dignity_in(graha, s, 1.0) is D.EXALTED}
    assert exalted_signs == {exalted}


@pytest.mark.parametrize(
    ("graha", "sign", "first", "last"),
    [
        (G.SUN, S.LEO, 0, 20),
        (G.MOON, S.TAURUS, 3, 30),
        (G.MARS, S.ARIES, 0, 12),
        (G.MERCURY, S.VIRGO, 15, 20),
        (G.JUPITER, S.SAGITTARIUS, 0, 10),
        (G.VENUS, S.LIBRA, 0, 15),
        (G.SATURN, S.AQUARIUS, 0, 20),
    ],
)
def test_moolatrikona_ranges(graha, sign, first, last):
    assert dignity_in(graha, sign, first) is D.MOOLATRIKONA
    assert dignity_in(graha, sign, last - 0.01) is D.MOOLATRIKONA
    if last < 30:  # past the range the sign is simply the graha's own
        assert dignity_in(graha, sign, last) is D.OWN_SIGN
        assert dignity_in(graha, sign, 29.99) is D.OWN_SIGN


def test_the_signs_that_are_both_exaltation_and_moolatrikona():
    assert dignity_in(G.MOON, S.TAURUS, 2.99) is D.EXALTED
    assert dignity_in(G.MERCURY, S.VIRGO, 14.99) is D.EXALTED


@pytest.mark.parametrize(
    ("graha", "sign"),
    [
        (G.SUN, S.LEO), (G.MOON, S.CANCER), (G.MARS, S.SCORPIO), (G.MERCURY, S.GEMINI),
        (G.JUPITER, S.PISCES), (G.VENUS, S.TAURUS), (G.SATURN, S.CAPRICORN),
    ],
)  # fmt: skip
def test_own_signs(graha, sign):
    assert dignity_in(graha, sign) is D.OWN_SIGN


# BPHS naisargika maitri, typed from the text: F friend, N neutral, E enemy; columns in
# the order Sun, Moon, Mars, Mercury, Jupiter, Venus, Saturn ("-" = itself).
BPHS_TABLE = {
    G.SUN: "-FFNFEE",
    G.MOON: "F-NFNNN",
    G.MARS: "FF-EFNN",
    G.MERCURY: "FEN-NFN",
    G.JUPITER: "FFFE-EN",
    G.VENUS: "EENFN-F",
    G.SATURN: "EEEFNF-",
}
CODES = {"F": D.FRIENDLY, "N": D.NEUTRAL, "E": D.ENEMY}


def test_natural_relationships_follow_bphs():
    for graha, row in BPHS_TABLE.items():
        for other, code in zip(CLASSICAL, row, strict=True):
            if code != "-":
                assert relationship(graha, other) is CODES[code], (graha, other)


@pytest.mark.parametrize(
    ("graha", "sign", "expected"),
    [
        (G.SUN, S.SCORPIO, D.FRIENDLY),  # Mars's sign
        (G.SUN, S.GEMINI, D.NEUTRAL),  # Mercury's
        (G.SUN, S.CAPRICORN, D.ENEMY),  # Saturn's
        (G.MOON, S.GEMINI, D.FRIENDLY),
        (G.MOON, S.CAPRICORN, D.NEUTRAL),
        (G.JUPITER, S.GEMINI, D.ENEMY),
        (G.VENUS, S.CANCER, D.ENEMY),
        (G.SATURN, S.TAURUS, D.FRIENDLY),
    ],
)
def test_other_signs_go_by_the_sign_lords_relationship(graha, sign, expected):
    assert dignity_in(graha, sign) is expected


def test_the_moon_is_nobodys_enemy_in_any_sign():
    assert all(dignity_in(G.MOON, s, d) is not D.ENEMY for s in Sign for d in (1, 15, 29))


def test_rahu_and_ketu_are_always_neutral():
    for node in (G.RAHU, G.KETU):
        assert {dignity(node, position_at(float(lon))) for lon in range(360)} == {D.NEUTRAL}
