"""Reading a name, a birth date and a birth time as people type them on WhatsApp."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, time


class BirthInputError(ValueError):
    """The text is not a usable birth detail; `code` says why, for the reply catalog.

    format: could not read it; invalid: no such date or time (31/02, 25:00);
    future: after today; too_old: before 1900.
    """

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(detail or code)
        self.code = code


MIN_YEAR = 1900
MAX_NAME = 60

# Gregorian month names (not the months of the Indian calendars, which differ), January
# to December in each language; "/" separates spellings people use: anusvara or half
# letter (सितंबर/सितम्बर), with or without the nukta (dropped anyway), with or without the
# final vowel Telugu speakers add (సెప్టెంబర్/సెప్టెంబరు), short or long i in Bengali.
_MONTH_NAMES: dict[str, tuple[str, ...]] = {
    "English": (
        "january/jan", "february/feb", "march/mar", "april/apr", "may", "june/jun",
        "july/jul", "august/aug", "september/sep/sept", "october/oct", "november/nov",
        "december/dec",
    ),
    "Hindi": (
        "जनवरी", "फ़रवरी/फरवरी", "मार्च", "अप्रैल/अप्रेल", "मई", "जून", "जुलाई", "अगस्त",
        "सितंबर/सितम्बर", "अक्टूबर/अक्तूबर", "नवंबर/नवम्बर", "दिसंबर/दिसम्बर",
    ),
    "Marathi": (
        "जानेवारी", "फेब्रुवारी", "मार्च", "एप्रिल", "मे", "जून", "जुलै", "ऑगस्ट", "सप्टेंबर",
        "ऑक्टोबर", "नोव्हेंबर", "डिसेंबर",
    ),
    "Tamil": (
        "ஜனவரி", "பிப்ரவரி", "மார்ச்", "ஏப்ரல்", "மே", "ஜூன்", "ஜூலை", "ஆகஸ்ட்/ஆகஸ்டு",
        "செப்டம்பர்/செப்டெம்பர்", "அக்டோபர்", "நவம்பர்", "டிசம்பர்",
    ),
    "Telugu": (
        "జనవరి", "ఫిబ్రవరి", "మార్చి", "ఏప్రిల్", "మే", "జూన్", "జూలై/జులై", "ఆగస్టు/ఆగస్ట్",
        "సెప్టెంబర్/సెప్టెంబరు", "అక్టోబర్/అక్టోబరు", "నవంబర్/నవంబరు", "డిసెంబర్/డిసెంబరు",
    ),
    "Bengali": (
        "জানুয়ারি/জানুয়ারী", "ফেব্রুয়ারি/ফেব্রুয়ারী", "মার্চ", "এপ্রিল", "মে", "জুন", "জুলাই",
        "আগস্ট", "সেপ্টেম্বর", "অক্টোবর", "নভেম্বর", "ডিসেম্বর",
    ),
}  # fmt: skip

# Said instead of a time when the person does not know it.
_UNKNOWN_TIME = (
    "dont know", "do not know", "dunno", "unknown", "not known", "not sure", "no idea",
    "idk", "pata nahi", "pata nahin", "nahi pata", "nahin pata", "malum nahi",
    "maloom nahi", "मालूम नहीं", "पता नहीं", "पता नही", "नहीं पता", "नही पता",
    "माहित नाही", "माहीत नाही", "தெரியாது", "తెలియదు", "জানি না",
)  # fmt: skip

# Words that place a 12-hour time in the day. "am"/"pm" are strict; the rest are how
# people speak: "raat 10 baje" is 22:00 but "raat 2 baje" is 02:00.
_AM, _PM, _NIGHT = "am", "pm", "night"
_PERIOD_WORDS: dict[str, tuple[str, ...]] = {
    _AM: ("am", "morning", "subah", "subha", "savere", "सुबह", "सवेरे", "सकाळी", "সকাল",
          "সকালে", "காலை", "ఉదయం"),
    _PM: ("pm", "afternoon", "evening", "dopahar", "dopehar", "shaam", "sham", "दोपहर",
          "शाम", "दुपारी", "संध्याकाळी", "দুপুর", "বিকেল", "সন্ধ্যা", "மதியம்", "மாலை",
          "మధ్యాహ్నం", "సాయంత్రం"),
    _NIGHT: ("night", "raat", "rat", "रात", "रात्री", "রাত", "রাতে", "இரவு", "రాత్రి"),
}  # fmt: skip
_FILLER = frozenset(
    {
        *("at", "around", "about", "approx", "approximately", "exactly", "in", "the"),
        *("of", "oclock", "o", "clock", "hrs", "hr", "hours", "h", "ist"),
        *("ke", "ka", "ki", "baje", "bje", "के", "की", "का", "को", "बजे", "वाजता", "টা"),
    }
)
_NOON = {"noon": 12, "midday": 12, "midnight": 0}

# Marks that vary with the keyboard, not the word: nukta (फ़/फ), zero-width joiners.
_DROPPED = dict.fromkeys(map(ord, "\u093c\u09bc\u0a3c\u0abc\u0b3c\u200c\u200d"), None)


def _normalise(text: str) -> str:
    """Casefold, every script's digits to ASCII, curly apostrophes straight, nukta gone."""
    text = unicodedata.normalize("NFKD", text.casefold()).translate(_DROPPED)
    text = "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in text)
    return text.replace("\u2019", "'").replace("`", "'")


