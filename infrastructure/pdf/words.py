"""The PDF's words: English with Sanskrit transliterations, one table per code family.

The PDF is English-only (see kundali_pdf), so it keeps its own short, tabular wording instead
of borrowing the WhatsApp catalogs, which are conversational and live in bot_flows.
"""

from __future__ import annotations

from backend.domain.astrology import Dignity, Graha

ABBREVIATIONS: dict[Graha, str] = {
    Graha.SUN: "Su",
    Graha.MOON: "Mo",
    Graha.MARS: "Ma",
    Graha.MERCURY: "Me",
    Graha.JUPITER: "Ju",
    Graha.VENUS: "Ve",
    Graha.SATURN: "Sa",
    Graha.RAHU: "Ra",
    Graha.KETU: "Ke",
}

DIGNITIES: dict[Dignity, str] = {
    Dignity.EXALTED: "Exalted (uchcha)",
    Dignity.DEBILITATED: "Debilitated (neecha)",
    Dignity.MOOLATRIKONA: "Moolatrikona",
    Dignity.OWN_SIGN: "Own sign (swakshetra)",
    Dignity.FRIENDLY: "Friend's sign",
    Dignity.NEUTRAL: "Neutral sign",
    Dignity.ENEMY: "Enemy's sign",
}

BHAVAS = (
    "Tanu - self, body",
    "Dhana - wealth, family, speech",
    "Sahaja - courage, siblings",
    "Sukha - home, mother, comforts",
    "Putra - children, intellect",
    "Ripu - health, service, rivals",
    "Kalatra - marriage, partners",
    "Ayu - longevity, change",
    "Dharma - fortune, teachers",
    "Karma - career, status",
    "Labha - gains, friends",
    "Vyaya - expenses, moksha",
)

ELEMENTS = {
    "fire": "fire (agni)",
    "earth": "earth (prithvi)",
    "air": "air (vayu)",
    "water": "water (jala)",
}
MODALITIES = {"movable": "movable (chara)", "fixed": "fixed (sthira)", "dual": "dual (dwiswabhava)"}

YOGAS: dict[str, tuple[str, str]] = {
    "gajakesari": (
        "Gajakesari yoga",
        "Jupiter in a kendra from the Moon: wisdom, respect, lasting reputation.",
    ),
    "budhaditya": (
        "Budhaditya yoga",
        "Sun and Mercury together: sharp intellect and skill with words.",
    ),
    "chandra_mangala": (
        "Chandra-Mangala yoga",
        "Moon and Mars together: drive and a talent for earning.",
    ),
    "ruchaka": ("Ruchaka yoga", "Mars strong in a kendra: courage, energy, leadership."),
    "bhadra": (
        "Bhadra yoga",
        "Mercury strong in a kendra: intelligence, eloquence, business sense.",
    ),
    "hamsa": ("Hamsa yoga", "Jupiter strong in a kendra: wisdom, virtue, good counsel."),
    "malavya": ("Malavya yoga", "Venus strong in a kendra: charm, comforts, artistic taste."),
    "sasa": ("Sasa yoga", "Saturn strong in a kendra: discipline, endurance, authority."),
    "kemadruma": (
        "Kemadruma yoga",
        "No graha beside the Moon: times of feeling alone; steady effort and company help.",
    ),
}

MANGLIK_RULES = {
    "houses_1_2_4_7_8_12_from_lagna": (
        "Mars in the 1st, 2nd, 4th, 7th, 8th or 12th house from the lagna."
    ),
    "houses_1_2_4_7_8_12_from_moon": (
        "Mars in the 1st, 2nd, 4th, 7th, 8th or 12th house from the Moon (birth time unknown)."
    ),
}
MANGLIK_EXCEPTIONS = {
    "mars_own_sign": "Mars in its own sign (Aries or Scorpio)",
    "mars_exalted": "Mars exalted (Capricorn)",
    "mars_in_leo_or_aquarius": "Mars in Leo or Aquarius",
    "mars_2nd_in_gemini_or_virgo": "Mars in the 2nd house in Gemini or Virgo",
    "mars_4th_in_aries_or_scorpio": "Mars in the 4th house in Aries or Scorpio",
    "mars_7th_in_cancer_or_capricorn": "Mars in the 7th house in Cancer or Capricorn",
    "mars_8th_in_sagittarius_or_pisces": "Mars in the 8th house in Sagittarius or Pisces",
    "mars_12th_in_taurus_or_libra": "Mars in the 12th house in Taurus or Libra",
}
MANGLIK_STATUS = {
    "manglik": "Manglik (Kuja dosha present)",
    "cancelled": "Kuja dosha present but cancelled",
    "not_manglik": "Not manglik",
}

