"""Orders with a live payment link, seeded through the app's repositories; the grant check after.

Each order is made the way the shop makes one: the user's conversation is locked (creating
the user), a birth profile is added, the order is created and its first attempt issued with
Razorpay's ids, all through the unit of work. Profiles are random, so no chart is reused.
"""

from __future__ import annotations

import random
import string
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

import sqlalchemy as sa
from bench_razorpay import PaidOrder

from backend.domain.entitlements import Product
from backend.domain.payments.attempts import new_attempt, reference_for
from backend.domain.payments.money import PriceList
from backend.domain.profile import BirthProfile
from bot_flows.catalog import LANGUAGES
from infrastructure.db.unit_of_work import SqlAlchemyUnitOfWork

PLACES = (
    ("Mumbai, Maharashtra, India", 19.07, 72.88),
    ("Delhi, India", 28.65, 77.23),
    ("Chennai, Tamil Nadu, India", 13.09, 80.28),
    ("Kolkata, West Bengal, India", 22.57, 88.36),
    ("Pune, Maharashtra, India", 18.52, 73.86),
    ("Guwahati, Assam, India", 26.18, 91.75),
)
NAMES = ("Asha", "Ravi", "Priya Sharma", "Arjun", "Kavya", "Imran Khan", "Lakshmi", "Rohan")
BATCH = 100  # orders per transaction while seeding
_ALNUM = string.ascii_letters + string.digits


def random_profile(rng: random.Random) -> BirthProfile:
    """Birth details as a user gives them; one in five without a birth time."""
    place, lat, lon = rng.choice(PLACES)
    day = date(1950, 1, 1) + timedelta(days=rng.randrange(55 * 365))
    at = time(rng.randrange(24), rng.randrange(60)) if rng.random() > 0.2 else None
    return BirthProfile(rng.choice(NAMES), day, at, place, lat, lon, "Asia/Kolkata")


def _rzp_id(rng: random.Random, prefix: str) -> str:
    return prefix + "".join(rng.choices(_ALNUM, k=14))


def seed_orders(
    engine: sa.Engine, products: list[Product], prices: PriceList, rng: random.Random
) -> list[PaidOrder]:
    """One order with a live link per entry of `products`, for as many new users."""
    seeded: list[PaidOrder] = []
    phone_base = rng.randrange(10**7)
    for start in range(0, len(products), BATCH):
        now = datetime.now(UTC)
        with SqlAlchemyUnitOfWork(engine) as uow:
            for offset, product in enumerate(products[start : start + BATCH]):
                phone = f"+9197{(phone_base + start + offset) % 10**8:08d}"
                conversation = uow.conversations.lock(phone, now, "menu", "main")
                conversation.language = rng.choice(LANGUAGES)
                uow.conversations.save(conversation)
                user = conversation.user_id
                needs = {Product.KUNDALI: 1, Product.MILAN: 2}.get(product, 0)
                profiles = [random_profile(rng) for _ in range(needs or 1)]
                ids = tuple(uow.conversations.add_profile(user, p) for p in profiles)
                amount = prices.price(product)
                order = uow.orders.create(user, phone, product, amount, ids[:needs], now)
                link_id, gateway_order = _rzp_id(rng, "plink_"), _rzp_id(rng, "order_")
                reference = f"{reference_for(order.id, 1)}-{rng.randbytes(3).hex()}"
                url = f"https://rzp.io/i/{link_id[6:14]}"
                attempt = new_attempt(order, reference, link_id, url, now, now + timedelta(hours=1))
                attempt.gateway_order_id = gateway_order
                uow.orders.save(order)
                issued = int(now.timestamp())
                payment = _rzp_id(rng, "pay_")
                seeded.append(
                    PaidOrder(
                        order.id,
                        amount,
                        product.value,
                        link_id,
                        reference,
                        gateway_order,
                        payment,
                        issued,
                    )
                )
            uow.commit()
    return seeded


GRANTS_SQL = """
SELECT o.status = 'paid' AS paid, coalesce(g.n, 0) AS grants, count(*) AS orders
FROM orders o
LEFT JOIN (SELECT order_id, count(*) AS n FROM entitlement_ledger
           WHERE kind = 'grant' GROUP BY order_id) g ON g.order_id = o.id
GROUP BY 1, 2 ORDER BY 1, 2
""".strip()


@dataclass(frozen=True)
class GrantCheck:
    """How many grants each order got, and how the recorded events ended."""

    by_paid_and_grants: dict[tuple[bool, int], int]
    events: Counter[str]

    def count(self, paid: bool, grants: Callable[[int], bool] = lambda _: True) -> int:
        """Orders that are (not) paid, with a number of grants matching `grants`."""
        return sum(n for (p, g), n in self.by_paid_and_grants.items() if p is paid and grants(g))

    def ok(self, all_reached: bool) -> bool:
        """Each paid order has exactly one grant, no other order has one (and all are paid)."""
        paid = self.count(True)
        return (
            paid > 0
            and self.count(True, lambda g: g == 1) == paid
            and self.count(False, lambda g: g > 0) == 0
            and (self.count(False) == 0 or not all_reached)
        )


def check_grants(engine: sa.Engine) -> GrantCheck:
    """Grants per order and the events' final statuses, straight from SQL."""
    with engine.connect() as conn:
        rows = conn.execute(sa.text(GRANTS_SQL)).all()
        statuses = conn.execute(
            sa.text("SELECT event_type, status, count(*) FROM payment_events GROUP BY 1, 2")
        ).all()
    return GrantCheck(
        {(bool(paid), int(grants)): int(n) for paid, grants, n in rows},
        Counter({f"{kind} {status}": int(n) for kind, status, n in statuses}),
    )
