"""Splitting long text into WhatsApp-sized messages, in order, losing nothing."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from backend.domain.phone import InvalidPhoneNumber, parse_e164, phone_hash
from backend.domain.whatsapp_text import MAX_MESSAGE_CHARS, split_message


def test_short_text_is_one_message() -> None:
    assert split_message("  hello  ") == ["hello"]
    assert split_message("") == []


def test_long_text_splits_at_paragraphs() -> None:
    paragraphs = [f"Section {i}\n" + "word " * 150 for i in range(6)]
    parts = split_message("\n\n".join(paragraphs))
    assert len(parts) > 1
    assert all(len(p) <= MAX_MESSAGE_CHARS for p in parts)
    assert all(p.startswith("Section") for p in parts)


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=8000))
def test_parts_fit_and_keep_every_word_in_order(text: str) -> None:
    parts = split_message(text)
    assert all(0 < len(p) <= MAX_MESSAGE_CHARS for p in parts)
    assert "".join("".join(p.split()) for p in parts) == "".join(text.split())


def test_phone_numbers() -> None:
    assert parse_e164("whatsapp:+919812345678") == "+919812345678"
    assert parse_e164(" +14155238886 ") == "+14155238886"
    for bad in ("919812345678", "whatsapp:12345", "+0123456789", "+91 98123 45678", ""):
        try:
            parse_e164(bad)
        except InvalidPhoneNumber:
            continue
        raise AssertionError(f"accepted {bad!r}")
    assert len(phone_hash("+919812345678")) == 12
    assert phone_hash("+919812345678") != phone_hash("+919812345679")
