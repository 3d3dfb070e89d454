"""Logging for every process: one JSON line per record, structlog and stdlib alike, on stderr.

Phone numbers that slip into a message or a traceback are replaced by their hash, and the
bound parameters SQLAlchemy prints with a failed statement (message text, numbers) are cut.
"""

from __future__ import annotations

import logging
import os
import re
import sys
from collections.abc import MutableMapping
from typing import Any, TextIO

import structlog
from structlog.typing import Processor

from backend.domain.phone import phone_hash

DEFAULT_LEVEL = "INFO"
# Chatty at INFO: transitions logs each callback, the Twilio SDK each request's headers.
_QUIET = ("transitions", "twilio.http_client")
_PHONE = re.compile(r"(?:\+|%2[Bb])([1-9]\d{6,14})(?!\d)")
_SQL_PARAMETERS = re.compile(
    r"\[parameters: .*?\](?=\n\(Background on this error|\n\n|\n\Z|\Z)", re.DOTALL
)


class _CurrentStderr(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever sys.stderr is at the time (test capture, gunicorn's redirect)."""

    @property
    def stream(self) -> TextIO:
        return sys.stderr

    @stream.setter
    def stream(self, value: TextIO) -> None:
        pass  # always the current sys.stderr


def redact_text(text: str) -> str:
    """The text with phone numbers hashed and SQL parameter dumps removed."""
    text = _SQL_PARAMETERS.sub("[parameters: redacted]", text)
    return _PHONE.sub(lambda m: "phone#" + phone_hash("+" + m.group(1)), text)


def _redact(value: Any) -> Any:
    if isinstance(value, str):
        return redact_text(value)
    if isinstance(value, dict):
        return {key: _redact(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_redact(item) for item in value]
    return value


def redact(
    logger: Any, method: str, event_dict: MutableMapping[str, Any]
) -> MutableMapping[str, Any]:
    """structlog processor: the last line of defence against a number reaching the logs."""
    return {key: _redact(value) for key, value in event_dict.items()}


def _drop_formatter_leftovers(
    logger: Any, method: str, event_dict: MutableMapping[str, Any]
) -> MutableMapping[str, Any]:
    # Another handler (pytest's, say) may have formatted the record first: "event" says it.
    event_dict.pop("message", None)
    event_dict.pop("asctime", None)
    return event_dict


def _shared() -> list[Processor]:
    return [
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_log_level,
        structlog.stdlib.add_logger_name,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
    ]


def configure_logging(level: str | None = None) -> None:
    """Send all logging through one JSON formatter on stderr (LOG_LEVEL, default INFO).

    Safe to call more than once: the handler it installed before is replaced, others stay.
    """
    name = (level or os.environ.get("LOG_LEVEL") or DEFAULT_LEVEL).upper()
    numeric = logging.getLevelNamesMapping().get(name, logging.INFO)
    structlog.configure(
        processors=[
            structlog.stdlib.filter_by_level,
            *_shared(),
            structlog.processors.StackInfoRenderer(),
            structlog.stdlib.ProcessorFormatter.wrap_for_formatter,
        ],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )
    formatter = structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=[*_shared(), structlog.stdlib.ExtraAdder(), _drop_formatter_leftovers],
        processors=[
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            # A plain traceback string: dict_tracebacks would add local variables (bodies).
            structlog.processors.format_exc_info,
            redact,
            structlog.processors.JSONRenderer(),
        ],
    )
    handler = _CurrentStderr()
    handler.setFormatter(formatter)
    root = logging.getLogger()
    for old in [h for h in root.handlers if isinstance(h, _CurrentStderr)]:
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(numeric)
    for noisy in _QUIET:
        logging.getLogger(noisy).setLevel(max(numeric, logging.WARNING))


def is_configured() -> bool:
    """Whether configure_logging has installed its handler in this process."""
    return any(isinstance(h, _CurrentStderr) for h in logging.getLogger().handlers)
