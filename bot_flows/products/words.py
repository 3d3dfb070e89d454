"""A product's message catalog in one language, plus the shared zodiac and calendar names."""

from __future__ import annotations

import importlib
from datetime import UTC, date, datetime

from backend.domain.astrology import Graha, Nakshatra, Sign
from bot_flows import catalog


def load_catalogs(product: str) -> dict[str, dict[str, str]]:
    """`bot_flows/products/catalogs/<product>_<language>.py` for every supported language."""
    return {
        language: importlib.import_module(
            f"bot_flows.products.catalogs.{product}_{language}"
        ).MESSAGES
        for language in catalog.LANGUAGES
    }


class Words:
    """Renders a product's keys and the main catalog's names; unknown languages get English."""

    def __init__(self, catalogs: dict[str, dict[str, str]], language: str) -> None:
        self.language = language if language in catalogs else catalog.DEFAULT_LANGUAGE
        self._messages = catalogs[self.language]

    def __call__(self, key: str, **params: object) -> str:
        template = self._messages[key]
        return template.format(**params) if params else template

    def main(self, key: str, **params: object) -> str:
        """A key of the main conversation catalog."""
        return catalog.text(self.language, key, **params)

    def sign(self, value: Sign) -> str:
        """The rashi's name in this language."""
        return self.main(f"sign_{value.value}")

    def sign_pair(self, value: Sign) -> str:
        """The rashi's name with its Sanskrit name beside it."""
        return self.main("name_pair", local=self.sign(value), sanskrit=value.sanskrit)

    def graha(self, value: Graha) -> str:
        """The graha's name in this language."""
        return self.main(f"graha_{value.value}")

    def nakshatra(self, value: Nakshatra) -> str:
        """The nakshatra's name in this language."""
        return self.main(f"nakshatra_{value.value}")

    def date(self, value: date | datetime) -> str:
        """A day with the month's name; an instant is read as its UTC calendar day.

        Dasha boundaries rest on a year-length convention, so they are no more precise than a
        day, and the same boundary must read alike to everyone.
        """
        day = value.astimezone(UTC).date() if isinstance(value, datetime) else value
        month = self.main(f"month_{day.month}")
        return self.main("date_format", day=day.day, month=month, year=day.year)
