"""The analytics summary's figures reckoned in plain Python over the generated data set.

Written from the definitions the API states, not from its SQL, so the two check each other.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from typing import Any

from tests.e2e.analytics_seed import END, PRICES, START, WAS_PAID, SeedUser


def expected(users: list[SeedUser]) -> dict[str, Any]:
    """Every figure of the summary, reckoned from the list (same JSON shape as the API)."""

    def inside(at: datetime | None) -> bool:
        return at is not None and START <= at < END

    pairs = [(user, order) for user in users for order in user.orders]
    paid = [(u, o) for u, o in pairs if o.status in WAS_PAID and inside(o.paid_at())]
    tried = [o for _, o in pairs if inside(o.created_at) and o.attempts]
    refunds = [o for _, o in pairs if o.status == "refunded" and inside(o.updated_at)]
    recovered = [o for _, o in paid if len(o.attempts) > 1]
    by_product: dict[str, Counter[str]] = {p: Counter() for p in PRICES}
    for _, order in paid:
        refunded = order.amount if order.status == "refunded" else 0
        by_product[order.product].update(
            orders=1,
            paid_paise=order.amount,
            refunded_paise=refunded,
            net_paise=order.amount - refunded,
        )
    revenue = {
        p: {k: c[k] for k in ("orders", "paid_paise", "refunded_paise", "net_paise")}
        for p, c in by_product.items()
    }
    total = {k: sum(r[k] for r in revenue.values()) for k in revenue["kundali"]}
    paid_of_tried = sum(1 for o in tried if o.status in WAS_PAID)
    started = sum(1 for u in users if inside(u.conversation_at))
    return {
        "users": {
            "new": sum(1 for u in users if inside(u.created_at)),
            "total": sum(1 for u in users if u.created_at < END),
        },
        "conversations": {"started": started},
        "funnel": {
            "started": started,
            "details_complete": sum(1 for u in users if inside(u.own_profile_at)),
            "link_issued": len({u.phone for u, o in pairs if any(map(inside, o.attempts))}),
            "paid": len({u.phone for u, _ in paid}),
        },
        "revenue_by_product": revenue,
        "revenue_total": total,
        "payment_success_rate": {
            "rate": round(paid_of_tried / len(tried), 4) if tried else None,
            "orders_with_attempts": len(tried),
            "orders_paid": paid_of_tried,
        },
        "retries_recovered": {
            "orders": len(recovered),
            "paid_paise": sum(o.amount for o in recovered),
        },
        "refunds": {"count": len(refunds), "paise": sum(o.amount for o in refunds)},
    }
