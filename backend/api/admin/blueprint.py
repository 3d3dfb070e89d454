"""The admin API's blueprint and what every admin route shares: services, body, errors."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, request

from backend.api.errors import json_error
from backend.application.admin.context import AdminContext
from backend.application.admin.errors import (
    AdminError,
    AlreadyRevoked,
    InvalidInput,
    NotWired,
    UnknownGrant,
    UnknownUser,
)
from backend.bootstrap import Services

PREFIX = "/admin/api/v1"
blueprint = Blueprint("admin_api", __name__, url_prefix=PREFIX)

_STATUS: dict[type[AdminError], tuple[int, str]] = {
    InvalidInput: (400, "bad_request"),
    UnknownUser: (404, "unknown_user"),
    UnknownGrant: (404, "unknown_grant"),
    AlreadyRevoked: (409, "already_revoked"),
    NotWired: (503, "unavailable"),
}


def services() -> Services:
    """The process's wired services."""
    wired: Services = current_app.extensions["boloastro"]
    return wired


def admin() -> AdminContext:
    """The admin ports (the auth hook has already refused requests when there are none)."""
    context = services().admin
    if context is None:
        raise NotWired("the admin API is not configured in this process")
    return context


def json_body() -> dict[str, object]:
    """The request's JSON object, or InvalidInput."""
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise InvalidInput("the body must be a JSON object (Content-Type: application/json)")
    return body


@blueprint.errorhandler(AdminError)
def _refused(exc: AdminError) -> tuple[Response, int]:
    status, code = _STATUS.get(type(exc), (400, "bad_request"))
    return json_error(status, code, str(exc))
