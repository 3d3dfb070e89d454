"""The Kundali report in Hindi (हिंदी, आप form)."""

MESSAGES: dict[str, str] = {
    "h_birth": "🪔 *जन्म कुंडली — {name}*",
    "h_lagna": "🔺 *लग्न और व्यक्तित्व*",
    "h_chandra_lagna": "🔺 *चंद्र लग्न और व्यक्तित्व*",
    "h_planets": "🪐 *ग्रहों की स्थिति*",
    "h_houses": "🏠 *बारह भाव*",
    "h_dasha": "⏳ *विंशोत्तरी दशा*",
    "h_manglik": "🔴 *मांगलिक (कुज दोष)*",
    "h_yogas": "✨ *आपकी कुंडली के योग*",
    "h_sade_sati": "🌘 *शनि की साढ़ेसाती*",
    "h_remedies": "💎 *उपाय और शुभ बातें*",
    "continued": "{heading} (जारी)",
    "and": "और",
    "birth_intro": "नमस्ते 🙏 यह रही आपकी पूरी वैदिक जन्म कुंडली, पूरे ध्यान से तैयार की गई।",
    "birth_date": "📅 जन्म तिथि: {date}",
    "birth_time": "🕰️ जन्म समय: {time}",
    "birth_time_unknown": "पता नहीं (दोपहर 12 बजे का समय लिया गया)",
    "birth_place": "📍 जन्म स्थान: {place} ({coordinates})",
    "birth_zone": "🌐 समय क्षेत्र: {zone}; इस्तेमाल किया गया UTC ऑफ़सेट: {offset}",
    "birth_settings": "⚙️ अयनांश: {ayanamsa} ({degrees}); राहु-केतु: {node}; भाव: {houses}",
    "node_mean": "मध्यम (mean)",
    "node_true": "स्पष्ट (true)",
    "houses_lagna": "संपूर्ण राशि, लग्न से",
    "houses_moon": "संपूर्ण राशि, चंद्र राशि से",
    "note_time_unknown": (
        "ℹ️ जन्म समय पता न होने से लग्न तय नहीं हो सकता: भाव आपकी चंद्र राशि (चंद्र लग्न) से गिने "
        "गए हैं, और दशा की तारीख़ें कुछ महीने आगे-पीछे हो सकती हैं।"
    ),
    "note_ambiguous": (
        "ℹ️ उस रात घड़ियाँ पीछे की गई थीं, इसलिए यह समय दो बार आया; हमने पहला समय लिया है।"
    ),
    "note_moon_uncertain": (
        "ℹ️ आपके जन्म के दिन चंद्रमा ने राशि बदली थी, इसलिए जन्म समय के बिना आपकी चंद्र राशि पास "
        "वाली राशि भी हो सकती है।"
    ),
    "lagna_sign": "आपका लग्न {sign} है — {degree} पर, {nakshatra} नक्षत्र के चरण {pada} में।",
    "chandra_lagna_sign": (
        "लग्न की जगह आपकी चंद्र राशि {sign} ली गई है (चंद्रमा {degree} पर, {nakshatra} नक्षत्र, "
        "चरण {pada})।"
    ),
    "lagna_lord": "लग्नेश {graha} भाव {house} में, {sign} राशि में हैं ({dignity}){retro}।",
    "lagna_lord_retro": ", और वक्री हैं",
    "personality": "{sign} {element} तत्व की {modality} राशि है। यह लग्न आपको {traits} देता है।",
    "lagna_lord_role": (
        "लग्नेश आपके स्वास्थ्य, सोच और जीवन की दिशा का मार्गदर्शक है; इस रिपोर्ट के अंत में दिए "
        "उपाय इसे मज़बूत रखने में मदद करते हैं।"
    ),
    "element_fire": "अग्नि",
    "element_earth": "पृथ्वी",
    "element_air": "वायु",
    "element_water": "जल",
    "modality_movable": "चर",
    "modality_fixed": "स्थिर",
    "modality_dual": "द्विस्वभाव",
    "trait_adaptability": "हालात के अनुसार ढलने की क्षमता",
    "trait_ambition": "महत्वाकांक्षा",
    "trait_analysis": "तेज़, विश्लेषण करने वाला दिमाग़",
    "trait_balance": "संतुलन और न्याय की भावना",
    "trait_caring": "देखभाल करने वाला स्वभाव",
    "trait_communication": "बातचीत की कला",
    "trait_compassion": "करुणा",
    "trait_confidence": "आत्मविश्वास",
    "trait_courage": "साहस",
    "trait_curiosity": "जिज्ञासा",
    "trait_determination": "दृढ़ निश्चय",
    "trait_diplomacy": "व्यवहार-कुशलता",
    "trait_discipline": "अनुशासन",
    "trait_frankness": "स्पष्टवादिता",
    "trait_generosity": "उदारता",
    "trait_humanity": "दूसरों की परवाह",
    "trait_imagination": "कल्पनाशीलता",
    "trait_independence": "स्वतंत्र सोच",
    "trait_initiative": "पहल करने का गुण",
    "trait_insight": "गहरी अंतर्दृष्टि",
    "trait_intensity": "भावनाओं की गहराई",
    "trait_leadership": "स्वाभाविक नेतृत्व",
    "trait_love_of_comfort": "सुख-सुविधा और सुंदरता से प्रेम",
    "trait_love_of_home": "घर-परिवार से प्रेम",
    "trait_love_of_learning": "ज्ञान से प्रेम",
    "trait_optimism": "आशावाद",
    "trait_originality": "मौलिक सोच",
    "trait_patience": "धैर्य",
    "trait_practicality": "व्यावहारिक समझ",
    "trait_precision": "बारीकियों पर ध्यान",
    "trait_principles": "पक्के सिद्धांत",
    "trait_sense_of_beauty": "सुंदरता की अच्छी समझ",
    "trait_sensitivity": "संवेदनशीलता",
    "trait_service": "सेवा भाव",
    "trait_spirituality": "आध्यात्मिक गहराई",
    "trait_steadiness": "स्थिरता",
    "dignity_exalted": "उच्च",
    "dignity_debilitated": "नीच",
    "dignity_moolatrikona": "मूलत्रिकोण",
    "dignity_own_sign": "स्वराशि",
    "dignity_friendly": "मित्र राशि",
    "dignity_neutral": "सम राशि",
    "dignity_enemy": "शत्रु राशि",
    "planet_row": "{graha}: {sign} {degree} · {nakshatra}-{pada} · भाव {house} · {dignity}{retro}",
    "retro_mark": " · (व) वक्री",
    "houses_intro_lagna": "संपूर्ण राशि भाव, आपके लग्न से गिने गए:",
    "houses_intro_moon": "संपूर्ण राशि भाव, आपकी चंद्र राशि से गिने गए (जन्म समय पता नहीं):",
    "house_row": "{number}. {meaning} — {sign}, स्वामी {lord} भाव {lord_house} में · {occupants}",
    "house_empty": "कोई ग्रह नहीं",
    "bhava_1": "तन, स्वयं",
    "bhava_2": "धन, परिवार",
    "bhava_3": "पराक्रम, भाई-बहन",
    "bhava_4": "सुख, माता, घर",
    "bhava_5": "संतान, बुद्धि",
    "bhava_6": "रोग, शत्रु",
    "bhava_7": "विवाह, साझेदारी",
    "bhava_8": "आयु, परिवर्तन",
    "bhava_9": "भाग्य, धर्म",
    "bhava_10": "कर्म, करियर",
    "bhava_11": "लाभ, मित्र",
    "bhava_12": "व्यय, मोक्ष",
    "dasha_about": (
        "दशा बताती है कि जीवन के किस दौर में कौन-सा ग्रह आगे रहता है; अंतर्दशा उसके भीतर अपना रंग जोड़ती है।"
    ),
    "dasha_now": (
        "अभी चल रही है: *{maha}* की महादशा ({maha_start} – {maha_end}), और उसमें *{antar}* की "
        "अंतर्दशा ({antar_start} – {antar_end})।"
    ),
    "dasha_next": "आगे की अंतर्दशाएँ:",
    "dasha_period": "• {lord}: {start} – {end}",
    "dasha_all": "सभी महादशाएँ:",
    "dasha_running": "▶ *{lord}: {start} – {end}* (चल रही है)",
    "dasha_approximate": "जन्म समय पता न होने से ये तारीख़ें अनुमानित हैं।",
    "manglik_rule_houses_1_2_4_7_8_12_from_lagna": (
        "नियम: लग्न से पहले, दूसरे, चौथे, सातवें, आठवें या बारहवें भाव में मंगल हो तो कुंडली मांगलिक मानी जाती है।"
    ),
    "manglik_rule_houses_1_2_4_7_8_12_from_moon": (
        "नियम: चंद्रमा से पहले, दूसरे, चौथे, सातवें, आठवें या बारहवें भाव में मंगल हो तो कुंडली "
        "मांगलिक मानी जाती है (जन्म समय पता न होने से चंद्रमा से देखा गया है)।"
    ),
    "manglik_mars": (
        "आपका मंगल लग्न से भाव {from_lagna} में, चंद्रमा से {from_moon} में और शुक्र से {from_venus} में है।"
    ),
    "manglik_mars_no_lagna": ("आपका मंगल चंद्रमा से भाव {from_moon} में और शुक्र से {from_venus} में है।"),
    "manglik_yes": (
        "परिणाम: *मांगलिक*। इसका महत्व मुख्य रूप से विवाह के लिए कुंडली मिलान में है। यह आम बात "
        "है (लगभग हर तीसरी कुंडली), और जीवनसाथी भी मांगलिक हो तो संतुलन हो जाता है।"
    ),
    "manglik_no": "परिणाम: *मांगलिक नहीं*। 🙂",
    "manglik_cancelled": (
        "परिणाम: मंगल मांगलिक भाव में है, पर यह दोष *निरस्त* हो जाता है, क्योंकि: {exceptions}।"
    ),
    "manglik_exception_mars_own_sign": "मंगल अपनी राशि (मेष या वृश्चिक) में है",
    "manglik_exception_mars_exalted": "मंगल मकर में उच्च का है",
    "manglik_exception_mars_in_leo_or_aquarius": "मंगल सिंह या कुंभ में है",
    "manglik_exception_mars_2nd_in_gemini_or_virgo": "दूसरे भाव का मंगल मिथुन या कन्या में है",
    "manglik_exception_mars_4th_in_aries_or_scorpio": "चौथे भाव का मंगल मेष या वृश्चिक में है",
    "manglik_exception_mars_7th_in_cancer_or_capricorn": "सातवें भाव का मंगल कर्क या मकर में है",
    "manglik_exception_mars_8th_in_sagittarius_or_pisces": "आठवें भाव का मंगल धनु या मीन में है",
    "manglik_exception_mars_12th_in_taurus_or_libra": "बारहवें भाव का मंगल वृषभ या तुला में है",
    "yoga_row": "• *{name}* ({grahas}): {meaning}",
    "yogas_none": (
        "हमने जिन प्रमुख योगों को देखा (गजकेसरी, बुधादित्य, चंद्र-मंगल, पाँच पंच महापुरुष योग, "
        "केमद्रुम), उनमें से कोई नहीं बनता। यह आम बात है, और इससे आपकी कुंडली में कोई कमी नहीं "
        "आती।"
    ),
    "yoga_gajakesari": "गजकेसरी योग",
    "yoga_gajakesari_meaning": "चंद्रमा से केंद्र में गुरु — बुद्धिमत्ता, मान-सम्मान और स्थायी यश।",
    "yoga_budhaditya": "बुधादित्य योग",
    "yoga_budhaditya_meaning": "सूर्य और बुध साथ — तेज़ बुद्धि और वाणी में कुशलता।",
    "yoga_chandra_mangala": "चंद्र-मंगल योग",
    "yoga_chandra_mangala_meaning": "चंद्रमा और मंगल साथ — उत्साह, उद्यम और धन कमाने की क्षमता।",
    "yoga_ruchaka": "रुचक योग",
    "yoga_ruchaka_meaning": "केंद्र में बलवान मंगल — साहस, ऊर्जा और नेतृत्व।",
    "yoga_bhadra": "भद्र योग",
    "yoga_bhadra_meaning": "केंद्र में बलवान बुध — बुद्धि, वाक्पटुता और व्यापार की समझ।",
    "yoga_hamsa": "हंस योग",
    "yoga_hamsa_meaning": "केंद्र में बलवान गुरु — ज्ञान, सदाचार और सम्मानित सलाह।",
    "yoga_malavya": "मालव्य योग",
    "yoga_malavya_meaning": "केंद्र में बलवान शुक्र — आकर्षण, सुख-सुविधा और कला में रुचि।",
    "yoga_sasa": "शश योग",
    "yoga_sasa_meaning": "केंद्र में बलवान शनि — अनुशासन, सहनशक्ति और अधिकार।",
    "yoga_kemadruma": "केमद्रुम योग",
    "yoga_kemadruma_meaning": (
        "चंद्रमा के दोनों ओर कोई ग्रह नहीं — कभी-कभी अकेलापन महसूस हो सकता है; लगातार प्रयास और "
        "अच्छी संगति इसे हल्का करते हैं, और दूसरे योग अक्सर इसे निरस्त कर देते हैं।"
    ),
    "sade_sati_positions": "शनि अभी {saturn_sign} राशि में हैं; आपकी चंद्र राशि {moon_sign} है।",
    "sade_sati_running": "साढ़ेसाती *चल रही है*: {phase}।",
    "sade_sati_dates": "यह {start} से {end} तक रहेगी।",
    "sade_sati_phase_rising": "पहला चरण (शनि आपकी चंद्र राशि से बारहवें भाव में)",
    "sade_sati_phase_peak": "दूसरा, मुख्य चरण (शनि आपकी चंद्र राशि पर)",
    "sade_sati_phase_setting": "तीसरा, अंतिम चरण (शनि आपकी चंद्र राशि से दूसरे भाव में)",
    "sade_sati_inactive": "अभी साढ़ेसाती *नहीं चल रही है*। 🙂",
    "sade_sati_about": (
        "साढ़ेसाती वे लगभग साढ़े सात साल हैं, जिनमें शनि आपकी चंद्र राशि से पहले वाली राशि, चंद्र "
        "राशि और उसके बाद वाली राशि से गुज़रते हैं। यह समय धैर्य और मेहनत माँगता है और उनका फल भी "
        "देता है; इससे डरने की कोई बात नहीं।"
    ),
    "sade_sati_advice": (
        "इस समय के पारंपरिक उपाय: शनिवार को हनुमान चालीसा या शनि मंत्र का पाठ, और ज़रूरतमंदों की मदद।"
    ),
    "remedies_intro": "ये उपाय आपके लग्नेश {graha} के अनुसार हैं:",
    "remedy_gem": "💎 रत्न: {gem}",
    "remedy_day": "📅 शुभ दिन: {day}",
    "remedy_colours": "🎨 शुभ रंग: {colours}",
    "remedy_number": "🔢 शुभ अंक: {number}",
    "remedy_deity": "🙏 देवता: {deity}",
    "remedy_mantra": "📿 मंत्र: {mantra} — 108 बार, विशेषकर {day} को",
    "remedies_note": (
        "कृपया कोई भी रत्न किसी भरोसेमंद ज्योतिषी को पूरी कुंडली दिखाकर ही पहनें। उपाय आपके "
        "प्रयास का साथ देते हैं, उसकी जगह नहीं लेते।"
    ),
    "closing": "BoloAstro की ओर से हार्दिक शुभकामनाएँ 🙏",
    "gem_ruby": "माणिक्य (Ruby)",
    "gem_pearl": "मोती (Pearl)",
    "gem_red_coral": "मूंगा (Red coral)",
    "gem_emerald": "पन्ना (Emerald)",
    "gem_yellow_sapphire": "पुखराज (Yellow sapphire)",
    "gem_diamond": "हीरा (Diamond)",
    "gem_blue_sapphire": "नीलम (Blue sapphire)",
    "gem_hessonite": "गोमेद (Hessonite)",
    "gem_cats_eye": "लहसुनिया (Cat's eye)",
    "day_sunday": "रविवार",
    "day_monday": "सोमवार",
    "day_tuesday": "मंगलवार",
    "day_wednesday": "बुधवार",
    "day_thursday": "गुरुवार",
    "day_friday": "शुक्रवार",
    "day_saturday": "शनिवार",
    "colour_saffron": "केसरिया",
    "colour_red": "लाल",
    "colour_white": "सफ़ेद",
    "colour_silver": "चाँदी जैसा",
    "colour_green": "हरा",
    "colour_yellow": "पीला",
    "colour_pink": "गुलाबी",
    "colour_black": "काला",
    "colour_dark_blue": "गहरा नीला",
    "colour_smoky_grey": "धुएँ जैसा सलेटी",
    "colour_grey": "सलेटी",
    "deity_surya": "सूर्य देव",
    "deity_shiva": "भगवान शिव",
    "deity_hanuman": "हनुमान जी",
    "deity_vishnu": "भगवान विष्णु",
    "deity_brihaspati": "देवगुरु बृहस्पति",
    "deity_lakshmi": "माँ लक्ष्मी",
    "deity_shani": "शनि देव",
    "deity_durga": "माँ दुर्गा",
    "deity_ganesha": "भगवान गणेश",
    "mantra_sun": "ॐ ह्रां ह्रीं ह्रौं सः सूर्याय नमः",
    "mantra_moon": "ॐ श्रां श्रीं श्रौं सः चंद्रमसे नमः",
    "mantra_mars": "ॐ क्रां क्रीं क्रौं सः भौमाय नमः",
    "mantra_mercury": "ॐ ब्रां ब्रीं ब्रौं सः बुधाय नमः",
    "mantra_jupiter": "ॐ ग्रां ग्रीं ग्रौं सः गुरवे नमः",
    "mantra_venus": "ॐ द्रां द्रीं द्रौं सः शुक्राय नमः",
    "mantra_saturn": "ॐ प्रां प्रीं प्रौं सः शनैश्चराय नमः",
    "mantra_rahu": "ॐ भ्रां भ्रीं भ्रौं सः राहवे नमः",
    "mantra_ketu": "ॐ स्रां स्रीं स्रौं सः केतवे नमः",
}