_MONTHS: dict[str, int] = {
    _normalise(name): number
    for months in _MONTH_NAMES.values()
    for number, names in enumerate(months, start=1)
    for name in names.split("/")
}
_PERIODS: dict[str, str] = {
    _normalise(word): period for period, words in _PERIOD_WORDS.items() for word in words
}
_UNKNOWN = tuple(_normalise(phrase) for phrase in _UNKNOWN_TIME)
_WORD_SPLIT = re.compile(r"[\s,;:!?'\"()/\\.\-।]+")
_ORDINAL = re.compile(r"([0-9])(?:st|nd|rd|th)\b")
_AM_PM_DOTS = re.compile(r"(?<![^\W\d_])([ap])\s*\.\s*m\b\.?")  # "a.m.", "p. m."
_DIGIT_EDGE = re.compile(r"(?<=[0-9])(?=[^0-9\s])|(?<=[^0-9\s])(?=[0-9])")
_NUMBER = re.compile(r"[0-9]+")
_STRICT = frozenset({"am", "pm"})


def parse_name(text: str) -> str:
    """The name trimmed, spaces collapsed: 1 to 60 characters with at least one letter."""
    name = " ".join(unicodedata.normalize("NFC", text).split())
    if not 1 <= len(name) <= MAX_NAME or not any(ch.isalpha() for ch in name):
        raise BirthInputError("format", "a name has 1 to 60 characters and a letter")
    return name


def parse_birth_date(text: str, today: date) -> date:
    """A real past date, day before month (15/08/1990, 15 Aug 1990, १५ अगस्त १९९०) or ISO."""
    year, month, day = _date_fields(_tokens(_ORDINAL.sub(r"\1", _normalise(text))))
    if len(year) == 2:
        # Two-digit years: the century that puts the date in the past.
        recent = 2000 + int(year)
        century_year = recent if (recent, month, day) <= _ymd(today) else recent - 100
    else:
        century_year = int(year)
    if century_year < MIN_YEAR:
        raise BirthInputError("too_old", f"year before {MIN_YEAR}")
    try:
        born = date(century_year, month, day)
    except ValueError as exc:
        raise BirthInputError("invalid", str(exc)) from exc
    if born > today:
        raise BirthInputError("future", "date after today")
    return born


def parse_birth_time(text: str) -> time | None:
    """A clock time (10:30, 10.30 pm, 22:30, शाम 6 बजे), or None for "I don't know"."""
    tokens = _tokens(_AM_PM_DOTS.sub(r" \1m ", _normalise(text)).replace("'", ""))
    numbers = [t for t in tokens if t.isascii() and t.isdigit()]
    words = [t for t in tokens if not (t.isascii() and t.isdigit())]
    if not numbers:
        return _wordy_time(words)
    hour, minute = _clock(numbers)
    periods = {_PERIODS[w] for w in words if w in _PERIODS}
    noon = {_NOON[w] for w in words if w in _NOON}
    if any(w not in _PERIODS and w not in _NOON and w not in _FILLER for w in words):
        raise BirthInputError("format", "unexpected words in a time")
    if minute > 59:
        raise BirthInputError("invalid", "minutes past 59")
    if noon:
        if periods or len(noon) > 1 or hour != 12:
            raise BirthInputError("invalid", "only 12 is noon or midnight")
        return time(noon.pop(), minute)
    strict = any(w in _STRICT for w in words)
    # "raat 10 pm" says night twice: fine if every word gives the same hour.
    said: set[str | None] = set(periods) or {None}
    hours = {_hour(hour, period, strict) for period in said}
    if len(hours) > 1:
        raise BirthInputError("format", "two different times of day")
    return time(hours.pop(), minute)


