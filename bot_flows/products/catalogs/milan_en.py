"""Kundali Milan messages in English."""

MESSAGES: dict[str, str] = {
    "title": "💑 Kundali Milan — {bride} & {groom}",
    "moon_line": "🌙 {name}: Moon in {sign}, {nakshatra} nakshatra",
    "points_header": "Guna Milan (Ashtakoota), out of 36:",
    "koota_varna": "Varna",
    "koota_vashya": "Vashya",
    "koota_tara": "Tara",
    "koota_yoni": "Yoni",
    "koota_graha_maitri": "Graha Maitri",
    "koota_gana": "Gana",
    "koota_bhakoot": "Bhakoot",
    "koota_nadi": "Nadi",
    "koota_line": "{koota}: {points}/{maximum}",
    "total": "Total: {total} of 36 gunas",
    "verdict_excellent": "🌟 An excellent match.",
    "verdict_good": "👍 A good match.",
    "verdict_average": "🙂 An average match: acceptable, with care.",
    "verdict_not_recommended": (
        "⚠️ Below 18 gunas: by Guna Milan alone this match is not recommended."
    ),
    "doshas_header": "🔎 Doshas",
    "nadi_none": "Nadi: no Nadi dosha (different nadis).",
    "nadi_present": (
        "Nadi dosha: present — both have the same nadi. It is traditionally taken "
        "seriously; please consult an astrologer before deciding."
    ),
    "nadi_cancelled_same_rashi_different_nakshatra": (
        "Nadi dosha: same nadi, but cancelled — the same Moon sign with different nakshatras."
    ),
    "nadi_cancelled_same_nakshatra_different_rashi": (
        "Nadi dosha: same nadi, but cancelled — the same nakshatra in different Moon signs."
    ),
    "bhakoot_none": "Bhakoot: no Bhakoot dosha.",
    "bhakoot_present": "Bhakoot dosha: present — the Moon signs are {relation} from each other.",
    "bhakoot_cancelled_same_lord": (
        "Bhakoot dosha: the Moon signs are {relation} from each other, but it is cancelled — "
        "both Moon signs are ruled by {bride_lord}."
    ),
    "bhakoot_cancelled_lords_friends": (
        "Bhakoot dosha: the Moon signs are {relation} from each other, but it is cancelled — "
        "their lords {bride_lord} and {groom_lord} are friends."
    ),
    "manglik_header": "🔴 Mangal (Manglik) dosha",
    "manglik_yes": "{name}: Manglik.",
    "manglik_no": "{name}: not Manglik.",
    "manglik_cancelled": (
        "{name}: Mars is in a Manglik house, but a classical exception cancels the dosha."
    ),
    "manglik_from_moon": "(Birth time not known, so Mars was counted from the Moon.)",
    "manglik_both": "Both are Manglik, so the dosha is considered cancelled by this pairing.",
    "manglik_one": (
        "Only {name} is Manglik. Traditionally this calls for a closer look by an astrologer."
    ),
    "manglik_neither": "Neither has an active Manglik dosha.",
    "moon_uncertain": (
        "Note: the Moon changed sign on a birth day without a known time, so the Moon sign "
        "and this match may differ. A birth time makes it exact."
    ),
    "method": (
        "ℹ️ Based on the Moon sign and nakshatra of each (sidereal zodiac, Lahiri ayanamsa), "
        "with the common North-Indian Ashtakoota tables. Manglik: Mars in house 1, 2, 4, 7, 8 "
        "or 12 from the lagna (from the Moon without a birth time), with B.V. Raman's "
        "exceptions."
    ),
    "closing": (
        "Guna Milan is one guide among many. For a decision as important as marriage, "
        "please also look at both full charts with an experienced astrologer. 🙏"
    ),
}
