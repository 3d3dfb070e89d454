"""The Kundali report in Telugu (తెలుగు, మీరు form)."""

MESSAGES: dict[str, str] = {
    "h_birth": "🪔 *జన్మ జాతకం — {name}*",
    "h_lagna": "🔺 *లగ్నం మరియు వ్యక్తిత్వం*",
    "h_chandra_lagna": "🔺 *చంద్ర లగ్నం మరియు వ్యక్తిత్వం*",
    "h_planets": "🪐 *గ్రహ స్థితులు*",
    "h_houses": "🏠 *పన్నెండు భావాలు*",
    "h_dasha": "⏳ *వింశోత్తరి దశ*",
    "h_manglik": "🔴 *కుజ దోషం (మాంగళిక)*",
    "h_yogas": "✨ *మీ జాతకంలోని యోగాలు*",
    "h_sade_sati": "🌘 *ఏలినాటి శని*",
    "h_remedies": "💎 *పరిహారాలు మరియు శుభ సూచనలు*",
    "continued": "{heading} (కొనసాగింపు)",
    "and": "మరియు",
    "birth_intro": "నమస్కారం 🙏 శ్రద్ధగా తయారుచేసిన మీ పూర్తి వైదిక జన్మ జాతకం ఇదిగో.",
    "birth_date": "📅 పుట్టిన తేదీ: {date}",
    "birth_time": "🕰️ పుట్టిన సమయం: {time}",
    "birth_time_unknown": "తెలియదు (మధ్యాహ్నం 12 గంటలు తీసుకున్నాం)",
    "birth_place": "📍 పుట్టిన స్థలం: {place} ({coordinates})",
    "birth_zone": "🌐 టైమ్ జోన్: {zone}; వాడిన UTC ఆఫ్‌సెట్: {offset}",
    "birth_settings": "⚙️ అయనాంశ: {ayanamsa} ({degrees}); రాహు-కేతువులు: {node}; భావాలు: {houses}",
    "node_mean": "మధ్యమ (mean)",
    "node_true": "స్పష్ట (true)",
    "houses_lagna": "పూర్తి రాశి పద్ధతి, లగ్నం నుండి",
    "houses_moon": "పూర్తి రాశి పద్ధతి, చంద్ర రాశి నుండి",
    "note_time_unknown": (
        "ℹ️ పుట్టిన సమయం తెలియనందున లగ్నం నిర్ణయించలేము: భావాలను మీ చంద్ర రాశి (చంద్ర లగ్నం) "
        "నుండి లెక్కించాం, దశల తేదీలు కొన్ని నెలలు అటూఇటూ ఉండవచ్చు."
    ),
    "note_ambiguous": (
        "ℹ️ ఆ రాత్రి గడియారాలను వెనక్కి తిప్పారు, కాబట్టి ఈ సమయం రెండుసార్లు వచ్చింది; మేము మొదటిదాన్ని తీసుకున్నాం."
    ),
    "note_moon_uncertain": (
        "ℹ️ మీరు పుట్టిన రోజున చంద్రుడు రాశి మారాడు, కాబట్టి పుట్టిన సమయం లేకుండా మీ చంద్ర రాశి పక్క రాశి కూడా కావచ్చు."
    ),
    "lagna_sign": "మీ లగ్నం {sign} — {degree} వద్ద, {nakshatra} నక్షత్రం, {pada}వ పాదం.",
    "chandra_lagna_sign": (
        "లగ్నానికి బదులుగా మీ చంద్ర రాశి {sign} తీసుకున్నాం (చంద్రుడు {degree} వద్ద, {nakshatra} "
        "నక్షత్రం, {pada}వ పాదం)."
    ),
    "lagna_lord": "లగ్నాధిపతి {graha} {house}వ భావంలో ఉన్నారు — రాశి: {sign} ({dignity}){retro}.",
    "lagna_lord_retro": ", వక్రగతిలో",
    "personality": ("{sign} {element} తత్వానికి చెందిన {modality} రాశి. ఈ లగ్నం మీకు {traits} ఇస్తుంది."),
    "lagna_lord_role": (
        "లగ్నాధిపతి మీ ఆరోగ్యం, దృక్పథం, జీవిత దిశను నడిపిస్తారు; ఈ నివేదిక చివర ఇచ్చిన పరిహారాలు "
        "ఆయనను బలంగా ఉంచడంలో సహాయపడతాయి."
    ),
    "element_fire": "అగ్ని",
    "element_earth": "భూ",
    "element_air": "వాయు",
    "element_water": "జల",
    "modality_movable": "చర",
    "modality_fixed": "స్థిర",
    "modality_dual": "ద్విస్వభావ",
    "trait_adaptability": "పరిస్థితులకు తగ్గట్టు మారే గుణం",
    "trait_ambition": "ఆశయం",
    "trait_analysis": "పదునైన విశ్లేషణా బుద్ధి",
    "trait_balance": "సమతుల్యత, న్యాయ భావన",
    "trait_caring": "శ్రద్ధ చూపే స్వభావం",
    "trait_communication": "మాటల నైపుణ్యం",
    "trait_compassion": "కరుణ",
    "trait_confidence": "ఆత్మవిశ్వాసం",
    "trait_courage": "ధైర్యం",
    "trait_curiosity": "జిజ్ఞాస",
    "trait_determination": "దృఢ సంకల్పం",
    "trait_diplomacy": "లౌక్యం",
    "trait_discipline": "క్రమశిక్షణ",
    "trait_frankness": "నిష్కపటత్వం",
    "trait_generosity": "ఉదారత",
    "trait_humanity": "ఇతరుల పట్ల శ్రద్ధ",
    "trait_imagination": "ఊహాశక్తి",
    "trait_independence": "స్వతంత్ర ఆలోచన",
    "trait_initiative": "చొరవ",
    "trait_insight": "లోతైన అంతర్దృష్టి",
    "trait_intensity": "భావోద్వేగాల లోతు",
    "trait_leadership": "సహజ నాయకత్వం",
    "trait_love_of_comfort": "సుఖం, సౌందర్యం పట్ల ఇష్టం",
    "trait_love_of_home": "ఇల్లు, కుటుంబం పట్ల ప్రేమ",
    "trait_love_of_learning": "నేర్చుకోవాలనే తపన",
    "trait_optimism": "ఆశావాదం",
    "trait_originality": "కొత్త ఆలోచనలు",
    "trait_patience": "ఓర్పు",
    "trait_practicality": "ఆచరణాత్మక జ్ఞానం",
    "trait_precision": "సూక్ష్మ విషయాలపై శ్రద్ధ",
    "trait_principles": "దృఢమైన సిద్ధాంతాలు",
    "trait_sense_of_beauty": "చక్కని సౌందర్య దృష్టి",
    "trait_sensitivity": "సున్నితత్వం",
    "trait_service": "సేవా భావం",
    "trait_spirituality": "ఆధ్యాత్మిక లోతు",
    "trait_steadiness": "స్థిరత్వం",
    "dignity_exalted": "ఉచ్ఛ",
    "dignity_debilitated": "నీచ",
    "dignity_moolatrikona": "మూలత్రికోణ",
    "dignity_own_sign": "స్వక్షేత్రం",
    "dignity_friendly": "మిత్ర క్షేత్రం",
    "dignity_neutral": "సమ క్షేత్రం",
    "dignity_enemy": "శత్రు క్షేత్రం",
    "planet_row": (
        "{graha}: {sign} {degree} · {nakshatra}-{pada} · {house}వ భావం · {dignity}{retro}"
    ),
    "retro_mark": " · (వ) వక్రి",
    "houses_intro_lagna": "పూర్తి రాశి భావాలు, మీ లగ్నం నుండి:",
    "houses_intro_moon": "పూర్తి రాశి భావాలు, మీ చంద్ర రాశి నుండి (పుట్టిన సమయం తెలియదు):",
    "house_row": "{number}. {meaning} — {sign}, అధిపతి {lord} {lord_house}వ భావంలో · {occupants}",
    "house_empty": "గ్రహం లేదు",
    "bhava_1": "తను, స్వయం",
    "bhava_2": "ధనం, కుటుంబం",
    "bhava_3": "పరాక్రమం, తోబుట్టువులు",
    "bhava_4": "సుఖం, తల్లి, ఇల్లు",
    "bhava_5": "సంతానం, బుద్ధి",
    "bhava_6": "రోగం, శత్రువులు",
    "bhava_7": "వివాహం, భాగస్వామి",
    "bhava_8": "ఆయుష్షు, మార్పులు",
    "bhava_9": "భాగ్యం, ధర్మం",
    "bhava_10": "కర్మ, వృత్తి",
    "bhava_11": "లాభం, మిత్రులు",
    "bhava_12": "వ్యయం, మోక్షం",
    "dasha_about": (
        "జీవితంలోని ఏ దశలో ఏ గ్రహం ముందుండి నడిపిస్తుందో దశ చెబుతుంది; అంతర్దశ దానిలో తన ప్రభావాన్ని కలుపుతుంది."
    ),
    "dasha_now": (
        "ప్రస్తుతం నడుస్తున్నది: *{maha}* మహాదశ ({maha_start} – {maha_end}), అందులో *{antar}* "
        "అంతర్దశ ({antar_start} – {antar_end})."
    ),
    "dasha_next": "తదుపరి అంతర్దశలు:",
    "dasha_period": "• {lord}: {start} – {end}",
    "dasha_all": "అన్ని మహాదశలు:",
    "dasha_running": "▶ *{lord}: {start} – {end}* (ప్రస్తుతం)",
    "dasha_approximate": "పుట్టిన సమయం తెలియనందున ఈ తేదీలు సుమారుగా ఉంటాయి.",
    "manglik_rule_houses_1_2_4_7_8_12_from_lagna": (
        "నియమం: లగ్నం నుండి 1, 2, 4, 7, 8 లేదా 12వ భావంలో కుజుడు ఉంటే జాతకంలో కుజ దోషం ఉన్నట్టు."
    ),
    "manglik_rule_houses_1_2_4_7_8_12_from_moon": (
        "నియమం: చంద్రుని నుండి 1, 2, 4, 7, 8 లేదా 12వ భావంలో కుజుడు ఉంటే జాతకంలో కుజ దోషం "
        "ఉన్నట్టు (పుట్టిన సమయం తెలియనందున చంద్రుని నుండి చూశాం)."
    ),
    "manglik_mars": (
        "మీ కుజుడు లగ్నం నుండి {from_lagna}వ భావంలో, చంద్రుని నుండి {from_moon}వ భావంలో, శుక్రుని "
        "నుండి {from_venus}వ భావంలో ఉన్నారు."
    ),
    "manglik_mars_no_lagna": (
        "మీ కుజుడు చంద్రుని నుండి {from_moon}వ భావంలో, శుక్రుని నుండి {from_venus}వ భావంలో ఉన్నారు."
    ),
    "manglik_yes": (
        "ఫలితం: *కుజ దోషం ఉంది*. వివాహానికి జాతక పొంతన చూసేటప్పుడే దీని ప్రాముఖ్యత ఎక్కువ. ఇది "
        "చాలా సాధారణం (సుమారు ప్రతి మూడు జాతకాల్లో ఒకటి), భాగస్వామికీ కుజ దోషం ఉంటే సమతుల్యం "
        "అవుతుంది."
    ),
    "manglik_no": "ఫలితం: *కుజ దోషం లేదు*. 🙂",
    "manglik_cancelled": ("ఫలితం: కుజుడు దోష భావంలో ఉన్నా, ఈ దోషం *రద్దవుతుంది*, కారణం: {exceptions}."),
    "manglik_exception_mars_own_sign": "కుజుడు స్వక్షేత్రంలో (మేషం లేదా వృశ్చికం) ఉన్నారు",
    "manglik_exception_mars_exalted": "కుజుడు మకరంలో ఉచ్ఛలో ఉన్నారు",
    "manglik_exception_mars_in_leo_or_aquarius": "కుజుడు సింహం లేదా కుంభంలో ఉన్నారు",
    "manglik_exception_mars_2nd_in_gemini_or_virgo": ("2వ భావంలోని కుజుడు మిథునం లేదా కన్యలో ఉన్నారు"),
    "manglik_exception_mars_4th_in_aries_or_scorpio": ("4వ భావంలోని కుజుడు మేషం లేదా వృశ్చికంలో ఉన్నారు"),
    "manglik_exception_mars_7th_in_cancer_or_capricorn": ("7వ భావంలోని కుజుడు కర్కాటకం లేదా మకరంలో ఉన్నారు"),
    "manglik_exception_mars_8th_in_sagittarius_or_pisces": ("8వ భావంలోని కుజుడు ధనుస్సు లేదా మీనంలో ఉన్నారు"),
    "manglik_exception_mars_12th_in_taurus_or_libra": ("12వ భావంలోని కుజుడు వృషభం లేదా తులలో ఉన్నారు"),
    "yoga_row": "• *{name}* ({grahas}): {meaning}",
    "yogas_none": (
        "మేము చూసే ముఖ్య యోగాల్లో (గజకేసరి, బుధాదిత్య, చంద్ర-మంగళ, ఐదు పంచ మహాపురుష యోగాలు, "
        "కేమద్రుమ) ఏదీ ఏర్పడలేదు. ఇది సాధారణమే; దీని వల్ల మీ జాతకానికి ఏ లోటూ లేదు."
    ),
    "yoga_gajakesari": "గజకేసరి యోగం",
    "yoga_gajakesari_meaning": "చంద్రుని నుండి కేంద్రంలో గురువు — జ్ఞానం, గౌరవం, నిలిచే కీర్తి.",
    "yoga_budhaditya": "బుధాదిత్య యోగం",
    "yoga_budhaditya_meaning": "సూర్యుడు, బుధుడు కలిసి — పదునైన బుద్ధి, వాక్చాతుర్యం.",
    "yoga_chandra_mangala": "చంద్ర-మంగళ యోగం",
    "yoga_chandra_mangala_meaning": ("చంద్రుడు, కుజుడు కలిసి — ఉత్సాహం, కార్యదీక్ష, సంపాదించే శక్తి."),
    "yoga_ruchaka": "రుచక యోగం",
    "yoga_ruchaka_meaning": "కేంద్రంలో బలమైన కుజుడు — ధైర్యం, శక్తి, నాయకత్వం.",
    "yoga_bhadra": "భద్ర యోగం",
    "yoga_bhadra_meaning": "కేంద్రంలో బలమైన బుధుడు — తెలివి, వాక్పటిమ, వ్యాపార జ్ఞానం.",
    "yoga_hamsa": "హంస యోగం",
    "yoga_hamsa_meaning": "కేంద్రంలో బలమైన గురువు — జ్ఞానం, సత్ప్రవర్తన, అందరూ గౌరవించే సలహా.",
    "yoga_malavya": "మాలవ్య యోగం",
    "yoga_malavya_meaning": "కేంద్రంలో బలమైన శుక్రుడు — ఆకర్షణ, సుఖసౌకర్యాలు, కళాభిరుచి.",
    "yoga_sasa": "శశ యోగం",
    "yoga_sasa_meaning": "కేంద్రంలో బలమైన శని — క్రమశిక్షణ, సహనం, అధికారం.",
    "yoga_kemadruma": "కేమద్రుమ యోగం",
    "yoga_kemadruma_meaning": (
        "చంద్రునికి ఇరువైపులా గ్రహం లేదు — అప్పుడప్పుడు ఒంటరితనం అనిపించవచ్చు; నిరంతర కృషి, మంచి "
        "సాంగత్యం దాన్ని తగ్గిస్తాయి, ఇతర యోగాలు తరచూ దీన్ని రద్దు చేస్తాయి."
    ),
    "sade_sati_positions": "శని ప్రస్తుతం ఉన్న రాశి: {saturn_sign}; మీ చంద్ర రాశి: {moon_sign}.",
    "sade_sati_running": "ఏలినాటి శని *నడుస్తోంది*: {phase}.",
    "sade_sati_dates": "ఇది {start} నుండి {end} వరకు ఉంటుంది.",
    "sade_sati_phase_rising": "మొదటి దశ (మీ చంద్ర రాశికి 12వ ఇంట శని)",
    "sade_sati_phase_peak": "రెండవ, ప్రధాన దశ (మీ చంద్ర రాశిపైనే శని)",
    "sade_sati_phase_setting": "మూడవ, చివరి దశ (మీ చంద్ర రాశికి 2వ ఇంట శని)",
    "sade_sati_inactive": "ప్రస్తుతం ఏలినాటి శని *నడవడం లేదు*. 🙂",
    "sade_sati_about": (
        "ఏలినాటి శని అంటే మీ చంద్ర రాశికి ముందటి రాశి, చంద్ర రాశి, తర్వాతి రాశిని శని దాటే సుమారు "
        "ఏడున్నర సంవత్సరాల కాలం. ఇది ఓర్పును, కష్టపడి పనిచేయడాన్ని కోరుతుంది, వాటికి ఫలితమూ "
        "ఇస్తుంది; భయపడాల్సిన అవసరం లేదు."
    ),
    "sade_sati_advice": (
        "ఈ కాలంలో సంప్రదాయ పరిహారాలు: శనివారాల్లో హనుమాన్ చాలీసా లేదా శని మంత్ర జపం, అవసరంలో ఉన్నవారికి సహాయం."
    ),
    "remedies_intro": "ఇవి మీ లగ్నాధిపతి {graha} ఆధారంగా:",
    "remedy_gem": "💎 రత్నం: {gem}",
    "remedy_day": "📅 శుభ దినం: {day}",
    "remedy_colours": "🎨 శుభ రంగులు: {colours}",
    "remedy_number": "🔢 అదృష్ట సంఖ్య: {number}",
    "remedy_deity": "🙏 దైవం: {deity}",
    "remedy_mantra": "📿 మంత్రం: {mantra} — 108 సార్లు, ముఖ్యంగా {day} నాడు",
    "remedies_note": (
        "దయచేసి ఏ రత్నమైనా నమ్మకమైన జ్యోతిష్కునికి పూర్తి జాతకం చూపించిన తర్వాతే ధరించండి. "
        "పరిహారాలు మీ ప్రయత్నానికి తోడ్పాటు మాత్రమే, దానికి ప్రత్యామ్నాయం కాదు."
    ),
    "closing": "BoloAstro తరఫున హృదయపూర్వక శుభాకాంక్షలు 🙏",
    "gem_ruby": "కెంపు (Ruby)",
    "gem_pearl": "ముత్యం (Pearl)",
    "gem_red_coral": "పగడం (Red coral)",
    "gem_emerald": "పచ్చ (Emerald)",
    "gem_yellow_sapphire": "పుష్యరాగం (Yellow sapphire)",
    "gem_diamond": "వజ్రం (Diamond)",
    "gem_blue_sapphire": "నీలం (Blue sapphire)",
    "gem_hessonite": "గోమేధికం (Hessonite)",
    "gem_cats_eye": "వైఢూర్యం (Cat's eye)",
    "day_sunday": "ఆదివారం",
    "day_monday": "సోమవారం",
    "day_tuesday": "మంగళవారం",
    "day_wednesday": "బుధవారం",
    "day_thursday": "గురువారం",
    "day_friday": "శుక్రవారం",
    "day_saturday": "శనివారం",
    "colour_saffron": "కాషాయం",
    "colour_red": "ఎరుపు",
    "colour_white": "తెలుపు",
    "colour_silver": "వెండి రంగు",
    "colour_green": "ఆకుపచ్చ",
    "colour_yellow": "పసుపు",
    "colour_pink": "గులాబీ",
    "colour_black": "నలుపు",
    "colour_dark_blue": "ముదురు నీలం",
    "colour_smoky_grey": "పొగ బూడిద",
    "colour_grey": "బూడిద",
    "deity_surya": "సూర్య భగవానుడు",
    "deity_shiva": "శివుడు",
    "deity_hanuman": "హనుమంతుడు",
    "deity_vishnu": "శ్రీ మహావిష్ణువు",
    "deity_brihaspati": "బృహస్పతి (దేవగురువు)",
    "deity_lakshmi": "శ్రీ లక్ష్మీదేవి",
    "deity_shani": "శనైశ్చరుడు",
    "deity_durga": "దుర్గాదేవి",
    "deity_ganesha": "వినాయకుడు",
    "mantra_sun": "ఓం హ్రాం హ్రీం హ్రౌం సః సూర్యాయ నమః",
    "mantra_moon": "ఓం శ్రాం శ్రీం శ్రౌం సః చంద్రమసే నమః",
    "mantra_mars": "ఓం క్రాం క్రీం క్రౌం సః భౌమాయ నమః",
    "mantra_mercury": "ఓం బ్రాం బ్రీం బ్రౌం సః బుధాయ నమః",
    "mantra_jupiter": "ఓం గ్రాం గ్రీం గ్రౌం సః గురవే నమః",
    "mantra_venus": "ఓం ద్రాం ద్రీం ద్రౌం సః శుక్రాయ నమః",
    "mantra_saturn": "ఓం ప్రాం ప్రీం ప్రౌం సః శనైశ్చరాయ నమః",
    "mantra_rahu": "ఓం భ్రాం భ్రీం భ్రౌం సః రాహవే నమః",
    "mantra_ketu": "ఓం స్రాం స్రీం స్రౌం సః కేతవే నమః",
}
