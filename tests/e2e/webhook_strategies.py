"""Hypothesis strategies for tests/e2e/test_fuzz_webhooks.py: what hostile callers send.

Twilio forms (well-formed messages from a pool of users, so conversations move on, and
malformed ones), raw bodies of any bytes and size, odd headers, and Razorpay-shaped JSON with
values of every type and range.
"""

from __future__ import annotations

import uuid

from hypothesis import strategies as st

from tests.whatsapp import unique_phone

TEXT = st.text(max_size=120)  # any code point but surrogates: controls, NUL, emoji, RTL
# A header carries Latin-1 (not CR, LF or NUL, which no HTTP server lets through).
HEADER = st.text(st.characters(max_codepoint=255, exclude_characters="\r\n\x00"), max_size=90)
HUGE = st.builds(
    lambda char, n: char * n,
    st.sampled_from(["a", "अ", "😀", "\x00", "<&>", " "]),
    st.integers(4_000, 70_000),
)
# Words the bot acts on, so generated users walk into the menus, birth details and shop.
WORDS = [
    "hi",
    "1",
    "2",
    "3",
    "4",
    "5",
    "yes",
    "no",
    "menu",
    "back",
    "cancel",
    "help",
    "stop",
    "start",
    "language",
    "delete my data",
    "retry",
    "Asha",
    "15/08/1990",
    "10:30 pm",
    "Bombay",
    "don't know",
    "31/02/2020",
    "25:99",
]
VALUE = st.one_of(st.sampled_from(WORDS), st.sampled_from(WORDS), TEXT, TEXT, HUGE)
TWILIO_SID = st.builds(lambda: f"SM{uuid.uuid4().hex}")
SID = st.one_of(TWILIO_SID, TEXT, st.text("SMab01", min_size=60, max_size=300))
# A small pool of users, so their conversations move on from one example to the next.
USERS = st.sampled_from([f"whatsapp:{unique_phone()}" for _ in range(100)])
SENDER = st.one_of(USERS, st.from_regex(r"\Awhatsapp:\+[0-9]{0,20}\Z"), TEXT)
EXTRA = st.dictionaries(st.text(min_size=1, max_size=20), TEXT, max_size=4)
OPTIONAL = {"To": TEXT, "NumMedia": TEXT, "MediaUrl0": TEXT, "WaId": TEXT, "ProfileName": TEXT}
MESSAGE = st.builds(
    lambda known, extra: extra | known,
    st.fixed_dictionaries(
        {"MessageSid": TWILIO_SID, "From": USERS, "Body": VALUE}, optional=OPTIONAL
    ),
    EXTRA,
)
MALFORMED = st.builds(
    lambda known, extra: extra | known,
    st.fixed_dictionaries(
        {"MessageSid": SID, "From": SENDER}, optional={"Body": VALUE, **OPTIONAL}
    ),
    EXTRA,
)
STATUS_FORM = st.builds(
    lambda known, extra: extra | known,
    st.fixed_dictionaries(
        {"MessageSid": SID},
        optional={
            "MessageStatus": st.one_of(st.sampled_from(["sent", "delivered", "failed"]), TEXT),
            "ErrorCode": st.one_of(st.from_regex(r"\A[0-9]{1,20}\Z"), TEXT),
        },
    ),
    EXTRA,
)
RAW = st.one_of(
    st.binary(max_size=600),
    st.builds(lambda b, n: b * n, st.binary(min_size=1, max_size=4), st.integers(1, 80_000)),
)
CONTENT_TYPE = st.sampled_from(
    [
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "application/json",
        "text/plain",
        "application/x-www-form-urlencoded; charset=latin-1",
        "",
    ]
)
HEADERS = st.dictionaries(
    st.sampled_from(
        [
            "X-Twilio-Signature",
            "X-Razorpay-Signature",
            "X-Razorpay-Event-Id",
            "Content-Encoding",
            "Transfer-Encoding",
            "X-Forwarded-For",
            "I-Twilio-Idempotency-Token",
        ]
    ),
    HEADER,
    max_size=4,
)
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | VALUE,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
    max_leaves=12,
)
ENTITY = st.dictionaries(
    st.sampled_from(
        [
            "id",
            "amount",
            "amount_paid",
            "currency",
            "status",
            "order_id",
            "notes",
            "reference_id",
            "payment_id",
            "error_code",
            "short_url",
        ]
    ),
    st.one_of(JSON, st.integers(-(2**70), 2**70), st.dictionaries(st.just("order_id"), JSON)),
)
EVENT_NAMES = [
    "payment_link.paid",
    "payment_link.expired",
    "payment_link.cancelled",
    "payment.captured",
    "payment.failed",
    "payment.authorized",
    "order.paid",
    "refund.processed",
    "payment.dispute.created",
]
EVENT = st.fixed_dictionaries(
    {
        "event": st.one_of(st.sampled_from(EVENT_NAMES), TEXT),
        "created_at": st.one_of(st.integers(-(2**70), 2**70), JSON),
    },
    optional={
        "payload": st.dictionaries(
            st.sampled_from(["payment_link", "payment", "order", "refund", "dispute"]),
            st.one_of(st.fixed_dictionaries({"entity": ENTITY}), JSON),
        )
    },
)
EVENT_ID = st.one_of(st.none(), st.builds(lambda: f"evt_{uuid.uuid4().hex[:14]}"), HEADER)
