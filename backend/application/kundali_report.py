"""Use cases: the paid Kundali report as WhatsApp text, and as a PDF behind a signed link."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime

from backend.domain.astrology import analyse
from backend.domain.entitlements import EntitlementCheck, Product, require
from backend.domain.profile import BirthProfile
from backend.domain.report import (
    KundaliReport,
    MediaTokens,
    ProfileLookup,
    ReportPdfRenderer,
    build_report,
)
from bot_flows.preview import chart_for
from bot_flows.products.report_text import render_report_text

MEDIA_PATH = "/media/reports/"


@dataclass(frozen=True)
class ReportPdf:
    """A rendered report and the file name to offer it under."""

    content: bytes
    filename: str


def kundali_report(profile: BirthProfile, at: datetime) -> KundaliReport:
    """The structured report of a profile as of `at` (no entitlement check: callers check)."""
    return build_report(profile, analyse(chart_for(profile), at))


def kundali_report_messages(
    profile: BirthProfile, language: str, at: datetime, entitled: EntitlementCheck
) -> list[str]:
    """The full report as WhatsApp messages; raises NotEntitled before computing anything."""
    require(entitled, Product.KUNDALI)
    return render_report_text(kundali_report(profile, at), language)


def report_link(
    profile_id: int,
    language: str,
    tokens: MediaTokens,
    public_base_url: str,
    at: datetime | None = None,
) -> str:
    """The signed URL Twilio fetches the PDF from; it expires a lifetime after `at` (now)."""
    token = tokens.issue(profile_id, language, at or datetime.now(UTC))
    return f"{public_base_url}{MEDIA_PATH}{token}"


def report_pdf_for_token(
    token: str,
    tokens: MediaTokens,
    profiles: ProfileLookup,
    renderer: ReportPdfRenderer,
    at: datetime,
) -> ReportPdf | None:
    """The PDF a valid, unexpired token points at; None when the token or profile is not good."""
    claim = tokens.read(token, at)
    if claim is None:
        return None
    profile = profiles(claim.profile_id)
    if profile is None:  # deleted since the link was sent ("delete my data")
        return None
    return ReportPdf(renderer(kundali_report(profile, at)), pdf_filename(profile))


def pdf_filename(profile: BirthProfile) -> str:
    """kundali-<name in ASCII>.pdf ("kundali-asha-kulkarni.pdf"; "kundali.pdf" for "आशा")."""
    folded = unicodedata.normalize("NFKD", profile.name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")[:40].strip("-")
    return f"kundali-{slug}.pdf" if slug else "kundali.pdf"
