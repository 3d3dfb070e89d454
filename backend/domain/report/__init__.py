"""The full Kundali report as a structured document: sections of codes and values."""

from backend.domain.report.document import build_report
from backend.domain.report.ports import MediaClaim, MediaTokens, ProfileLookup, ReportPdfRenderer
from backend.domain.report.sections import (
    HOUSE_SYSTEM,
    SECTIONS,
    BirthDetails,
    DashaSection,
    HousesSection,
    KundaliReport,
    LagnaSection,
    ManglikSection,
    PlanetRow,
    RemediesSection,
)
from backend.domain.report.tables import PERSONALITY, REMEDIES, Personality, Remedy

__all__ = [
    "HOUSE_SYSTEM",
    "PERSONALITY",
    "REMEDIES",
    "SECTIONS",
    "BirthDetails",
    "DashaSection",
    "HousesSection",
    "KundaliReport",
    "LagnaSection",
    "ManglikSection",
    "MediaClaim",
    "MediaTokens",
    "Personality",
    "PlanetRow",
    "ProfileLookup",
    "RemediesSection",
    "Remedy",
    "ReportPdfRenderer",
    "build_report",
]
