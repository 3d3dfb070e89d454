"""The conversation store on SQLite and PostgreSQL: round trips, locking, no lost updates."""

from __future__ import annotations

import threading
import time
from dataclasses import replace
from datetime import UTC, date, datetime
from datetime import time as clock_time

import pytest

from backend.bootstrap import Services
from backend.domain.profile import BirthProfile
from tests.whatsapp import unique_phone

NOW = datetime(2026, 11, 22, 6, 0, tzinfo=UTC)


def test_a_conversation_round_trips_with_its_profile(services: Services) -> None:
    phone = unique_phone()
    with services.unit_of_work() as uow:
        conv = uow.conversations.lock(phone, NOW, "new", "main")
        assert (conv.state, conv.version, conv.profile) == ("new", 0, None)
        conv.state = "menu"
        conv.language = "hi"
        conv.context["draft"] = {"name": "आशा"}
        conv.last_inbound_at = NOW
        conv.save_profile(
            BirthProfile(
                "आशा",
                date(1990, 8, 15),
                clock_time(22, 30),
                "Mumbai, Maharashtra, India",
                19.07,
                72.88,
                "Asia/Kolkata",
            )
        )
        uow.conversations.save(conv)
        uow.commit()
    with services.unit_of_work() as uow:
        again = uow.conversations.lock(phone, NOW, "new", "main")
    assert (again.state, again.language, again.version) == ("menu", "hi", 1)
    assert again.context == {"draft": {"name": "आशा"}}
    assert again.last_inbound_at == NOW and again.last_inbound_at.tzinfo is not None
    assert again.profile is not None and again.profile.birth_time == clock_time(22, 30)


@pytest.mark.parametrize("birth_time", [clock_time(6, 15), None], ids=["time", "no_time"])
def test_the_same_birth_details_keep_one_id_per_user(
    services: Services, birth_time: clock_time | None
) -> None:
    ravi = BirthProfile(
        "Ravi", date(1988, 3, 2), birth_time, "Mumbai, Maharashtra, India", 19.07, 72.88,
        "Asia/Kolkata",
    )  # fmt: skip
    with services.unit_of_work() as uow:
        user = uow.conversations.lock(unique_phone(), NOW, "new", "main").user_id
        other = uow.conversations.lock(unique_phone(), NOW, "new", "main").user_id
        first = uow.conversations.add_profile(user, ravi)
        again = uow.conversations.add_profile(user, ravi)
        renamed = uow.conversations.add_profile(user, replace(ravi, name="Ravi K"))
        moved = uow.conversations.add_profile(user, replace(ravi, latitude=19.08))
        theirs = uow.conversations.add_profile(other, ravi)
        uow.commit()
    assert again == first
    assert len({first, renamed, moved, theirs}) == 4


def test_nothing_is_kept_without_commit(services: Services) -> None:
    phone = unique_phone()
    with services.unit_of_work() as uow:
        conv = uow.conversations.lock(phone, NOW, "new", "main")
        conv.state = "menu"
        uow.conversations.save(conv)
    with services.unit_of_work() as uow:
        assert uow.conversations.lock(phone, NOW, "new", "main").state == "new"


def test_a_message_sid_is_recorded_once(services: Services) -> None:
    phone = unique_phone()
    sid = f"SM{phone[1:]}dup"
    with services.unit_of_work() as uow:
        conv = uow.conversations.lock(phone, NOW, "new", "main")
        assert uow.messages.record_inbound(conv.user_id, sid, "hi", NOW) is True
        uow.commit()
    with services.unit_of_work() as uow:
        conv = uow.conversations.lock(phone, NOW, "new", "main")
        assert uow.messages.record_inbound(conv.user_id, sid, "hi", NOW) is False


def test_two_writers_at_once_lose_nothing(services: Services) -> None:
    """Both threads read-modify-write the same conversation; the lock makes them take turns."""
    phone = unique_phone()
    with services.unit_of_work() as uow:
        uow.conversations.lock(phone, NOW, "new", "main")
        uow.commit()
    start = threading.Barrier(2)
    errors: list[BaseException] = []

    def append(item: str) -> None:
        try:
            start.wait()
            with services.unit_of_work() as uow:
                conv = uow.conversations.lock(phone, NOW, "new", "main")
                seen = list(conv.context.get("items", []))
                time.sleep(0.2)  # hold the lock long enough for the other writer to collide
                conv.context["items"] = [*seen, item]
                uow.conversations.save(conv)
                uow.commit()
        except BaseException as exc:  # surfaced below
            errors.append(exc)

    threads = [threading.Thread(target=append, args=(name,)) for name in ("a", "b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    with services.unit_of_work() as uow:
        final = uow.conversations.lock(phone, NOW, "new", "main")
    assert sorted(final.context["items"]) == ["a", "b"]
    assert final.version == 2


@pytest.mark.parametrize("n", [2])
def test_first_contact_from_two_threads_creates_one_user(services: Services, n: int) -> None:
    phone = unique_phone()
    start = threading.Barrier(n)
    ids: list[int] = []

    def first_contact() -> None:
        start.wait()
        with services.unit_of_work() as uow:
            ids.append(uow.conversations.lock(phone, NOW, "new", "main").user_id)
            uow.commit()

    threads = [threading.Thread(target=first_contact) for _ in range(n)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert len(ids) == n and len(set(ids)) == 1
