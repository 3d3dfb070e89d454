"""A generated data set for the analytics summary: users, profiles, orders, links, events.

Times are chosen in a window of 1961 no other test writes to, with some just outside it and
some exactly on its edges.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from tests.whatsapp import unique_phone

# 1961-03-10 .. 1961-03-20 in IST: far from any time another test writes.
FIRST, LAST = date(1961, 3, 10), date(1961, 3, 20)
START = datetime(1961, 3, 9, 18, 30, tzinfo=UTC)  # 1961-03-10 00:00 IST
END = datetime(1961, 3, 20, 18, 30, tzinfo=UTC)  # 1961-03-21 00:00 IST
PAYING = ("payment_link.paid", "payment.captured", "order.paid")
WAS_PAID = ("paid", "refunded", "disputed")
# No open status (created, link_issued): the payment sweeps other tests run would pick those
# up, and these links exist at no gateway.
STATUSES = ("paid", "expired", "cancelled", "refunded", "disputed", "review")
PRICES = {"kundali": 19900, "qna": 9900, "milan": 24900}
_US = timedelta(microseconds=1)
_EDGES = (START - timedelta(microseconds=1), START, END - timedelta(microseconds=1), END)


@dataclass
class SeedOrder:
    product: str
    amount: int
    status: str
    created_at: datetime
    updated_at: datetime
    attempts: list[datetime]
    payment_id: str | None = None
    events: list[tuple[str, str, datetime]] = field(default_factory=list)  # type, pay id, at

    def paid_at(self) -> datetime:
        """First paying event for the order's payment, else updated_at."""
        times = [at for kind, pid, at in self.events if kind in PAYING and pid == self.payment_id]
        return min(times, default=self.updated_at)


@dataclass
class SeedUser:
    phone: str
    created_at: datetime
    conversation_at: datetime | None
    own_profile_at: datetime | None
    partner_profiles_at: list[datetime]
    orders: list[SeedOrder]


def _when(rng: random.Random) -> datetime:
    """Mostly inside the window, some just outside, a few exactly on its edges."""
    if rng.random() < 0.12:
        return rng.choice(_EDGES)
    span = (END - START) + timedelta(days=4)
    return START - timedelta(days=2) + timedelta(microseconds=rng.randrange(int(span / _US)))


def _order(rng: random.Random) -> SeedOrder:
    product = rng.choice(list(PRICES))
    status = rng.choice(STATUSES)
    created = _when(rng)
    links = rng.choice((0, 1, 1, 2, 3)) if status == "review" else rng.choice((1, 1, 2, 3))
    order = SeedOrder(
        product, PRICES[product], status, created, _when(rng), [_when(rng) for _ in range(links)]
    )
    failed = f"pay_{uuid.uuid4().hex[:14]}"  # an earlier payment that failed: never counts
    order.events.append(("payment.failed", failed, _when(rng)))
    if status in WAS_PAID or (status == "review" and rng.random() < 0.5):
        order.payment_id = f"pay_{uuid.uuid4().hex[:14]}"
        if rng.random() < 0.7:  # else paid by reconciliation: no webhook at all
            paid = _when(rng)
            order.events.append((rng.choice(PAYING), order.payment_id, paid))
            order.events.append((rng.choice(PAYING), order.payment_id, paid + timedelta(hours=1)))
            # Authorized first but not money yet: must not move paid_at earlier.
            early = paid - timedelta(hours=rng.choice((1, 30)))
            order.events.append(("payment.authorized", order.payment_id, early))
        if status == "refunded":
            order.events.append(("refund.processed", order.payment_id, order.updated_at))
    return order


def generate(seed: int, users: int = 60) -> list[SeedUser]:
    """Users with conversations, profiles (own and a match's partners), orders and events."""
    rng = random.Random(seed)
    made = []
    for _ in range(users):
        made.append(
            SeedUser(
                phone=unique_phone(),
                created_at=_when(rng),
                conversation_at=_when(rng) if rng.random() < 0.85 else None,
                own_profile_at=_when(rng) if rng.random() < 0.6 else None,
                partner_profiles_at=[_when(rng) for _ in range(rng.choice((0, 0, 2)))],
                orders=[_order(rng) for _ in range(rng.choice((0, 1, 1, 2, 3)))],
            )
        )
    return made
