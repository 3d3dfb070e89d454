"""AnalyticsReader in SQL: every figure is an aggregate the database computes (see DEFINITIONS)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError, OperationalError

from backend.domain.analytics import Funnel, OperationsSnapshot, Period, ProductRevenue, Summary
from backend.domain.entitlements import Product
from backend.domain.payments.order_model import OrderStatus
from backend.domain.payments.ports import OutboxStatus
from infrastructure.db import analytics_sql as sql
from infrastructure.db.unit_of_work import StorageUnavailable


class SqlAnalytics:
    """AnalyticsReader on short read-only transactions of its own."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def summary(self, period: Period) -> Summary:
        """Four aggregate queries, whatever the number of rows."""
        window = {"start": period.start, "end": period.end}
        with self._connection() as conn:
            new, total, started, details, links = conn.execute(sql.PEOPLE, window).one()
            revenue = conn.execute(sql.REVENUE, window).all()
            paid_users, recovered, recovered_paise = conn.execute(sql.PAID_PEOPLE, window).one()
            tried, paid, refunds, refunded = conn.execute(sql.MONEY, window).one()
        by_product = {product: ProductRevenue() for product in Product}
        for product, orders, paid_paise, refunded_paise in revenue:
            by_product[Product(product)] = ProductRevenue(
                int(orders), int(paid_paise), int(refunded_paise)
            )
        return Summary(
            users_new=int(new),
            users_total=int(total),
            funnel=Funnel(int(started), int(details), int(links), int(paid_users)),
            revenue=by_product,
            orders_with_attempts=int(tried),
            orders_paid=int(paid),
            recovered_orders=int(recovered),
            recovered_paise=int(recovered_paise),
            refunds=int(refunds),
            refunded_paise=int(refunded),
        )

    def operations(self) -> OperationsSnapshot:
        """Orders per status (every status, zeros included) and the outbox's waiting rows."""
        with self._connection() as conn:
            counts = {row[0]: int(row[1]) for row in conn.execute(sql.ORDERS_BY_STATUS)}
            waiting = {row[0]: int(row[1]) for row in conn.execute(sql.OUTBOX_WAITING)}
        by_status = {status.value: counts.get(status.value, 0) for status in OrderStatus}
        return OperationsSnapshot(
            orders_by_status=by_status,
            outbox_pending=waiting.get(OutboxStatus.PENDING.value, 0),
            outbox_dead=waiting.get(OutboxStatus.DEAD.value, 0),
        )

    @contextmanager
    def _connection(self) -> Iterator[Connection]:
        # Nothing is written; an unreachable database is StorageUnavailable (503), as elsewhere.
        try:
            with self._engine.connect() as conn, conn.begin():
                yield conn
        except DBAPIError as exc:
            if exc.connection_invalidated or isinstance(exc, OperationalError):
                raise StorageUnavailable(str(exc.orig)) from exc
            raise
