"""configure_logging: JSON lines for stdlib and structlog records, numbers and SQL params cut."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from typing import Any

import pytest
import structlog
from sqlalchemy.exc import IntegrityError

from backend.domain.phone import phone_hash
from backend.logging_setup import configure_logging, redact_text

PHONE = "+919812345678"
BODY = "my birth secret"


@pytest.fixture(autouse=True)
def _back_to_default() -> Iterator[None]:
    """Each test sets its own level; later tests get the app's default again."""
    yield
    configure_logging()


def lines(capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    return [json.loads(line) for line in capsys.readouterr().err.splitlines() if line.strip()]


def test_a_stdlib_traceback_loses_the_number_and_the_sql_parameters(
    capsys: pytest.CaptureFixture[str],
) -> None:
    configure_logging("INFO")
    error = IntegrityError(
        "INSERT INTO messages (phone, body) VALUES (?, ?)",
        (PHONE, BODY),
        Exception("UNIQUE constraint failed"),
    )

    try:
        raise error
    except IntegrityError:
        logging.getLogger("test.sql").exception("write failed for %s", PHONE, extra={"n": 3})

    [record] = lines(capsys)
    text = json.dumps(record)
    assert PHONE not in text and PHONE[1:] not in text and BODY not in text
    assert record["event"] == f"write failed for phone#{phone_hash(PHONE)}"
    assert "[parameters: redacted]" in record["exception"]
    assert "INSERT INTO messages" in record["exception"]  # the statement itself stays
    assert record["level"] == "error" and record["logger"] == "test.sql" and record["n"] == 3


def test_structlog_events_are_json_too_and_below_the_level_are_dropped(
    capsys: pytest.CaptureFixture[str],
) -> None:
    configure_logging("WARNING")
    log = structlog.stdlib.get_logger("test.native")

    log.info("quiet")
    log.warning("loud", to=f"whatsapp:{PHONE}", items=[PHONE])

    [record] = lines(capsys)
    assert record["event"] == "loud" and record["level"] == "warning"
    assert record["to"] == f"whatsapp:phone#{phone_hash(PHONE)}"
    assert record["items"] == [f"phone#{phone_hash(PHONE)}"]


def test_configuring_twice_keeps_one_handler(capsys: pytest.CaptureFixture[str]) -> None:
    configure_logging()
    configure_logging()

    logging.getLogger("test.once").warning("once")

    assert [r["event"] for r in lines(capsys)] == ["once"]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("at 2024-01-01T10:00:00+05:30 took 1234567 ms", True),
        ("order 1700000000 paid", True),
        ("GET /orders?phone=%2B919812345678", False),
    ],
)
def test_only_phone_shaped_text_is_redacted(text: str, kept: bool) -> None:
    assert (redact_text(text) == text) is kept
