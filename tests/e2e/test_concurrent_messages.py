"""Several messages of one user arriving together over HTTP are all applied, one at a time."""

from __future__ import annotations

import threading

import sqlalchemy as sa
from flask import Flask

from backend.bootstrap import Services
from tests.whatsapp import ChatUser, message_form, post_signed, replies, unique_phone

N = 8


def test_concurrent_messages_of_one_user_are_all_applied(app: Flask, services: Services) -> None:
    phone = unique_phone()
    ChatUser(app.test_client(), phone).send("hi")
    start = threading.Barrier(N)
    answers: list[list[str]] = []
    statuses: list[int] = []

    def send(body: str) -> None:
        client = app.test_client()
        start.wait()
        response = post_signed(client, message_form(phone, body))
        statuses.append(response.status_code)
        answers.append(replies(response))

    threads = [threading.Thread(target=send, args=(f"{i}",)) for i in range(N)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert statuses == [200] * N
    assert all(answer for answer in answers), "every message got a reply"
    engine = sa.create_engine(services.settings.database_url)
    with engine.connect() as conn:
        version = conn.execute(
            sa.text(
                "SELECT c.version FROM conversations c JOIN users u ON u.id = c.user_id "
                "WHERE u.phone = :p"
            ),
            {"p": phone},
        ).scalar_one()
        inbound = conn.execute(
            sa.text(
                "SELECT COUNT(*) FROM messages m JOIN users u ON u.id = m.user_id "
                "WHERE u.phone = :p AND m.direction = 'in'"
            ),
            {"p": phone},
        ).scalar_one()
    engine.dispose()
    assert version == N + 1, "every message stepped the conversation exactly once"
    assert inbound == N + 1
