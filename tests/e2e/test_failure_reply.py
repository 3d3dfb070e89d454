"""A step that fails answers politely in the user's language and leaves nothing half-done."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from flask.testing import FlaskClient

from backend.bootstrap import Services
from bot_flows import catalog
from tests.whatsapp import ChatUser


class BrokenGazetteer:
    """A place lookup that fails the way a bug or a lost resource would."""

    def find(self, *_: object, **__: object) -> list[object]:
        raise RuntimeError("gazetteer index is gone")


def stored_bodies(services: Services, phone: str) -> list[str]:
    with services.unit_of_work() as uow:
        rows = uow.connection.execute(  # type: ignore[attr-defined]
            sa.text(
                "SELECT m.body FROM messages m JOIN users u ON u.id = m.user_id "
                "WHERE u.phone = :p AND m.direction = 'in' ORDER BY m.id"
            ),
            {"p": phone},
        )
        return [row.body for row in rows]


def test_a_failing_step_asks_to_resend_and_the_resend_works(
    client: FlaskClient, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = ChatUser(client)
    for text in ("hi", "2", "1", "आशा", "15/08/1990", "10:30 pm"):  # Hindi, Kundali, details
        user.send(text)
    working = services.gazetteer
    monkeypatch.setattr(services, "gazetteer", BrokenGazetteer())

    assert user.send("Mumbai") == [catalog.MESSAGES["hi"]["try_again"]]
    assert "Mumbai" not in stored_bodies(services, user.phone)  # rolled back, not half-applied

    monkeypatch.setattr(services, "gazetteer", working)
    assert "Mumbai" in user.say("Mumbai")
    assert stored_bodies(services, user.phone)[-1] == "Mumbai"
