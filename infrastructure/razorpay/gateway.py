"""PaymentGateway on Razorpay payment links, through the official SDK."""

from __future__ import annotations

from typing import Any

import razorpay
import requests
from razorpay import errors as rzp_errors

from backend.domain.payments.gateway import GatewayError, IssuedLink, LinkRequest, LinkStatus

# A reference that already has one of these links must not get another; we hand it back.
_REUSABLE = frozenset({LinkStatus.CREATED, LinkStatus.PARTIALLY_PAID, LinkStatus.PAID})
_SDK_ERRORS: tuple[type[Exception], ...] = (
    rzp_errors.BadRequestError,
    rzp_errors.GatewayError,
    rzp_errors.ServerError,
)
# Everything one SDK call can raise: its own errors, transport errors, and a non-JSON answer.
_CALL_ERRORS: tuple[type[Exception], ...] = (*_SDK_ERRORS, requests.RequestException, ValueError)


class _TimeoutSession(requests.Session):
    """A requests session with a default timeout; the SDK has no timeout option of its own."""

    def __init__(self, timeout_s: float) -> None:
        super().__init__()
        self._timeout_s = timeout_s

    def request(self, method: str | bytes, url: str | bytes, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        """Send with our timeout unless the caller chose one."""
        kwargs.setdefault("timeout", self._timeout_s)
        return super().request(method, url, **kwargs)


class RazorpayGateway:
    """Issues, fetches, finds and cancels Razorpay payment links."""

    def __init__(
        self, key_id: str, key_secret: str, base_url: str | None = None, timeout_s: float = 4.0
    ) -> None:
        if not key_id or not key_secret:
            raise ValueError("Razorpay key id and key secret are required")
        self._secret = key_secret
        self._session = _TimeoutSession(timeout_s)
        options = {"base_url": base_url.rstrip("/")} if base_url else {}
        self._client = razorpay.Client(session=self._session, auth=(key_id, key_secret), **options)

    def close(self) -> None:
        """Release pooled connections."""
        self._session.close()

    def create_link(self, request: LinkRequest) -> IssuedLink:
        """Create a link, or return the live one already made for this reference_id."""
        try:
            entity = self._client.payment_link.create(_link_body(request))
        except (requests.Timeout, requests.ConnectionError) as exc:
            # The create may have reached Razorpay even though we never saw the answer.
            return self._existing(request.reference_id, exc)
        except _SDK_ERRORS as exc:
            if _is_duplicate_reference(exc):
                return self._existing(request.reference_id, exc)
            raise self._error("create", exc) from exc
        except (requests.RequestException, ValueError) as exc:
            raise self._error("create", exc) from exc
        return self._issued(entity)

    def fetch_link(self, link_id: str) -> IssuedLink:
        """The link's current state."""
        return self._issued(self._call("fetch", self._client.payment_link.fetch, _path_id(link_id)))

    def find_by_reference(self, reference_id: str) -> IssuedLink | None:
        """The link made for this reference, if any (used before retrying a timed-out create)."""
        found = self._call("list", self._client.payment_link.all, {"reference_id": reference_id})
        links = found.get("payment_links") if isinstance(found, dict) else None
        if not isinstance(links, list):
            raise GatewayError("Razorpay list answer has no payment_links")
        # Filter here as well: an unfiltered page must never hand back someone else's link.
        matches = [
            x for x in links if isinstance(x, dict) and x.get("reference_id") == reference_id
        ]
        if not matches:
            return None
        # Razorpay keeps reference_id unique, so more than one match means a confused answer.
        if len({m.get("id") for m in matches}) > 1:
            raise GatewayError(f"Razorpay returned several links for reference {reference_id!r}")
        return self._issued(matches[0])

    def cancel_link(self, link_id: str) -> IssuedLink:
        """Cancel a link that is no longer wanted."""
        return self._issued(
            self._call("cancel", self._client.payment_link.cancel, _path_id(link_id))
        )

    def _existing(self, reference_id: str, cause: Exception) -> IssuedLink:
        """The link a lost or duplicate create already made, if it can still be used."""
        link = self.find_by_reference(reference_id)
        if link is None:
            # Nothing there yet: the caller retries later and uniqueness stops a second link.
            raise self._error("create", cause) from cause
        if link.status not in _REUSABLE:
            raise GatewayError(f"reference {reference_id!r} already used by a {link.status} link")
        return link

    def _call(self, action: str, method: Any, argument: Any) -> Any:
        """One SDK call with every failure turned into GatewayError."""
        try:
            return method(argument)
        except _CALL_ERRORS as exc:
            raise self._error(action, exc) from exc

    def _issued(self, entity: Any) -> IssuedLink:
        """IssuedLink from a payment_link entity."""
        try:
            return _to_issued(entity)
        except (KeyError, TypeError, ValueError) as exc:
            raise GatewayError(f"unexpected Razorpay payment link: {exc}") from None

    def _error(self, action: str, exc: Exception) -> GatewayError:
        """A GatewayError whose message can't carry the key secret."""
        detail = f"{type(exc).__name__}: {exc}".replace(self._secret, "***")
        return GatewayError(f"Razorpay {action} failed: {detail}")


def _link_body(request: LinkRequest) -> dict[str, Any]:
    """The create-payment-link JSON: notifications off because we send the link on WhatsApp."""
    customer = {"contact": request.customer_phone}
    if request.customer_name:
        customer["name"] = request.customer_name
    return {
        "amount": request.amount_paise,
        "currency": request.currency,
        "accept_partial": False,
        "description": request.description,
        "reference_id": request.reference_id,
        "expire_by": int(request.expire_by.timestamp()),
        "customer": customer,
        "notify": {"sms": False, "email": False},
        "reminder_enable": False,
        "notes": dict(request.notes),
        "callback_url": request.callback_url,
        "callback_method": "get",
    }


def _to_issued(entity: Any) -> IssuedLink:
    """Map the entity; raises KeyError/TypeError/ValueError on a malformed one."""
    if not isinstance(entity, dict):
        raise TypeError("not an object")
    amount = entity["amount"]
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise TypeError("amount is not an integer")
    payments = entity.get("payments") or []
    captured = sorted(
        (p for p in payments if isinstance(p, dict) and p.get("status") == "captured"),
        key=_created_at,
    )
    return IssuedLink(
        link_id=str(entity["id"]),
        reference_id=str(entity.get("reference_id") or ""),
        url=str(entity["short_url"]),
        status=LinkStatus(entity["status"]),
        amount_paise=amount,
        currency=str(entity["currency"]),
        payment_ids=tuple(str(p["payment_id"]) for p in captured if p.get("payment_id")),
        gateway_order_id=str(entity.get("order_id") or "") or None,
    )


def _created_at(payment: dict[str, Any]) -> int:
    """A link payment's unix time, for ordering (missing → first)."""
    value = payment.get("created_at")
    return value if isinstance(value, int) else 0


def _is_duplicate_reference(exc: Exception) -> bool:
    """Razorpay's 400 for a reference_id that another link already has."""
    text = str(exc).lower()
    return isinstance(exc, rzp_errors.BadRequestError) and "reference" in text and "already" in text


def _path_id(link_id: str) -> str:
    """A link id safe to put in a URL path."""
    if not link_id or not link_id.replace("_", "").isalnum() or not link_id.isascii():
        raise GatewayError(f"not a payment link id: {link_id!r}")
    return link_id
