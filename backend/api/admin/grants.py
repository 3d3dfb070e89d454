"""POST /admin/api/v1/grants and /grants/<id>/revoke: manual entitlements, with a reason."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import Response, jsonify

from backend.api.admin.auth import note
from backend.api.admin.blueprint import admin, blueprint, json_body, services
from backend.api.admin.render import entitlement_json
from backend.application.admin.grants import grant_request, manual_grant, reason_from, revoke_grant


@blueprint.post("/grants")
def grant() -> tuple[Response, int]:
    """Grant a product without an order: 201 with the new entitlement."""
    wanted = grant_request(json_body(), services().payment_policy.prices)
    note(product=wanted.product.value, quantity=wanted.quantity)
    granted = manual_grant(admin().unit_of_work, wanted, datetime.now(UTC))
    note(grant_id=granted.id)
    return jsonify(entitlement_json(granted)), 201


@blueprint.post("/grants/<int:grant_id>/revoke")
def revoke(grant_id: int) -> Response:
    """Revoke a grant: the entitlement, now revoked (409 when it already was)."""
    reason = reason_from(json_body())
    revoked = revoke_grant(admin().unit_of_work, grant_id, reason, datetime.now(UTC))
    return jsonify(entitlement_json(revoked))
