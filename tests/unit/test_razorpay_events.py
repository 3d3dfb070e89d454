"""Razorpay webhook signatures and the webhook-JSON → PaymentEvent parser."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backend.domain.payments.events import EventKind, PaymentEvent
from infrastructure.razorpay.events import parse_event
from infrastructure.razorpay.signatures import sign_webhook, verify_webhook
from tests.fakes import razorpay_payloads as samples

WEBHOOK_SECRET = "whsec-test-webhook"
API_KEY_SECRET = "api-key-secret"
WHEN = datetime.fromtimestamp(samples.EVENT_AT, tz=UTC)


@pytest.fixture
def raw_body() -> bytes:
    """A webhook body exactly as Razorpay serialises it (compact, key order kept)."""
    return json.dumps(samples.payment_link_paid(), separators=(",", ":")).encode()


class TestSignatures:
    def test_exact_raw_bytes_pass(self, raw_body: bytes) -> None:
        assert verify_webhook(raw_body, sign_webhook(raw_body, WEBHOOK_SECRET), WEBHOOK_SECRET)

    def test_matches_the_sdk(self, raw_body: bytes) -> None:
        from razorpay.utility.utility import Utility

        signature = sign_webhook(raw_body, WEBHOOK_SECRET)
        assert Utility().verify_webhook_signature(raw_body.decode(), signature, WEBHOOK_SECRET)

    def test_tampered_body_fails(self, raw_body: bytes) -> None:
        signature = sign_webhook(raw_body, WEBHOOK_SECRET)
        tampered = raw_body.replace(b'"amount":49900', b'"amount":99900', 1)
        assert tampered != raw_body
        assert not verify_webhook(tampered, signature, WEBHOOK_SECRET)

    def test_signed_with_api_key_secret_fails(self, raw_body: bytes) -> None:
        signature = sign_webhook(raw_body, API_KEY_SECRET)
        assert not verify_webhook(raw_body, signature, WEBHOOK_SECRET)

    def test_reserialised_json_fails(self, raw_body: bytes) -> None:
        signature = sign_webhook(raw_body, WEBHOOK_SECRET)
        reserialised = json.dumps(json.loads(raw_body), indent=1).encode()
        assert json.loads(reserialised) == json.loads(raw_body)
        assert not verify_webhook(reserialised, signature, WEBHOOK_SECRET)

    @pytest.mark.parametrize("signature", [None, "", "   ", "zz" * 32, "ab" * 31, "é" * 64])
    def test_missing_or_malformed_signature_fails(
        self, raw_body: bytes, signature: str | None
    ) -> None:
        assert not verify_webhook(raw_body, signature, WEBHOOK_SECRET)

    def test_empty_secret_never_verifies(self, raw_body: bytes) -> None:
        assert not verify_webhook(raw_body, sign_webhook(raw_body, ""), "")

    @given(body=st.binary(), signature=st.one_of(st.none(), st.text()))
    def test_junk_never_raises(self, body: bytes, signature: str | None) -> None:
        assert verify_webhook(body, signature, WEBHOOK_SECRET) in (True, False)


def _expected(kind: EventKind, **fields: Any) -> PaymentEvent:
    return PaymentEvent(kind=kind, occurred_at=WHEN, currency="INR", **fields)


class TestParseEvent:
    def test_payment_link_paid(self) -> None:
        assert parse_event(samples.payment_link_paid()) == _expected(
            EventKind.LINK_PAID,
            link_id=samples.LINK_ID,
            reference_id=samples.REFERENCE,
            payment_id=samples.PAYMENT_ID,
            amount_paise=samples.AMOUNT,
            order_id=42,
            gateway_order_id=samples.GATEWAY_ORDER,
        )

    @pytest.mark.parametrize(
        ("name", "status", "kind"),
        [
            ("payment.authorized", "authorized", EventKind.PAYMENT_AUTHORIZED),
            ("payment.captured", "captured", EventKind.PAYMENT_CAPTURED),
            ("payment.failed", "failed", EventKind.PAYMENT_FAILED),
        ],
    )
    def test_payment_events(self, name: str, status: str, kind: EventKind) -> None:
        assert parse_event(samples.payment_event(name, status)) == _expected(
            kind,
            payment_id=samples.PAYMENT_ID,
            amount_paise=samples.AMOUNT,
            gateway_order_id=samples.GATEWAY_ORDER,
        )

    def test_order_paid_takes_our_order_id_from_the_order_notes(self) -> None:
        assert parse_event(samples.order_paid()) == _expected(
            EventKind.ORDER_PAID,
            payment_id=samples.PAYMENT_ID,
            amount_paise=samples.AMOUNT,
            order_id=42,
            gateway_order_id=samples.GATEWAY_ORDER,
            reference_id=samples.REFERENCE,  # the order's receipt: the link's reference
        )

    @pytest.mark.parametrize("where", ["order_notes", "payment_notes", "receipt", "link_wins"])
    def test_without_a_link_our_reference_comes_from_notes_or_the_receipt(self, where: str) -> None:
        # Razorpay names the gateway order of a link only once it is paid, so payment.* and
        # order.paid events before that are ours only by the reference they carry.
        payload = samples.order_paid()
        order = payload["payload"]["order"]["entity"]
        payment = payload["payload"]["payment"]["entity"]
        order["receipt"] = None
        match where:
            case "order_notes":
                order["notes"] = {"order_id": "42", "reference_id": "ba-42-1-abc123"}
            case "payment_notes":
                payment["notes"] = {"reference_id": "ba-42-1-abc123"}
            case "receipt":
                order["receipt"] = "ba-42-1-abc123"
            case "link_wins":
                order["receipt"] = "ba-42-1-abc123"
                payload = samples.payment_link_paid()
                payload["payload"]["order"]["entity"]["receipt"] = "ba-42-1-abc123"
        event = parse_event(payload)
        assert event is not None
        expected = samples.REFERENCE if where == "link_wins" else "ba-42-1-abc123"
        assert event.reference_id == expected

    @pytest.mark.parametrize(
        ("payload", "kind"),
        [
            (samples.payment_link_expired(), EventKind.LINK_EXPIRED),
            (samples.payment_link_cancelled(), EventKind.LINK_CANCELLED),
        ],
    )
    def test_link_closed(self, payload: dict[str, Any], kind: EventKind) -> None:
        assert parse_event(payload) == _expected(
            kind,
            link_id=samples.LINK_ID,
            reference_id=samples.REFERENCE,
            amount_paise=samples.AMOUNT,
            order_id=42,
        )

    def test_refund_processed_uses_the_refund_amount_and_the_payments_total(self) -> None:
        payload = samples.refund_processed(amount=20000, refunded=35000)
        assert parse_event(payload) == _expected(
            EventKind.REFUND_PROCESSED,
            payment_id=samples.PAYMENT_ID,
            refund_id=samples.REFUND_ID,
            amount_paise=20000,
            refunded_paise=35000,
            gateway_order_id=samples.GATEWAY_ORDER,
        )

    def test_dispute_created(self) -> None:
        assert parse_event(samples.dispute_created()) == _expected(
            EventKind.DISPUTE_CREATED,
            payment_id=samples.PAYMENT_ID,
            dispute_id=samples.DISPUTE_ID,
            amount_paise=samples.AMOUNT,
            gateway_order_id=samples.GATEWAY_ORDER,
        )

    def test_occurred_at_is_aware_utc(self) -> None:
        event = parse_event(samples.payment_link_paid())
        assert event is not None
        assert event.occurred_at.utcoffset() is not None
        assert event.occurred_at.utcoffset().total_seconds() == 0  # type: ignore[union-attr]

    def test_unknown_event_is_none(self) -> None:
        assert parse_event(samples.settlement_processed()) is None

    def test_partially_paid_is_unsupported(self) -> None:
        payload = samples.payment_link_paid()
        payload["event"] = "payment_link.partially_paid"
        assert parse_event(payload) is None

    def test_missing_created_at_is_none(self) -> None:
        payload = samples.payment_link_paid()
        del payload["created_at"]
        assert parse_event(payload) is None

    def test_odd_fields_are_left_empty(self) -> None:
        payload = samples.payment_link_paid()
        link = payload["payload"]["payment_link"]["entity"]
        payment = payload["payload"]["payment"]["entity"]
        link["notes"] = []
        link["reference_id"] = "x" * 41
        payment["amount"] = "49900"
        payload["payload"]["order"]["entity"]["notes"] = {"order_id": True}
        event = parse_event(payload)
        assert event is not None
        assert (event.reference_id, event.order_id) == (None, None)
        # The payment's amount is unusable, so the link's amount_paid stands in.
        assert event.amount_paise == samples.AMOUNT

    def test_float_amount_is_not_paise(self) -> None:
        payload = samples.payment_event("payment.captured", "captured")
        payload["payload"]["payment"]["entity"]["amount"] = 499.0
        event = parse_event(payload)
        assert event is not None
        assert event.amount_paise is None

    @pytest.mark.parametrize("junk", [None, [], "payment.captured", 7, {"event": 1}])
    def test_non_objects_are_none(self, junk: Any) -> None:
        assert parse_event(junk) is None


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)
_entity_names = st.sampled_from(
    ["payment_link", "payment", "order", "refund", "dispute", "settlement"]
)
_entity = st.dictionaries(
    st.sampled_from(
        ["id", "amount", "amount_paid", "currency", "notes", "reference_id", "payment_id"]
    ),
    _json | st.fixed_dictionaries({"order_id": _json}),
)
_webhook = st.fixed_dictionaries(
    {
        "event": st.sampled_from(
            sorted(
                [
                    "payment_link.paid",
                    "payment.captured",
                    "order.paid",
                    "payment.failed",
                    "payment.authorized",
                    "payment_link.expired",
                    "payment_link.cancelled",
                    "refund.processed",
                    "payment.dispute.created",
                    "nope",
                ]
            )
        )
        | _json,
        "payload": st.dictionaries(
            _entity_names, st.fixed_dictionaries({"entity": _entity}) | _json
        ),
        "created_at": st.integers() | _json,
    }
)


@given(payload=_json)
def test_arbitrary_json_never_raises(payload: Any) -> None:
    result = parse_event(payload)
    assert result is None or isinstance(result, PaymentEvent)


@given(payload=_webhook)
def test_webhook_shaped_junk_never_raises(payload: dict[str, Any]) -> None:
    result = parse_event(payload)
    if result is not None:
        assert result.occurred_at.tzinfo is not None
        assert result.amount_paise is None or (
            type(result.amount_paise) is int and result.amount_paise >= 0
        )


@pytest.mark.parametrize(
    "payload",
    [
        samples.payment_event("payment.captured", "captured"),
        samples.payment_event("payment.failed", "failed"),
        samples.order_paid(),
        samples.payment_link_paid(),
    ],
    ids=["captured", "failed", "order_paid", "link_paid"],
)
def test_payment_events_carry_razorpays_order_id(payload: dict[str, Any]) -> None:
    # payment.* events name neither our link nor our reference: the gateway order ties them.
    event = parse_event(payload)
    assert event is not None
    assert event.gateway_order_id == samples.GATEWAY_ORDER


def test_an_unpaid_link_has_no_gateway_order_yet() -> None:
    event = parse_event(samples.payment_link_expired())
    assert event is not None and event.gateway_order_id is None
