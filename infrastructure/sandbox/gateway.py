"""PaymentGateway for development: Razorpay-like payment links in the sandbox_links table."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, Table, bindparam, select, update

from backend.domain.payments.gateway import GatewayError, IssuedLink, LinkRequest, LinkStatus
from infrastructure.db.admin_models import SandboxLinkRow
from infrastructure.db.upsert import insert_ignoring_conflict
from infrastructure.sandbox.ids import razorpay_id
from infrastructure.sandbox.links import Charge, LinkNotPayable, SandboxLink, UnknownLink

_LINKS: Table = SandboxLinkRow.__table__  # type: ignore[assignment]
# Razorpay refuses an expire_by less than 15 minutes ahead; so do we, to catch callers early.
_MIN_LIFETIME = timedelta(minutes=15)
_MAX_REFERENCE = 40
# A reference that already has one of these links gets it back, as from Razorpay's adapter.
_REUSABLE = frozenset({LinkStatus.CREATED, LinkStatus.PAID})

_BY_ID = select(_LINKS).where(_LINKS.c.id == bindparam("link_id"))
_BY_REFERENCE = select(_LINKS).where(_LINKS.c.reference_id == bindparam("reference_id"))
# Conditional updates: of a pay and a cancel racing on one link, exactly one wins.
_SETTLE = (
    update(_LINKS)
    .where(
        _LINKS.c.id == bindparam("link_id"),
        _LINKS.c.status == LinkStatus.CREATED.value,
        _LINKS.c.expire_by > bindparam("now"),
    )
    .values(status=bindparam("new_status"), payment_ids=bindparam("new_payment_ids"))
)


class SandboxGateway:
    """Issues, fetches, finds and cancels sandbox links; the checkout page pays or fails them."""

    def __init__(
        self,
        engine: Engine,
        public_base_url: str,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._engine = engine
        self._base = public_base_url.rstrip("/")
        self._clock = clock

    def create_link(self, request: LinkRequest) -> IssuedLink:
        """Create a link, or return the live one already made for this reference_id."""
        now = self._clock()
        _check(request, now)
        values = {
            "id": razorpay_id("plink"),
            "reference_id": request.reference_id,
            "gateway_order_id": razorpay_id("order"),
            "amount_paise": request.amount_paise,
            "currency": request.currency,
            "description": request.description,
            "customer_phone": request.customer_phone,
            "notes": dict(request.notes),
            "status": LinkStatus.CREATED.value,
            "payment_ids": [],
            "callback_url": request.callback_url,
            "expire_by": request.expire_by,
            "created_at": now,
        }
        with self._engine.begin() as conn:
            insert_ignoring_conflict(conn, _LINKS, values, ("reference_id",))
            row = conn.execute(_BY_REFERENCE, {"reference_id": request.reference_id}).one()
        link = self._link(row, now)
        if link.status not in _REUSABLE:
            raise GatewayError(
                f"reference {request.reference_id!r} already used by a {link.status} link"
            )
        return link.issued()

    def fetch_link(self, link_id: str) -> IssuedLink:
        """The link's current state."""
        return self._require(link_id).issued()

    def find_by_reference(self, reference_id: str) -> IssuedLink | None:
        """The link made for this reference, if any."""
        with self._engine.connect() as conn:
            row = conn.execute(_BY_REFERENCE, {"reference_id": reference_id}).first()
        return None if row is None else self._link(row, self._clock()).issued()

    def cancel_link(self, link_id: str) -> IssuedLink:
        """Cancel an unpaid, unexpired link; a cancelled one is returned as it is."""
        link = self._settle(link_id, LinkStatus.CANCELLED, ())
        return link.issued()

    def link(self, link_id: str) -> SandboxLink | None:
        """The link with this id, for the checkout page."""
        with self._engine.connect() as conn:
            row = conn.execute(_BY_ID, {"link_id": link_id}).first()
        return None if row is None else self._link(row, self._clock())

    def pay(self, link_id: str) -> Charge:
        """Capture a payment for the whole amount; raises LinkNotPayable or UnknownLink."""
        payment_id = razorpay_id("pay")
        link = self._settle(link_id, LinkStatus.PAID, (payment_id,))
        return Charge(link=link, payment_id=payment_id, at=self._clock())

    def fail(self, link_id: str) -> Charge:
        """A failed payment attempt: the link stays payable; raises like pay()."""
        link = self._require(link_id)
        if link.status is not LinkStatus.CREATED:
            raise LinkNotPayable(link.status)
        return Charge(link=link, payment_id=razorpay_id("pay"), at=self._clock())

    def _settle(
        self, link_id: str, status: LinkStatus, payment_ids: tuple[str, ...]
    ) -> SandboxLink:
        """Move a payable link to paid or cancelled, once."""
        now = self._clock()
        params = {"link_id": link_id, "now": now, "new_status": status.value}
        with self._engine.begin() as conn:
            conn.execute(_SETTLE, {**params, "new_payment_ids": list(payment_ids)})
            row = conn.execute(_BY_ID, {"link_id": link_id}).first()
        if row is None:
            raise UnknownLink(f"no sandbox payment link {link_id!r}")
        link = self._link(row, now)
        if link.status is status and (
            status is LinkStatus.CANCELLED or payment_ids == link.payment_ids
        ):
            return link
        raise LinkNotPayable(link.status)

    def _require(self, link_id: str) -> SandboxLink:
        """The link, or UnknownLink."""
        link = self.link(link_id)
        if link is None:
            raise UnknownLink(f"no sandbox payment link {link_id!r}")
        return link

    def _link(self, row: Any, now: datetime) -> SandboxLink:
        """SandboxLink from a row; an unpaid link past expire_by reads as expired."""
        status = LinkStatus(row.status)
        if status is LinkStatus.CREATED and row.expire_by <= now:
            status = LinkStatus.EXPIRED
        return SandboxLink(
            link_id=row.id,
            reference_id=row.reference_id,
            gateway_order_id=row.gateway_order_id,
            url=f"{self._base}/sandbox/pay/{row.id}",
            status=status,
            amount_paise=row.amount_paise,
            currency=row.currency,
            description=row.description,
            customer_phone=row.customer_phone,
            notes={str(k): str(v) for k, v in (row.notes or {}).items()},
            payment_ids=tuple(row.payment_ids or ()),
            expire_by=row.expire_by,
            created_at=row.created_at,
        )


def _check(request: LinkRequest, now: datetime) -> None:
    """Refuse what Razorpay would refuse, with a GatewayError."""
    if isinstance(request.amount_paise, bool) or request.amount_paise < 100:
        raise GatewayError("amount must be at least 100 paise")
    if request.currency != "INR":
        raise GatewayError(f"currency {request.currency!r} is not supported")
    if not request.reference_id or len(request.reference_id) > _MAX_REFERENCE:
        raise GatewayError("reference_id must be 1 to 40 characters")
    if request.expire_by - now < _MIN_LIFETIME:
        raise GatewayError("expire_by must be at least 15 minutes in the future")
