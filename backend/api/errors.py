"""JSON errors, `{"error": {"code", "message"}}`, for every route that is not TwiML."""

from __future__ import annotations

import logging

from flask import Flask, Response, jsonify
from werkzeug.exceptions import HTTPException

from infrastructure.db.unit_of_work import StorageUnavailable

log = logging.getLogger(__name__)


def json_error(status: int, code: str, message: str) -> tuple[Response, int]:
    """A JSON error response with the given status."""
    return jsonify({"error": {"code": code, "message": message}}), status


def register_error_handlers(app: Flask) -> None:
    """Every HTTP error as JSON; an unexpected exception as a 500 without a traceback."""

    @app.errorhandler(HTTPException)
    def _http(exc: HTTPException) -> tuple[Response, int]:
        code = (exc.name or "error").lower().replace(" ", "_")
        return json_error(exc.code or 500, code, exc.description or "")

    @app.errorhandler(StorageUnavailable)
    def _storage(exc: StorageUnavailable) -> tuple[Response, int]:
        # 503 tells Twilio and Razorpay to deliver again later; nothing was half-applied.
        log.error("database unavailable: %s", exc)
        response = json_error(503, "unavailable", "Storage is unavailable; please retry.")
        response[0].headers["Retry-After"] = "5"
        return response

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception) -> tuple[Response, int]:
        log.exception("unhandled error")
        return json_error(500, "internal_error", "Something went wrong on our side.")
