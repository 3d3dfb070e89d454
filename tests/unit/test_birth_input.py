"""Birth details as people type them: names, dates (day before month) and times."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest

from backend.domain.birth_input import (
    BirthInputError,
    parse_birth_date,
    parse_birth_time,
    parse_name,
)

TODAY = date(2026, 11, 22)
AUG_15 = date(1990, 8, 15)


def error_code(call: object, *args: object) -> str:
    assert callable(call)
    with pytest.raises(BirthInputError) as caught:
        call(*args)
    return caught.value.code


# --- dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "15/08/1990",
        "15-8-1990",
        "15.8.1990",
        "15 8 1990",
        "15 Aug 1990",
        "15 AUG 1990",
        "15 August 1990",
        "15th August 1990",
        "15th of August, 1990",
        "August 15, 1990",
        "August 15th, 1990",
        "Aug 15 1990",
        "Aug. 15, 1990",
        "15-Aug-1990",
        "15aug1990",
        "1990-08-15",
        "1990/8/15",
        "1990 Aug 15",
        "15/08/90",
        "15081990",
        "19900815",
        "  15 / 08 / 1990  ",
    ],
)
def test_date_formats(text: str) -> None:
    assert parse_birth_date(text, TODAY) == AUG_15


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Unicode digits: Devanagari, Bengali, Tamil, Telugu, Gujarati, full-width.
        ("१५/०८/१९९०", AUG_15),
        ("১৫/০৮/১৯৯০", AUG_15),
        ("௧௫/௦௮/௧௯௯௦", AUG_15),
        ("౧౫-౦౮-౧౯౯౦", AUG_15),
        ("૧૫.૦૮.૧૯૯૦", AUG_15),
        ("１５/０８/１９９０", AUG_15),
        # Month names: Hindi, Marathi, Tamil, Telugu, Bengali, in their spellings.
        ("15 अगस्त 1990", AUG_15),
        ("१५ अगस्त १९९०", AUG_15),
        ("15 ऑगस्ट 1990", AUG_15),
        ("3 फ़रवरी 1985", date(1985, 2, 3)),
        ("3 फरवरी 1985", date(1985, 2, 3)),
        ("3 फेब्रुवारी 1985", date(1985, 2, 3)),
        ("1 सितंबर 2001", date(2001, 9, 1)),
        ("1 सितम्बर 2001", date(2001, 9, 1)),
        ("1 सप्टेंबर 2001", date(2001, 9, 1)),
        ("5 मई 1975", date(1975, 5, 5)),
        ("5 मे 1975", date(1975, 5, 5)),
        ("20 जुलै 1999", date(1999, 7, 20)),
        ("31 दिसंबर 1999", date(1999, 12, 31)),
        ("15 ஆகஸ்ட் 1990", AUG_15),
        ("10 ஜனவரி 1980", date(1980, 1, 10)),
        ("15 ఆగస్టు 1990", AUG_15),
        ("25 డిసెంబర్ 1970", date(1970, 12, 25)),
        ("৭ জানুয়ারি ১৯৬৫", date(1965, 1, 7)),
        ("12 অক্টোবর 1995", date(1995, 10, 12)),
    ],
)
def test_dates_in_indian_scripts(text: str, expected: date) -> None:
    assert parse_birth_date(text, TODAY) == expected


@pytest.mark.parametrize(
    ("text", "today", "expected"),
    [
        ("15/08/90", TODAY, date(1990, 8, 15)),
        ("15/08/05", TODAY, date(2005, 8, 15)),
        ("22/11/26", TODAY, date(2026, 11, 22)),  # today: this century
        ("23/11/26", TODAY, date(1926, 11, 23)),  # tomorrow in 2026: so 1926
        ("01/01/00", TODAY, date(2000, 1, 1)),
        ("29/02/00", TODAY, date(2000, 2, 29)),
        ("15/08/25", date(2025, 1, 1), date(1925, 8, 15)),
    ],
)
def test_two_digit_years_take_the_century_that_is_past(
    text: str, today: date, expected: date
) -> None:
    assert parse_birth_date(text, today) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("01/01/1900", date(1900, 1, 1)),
        ("22/11/2026", TODAY),
        ("29/02/2000", date(2000, 2, 29)),
        ("31/12/1999", date(1999, 12, 31)),
    ],
)
def test_date_boundaries_that_are_fine(text: str, expected: date) -> None:
    assert parse_birth_date(text, TODAY) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("hello", "format"),
        ("", "format"),
        ("15 abc 1990", "format"),
        ("15/08", "format"),
        ("Aug 1990", "format"),
        ("15/08/199", "format"),
        ("15/08/19900", "format"),
        ("150/8/1990", "format"),
        ("15/08/1990 10:30", "format"),
        ("31/02/1990", "invalid"),
        ("29/02/1990", "invalid"),
        ("29/02/1900", "invalid"),  # 1900 was not a leap year
        ("31 Sept 1990", "invalid"),
        ("00/08/1990", "invalid"),
        ("15/13/1990", "invalid"),
        ("08/15/1990", "invalid"),  # month before day is not how we read it
        ("31021990", "invalid"),
        ("31/12/1899", "too_old"),
        ("15 Aug 1850", "too_old"),
        ("23/11/2026", "future"),
        ("01/01/2030", "future"),
    ],
)
def test_date_errors(text: str, code: str) -> None:
    assert error_code(parse_birth_date, text, TODAY) == code


def test_today_is_fine_and_tomorrow_is_the_future() -> None:
    today = date.today()
    assert parse_birth_date(today.strftime("%d/%m/%Y"), today) == today
    tomorrow = today + timedelta(days=1)
    assert error_code(parse_birth_date, tomorrow.strftime("%d/%m/%Y"), today) == "future"


def test_the_error_is_a_value_error_with_its_code() -> None:
    with pytest.raises(ValueError, match="after today") as caught:
        parse_birth_date("01/01/2030", TODAY)
    assert isinstance(caught.value, BirthInputError)
    assert caught.value.code == "future"


# --- times ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10:30", time(10, 30)),
        ("10.30", time(10, 30)),
        ("10 30", time(10, 30)),
        ("1030", time(10, 30)),
        ("930", time(9, 30)),
        ("0930", time(9, 30)),
        ("10", time(10, 0)),
        ("0:30", time(0, 30)),
        ("10:30 am", time(10, 30)),
        ("10:30 AM.", time(10, 30)),
        ("10:30 a.m.", time(10, 30)),
        ("10.30 pm", time(22, 30)),
        ("10:30PM", time(22, 30)),
        ("10:30 p. m.", time(22, 30)),
        ("10 pm", time(22, 0)),
        ("10pm", time(22, 0)),
        ("1030 pm", time(22, 30)),
        ("22:30", time(22, 30)),
        ("22.30", time(22, 30)),
        ("2230 hrs", time(22, 30)),
        ("23:59", time(23, 59)),
        ("00:00", time(0, 0)),
        ("5:45 pm IST", time(17, 45)),
        ("10:30 in the morning", time(10, 30)),
        ("6 in the evening", time(18, 0)),
        ("around 10 am", time(10, 0)),
        ("10 o'clock", time(10, 0)),
        ("12:00 am", time(0, 0)),
        ("12 am", time(0, 0)),
        ("12:30 am", time(0, 30)),
        ("12 pm", time(12, 0)),
        ("12:45 pm", time(12, 45)),
        ("12 noon", time(12, 0)),
        ("noon", time(12, 0)),
        ("midnight", time(0, 0)),
        ("12 midnight", time(0, 0)),
    ],
)
def test_clock_times(text: str, expected: time) -> None:
    assert parse_birth_time(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("सुबह 10:30", time(10, 30)),
        ("सुबह 5 बजे", time(5, 0)),
        ("subah 7 baje", time(7, 0)),
        ("दोपहर 2 बजे", time(14, 0)),
        ("दोपहर 12 बजे", time(12, 0)),
        ("शाम 6 बजे", time(18, 0)),
        ("शाम 6:15", time(18, 15)),
        ("shaam 7.30", time(19, 30)),
        ("शाम 18:30", time(18, 30)),  # a 24-hour time with a redundant word
        ("raat 10 baje", time(22, 0)),
        ("रात 11 बजे", time(23, 0)),
        ("raat 2 baje", time(2, 0)),  # the small hours are night too
        ("raat 12 baje", time(0, 0)),
        ("raat ke 10 baje", time(22, 0)),
        ("raat 10 pm", time(22, 0)),
        ("सकाळी 9 वाजता", time(9, 0)),
        ("रात्री 9 वाजता", time(21, 0)),
        ("রাত ১০টা", time(22, 0)),
        ("மாலை 6", time(18, 0)),
        ("ఉదయం 8:30", time(8, 30)),
        ("१०:३०", time(10, 30)),
        ("शाम ६ बजे", time(18, 0)),
    ],
)
def test_times_with_indian_words(text: str, expected: time) -> None:
    assert parse_birth_time(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "don't know",
        "I don’t know",
        "dont know",
        "do not know",
        "Don't know the time",
        "unknown",
        "Unknown.",
        "not sure",
        "no idea",
        "idk",
        "IDK",
        "pata nahi",
        "mujhe pata nahi",
        "nahi pata",
        "मालूम नहीं",
        "पता नहीं",
        "मुझे पता नहीं है",
        "माहित नाही",
        "தெரியாது",
        "తెలియదు",
        "জানি না",
    ],
)
def test_not_knowing_the_time_is_none(text: str) -> None:
    assert parse_birth_time(text) is None


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("25:00", "invalid"),
        ("24:00", "invalid"),
        ("10:75", "invalid"),
        ("13:30 pm", "invalid"),
        ("13 am", "invalid"),
        ("0 pm", "invalid"),
        ("subah 18:30", "invalid"),
        ("10 noon", "invalid"),
        ("abc", "format"),
        ("", "format"),
        ("10:5", "format"),
        ("10:30:00", "format"),
        ("10 am pm", "format"),
        ("12345", "format"),
        ("10 bananas", "format"),
        ("15/08/1990", "format"),
        ("know", "format"),
    ],
)
def test_time_errors(text: str, code: str) -> None:
    assert error_code(parse_birth_time, text) == code


# --- names ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ravi", "Ravi"),
        ("  Ravi   Kumar  ", "Ravi Kumar"),
        ("Ravi\nKumar", "Ravi Kumar"),
        ("रवि कुमार", "रवि कुमार"),
        ("ரவி", "ரவி"),
        ("R", "R"),
        ("Anne-Marie O'Neil", "Anne-Marie O'Neil"),
        ("a" * 60, "a" * 60),
    ],
)
def test_names(text: str, expected: str) -> None:
    assert parse_name(text) == expected


@pytest.mark.parametrize("text", ["", "   ", "12345", "...", "a" * 61, "🙏"])
def test_bad_names(text: str) -> None:
    assert error_code(parse_name, text) == "format"
