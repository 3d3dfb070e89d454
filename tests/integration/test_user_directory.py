"""The user directory on SQLite and PostgreSQL: numbers, languages and the STOP flag."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine

from infrastructure.db.unit_of_work import SqlAlchemyUnitOfWork
from tests.whatsapp import unique_phone

NO_SUCH_ID = 2_000_000_000  # far beyond any id a test run creates
NOW = datetime(2026, 11, 22, 6, 0, tzinfo=UTC)


def new_user(engine: Engine, language: str | None = None) -> tuple[int, str]:
    """A user created through the conversation store, with a language if given."""
    phone = unique_phone()
    with SqlAlchemyUnitOfWork(engine) as uow:
        conversation = uow.conversations.lock(phone, NOW, "new", "main")
        conversation.language = language
        uow.conversations.save(conversation)
        uow.commit()
    return conversation.user_id, phone


def test_a_user_is_found_by_number_and_id(engine: Engine) -> None:
    user_id, phone = new_user(engine, language="ta")
    plain_id, _ = new_user(engine)
    with SqlAlchemyUnitOfWork(engine) as uow:
        assert uow.users.user_id_for(phone) == user_id
        assert uow.users.user_id_for(unique_phone()) is None
        assert uow.users.phone_of(user_id) == phone
        assert uow.users.language_of(user_id) == "ta"
        assert uow.users.language_of(plain_id) is None


def test_stop_and_start_switch_proactive_messages(engine: Engine) -> None:
    user_id, _ = new_user(engine)
    with SqlAlchemyUnitOfWork(engine) as uow:
        assert uow.users.proactive_opt_out(user_id) is False
        uow.users.set_proactive_opt_out(user_id, True)
        uow.commit()
    with SqlAlchemyUnitOfWork(engine) as uow:
        assert uow.users.proactive_opt_out(user_id) is True
        uow.users.set_proactive_opt_out(user_id, False)
        uow.commit()
    with SqlAlchemyUnitOfWork(engine) as uow:
        assert uow.users.proactive_opt_out(user_id) is False


def test_stop_is_seen_at_once_by_the_transaction_that_read_the_user(engine: Engine) -> None:
    user_id, _ = new_user(engine, language="hi")
    with SqlAlchemyUnitOfWork(engine) as uow:
        assert uow.users.proactive_opt_out(user_id) is False
        uow.users.set_proactive_opt_out(user_id, True)
        assert uow.users.proactive_opt_out(user_id) is True
        assert uow.users.language_of(user_id) == "hi"


def test_a_language_chosen_in_the_conversation_is_seen_at_once(engine: Engine) -> None:
    user_id, phone = new_user(engine, language="hi")
    with SqlAlchemyUnitOfWork(engine) as uow:
        assert uow.users.language_of(user_id) == "hi"  # read, and kept for the transaction
        conversation = uow.conversations.lock(phone, NOW, "new", "main")
        conversation.language = "ta"
        uow.conversations.save(conversation)
        assert uow.users.language_of(user_id) == "ta"


def test_an_unknown_user_id_is_a_lookup_error(engine: Engine) -> None:
    new_user(engine)  # a real user exists; the one asked about does not
    with SqlAlchemyUnitOfWork(engine) as uow:
        for ask in (
            uow.users.phone_of,
            uow.users.language_of,
            uow.users.proactive_opt_out,
            lambda uid: uow.users.set_proactive_opt_out(uid, True),
        ):
            with pytest.raises(LookupError):
                ask(NO_SUCH_ID)
