"""After the scale test: does the database hold every effect exactly once?

Compares what the simulated users did (their records) and what the Twilio stub received with
the rows in PostgreSQL; every difference is a violation, reported in one line.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from scale_twilio_stub import StubMessage
from scale_users import Record

PRODUCT = {"report": "kundali", "report-retry": "kundali", "questions": "qna", "match": "milan"}
QNA_PACK = 4
FINAL = ("sent", "done")
RECEIPT = re.compile(r"received — thank you! \(order #(\d+)\)")


def rows(conn: sa.Connection, sql: str) -> list[Any]:
    """All rows of a query."""
    return list(conn.execute(sa.text(sql)))


def check(
    database_url: str, records: Sequence[Record], stub: Sequence[StubMessage]
) -> tuple[dict[str, int], list[str]]:
    """The counts to print and the violations found."""
    engine = sa.create_engine(database_url)
    try:
        with engine.connect() as conn:
            counts, problems = _messages(conn, records)
            for part in (_orders_and_ledger, _outbox, _events):
                more_counts, more_problems = part(conn, records, stub)
                counts |= more_counts
                problems += more_problems
    finally:
        engine.dispose()
    return counts, problems


def _messages(conn: sa.Connection, records: Sequence[Record]) -> tuple[dict[str, int], list[str]]:
    """Each inbound MessageSid stored once; each reply the user saw stored once."""
    inbound = Counter(
        {sid: n for sid, n in rows(conn, _GROUPED.format(col="message_sid", dir="in"))}
    )
    replies = dict(rows(conn, _REPLIES))
    sent = [sid for r in records for sid in r.sids]
    problems = [
        f"MessageSid {sid} stored {inbound[sid]} times" for sid in sent if inbound[sid] != 1
    ]
    extra = set(inbound) - set(sent)
    if extra:
        problems.append(f"{len(extra)} inbound messages nobody sent")
    for r in records:
        if replies.get(r.phone, 0) != r.replies:
            problems.append(
                f"{r.phone}: {replies.get(r.phone, 0)} replies stored, {r.replies} seen"
            )
    counts = {"inbound messages": sum(inbound.values()), "replies": sum(replies.values())}
    return counts, problems


def _orders_and_ledger(
    conn: sa.Connection, records: Sequence[Record], stub: Sequence[StubMessage]
) -> tuple[dict[str, int], list[str]]:
    """One paid order per buyer, one grant per paid order, credits and uses as bought."""
    paid = {phone: (oid, product) for oid, phone, product in rows(conn, _PAID_ORDERS)}
    per_phone = Counter(phone for _oid, phone, _product in rows(conn, _PAID_ORDERS))
    grants = Counter(
        key for (key,) in rows(conn, "SELECT key FROM entitlement_ledger WHERE kind = 'grant'")
    )
    uses = {(phone, product): n for phone, product, n in rows(conn, _CONSUMED)}
    problems = []
    for r in records:
        if per_phone[r.phone] != 1 or paid.get(r.phone, (0, ""))[1] != PRODUCT[r.kind]:
            problems.append(f"{r.phone} ({r.kind}): {per_phone[r.phone]} paid orders")
            continue
        order_id, product = paid[r.phone]
        if grants[f"grant:{order_id}"] != 1:
            problems.append(f"order {order_id}: {grants[f'grant:{order_id}']} grants")
        used = uses.get((r.phone, product), 0)
        if used != 1:  # the report or match delivered, or the one question asked
            problems.append(f"order {order_id} ({product}): used {used} times, expected 1")
    if sum(grants.values()) != len(paid):
        problems.append(f"{sum(grants.values())} grants for {len(paid)} paid orders")
    counts = {
        "paid orders": len(paid),
        "grants": sum(grants.values()),
        "credits used": sum(uses.values()),
        "qna credits left": sum(
            QNA_PACK - uses.get((r.phone, "qna"), 0) for r in records if r.kind == "questions"
        ),
    }
    return counts, problems


def _outbox(
    conn: sa.Connection, records: Sequence[Record], stub: Sequence[StubMessage]
) -> tuple[dict[str, int], list[str]]:
    """Every notification sent once through the stub; one receipt per paid order."""
    outbox = rows(conn, "SELECT dedupe_key, status, provider_sid FROM outbox")
    # "done": an internal job the worker carried out (no message of its own).
    problems = [f"outbox {key} is {status}" for key, status, _sid in outbox if status not in FINAL]
    by_sid = Counter(m.sid for m in stub)
    provider = Counter(sid for _key, _status, sid in outbox if sid)
    for sid in set(by_sid) | set(provider):
        if by_sid[sid] != 1 or provider[sid] != 1:
            problems.append(f"message {sid}: stub {by_sid[sid]}, outbox {provider[sid]}")
    receipts = Counter(int(m.group(1)) for s in stub if (m := RECEIPT.search(s.body)))
    paid = [oid for (oid,) in rows(conn, "SELECT id FROM orders WHERE status = 'paid'")]
    problems += [f"order {o}: {receipts[o]} receipts" for o in paid if receipts[o] != 1]
    failed = sum(1 for key, _s, _p in outbox if key.startswith("failed:"))
    if failed != sum(r.failed for r in records):
        problems.append(f"{failed} failure notices for {sum(r.failed for r in records)} failures")
    counts = {
        "outbox rows": len(outbox),
        "  of them internal jobs (done)": sum(status == "done" for _k, status, _s in outbox),
        "stub messages": len(stub),
        "receipts": sum(receipts.values()),
        "failure notices": failed,
    }
    return counts, problems


def _events(
    conn: sa.Connection, records: Sequence[Record], stub: Sequence[StubMessage]
) -> tuple[dict[str, int], list[str]]:
    """Each sandbox event recorded once although delivered twice; none failed."""
    statuses = Counter(dict(rows(conn, _GROUPED_EVENTS)))
    delivered = sum(r.webhooks[1] for r in records)
    acknowledged = sum(r.webhooks[0] for r in records)
    problems = []
    if 2 * sum(statuses.values()) != delivered:  # chaos sends every event twice
        problems.append(f"{sum(statuses.values())} events recorded from {delivered} deliveries")
    if statuses["error"] or statuses["unmatched"] or statuses["received"]:
        problems.append(f"payment events not applied: {dict(statuses)}")
    counts = {
        "webhook deliveries": delivered,
        "  of them without a 2xx within the sandbox's 5 s": delivered - acknowledged,
        "payment events": sum(statuses.values()),
    }
    return counts, problems


_GROUPED = "SELECT {col}, count(*) FROM messages WHERE direction = '{dir}' GROUP BY {col}"
_REPLIES = (
    "SELECT u.phone, count(*) FROM messages m JOIN users u ON u.id = m.user_id "
    "WHERE m.direction = 'out' GROUP BY u.phone"
)
_PAID_ORDERS = (
    "SELECT o.id, u.phone, o.product FROM orders o JOIN users u ON u.id = o.user_id "
    "WHERE o.status = 'paid'"
)
_CONSUMED = (
    "SELECT u.phone, l.product, count(*) FROM entitlement_ledger l "
    "JOIN users u ON u.id = l.user_id WHERE l.kind = 'consume' GROUP BY u.phone, l.product"
)
_GROUPED_EVENTS = "SELECT status, count(*) FROM payment_events GROUP BY status"
