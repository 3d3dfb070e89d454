"""GET /admin/api/v1/users/<phone>: profile, entitlements, Q&A credits, recent orders."""

from __future__ import annotations

from flask import Response, jsonify

from backend.api.admin.blueprint import admin, blueprint
from backend.api.admin.render import user_json
from backend.application.admin.queries import user_detail


@blueprint.get("/users/<phone>")
def user(phone: str) -> Response:
    """One user by E.164 number (404 when unknown)."""
    return jsonify(user_json(user_detail(admin().unit_of_work, phone)))
