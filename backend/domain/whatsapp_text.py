"""WhatsApp's message size rule: no message over 1600 characters, long text split in order."""

from __future__ import annotations

MAX_MESSAGE_CHARS = 1600


def split_message(text: str, limit: int = MAX_MESSAGE_CHARS) -> list[str]:
    """Split text into parts of at most `limit` characters, at paragraph, line or word breaks."""
    text = text.strip()
    if len(text) <= limit:
        return [text] if text else []
    parts: list[str] = []
    rest = text
    while len(rest) > limit:
        cut = _best_cut(rest, limit)
        parts.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest:
        parts.append(rest)
    return parts


def _best_cut(text: str, limit: int) -> int:
    window = text[:limit]
    # Prefer the latest paragraph, then line, then word break in the second half of the window.
    for sep in ("\n\n", "\n", " "):
        at = window.rfind(sep)
        if at >= limit // 2:
            return at + len(sep)
    return limit
