"""GET /admin/api/v1/analytics/summary?from=YYYY-MM-DD&to=YYYY-MM-DD: figures for IST days."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from flask import Response, jsonify, request

from backend.api.admin.blueprint import blueprint, services
from backend.application.analytics import period_from, summary
from backend.domain.analytics import DEFINITIONS, Period, ProductRevenue, Summary


@blueprint.get("/analytics/summary")
def analytics_summary() -> Response:
    """Users, funnel, revenue and payment figures (400 for bad or over-long ranges)."""
    period = period_from(request.args.get("from"), request.args.get("to"), datetime.now(UTC))
    return jsonify(summary_json(period, summary(services().analytics, period)))


def summary_json(period: Period, figures: Summary) -> dict[str, Any]:
    """The summary as the admin API shows it: money in integer paise, rate as a fraction."""
    total = ProductRevenue(
        orders=sum(r.orders for r in figures.revenue.values()),
        paid_paise=sum(r.paid_paise for r in figures.revenue.values()),
        refunded_paise=sum(r.refunded_paise for r in figures.revenue.values()),
    )
    funnel = figures.funnel
    return {
        "period": {
            "from": period.first.isoformat(),
            "to": period.last.isoformat(),
            "timezone": "Asia/Kolkata",
            "start": period.start.isoformat(),
            "end": period.end.isoformat(),
        },
        "users": {"new": figures.users_new, "total": figures.users_total},
        "conversations": {"started": funnel.started},
        "funnel": {
            "started": funnel.started,
            "details_complete": funnel.details_complete,
            "link_issued": funnel.link_issued,
            "paid": funnel.paid,
        },
        "currency": "INR",
        "revenue_by_product": {
            product.value: _revenue(revenue) for product, revenue in figures.revenue.items()
        },
        "revenue_total": _revenue(total),
        "payment_success_rate": {
            "rate": figures.success_rate,
            "orders_with_attempts": figures.orders_with_attempts,
            "orders_paid": figures.orders_paid,
        },
        "retries_recovered": {
            "orders": figures.recovered_orders,
            "paid_paise": figures.recovered_paise,
        },
        "refunds": {"count": figures.refunds, "paise": figures.refunded_paise},
        "definitions": DEFINITIONS,
    }


def _revenue(revenue: ProductRevenue) -> dict[str, int]:
    return {
        "orders": revenue.orders,
        "paid_paise": revenue.paid_paise,
        "refunded_paise": revenue.refunded_paise,
        "net_paise": revenue.net_paise,
    }
