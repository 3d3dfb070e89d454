"""Ports: what the application needs from storage, declared without naming a technology."""

from __future__ import annotations

import abc
from dataclasses import dataclass
from datetime import datetime
from types import TracebackType
from typing import Self

from backend.domain.conversation import Conversation
from backend.domain.payments.ledger_store import LedgerStore
from backend.domain.payments.ports import OrderRepository, Outbox, PaymentEventLog, UserDirectory
from backend.domain.profile import BirthProfile


class ConversationRepository(abc.ABC):
    """Conversations, one per WhatsApp number, locked while a message is applied."""

    @abc.abstractmethod
    def lock(self, phone: str, now: datetime, initial_state: str, flow: str) -> Conversation:
        """Fetch (creating if new) and lock the user's conversation until the unit ends."""

    @abc.abstractmethod
    def save(self, conversation: Conversation) -> None:
        """Write the conversation back; raises if another writer got there first."""

    @abc.abstractmethod
    def add_profile(self, user_id: int, profile: BirthProfile) -> int:
        """Store birth details that are not the user's own (a match's partners); their id,
        which is the id they had when the user entered exactly these details before."""

    @abc.abstractmethod
    def profile(self, profile_id: int) -> BirthProfile | None:
        """Saved birth details by id, read in this unit of work."""


class MessageLog(abc.ABC):
    """Inbound and outbound chat history; inbound messages are unique by provider id."""

    @abc.abstractmethod
    def record_inbound(self, user_id: int, message_sid: str, body: str, at: datetime) -> bool:
        """Record an inbound message; False when that MessageSid was already recorded."""

    @abc.abstractmethod
    def record_outbound(self, user_id: int, bodies: list[str], at: datetime) -> None:
        """Record the replies sent back."""


@dataclass(frozen=True)
class Erased:
    """How many rows an erasure removed or emptied, per kind (counts only: safe to log)."""

    profiles: int
    messages: int
    outbox: int
    orders: int


class PrivacyStore(abc.ABC):
    """Erasure of one user's personal data, keeping what accounting needs."""

    @abc.abstractmethod
    def erase(self, user_id: int, keep_message_sid: str) -> Erased:
        """Delete birth profiles and chat history, empty outbox messages, unlink orders.

        Orders, attempts, payment events and the ledger stay. The message keep_message_sid
        stays as an empty row, so a redelivery of the request is still seen as a duplicate.
        """


class UnitOfWork(abc.ABC):
    """One transaction: everything inside commits together or not at all."""

    conversations: ConversationRepository
    messages: MessageLog
    users: UserDirectory
    orders: OrderRepository
    payment_events: PaymentEventLog
    ledger: LedgerStore
    outbox: Outbox
    privacy: PrivacyStore

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.rollback()

    @abc.abstractmethod
    def commit(self) -> None:
        """Make the unit's changes durable."""

    @abc.abstractmethod
    def rollback(self) -> None:
        """Drop whatever was not committed."""


class ConcurrentUpdate(Exception):
    """Another writer changed the record between read and write; the caller may retry."""
