"""English messages. Every language module has exactly these keys (a test checks)."""

WORDS: dict[str, tuple[str, ...]] = {
    "start": ("hi", "hello", "hey", "start", "unstop", "namaste", "namaskar"),
    "menu": ("menu", "main menu"),
    "back": ("back", "go back"),
    "cancel": ("cancel",),
    "help": ("help",),
    "language": ("language", "change language", "lang"),
    "yes": ("yes", "y", "yeah", "ok", "okay", "correct", "haan", "ha"),
    "no": ("no", "n", "nope", "wrong", "nahi", "nahin"),
    "retry": ("retry", "new link", "fresh link", "try again"),
    "stop": ("stop", "stopall", "unsubscribe", "end", "quit"),
    "delete": (
        "delete my data",
        "delete",
        "erase my data",
        "erase",
        "delete my details",
        "forget me",
    ),
}

MESSAGES: dict[str, str] = {
    "language_name": "English",
    "language_set": "Done — I'll talk to you in English.",
    "choose_language": "Please choose your language — reply with a number:",
    "menu": (
        "What would you like to do?\n"
        "1. 🪔 Kundali report (full, paid)\n"
        "2. ❓ Ask a question (paid)\n"
        "3. 💑 Kundali Milan — match-making (paid)\n"
        "4. 🌐 Language\n"
        "5. ℹ️ Help\n"
        "Reply with a number. A free chart preview always comes first."
    ),
    "hello": "Namaste! 🙏 I'm BoloAstro, your Vedic astrology guide.",
    "welcome_back": "Welcome back, {name}! 🙏",
    "welcome_back_anon": "Welcome back! 🙏",
    "help": (
        "BoloAstro reads your Vedic birth chart (sidereal zodiac, Lahiri ayanamsa, "
        "Swiss Ephemeris).\n"
        "Words that work any time: MENU, BACK, CANCEL, HELP, LANGUAGE, HI.\n"
        "STOP ends reminders; DELETE MY DATA erases your details and our chat history.\n"
        "Your free preview comes first; the full report, questions and match-making are paid "
        "through a secure Razorpay link.\n"
        "BoloAstro is free software (AGPL-3.0). Source code: {source_url}"
    ),
    "not_understood": "Sorry, I didn't understand that.",
    # Sent once when a number is over its rate limit; later messages in the window get no reply.
    "slow_down": (
        "You're sending messages very fast 🙏 Please wait a little, then send your message again."
    ),
    "too_long": "Sorry, that message is too long for me. Please send a shorter one (or type *menu*).",
    "try_again": "Sorry — something went wrong on our side. Please send your message again in a minute.",
    "invalid_choice": "Please reply with one of the numbers shown.",
    "cancelled": "Cancelled. Nothing new was saved.",
    "erase_confirm": (
        "⚠️ This permanently erases your birth details, saved charts, reports and our "
        "chat history. Orders and payment records (amounts, payment ids) are kept, as the "
        "law requires.\n"
        "Erase your data?\n"
        "1. Yes — erase it\n"
        "2. No — keep it"
    ),
    "erase_kept": "Nothing was erased — your details are kept.",
    "erased": (
        "Done — your birth details, saved charts, reports and our chat history are "
        "erased. Your orders and payment records (amounts and payment ids) are kept, as "
        "the law requires. Send HI if you want to start again."
    ),
    "ask_name": "Let's make your chart. What is the name of the person whose chart this is?",
    "bad_name": "Please send just the name (letters, up to 60 characters).",
    "ask_dob": "Thanks, {name}. What is the date of birth? Day first, e.g. 15/08/1990 or 15 Aug 1990.",
    "dob_format": (
        "I couldn't read that date. Please send it day first, like 15/08/1990 or 15 Aug 1990."
    ),
    "dob_invalid": "That date isn't on the calendar. Please check the day and the month.",
    "dob_future": "That date is in the future. Please send the date of birth.",
    "dob_too_old": "Please send a date from the year 1900 onwards.",
    "ask_time": (
        "What time was the birth? e.g. 10:30 am or 22:15.\n"
        "If nobody knows, reply DON'T KNOW — you'll still get a chart, just without the lagna."
    ),
    "time_format": "I couldn't read that time. Please send it like 10:30 am or 22:30, or DON'T KNOW.",
    "ask_place": "Where was the birth? Send the town or city, e.g. Pune, or Aurangabad Bihar.",
    "place_unknown": (
        "I couldn't find “{query}”. Please check the spelling, or send the nearest bigger city."
    ),
    "place_suggest": "I couldn't find “{query}”. Did you mean: {suggestions}? Send the name again.",
    "place_choose": "There is more than one “{query}”. Which one is it?",
    "place_choose_hint": "Reply with a number, or send the name with the state or country.",
    "confirm": (
        "Please check the details:\n"
        "👤 Name: {name}\n"
        "📅 Date of birth: {date}\n"
        "🕰️ Time of birth: {time}\n"
        "📍 Place: {place}\n"
        "🌐 UTC offset used: {offset}\n\n"
        "Is this right?\n1. Yes — show my free chart\n2. No — change something"
    ),
    "time_unknown": "not known",
    "fix_which": "What should I change?\n1. Name\n2. Date of birth\n3. Time of birth\n4. Place",
    "use_saved": (
        "Shall I use the saved details?\n👤 {name}, 📅 {date}, 📍 {place}\n"
        "1. Yes\n2. No — enter new details"
    ),
    "preview": (
        "✨ Free chart preview — {name}\n\n"
        "🔺 Lagna (ascendant): {lagna}\n"
        "🌙 Moon sign (Rashi): {moon_sign}\n"
        "⭐ Nakshatra: {nakshatra}, pada {pada}\n"
        "☀️ Sun sign: {sun_sign}\n\n"
        "Sidereal zodiac, {ayanamsa} ayanamsa, whole-sign houses."
    ),
    "no_lagna": "not known — without a birth time the ascendant can't be calculated",
    "moon_uncertain": (
        "Note: the Moon changed sign on that day, so without a birth time the Moon sign "
        "and nakshatra may differ."
    ),
    "preview_next": "Reply 1 for your full Kundali report ({price}), 2 to ask a question, or MENU for everything else.",
    "name_pair": "{local} ({sanskrit})",
    "date_format": "{day} {month} {year}",
    "month_1": "January",
    "month_2": "February",
    "month_3": "March",
    "month_4": "April",
    "month_5": "May",
    "month_6": "June",
    "month_7": "July",
    "month_8": "August",
    "month_9": "September",
    "month_10": "October",
    "month_11": "November",
    "month_12": "December",
    "sign_0": "Aries",
    "sign_1": "Taurus",
    "sign_2": "Gemini",
    "sign_3": "Cancer",
    "sign_4": "Leo",
    "sign_5": "Virgo",
    "sign_6": "Libra",
    "sign_7": "Scorpio",
    "sign_8": "Sagittarius",
    "sign_9": "Capricorn",
    "sign_10": "Aquarius",
    "sign_11": "Pisces",
    "nakshatra_0": "Ashwini",
    "nakshatra_1": "Bharani",
    "nakshatra_2": "Krittika",
    "nakshatra_3": "Rohini",
    "nakshatra_4": "Mrigashira",
    "nakshatra_5": "Ardra",
    "nakshatra_6": "Punarvasu",
    "nakshatra_7": "Pushya",
    "nakshatra_8": "Ashlesha",
    "nakshatra_9": "Magha",
    "nakshatra_10": "Purva Phalguni",
    "nakshatra_11": "Uttara Phalguni",
    "nakshatra_12": "Hasta",
    "nakshatra_13": "Chitra",
    "nakshatra_14": "Swati",
    "nakshatra_15": "Vishakha",
    "nakshatra_16": "Anuradha",
    "nakshatra_17": "Jyeshtha",
    "nakshatra_18": "Mula",
    "nakshatra_19": "Purva Ashadha",
    "nakshatra_20": "Uttara Ashadha",
    "nakshatra_21": "Shravana",
    "nakshatra_22": "Dhanishta",
    "nakshatra_23": "Shatabhisha",
    "nakshatra_24": "Purva Bhadrapada",
    "nakshatra_25": "Uttara Bhadrapada",
    "nakshatra_26": "Revati",
    "graha_0": "Sun",
    "graha_1": "Moon",
    "graha_2": "Mars",
    "graha_3": "Mercury",
    "graha_4": "Jupiter",
    "graha_5": "Venus",
    "graha_6": "Saturn",
    "graha_7": "Rahu",
    "graha_8": "Ketu",
}