def _tokens(text: str) -> list[str]:
    """Words and digit runs: "15aug1990" and "10:30pm" split like "15 aug 1990"."""
    spaced = _DIGIT_EDGE.sub(" ", text)
    return [t for t in _WORD_SPLIT.split(spaced) if t]


def _ymd(day: date) -> tuple[int, int, int]:
    return day.year, day.month, day.day


def _date_fields(tokens: list[str]) -> tuple[str, int, int]:
    """(year as typed, month, day) from the tokens; raises BirthInputError("format")."""
    tokens = [t for t in tokens if t not in {"of", "the"}]
    numbers = [t for t in tokens if _NUMBER.fullmatch(t)]
    months = [_MONTHS[t] for t in tokens if t in _MONTHS]
    if len(numbers) + len(months) != len(tokens):
        raise BirthInputError("format", "unexpected words in a date")
    if len(tokens) == 1 and len(numbers) == 1 and len(numbers[0]) == 8:
        year, month, day = _compact(numbers[0])
    elif len(numbers) == 3:
        # Year first only when it is written with four digits (ISO 1990-08-15).
        year, month, day = numbers if len(numbers[0]) == 4 else numbers[::-1]
    elif len(numbers) == 2 and len(months) == 1:
        # "15 Aug 1990", "Aug 15 1990" and "1990 Aug 15": the four-digit number is the year.
        first, second = numbers
        day, year = (second, first) if len(first) == 4 else (first, second)
        month = str(months[0])
    else:
        raise BirthInputError("format", "not a day, a month and a year")
    if len(year) not in (2, 4) or len(month) > 2 or len(day) > 2:
        raise BirthInputError("format", "digits in the wrong places")
    return year, int(month), int(day)


def _compact(digits: str) -> tuple[str, str, str]:
    """An 8-digit date: YYYYMMDD when that is a real date from 1900 on, else DDMMYYYY.

    Never both: DDMMYYYY needs 19xx/20xx at the end, which as MMDD is no month."""
    year, month, day = digits[:4], digits[4:6], digits[6:]
    if int(year) >= MIN_YEAR and 1 <= int(month) <= 12 and 1 <= int(day) <= 31:
        return year, month, day
    return digits[4:], digits[2:4], digits[:2]


def _clock(numbers: list[str]) -> tuple[int, int]:
    """(hour, minute) from the digit runs: "10" "30", "1030", "930" or "10"."""
    if len(numbers) == 2 and len(numbers[0]) <= 2 and len(numbers[1]) == 2:
        return int(numbers[0]), int(numbers[1])
    if len(numbers) == 1 and len(numbers[0]) <= 2:
        return int(numbers[0]), 0
    if len(numbers) == 1 and len(numbers[0]) in (3, 4):
        return int(numbers[0][:-2]), int(numbers[0][-2:])
    raise BirthInputError("format", "not a clock time")


def _hour(hour: int, period: str | None, strict: bool) -> int:
    """The 24-hour hour for an hour said with a time of day (or none: a 24-hour clock)."""
    if period is None:
        if hour > 23:
            raise BirthInputError("invalid", "hour past 23")
        return hour
    if (hour > 12 and (strict or period == _AM)) or hour > 23:
        # "13:30 pm" is a contradiction; "शाम 18:30" is a 24-hour time with a word.
        raise BirthInputError("invalid", "hour out of range for the time of day")
    if hour > 12:
        return hour
    if period == _AM:
        return hour % 12
    if period == _PM:
        if hour == 0:
            raise BirthInputError("invalid", "0 pm")
        return hour % 12 + 12
    # Night: 10 at night is 22:00, 2 at night is 02:00, 12 at night is midnight.
    return hour % 12 if hour <= 5 or hour == 12 else hour + 12


def _wordy_time(words: list[str]) -> time | None:
    """A time with no digits: "don't know" (None), "noon" or "midnight"."""
    spoken = f" {' '.join(words)} "
    if any(f" {phrase} " in spoken for phrase in _UNKNOWN):
        return None
    named = [w for w in words if w not in _FILLER]
    if len(named) == 1 and named[0] in _NOON:
        return time(_NOON[named[0]])
    raise BirthInputError("format", "no time in the text")
