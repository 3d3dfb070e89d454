"""What the report use cases need from outside: a PDF renderer, profiles, signed link tokens."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from backend.domain.profile import BirthProfile
from backend.domain.report.sections import KundaliReport


class ReportPdfRenderer(Protocol):
    """Draws a report as a PDF document."""

    def __call__(self, report: KundaliReport) -> bytes:
        """The PDF file's bytes."""
        ...


class ProfileLookup(Protocol):
    """Loads a saved birth profile by its id."""

    def __call__(self, profile_id: int) -> BirthProfile | None:
        """The profile, or None when there is none with that id."""
        ...


@dataclass(frozen=True)
class MediaClaim:
    """What a valid media token says: whose report, in which language, issued when."""

    profile_id: int
    language: str
    issued_at: datetime


class MediaTokens(Protocol):
    """Issues and checks signed, expiring tokens for media links."""

    def issue(self, profile_id: int, language: str, at: datetime) -> str:
        """A URL-safe token for the profile's report, issued at `at`."""
        ...

    def read(self, token: str, at: datetime) -> MediaClaim | None:
        """The claim, or None when the token is forged, malformed or expired at `at`."""
        ...
