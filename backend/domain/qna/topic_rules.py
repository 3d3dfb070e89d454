"""Which houses and karakas each topic is read from, and how a topic's grahas are scored.

Classical Parashari significations, kept deliberately small:
career 10 (karma) with 6 (service), 2 (earnings), 11 (gains); marriage 7 with 2 (family) and
11 (fulfilment); health 1 (body), 6 (disease), 8 (chronic trouble); wealth 2 and 11;
education 4 (schooling) and 5 (intellect); travel 9 (long journeys), 12 (foreign lands),
3 (short journeys); children 5; property 4; general: the lagna and its lord.
"""

from __future__ import annotations

from backend.domain.astrology.dignity import Dignity
from backend.domain.astrology.zodiac import Graha
from backend.domain.qna.topics import Topic

TOPIC_HOUSES: dict[Topic, tuple[int, ...]] = {
    Topic.CAREER: (10, 6, 2, 11),
    Topic.MARRIAGE: (7, 2, 11),
    Topic.HEALTH: (1, 6, 8),
    Topic.WEALTH: (2, 11),
    Topic.EDUCATION: (4, 5),
    Topic.TRAVEL: (9, 12, 3),
    Topic.CHILDREN: (5,),
    Topic.PROPERTY: (4,),
    Topic.GENERAL: (1,),
}

# A karaka is a fixed graha or, as an int, "the lord of house N" of this chart. Primary first.
# Marriage: Venus, with Jupiter as the traditional secondary (husband's karaka in a woman's
# chart); we do not ask the user's gender, so both are read for everyone.
TOPIC_KARAKAS: dict[Topic, tuple[Graha | int, ...]] = {
    Topic.CAREER: (Graha.SATURN, Graha.SUN, 10),
    Topic.MARRIAGE: (Graha.VENUS, Graha.JUPITER),
    Topic.HEALTH: (Graha.SUN, 1),
    Topic.WEALTH: (Graha.JUPITER,),
    Topic.EDUCATION: (Graha.MERCURY, Graha.JUPITER),
    Topic.TRAVEL: (Graha.RAHU, 12),
    Topic.CHILDREN: (Graha.JUPITER,),
    Topic.PROPERTY: (Graha.MARS, 4),
    Topic.GENERAL: (1,),
}

NATURAL_BENEFICS = (Graha.JUPITER, Graha.VENUS, Graha.MERCURY, Graha.MOON)
NATURAL_MALEFICS = frozenset({Graha.SUN, Graha.MARS, Graha.SATURN, Graha.RAHU, Graha.KETU})

# Tone score: each distinct house lord and karaka scores its dignity; each occupant of a topic
# house scores +1 if a natural benefic, -1 if a natural malefic (the Moon's phase and
# Mercury's company are ignored on purpose: a short answer, not a full reading).
DIGNITY_POINTS: dict[Dignity, int] = {
    Dignity.EXALTED: 2,
    Dignity.MOOLATRIKONA: 2,
    Dignity.OWN_SIGN: 2,
    Dignity.FRIENDLY: 1,
    Dignity.NEUTRAL: 0,
    Dignity.ENEMY: -1,
    Dignity.DEBILITATED: -2,
}
SUPPORTIVE_FROM = 2  # score >= 2: "supportive"
CHALLENGING_TO = -2  # score <= -2: "challenging"; in between: "mixed"


def occupant_points(graha: Graha) -> int:
    """+1 for a natural benefic in a topic house, -1 for a natural malefic."""
    return -1 if graha in NATURAL_MALEFICS else 1


def tone_of(score: int) -> str:
    """The tone code for a score: "supportive", "mixed" or "challenging"."""
    if score >= SUPPORTIVE_FROM:
        return "supportive"
    return "challenging" if score <= CHALLENGING_TO else "mixed"
