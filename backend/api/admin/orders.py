"""GET /admin/api/v1/orders?phone=&status=&flagged=&limit=: orders with their payment links."""

from __future__ import annotations

from flask import Response, jsonify, request

from backend.api.admin.blueprint import admin, blueprint
from backend.api.admin.render import order_json
from backend.application.admin.queries import list_orders, order_filter


@blueprint.get("/orders")
def orders() -> Response:
    """Orders newest first, filtered by phone, status and flagged=true (money a human must
    look at); limit 50 by default, at most 500."""
    args = request.args
    which = order_filter(
        args.get("phone"), args.get("status"), args.get("flagged"), args.get("limit")
    )
    found = list_orders(admin().unit_of_work, which)
    return jsonify({"orders": [order_json(order) for order in found]})
