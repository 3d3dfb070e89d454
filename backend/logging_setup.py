"""Logging for every process: one JSON line per record, structlog and stdlib alike, on stderr.

Phone numbers that slip into a message or a traceback are replaced by their hash, and the
bound parameters SQLAlchemy prints with a failed statement (message text, numbers) are cut.
"""

from __future__ import annotations

import logging
import os
import re
import sys
import threading
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


# structlog method name → stdlib level
_LEVELS = {
    "debug": logging.DEBUG,
    "info": logging.INFO,
    "warning": logging.WARNING,
    "error": logging.ERROR,
    "exception": logging.ERROR,
    "critical": logging.CRITICAL,
}


class _StderrLine:
    """structlog's logger: writes each rendered event as one line on the current sys.stderr.

    Named like the stdlib logger whose level it follows (see _drop_below_level).
    """

    _lock = threading.Lock()  # one line at a time from a threaded worker

    def __init__(self, name: str | None = None, *_: Any) -> None:
        self.name = name or "boloastro"
        self._levels = logging.getLogger(self.name)

    def enabled_for(self, method: str) -> bool:
        """Whether the stdlib logger of this name lets a record of this level through."""
        return not self._levels.disabled and self._levels.isEnabledFor(_LEVELS[method])

    def msg(self, line: str) -> None:
        with self._lock:
            sys.stderr.write(line + "\n")

    debug = info = warning = error = critical = exception = msg


def _drop_below_level(
    logger: Any, method: str, event_dict: MutableMapping[str, Any]
) -> MutableMapping[str, Any]:
    if not logger.enabled_for(method):
        raise structlog.DropEvent
    return event_dict


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
    rendering: list[Processor] = [
        # A plain traceback string: dict_tracebacks would add local variables (bodies).
        structlog.processors.format_exc_info,
        redact,
        structlog.processors.JSONRenderer(),
    ]
    # structlog's own events (a line per request) skip the stdlib machinery, which costs
    # several times the rendering; levels still come from the stdlib loggers of the same name.
    structlog.configure(
        processors=[
            _drop_below_level,
            *_shared(),
            structlog.processors.StackInfoRenderer(),
            *rendering,
        ],
        logger_factory=_StderrLine,
        wrapper_class=structlog.BoundLogger,
        cache_logger_on_first_use=True,
    )
    formatter = structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=[*_shared(), structlog.stdlib.ExtraAdder(), _drop_formatter_leftovers],
        processors=[structlog.stdlib.ProcessorFormatter.remove_processors_meta, *rendering],
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
