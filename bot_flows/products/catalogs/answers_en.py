"""English texts of the Q&A answer; every answers_* module has these keys (tested)."""

MESSAGES: dict[str, str] = {
    "title": "🔮 {name}, here is what your chart says about {topic}.",
    "topic_career": "your career and work",
    "topic_marriage": "marriage and relationships",
    "topic_health": "your health",
    "topic_wealth": "money and wealth",
    "topic_education": "your education and studies",
    "topic_travel": "travel and going abroad",
    "topic_children": "children",
    "topic_property": "home, land and vehicles",
    "topic_general": "your life in general",
    "ref_lagna": "Houses are counted from your lagna (ascendant).",
    "ref_moon": (
        "Your birth time is not known, so houses are counted from your Moon sign (Chandra lagna)."
    ),
    "house_line": "🏠 {house}: {sign}\n• Its lord {lord} sits {where} ({dignity})\n• {occupants}",
    "occupants": "Grahas here: {grahas}",
    "no_occupants": "No graha sits here",
    "karaka_line": "⭐ {graha} ({role}): {where}, {sign} ({dignity})",
    "karaka": "karaka",
    "dasha_now": (
        "⏳ Running now: {pair} dasha until {end}.\n"
        "The {maha} mahadasha runs from {maha_start} to {maha_end}."
    ),
    "favourable_now": "🌟 A favourable period is running now: {pair}, from {start} to {end}.",
    "favourable_next": "🌟 Next favourable period: {pair}, from {start} to {end}.",
    "why": "Why: {reasons}.",
    "reason_lord": "{graha} is your {lord}",
    "reason_occupant": "{graha} sits {where}",
    "reason_karaka": "{graha} is the karaka of {topic}",
    "reason_benefic": "{graha} is a natural benefic",
    "tone_supportive": (
        "💚 Overall your chart supports this area: its lords and karakas are well placed."
    ),
    "tone_mixed": (
        "💛 Overall the picture is mixed: some factors help, others ask for "
        "patience. Steady effort pays off."
    ),
    "tone_challenging": (
        "🧡 Overall this area asks for effort and patience: key grahas are "
        "under strain. Calm, steady work and prayer help."
    ),
    "disclaimer": (
        "🙏 Astrology shows tendencies, not certainties. For health, money or "
        "legal decisions, please also consult a qualified professional."
    ),
    "dignity_exalted": "exalted",
    "dignity_debilitated": "debilitated",
    "dignity_moolatrikona": "moolatrikona",
    "dignity_own_sign": "own sign",
    "dignity_friendly": "friend's sign",
    "dignity_neutral": "neutral sign",
    "dignity_enemy": "enemy's sign",
    "house_1": "1st house (lagna)",
    "house_2": "2nd house",
    "house_3": "3rd house",
    "house_4": "4th house",
    "house_5": "5th house",
    "house_6": "6th house",
    "house_7": "7th house",
    "house_8": "8th house",
    "house_9": "9th house",
    "house_10": "10th house",
    "house_11": "11th house",
    "house_12": "12th house",
    "in_house_1": "in your 1st house (lagna)",
    "in_house_2": "in your 2nd house",
    "in_house_3": "in your 3rd house",
    "in_house_4": "in your 4th house",
    "in_house_5": "in your 5th house",
    "in_house_6": "in your 6th house",
    "in_house_7": "in your 7th house",
    "in_house_8": "in your 8th house",
    "in_house_9": "in your 9th house",
    "in_house_10": "in your 10th house",
    "in_house_11": "in your 11th house",
    "in_house_12": "in your 12th house",
    "lord_1": "lagna lord",
    "lord_2": "2nd lord",
    "lord_3": "3rd lord",
    "lord_4": "4th lord",
    "lord_5": "5th lord",
    "lord_6": "6th lord",
    "lord_7": "7th lord",
    "lord_8": "8th lord",
    "lord_9": "9th lord",
    "lord_10": "10th lord",
    "lord_11": "11th lord",
    "lord_12": "12th lord",
}
