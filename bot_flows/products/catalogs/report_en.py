"""The Kundali report in English (WhatsApp text)."""

MESSAGES: dict[str, str] = {
    # Section headings: every section starts with one of these lines.
    "h_birth": "🪔 *Janma Kundali — {name}*",
    "h_lagna": "🔺 *Lagna and personality*",
    "h_chandra_lagna": "🔺 *Chandra lagna and personality*",
    "h_planets": "🪐 *Planetary positions*",
    "h_houses": "🏠 *The twelve houses (bhavas)*",
    "h_dasha": "⏳ *Vimshottari dasha*",
    "h_manglik": "🔴 *Manglik (Kuja dosha)*",
    "h_yogas": "✨ *Yogas in your chart*",
    "h_sade_sati": "🌘 *Shani Sade Sati*",
    "h_remedies": "💎 *Remedies and lucky factors*",
    "continued": "{heading} (continued)",
    "and": "and",
    # Birth details
    "birth_intro": "Namaste 🙏 Here is your complete Vedic birth chart, prepared with care.",
    "birth_date": "📅 Date of birth: {date}",
    "birth_time": "🕰️ Time of birth: {time}",
    "birth_time_unknown": "not known (noon was used)",
    "birth_place": "📍 Place: {place} ({coordinates})",
    "birth_zone": "🌐 Time zone: {zone}; UTC offset used: {offset}",
    "birth_settings": "⚙️ Ayanamsa: {ayanamsa} ({degrees}); nodes: {node}; houses: {houses}",
    "node_mean": "mean node",
    "node_true": "true node",
    "houses_lagna": "whole sign, from the lagna",
    "houses_moon": "whole sign, from the Moon sign",
    "note_time_unknown": (
        "ℹ️ As the birth time is not known, the lagna cannot be fixed: the houses are counted "
        "from your Moon sign (Chandra lagna), and the dasha dates may be off by a few months."
    ),
    "note_ambiguous": (
        "ℹ️ This clock time happened twice that night (the clocks were turned back); "
        "we used the first."
    ),
    "note_moon_uncertain": (
        "ℹ️ The Moon changed sign on your birth day, so without the birth time your Moon sign "
        "could be the neighbouring one."
    ),
    # Lagna and personality
    "lagna_sign": "Your lagna is {sign}, at {degree} in {nakshatra} nakshatra, pada {pada}.",
    "chandra_lagna_sign": (
        "Your Moon sign, {sign}, stands in as the lagna (the Moon is at {degree} in {nakshatra} "
        "nakshatra, pada {pada})."
    ),
    "lagna_lord": "Its lord, {graha}, sits in house {house}, in {sign} ({dignity}){retro}.",
    "lagna_lord_retro": ", and is retrograde",
    "personality": "{sign} is a {modality} {element} sign. It gives you {traits}.",
    "lagna_lord_role": (
        "The lagna lord steers your health, outlook and direction in life; the remedies at the "
        "end of this report help keep it strong."
    ),
    "element_fire": "fire",
    "element_earth": "earth",
    "element_air": "air",
    "element_water": "water",
    "modality_movable": "movable (chara)",
    "modality_fixed": "fixed (sthira)",
    "modality_dual": "dual (dwiswabhava)",
    "trait_adaptability": "adaptability",
    "trait_ambition": "ambition",
    "trait_analysis": "a sharp, analytical mind",
    "trait_balance": "a sense of balance and fairness",
    "trait_caring": "a caring, nurturing nature",
    "trait_communication": "a gift for communication",
    "trait_compassion": "compassion",
    "trait_confidence": "confidence",
    "trait_courage": "courage",
    "trait_curiosity": "curiosity",
    "trait_determination": "determination",
    "trait_diplomacy": "diplomacy",
    "trait_discipline": "discipline",
    "trait_frankness": "frankness",
    "trait_generosity": "generosity",
    "trait_humanity": "concern for others",
    "trait_imagination": "imagination",
    "trait_independence": "independence",
    "trait_initiative": "initiative",
    "trait_insight": "deep insight",
    "trait_intensity": "intensity",
    "trait_leadership": "natural leadership",
    "trait_love_of_comfort": "a love of comfort and beauty",
    "trait_love_of_home": "a love of home and family",
    "trait_love_of_learning": "a love of learning",
    "trait_optimism": "optimism",
    "trait_originality": "original thinking",
    "trait_patience": "patience",
    "trait_practicality": "practical sense",
    "trait_precision": "care for detail",
    "trait_principles": "strong principles",
    "trait_sense_of_beauty": "a fine sense of beauty",
    "trait_sensitivity": "sensitivity",
    "trait_service": "a wish to help",
    "trait_spirituality": "spiritual depth",
    "trait_steadiness": "steadiness",
    # Dignities
    "dignity_exalted": "exalted",
    "dignity_debilitated": "debilitated",
    "dignity_moolatrikona": "moolatrikona",
    "dignity_own_sign": "own sign",
    "dignity_friendly": "friend's sign",
    "dignity_neutral": "neutral sign",
    "dignity_enemy": "enemy's sign",
    # Planetary positions
    "planet_row": (
        "{graha}: {sign} {degree} · {nakshatra}-{pada} · house {house} · {dignity}{retro}"
    ),
    "retro_mark": " · (R) retrograde",
    # Houses
    "houses_intro_lagna": "Whole-sign houses, counted from your lagna:",
    "houses_intro_moon": "Whole-sign houses, counted from your Moon sign (birth time not known):",
    "house_row": "{number}. {meaning} — {sign}, lord {lord} in house {lord_house} · {occupants}",
    "house_empty": "no graha",
    "bhava_1": "Self",
    "bhava_2": "Wealth, family",
    "bhava_3": "Courage, siblings",
    "bhava_4": "Home, mother",
    "bhava_5": "Children, intellect",
    "bhava_6": "Health, rivals",
    "bhava_7": "Marriage, partners",
    "bhava_8": "Longevity, change",
    "bhava_9": "Fortune, dharma",
    "bhava_10": "Career, status",
    "bhava_11": "Gains, friends",
    "bhava_12": "Expenses, moksha",
    # Vimshottari dasha
    "dasha_about": (
        "The dasha shows which graha leads each period of your life; the antardasha colours "
        "it from within."
    ),
    "dasha_now": (
        "Running now: *{maha}* mahadasha ({maha_start} – {maha_end}), and within it "
        "*{antar}* antardasha ({antar_start} – {antar_end})."
    ),
    "dasha_next": "Next antardashas:",
    "dasha_period": "• {lord}: {start} – {end}",
    "dasha_all": "All mahadashas:",
    "dasha_running": "▶ *{lord}: {start} – {end}* (running)",
    "dasha_approximate": "The dates are approximate, as the birth time is not known.",
    # Manglik
    "manglik_rule_houses_1_2_4_7_8_12_from_lagna": (
        "The rule: Mars in the 1st, 2nd, 4th, 7th, 8th or 12th house from the lagna makes a "
        "chart manglik."
    ),
    "manglik_rule_houses_1_2_4_7_8_12_from_moon": (
        "The rule: Mars in the 1st, 2nd, 4th, 7th, 8th or 12th house from the Moon makes a chart "
        "manglik (the Moon is used because the birth time is not known)."
    ),
    "manglik_mars": (
        "Your Mars is in house {from_lagna} from the lagna, {from_moon} from the Moon and "
        "{from_venus} from Venus."
    ),
    "manglik_mars_no_lagna": (
        "Your Mars is in house {from_moon} from the Moon and {from_venus} from Venus."
    ),
    "manglik_yes": (
        "Result: *manglik*. This matters mainly when matching charts for marriage. It is common "
        "(roughly one chart in three) and is balanced when the partner is manglik too."
    ),
    "manglik_no": "Result: *not manglik*. 🙂",
    "manglik_cancelled": (
        "Result: Mars is in a manglik house, but the dosha is *cancelled* because of: {exceptions}."
    ),
    "manglik_exception_mars_own_sign": "Mars in its own sign (Aries or Scorpio)",
    "manglik_exception_mars_exalted": "Mars exalted in Capricorn",
    "manglik_exception_mars_in_leo_or_aquarius": "Mars in Leo or Aquarius",
    "manglik_exception_mars_2nd_in_gemini_or_virgo": "Mars in the 2nd house in Gemini or Virgo",
    "manglik_exception_mars_4th_in_aries_or_scorpio": "Mars in the 4th house in Aries or Scorpio",
    "manglik_exception_mars_7th_in_cancer_or_capricorn": (
        "Mars in the 7th house in Cancer or Capricorn"
    ),
    "manglik_exception_mars_8th_in_sagittarius_or_pisces": (
        "Mars in the 8th house in Sagittarius or Pisces"
    ),
    "manglik_exception_mars_12th_in_taurus_or_libra": "Mars in the 12th house in Taurus or Libra",
    # Yogas
    "yoga_row": "• *{name}* ({grahas}): {meaning}",
    "yogas_none": (
        "None of the classic yogas we look for (Gajakesari, Budhaditya, Chandra-Mangala, the "
        "five Mahapurusha yogas, Kemadruma) is formed. That is common and takes nothing away "
        "from your chart."
    ),
    "yoga_gajakesari": "Gajakesari yoga",
    "yoga_gajakesari_meaning": (
        "Jupiter in a kendra from the Moon — wisdom, respect and a good name that lasts."
    ),
    "yoga_budhaditya": "Budhaditya yoga",
    "yoga_budhaditya_meaning": (
        "the Sun and Mercury together — a sharp intellect and skill with words."
    ),
    "yoga_chandra_mangala": "Chandra-Mangala yoga",
    "yoga_chandra_mangala_meaning": (
        "the Moon and Mars together — drive, enterprise and a talent for earning."
    ),
    "yoga_ruchaka": "Ruchaka yoga",
    "yoga_ruchaka_meaning": "Mars strong in a kendra — courage, energy and leadership.",
    "yoga_bhadra": "Bhadra yoga",
    "yoga_bhadra_meaning": (
        "Mercury strong in a kendra — intelligence, eloquence and business sense."
    ),
    "yoga_hamsa": "Hamsa yoga",
    "yoga_hamsa_meaning": "Jupiter strong in a kendra — wisdom, virtue and respected counsel.",
    "yoga_malavya": "Malavya yoga",
    "yoga_malavya_meaning": "Venus strong in a kendra — charm, comforts and artistic taste.",
    "yoga_sasa": "Sasa yoga",
    "yoga_sasa_meaning": "Saturn strong in a kendra — discipline, endurance and authority.",
    "yoga_kemadruma": "Kemadruma yoga",
    "yoga_kemadruma_meaning": (
        "no graha beside the Moon — there may be times of feeling alone; steady effort and good "
        "company soften it, and other yogas often cancel it."
    ),
    # Sade Sati
    "sade_sati_positions": "Saturn is now in {saturn_sign}; your Moon sign is {moon_sign}.",
    "sade_sati_running": "Sade Sati is *running*: {phase}.",
    "sade_sati_dates": "It runs from {start} to {end}.",
    "sade_sati_phase_rising": "the rising phase (Saturn in the 12th from your Moon)",
    "sade_sati_phase_peak": "the peak phase (Saturn over your Moon)",
    "sade_sati_phase_setting": "the setting phase (Saturn in the 2nd from your Moon)",
    "sade_sati_inactive": "Sade Sati is *not running* now. 🙂",
    "sade_sati_about": (
        "Sade Sati is the roughly seven and a half years in which Saturn crosses the sign before "
        "your Moon sign, the Moon sign itself and the sign after it. It asks for patience and "
        "hard work, and rewards them; it is nothing to fear."
    ),
    "sade_sati_advice": (
        "Traditional support in this time: the Hanuman Chalisa or the Shani mantra on Saturdays, "
        "and helping people in need."
    ),
    # Remedies and lucky factors
    "remedies_intro": "These follow your lagna lord, {graha}:",
    "remedy_gem": "💎 Gemstone: {gem}",
    "remedy_day": "📅 Favourable day: {day}",
    "remedy_colours": "🎨 Colours: {colours}",
    "remedy_number": "🔢 Lucky number: {number}",
    "remedy_deity": "🙏 Deity: {deity}",
    "remedy_mantra": "📿 Mantra: {mantra} — 108 times, especially on {day}",
    "remedies_note": (
        "Please wear a gemstone only after a trusted astrologer has studied your whole chart. "
        "Remedies support your own effort; they do not replace it."
    ),
    "closing": "With warm wishes from BoloAstro 🙏",
    "gem_ruby": "Ruby (Manik)",
    "gem_pearl": "Pearl (Moti)",
    "gem_red_coral": "Red coral (Moonga)",
    "gem_emerald": "Emerald (Panna)",
    "gem_yellow_sapphire": "Yellow sapphire (Pukhraj)",
    "gem_diamond": "Diamond (Heera)",
    "gem_blue_sapphire": "Blue sapphire (Neelam)",
    "gem_hessonite": "Hessonite (Gomed)",
    "gem_cats_eye": "Cat's eye (Lehsunia)",
    "day_sunday": "Sunday",
    "day_monday": "Monday",
    "day_tuesday": "Tuesday",
    "day_wednesday": "Wednesday",
    "day_thursday": "Thursday",
    "day_friday": "Friday",
    "day_saturday": "Saturday",
    "colour_saffron": "saffron",
    "colour_red": "red",
    "colour_white": "white",
    "colour_silver": "silver",
    "colour_green": "green",
    "colour_yellow": "yellow",
    "colour_pink": "pink",
    "colour_black": "black",
    "colour_dark_blue": "dark blue",
    "colour_smoky_grey": "smoky grey",
    "colour_grey": "grey",
    "deity_surya": "Surya Dev",
    "deity_shiva": "Lord Shiva",
    "deity_hanuman": "Hanuman ji",
    "deity_vishnu": "Lord Vishnu",
    "deity_brihaspati": "Brihaspati (Devaguru)",
    "deity_lakshmi": "Goddess Lakshmi",
    "deity_shani": "Shani Dev",
    "deity_durga": "Goddess Durga",
    "deity_ganesha": "Lord Ganesha",
    "mantra_sun": "Om Hraam Hreem Hraum Sah Suryaya Namah",
    "mantra_moon": "Om Shraam Shreem Shraum Sah Chandramase Namah",
    "mantra_mars": "Om Kraam Kreem Kraum Sah Bhaumaya Namah",
    "mantra_mercury": "Om Braam Breem Braum Sah Budhaya Namah",
    "mantra_jupiter": "Om Graam Greem Graum Sah Gurave Namah",
    "mantra_venus": "Om Draam Dreem Draum Sah Shukraya Namah",
    "mantra_saturn": "Om Praam Preem Praum Sah Shanaischaraya Namah",
    "mantra_rahu": "Om Bhraam Bhreem Bhraum Sah Rahave Namah",
    "mantra_ketu": "Om Sraam Sreem Sraum Sah Ketave Namah",
}
