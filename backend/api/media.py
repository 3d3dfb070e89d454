"""GET /media/reports/<token>: the PDF report behind a signed, expiring link (Twilio fetches it)."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import Blueprint, Response, current_app

from backend.api.errors import json_error
from backend.application.kundali_report import report_pdf_for_token

blueprint = Blueprint("media", __name__)


@blueprint.get("/media/reports/<token>")
def report(token: str) -> Response | tuple[Response, int]:
    """The PDF when the token is valid, unexpired and its profile exists; 404 otherwise."""
    services = current_app.extensions["boloastro"]
    pdf = report_pdf_for_token(
        token,
        services.media_tokens,
        services.profile_lookup,
        services.report_pdf,
        datetime.now(UTC),
    )
    if pdf is None:  # one answer for forged, expired and unknown: a link reveals nothing
        return json_error(404, "not_found", "This report link is not valid or has expired.")
    headers = {
        "Content-Disposition": f'inline; filename="{pdf.filename}"',  # ASCII by construction
        "Cache-Control": "private, no-store",  # a personal document: no shared caches
    }
    return Response(pdf.content, mimetype="application/pdf", headers=headers)