SADE_SATI_PHASES = {
    "rising": "rising phase (Saturn 12th from the Moon)",
    "peak": "peak phase (Saturn over the Moon)",
    "setting": "setting phase (Saturn 2nd from the Moon)",
}

GEMSTONES = {
    "ruby": "Ruby (Manik)",
    "pearl": "Pearl (Moti)",
    "red_coral": "Red coral (Moonga)",
    "emerald": "Emerald (Panna)",
    "yellow_sapphire": "Yellow sapphire (Pukhraj)",
    "diamond": "Diamond (Heera)",
    "blue_sapphire": "Blue sapphire (Neelam)",
    "hessonite": "Hessonite (Gomed)",
    "cats_eye": "Cat's eye (Lehsunia)",
}
DEITIES = {
    "surya": "Surya",
    "shiva": "Shiva",
    "hanuman": "Hanuman",
    "vishnu": "Vishnu",
    "brihaspati": "Brihaspati (Devaguru)",
    "lakshmi": "Lakshmi",
    "shani": "Shani Dev",
    "durga": "Durga",
    "ganesha": "Ganesha",
}
MANTRAS = {
    "sun": "Om Hraam Hreem Hraum Sah Suryaya Namah",
    "moon": "Om Shraam Shreem Shraum Sah Chandramase Namah",
    "mars": "Om Kraam Kreem Kraum Sah Bhaumaya Namah",
    "mercury": "Om Braam Breem Braum Sah Budhaya Namah",
    "jupiter": "Om Graam Greem Graum Sah Gurave Namah",
    "venus": "Om Draam Dreem Draum Sah Shukraya Namah",
    "saturn": "Om Praam Preem Praum Sah Shanaischaraya Namah",
    "rahu": "Om Bhraam Bhreem Bhraum Sah Rahave Namah",
    "ketu": "Om Sraam Sreem Sraum Sah Ketave Namah",
}
TRAITS = {
    "adaptability": "adaptability",
    "ambition": "ambition",
    "analysis": "analytical mind",
    "balance": "sense of balance",
    "caring": "caring nature",
    "communication": "communication",
    "compassion": "compassion",
    "confidence": "confidence",
    "courage": "courage",
    "curiosity": "curiosity",
    "determination": "determination",
    "diplomacy": "diplomacy",
    "discipline": "discipline",
    "frankness": "frankness",
    "generosity": "generosity",
    "humanity": "concern for others",
    "imagination": "imagination",
    "independence": "independence",
    "initiative": "initiative",
    "insight": "insight",
    "intensity": "intensity",
    "leadership": "leadership",
    "love_of_comfort": "love of comfort",
    "love_of_home": "love of home",
    "love_of_learning": "love of learning",
    "optimism": "optimism",
    "originality": "originality",
    "patience": "patience",
    "practicality": "practicality",
    "precision": "precision",
    "principles": "strong principles",
    "sense_of_beauty": "sense of beauty",
    "sensitivity": "sensitivity",
    "service": "helpfulness",
    "spirituality": "spirituality",
    "steadiness": "steadiness",
}
COLOURS = {
    "saffron": "saffron",
    "red": "red",
    "white": "white",
    "silver": "silver",
    "green": "green",
    "yellow": "yellow",
    "pink": "pink",
    "black": "black",
    "dark_blue": "dark blue",
    "smoky_grey": "smoky grey",
    "grey": "grey",
}
