"""What a conversation step asks the application to do after it: things that need I/O.

Flow callbacks stay pure; they queue one of these and the application carries it out inside
the same unit of work, under the same conversation lock.
"""

from __future__ import annotations

from dataclasses import dataclass

from backend.domain.entitlements import Product


@dataclass(frozen=True)
class Buy:
    """Sell the product (or hand it over again when already owned)."""

    product: Product


@dataclass(frozen=True)
class RenewLink:
    """A fresh link for the purchase in progress ("retry", "new link")."""


@dataclass(frozen=True)
class CheckPayment:
    """The user wrote while a payment is pending: say where it stands."""


@dataclass(frozen=True)
class OpenQuestions:
    """Enter Q&A: show the credits left, or offer a pack."""


@dataclass(frozen=True)
class AskQuestion:
    """Answer the message as a question, spending one credit."""

    question: str


@dataclass(frozen=True)
class SetReminders:
    """STOP (off) or START (on) for proactive nudges."""

    on: bool


@dataclass(frozen=True)
class EraseMyData:
    """The user confirmed "delete my data": erase their personal data, keep the accounts."""


Command = Buy | RenewLink | CheckPayment | OpenQuestions | AskQuestion | SetReminders | EraseMyData
