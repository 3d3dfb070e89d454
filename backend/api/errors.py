"""JSON errors, `{"error": {"code", "message"}}`, for every route that is not TwiML."""

from __future__ import annotations

import logging

from flask import Flask, Response, jsonify
from werkzeug.exceptions import HTTPException

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

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception) -> tuple[Response, int]:
        log.exception("unhandled error")
        return json_error(500, "internal_error", "Something went wrong on our side.")
