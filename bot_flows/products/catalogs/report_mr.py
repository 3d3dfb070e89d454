"""The Kundali report in Marathi (मराठी, आपण form)."""

MESSAGES: dict[str, str] = {
    "h_birth": "🪔 *जन्मकुंडली — {name}*",
    "h_lagna": "🔺 *लग्न आणि व्यक्तिमत्त्व*",
    "h_chandra_lagna": "🔺 *चंद्र लग्न आणि व्यक्तिमत्त्व*",
    "h_planets": "🪐 *ग्रहस्थिती*",
    "h_houses": "🏠 *बारा भाव (स्थाने)*",
    "h_dasha": "⏳ *विंशोत्तरी दशा*",
    "h_manglik": "🔴 *मंगळ दोष (मांगलिक)*",
    "h_yogas": "✨ *आपल्या कुंडलीतील योग*",
    "h_sade_sati": "🌘 *शनीची साडेसाती*",
    "h_remedies": "💎 *उपाय आणि शुभ गोष्टी*",
    "continued": "{heading} (पुढे चालू)",
    "and": "आणि",
    "birth_intro": "नमस्कार 🙏 ही आहे आपली संपूर्ण वैदिक जन्मकुंडली, काळजीपूर्वक तयार केलेली.",
    "birth_date": "📅 जन्मतारीख: {date}",
    "birth_time": "🕰️ जन्मवेळ: {time}",
    "birth_time_unknown": "माहीत नाही (दुपारी 12 ची वेळ घेतली आहे)",
    "birth_place": "📍 जन्मस्थान: {place} ({coordinates})",
    "birth_zone": "🌐 वेळ क्षेत्र: {zone}; वापरलेला UTC ऑफसेट: {offset}",
    "birth_settings": "⚙️ अयनांश: {ayanamsa} ({degrees}); राहू-केतू: {node}; भाव: {houses}",
    "node_mean": "मध्यम (mean)",
    "node_true": "स्पष्ट (true)",
    "houses_lagna": "संपूर्ण राशी, लग्नापासून",
    "houses_moon": "संपूर्ण राशी, चंद्र राशीपासून",
    "note_time_unknown": (
        "ℹ️ जन्मवेळ माहीत नसल्याने लग्न ठरवता येत नाही: भाव आपल्या चंद्र राशीपासून (चंद्र लग्न) "
        "मोजले आहेत, आणि दशेच्या तारखा काही महिने मागे-पुढे असू शकतात."
    ),
    "note_ambiguous": (
        "ℹ️ त्या रात्री घड्याळे मागे केली गेली, त्यामुळे ही वेळ दोनदा आली; आम्ही पहिली वेळ घेतली आहे."
    ),
    "note_moon_uncertain": (
        "ℹ️ आपल्या जन्मदिवशी चंद्राने रास बदलली, त्यामुळे जन्मवेळेशिवाय आपली चंद्र रास शेजारची रासही असू शकते."
    ),
    "lagna_sign": "आपले लग्न {sign} आहे — {degree} वर, {nakshatra} नक्षत्राच्या {pada} चरणात.",
    "chandra_lagna_sign": (
        "लग्नाऐवजी आपली चंद्र रास {sign} घेतली आहे (चंद्र {degree} वर, {nakshatra} नक्षत्र, चरण {pada})."
    ),
    "lagna_lord": "लग्नेश {graha} भाव {house} मध्ये, {sign} राशीत आहे ({dignity}){retro}.",
    "lagna_lord_retro": ", आणि वक्री आहे",
    "personality": ("{sign} ही {element} तत्त्वाची {modality} रास आहे. हे लग्न आपल्याला {traits} देते."),
    "lagna_lord_role": (
        "लग्नेश आपले आरोग्य, दृष्टिकोन आणि आयुष्याची दिशा ठरवतो; या अहवालाच्या शेवटी दिलेले उपाय त्याला बळ देतात."
    ),
    "element_fire": "अग्नी",
    "element_earth": "पृथ्वी",
    "element_air": "वायू",
    "element_water": "जल",
    "modality_movable": "चर",
    "modality_fixed": "स्थिर",
    "modality_dual": "द्विस्वभाव",
    "trait_adaptability": "परिस्थितीशी जुळवून घेण्याची क्षमता",
    "trait_ambition": "महत्त्वाकांक्षा",
    "trait_analysis": "तीक्ष्ण, विश्लेषक बुद्धी",
    "trait_balance": "समतोल आणि न्यायाची भावना",
    "trait_caring": "काळजी घेणारा स्वभाव",
    "trait_communication": "संवादकौशल्य",
    "trait_compassion": "करुणा",
    "trait_confidence": "आत्मविश्वास",
    "trait_courage": "धाडस",
    "trait_curiosity": "जिज्ञासा",
    "trait_determination": "दृढनिश्चय",
    "trait_diplomacy": "व्यवहारचातुर्य",
    "trait_discipline": "शिस्त",
    "trait_frankness": "स्पष्टवक्तेपणा",
    "trait_generosity": "उदारता",
    "trait_humanity": "इतरांबद्दल आस्था",
    "trait_imagination": "कल्पकता",
    "trait_independence": "स्वतंत्र विचार",
    "trait_initiative": "पुढाकार घेण्याची वृत्ती",
    "trait_insight": "खोल अंतर्दृष्टी",
    "trait_intensity": "भावनांची खोली",
    "trait_leadership": "नैसर्गिक नेतृत्व",
    "trait_love_of_comfort": "सुखसोयी आणि सौंदर्याची आवड",
    "trait_love_of_home": "घर-कुटुंबाची ओढ",
    "trait_love_of_learning": "ज्ञानाची आवड",
    "trait_optimism": "आशावाद",
    "trait_originality": "मौलिक विचार",
    "trait_patience": "संयम",
    "trait_practicality": "व्यावहारिक समज",
    "trait_precision": "बारकाव्यांकडे लक्ष",
    "trait_principles": "ठाम तत्त्वे",
    "trait_sense_of_beauty": "सौंदर्याची उत्तम जाण",
    "trait_sensitivity": "संवेदनशीलता",
    "trait_service": "सेवाभाव",
    "trait_spirituality": "आध्यात्मिक खोली",
    "trait_steadiness": "स्थिरता",
    "dignity_exalted": "उच्च",
    "dignity_debilitated": "नीच",
    "dignity_moolatrikona": "मूलत्रिकोण",
    "dignity_own_sign": "स्वराशी",
    "dignity_friendly": "मित्र राशी",
    "dignity_neutral": "सम राशी",
    "dignity_enemy": "शत्रू राशी",
    "planet_row": "{graha}: {sign} {degree} · {nakshatra}-{pada} · भाव {house} · {dignity}{retro}",
    "retro_mark": " · (व) वक्री",
    "houses_intro_lagna": "संपूर्ण राशी भाव, आपल्या लग्नापासून मोजलेले:",
    "houses_intro_moon": "संपूर्ण राशी भाव, आपल्या चंद्र राशीपासून मोजलेले (जन्मवेळ माहीत नाही):",
    "house_row": "{number}. {meaning} — {sign}, स्वामी {lord} भाव {lord_house} मध्ये · {occupants}",
    "house_empty": "एकही ग्रह नाही",
    "bhava_1": "तनु, स्वतः",
    "bhava_2": "धन, कुटुंब",
    "bhava_3": "पराक्रम, भावंडे",
    "bhava_4": "सुख, आई, घर",
    "bhava_5": "संतती, बुद्धी",
    "bhava_6": "रोग, शत्रू",
    "bhava_7": "विवाह, भागीदारी",
    "bhava_8": "आयुष्य, बदल",
    "bhava_9": "भाग्य, धर्म",
    "bhava_10": "कर्म, करिअर",
    "bhava_11": "लाभ, मित्र",
    "bhava_12": "व्यय, मोक्ष",
    "dasha_about": (
        "दशा सांगते की आयुष्याच्या कोणत्या टप्प्यात कोणता ग्रह पुढे असतो; अंतर्दशा त्याच्या आत स्वतःचा रंग भरते."
    ),
    "dasha_now": (
        "सध्या चालू: *{maha}* महादशा ({maha_start} – {maha_end}), आणि तिच्यात *{antar}* अंतर्दशा "
        "({antar_start} – {antar_end})."
    ),
    "dasha_next": "पुढील अंतर्दशा:",
    "dasha_period": "• {lord}: {start} – {end}",
    "dasha_all": "सर्व महादशा:",
    "dasha_running": "▶ *{lord}: {start} – {end}* (चालू)",
    "dasha_approximate": "जन्मवेळ माहीत नसल्याने या तारखा अंदाजे आहेत.",
    "manglik_rule_houses_1_2_4_7_8_12_from_lagna": (
        "नियम: लग्नापासून पहिल्या, दुसऱ्या, चौथ्या, सातव्या, आठव्या किंवा बाराव्या भावात मंगळ "
        "असल्यास कुंडली मांगलिक मानली जाते."
    ),
    "manglik_rule_houses_1_2_4_7_8_12_from_moon": (
        "नियम: चंद्रापासून पहिल्या, दुसऱ्या, चौथ्या, सातव्या, आठव्या किंवा बाराव्या भावात मंगळ "
        "असल्यास कुंडली मांगलिक मानली जाते (जन्मवेळ माहीत नसल्याने चंद्रापासून पाहिले आहे)."
    ),
    "manglik_mars": (
        "आपला मंगळ लग्नापासून भाव {from_lagna} मध्ये, चंद्रापासून {from_moon} मध्ये आणि "
        "शुक्रापासून {from_venus} मध्ये आहे."
    ),
    "manglik_mars_no_lagna": (
        "आपला मंगळ चंद्रापासून भाव {from_moon} मध्ये आणि शुक्रापासून {from_venus} मध्ये आहे."
    ),
    "manglik_yes": (
        "निष्कर्ष: *मांगलिक*. याचे महत्त्व मुख्यतः विवाहासाठी कुंडली जुळवताना असते. हे सामान्य "
        "आहे (साधारण दर तीनपैकी एक कुंडली), आणि जोडीदारही मांगलिक असल्यास समतोल साधला जातो."
    ),
    "manglik_no": "निष्कर्ष: *मांगलिक नाही*. 🙂",
    "manglik_cancelled": ("निष्कर्ष: मंगळ मांगलिक भावात आहे, पण हा दोष *रद्द* होतो, कारण: {exceptions}."),
    "manglik_exception_mars_own_sign": "मंगळ स्वराशीत (मेष किंवा वृश्चिक) आहे",
    "manglik_exception_mars_exalted": "मंगळ मकरेत उच्चीचा आहे",
    "manglik_exception_mars_in_leo_or_aquarius": "मंगळ सिंह किंवा कुंभ राशीत आहे",
    "manglik_exception_mars_2nd_in_gemini_or_virgo": ("दुसऱ्या भावातील मंगळ मिथुन किंवा कन्या राशीत आहे"),
    "manglik_exception_mars_4th_in_aries_or_scorpio": ("चौथ्या भावातील मंगळ मेष किंवा वृश्चिक राशीत आहे"),
    "manglik_exception_mars_7th_in_cancer_or_capricorn": (
        "सातव्या भावातील मंगळ कर्क किंवा मकर राशीत आहे"
    ),
    "manglik_exception_mars_8th_in_sagittarius_or_pisces": (
        "आठव्या भावातील मंगळ धनु किंवा मीन राशीत आहे"
    ),
    "manglik_exception_mars_12th_in_taurus_or_libra": ("बाराव्या भावातील मंगळ वृषभ किंवा तूळ राशीत आहे"),
    "yoga_row": "• *{name}* ({grahas}): {meaning}",
    "yogas_none": (
        "आम्ही पाहिलेल्या प्रमुख योगांपैकी (गजकेसरी, बुधादित्य, चंद्र-मंगळ, पाच पंचमहापुरुष योग, "
        "केमद्रुम) एकही योग बनत नाही. हे सामान्य आहे, आणि त्यामुळे आपल्या कुंडलीत काहीही उणे होत "
        "नाही."
    ),
    "yoga_gajakesari": "गजकेसरी योग",
    "yoga_gajakesari_meaning": ("चंद्रापासून केंद्रात गुरू — बुद्धिमत्ता, मान-सन्मान आणि टिकाऊ कीर्ती."),
    "yoga_budhaditya": "बुधादित्य योग",
    "yoga_budhaditya_meaning": "सूर्य आणि बुध एकत्र — तीक्ष्ण बुद्धी आणि वाणीवर प्रभुत्व.",
    "yoga_chandra_mangala": "चंद्र-मंगळ योग",
    "yoga_chandra_mangala_meaning": ("चंद्र आणि मंगळ एकत्र — उत्साह, उद्यमशीलता आणि कमावण्याची क्षमता."),
    "yoga_ruchaka": "रुचक योग",
    "yoga_ruchaka_meaning": "केंद्रात बलवान मंगळ — धाडस, ऊर्जा आणि नेतृत्व.",
    "yoga_bhadra": "भद्र योग",
    "yoga_bhadra_meaning": "केंद्रात बलवान बुध — बुद्धी, वक्तृत्व आणि व्यापाराची समज.",
    "yoga_hamsa": "हंस योग",
    "yoga_hamsa_meaning": "केंद्रात बलवान गुरू — ज्ञान, सदाचार आणि आदरणीय सल्ला.",
    "yoga_malavya": "मालव्य योग",
    "yoga_malavya_meaning": "केंद्रात बलवान शुक्र — आकर्षकता, सुखसोयी आणि कलेची आवड.",
    "yoga_sasa": "शश योग",
    "yoga_sasa_meaning": "केंद्रात बलवान शनी — शिस्त, सहनशक्ती आणि अधिकार.",
    "yoga_kemadruma": "केमद्रुम योग",
    "yoga_kemadruma_meaning": (
        "चंद्राच्या दोन्ही बाजूंना एकही ग्रह नाही — कधी कधी एकटेपणा जाणवू शकतो; सातत्यपूर्ण "
        "प्रयत्न आणि चांगली संगत तो कमी करतात, आणि इतर योग अनेकदा तो रद्द करतात."
    ),
    "sade_sati_positions": "शनी सध्या {saturn_sign} राशीत आहे; आपली चंद्र रास {moon_sign} आहे.",
    "sade_sati_running": "साडेसाती *चालू आहे*: {phase}.",
    "sade_sati_dates": "ती {start} पासून {end} पर्यंत आहे.",
    "sade_sati_phase_rising": "पहिला टप्पा (शनी आपल्या चंद्र राशीपासून बाराव्या स्थानी)",
    "sade_sati_phase_peak": "दुसरा, मुख्य टप्पा (शनी आपल्या चंद्र राशीवर)",
    "sade_sati_phase_setting": "तिसरा, शेवटचा टप्पा (शनी आपल्या चंद्र राशीपासून दुसऱ्या स्थानी)",
    "sade_sati_inactive": "सध्या साडेसाती *चालू नाही*. 🙂",
    "sade_sati_about": (
        "साडेसाती म्हणजे सुमारे साडेसात वर्षांचा काळ, ज्यात शनी आपल्या चंद्र राशीच्या आधीची रास, "
        "चंद्र रास आणि नंतरची रास पार करतो. हा काळ संयम आणि मेहनत मागतो आणि त्यांचे फळही देतो; "
        "यात घाबरण्यासारखे काही नाही."
    ),
    "sade_sati_advice": (
        "या काळातील पारंपरिक उपाय: शनिवारी हनुमान चालीसा किंवा शनी मंत्राचा जप, आणि गरजूंना मदत."
    ),
    "remedies_intro": "हे उपाय आपल्या लग्नेशानुसार ({graha}) आहेत:",
    "remedy_gem": "💎 रत्न: {gem}",
    "remedy_day": "📅 शुभ वार: {day}",
    "remedy_colours": "🎨 शुभ रंग: {colours}",
    "remedy_number": "🔢 शुभ अंक: {number}",
    "remedy_deity": "🙏 देवता: {deity}",
    "remedy_mantra": "📿 मंत्र: {mantra} — 108 वेळा, विशेषतः {day} रोजी",
    "remedies_note": (
        "कृपया कोणतेही रत्न विश्वासू ज्योतिषाला संपूर्ण कुंडली दाखवूनच धारण करा. उपाय आपल्या "
        "प्रयत्नांना साथ देतात, त्यांची जागा घेत नाहीत."
    ),
    "closing": "BoloAstro कडून मनःपूर्वक शुभेच्छा 🙏",
    "gem_ruby": "माणिक (Ruby)",
    "gem_pearl": "मोती (Pearl)",
    "gem_red_coral": "पोवळे (Red coral)",
    "gem_emerald": "पाचू (Emerald)",
    "gem_yellow_sapphire": "पुष्कराज (Yellow sapphire)",
    "gem_diamond": "हिरा (Diamond)",
    "gem_blue_sapphire": "नीलम (Blue sapphire)",
    "gem_hessonite": "गोमेद (Hessonite)",
    "gem_cats_eye": "लसण्या (Cat's eye)",
    "day_sunday": "रविवार",
    "day_monday": "सोमवार",
    "day_tuesday": "मंगळवार",
    "day_wednesday": "बुधवार",
    "day_thursday": "गुरुवार",
    "day_friday": "शुक्रवार",
    "day_saturday": "शनिवार",
    "colour_saffron": "भगवा",
    "colour_red": "लाल",
    "colour_white": "पांढरा",
    "colour_silver": "चंदेरी",
    "colour_green": "हिरवा",
    "colour_yellow": "पिवळा",
    "colour_pink": "गुलाबी",
    "colour_black": "काळा",
    "colour_dark_blue": "गडद निळा",
    "colour_smoky_grey": "धुरकट राखाडी",
    "colour_grey": "राखाडी",
    "deity_surya": "सूर्यदेव",
    "deity_shiva": "भगवान शंकर",
    "deity_hanuman": "हनुमान",
    "deity_vishnu": "भगवान विष्णू",
    "deity_brihaspati": "देवगुरू बृहस्पती",
    "deity_lakshmi": "लक्ष्मी माता",
    "deity_shani": "शनिदेव",
    "deity_durga": "दुर्गा माता",
    "deity_ganesha": "श्री गणेश",
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
