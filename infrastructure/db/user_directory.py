"""What payments need to know about users, read from the users table."""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import Connection, Executable, Table, bindparam, select, update

from infrastructure.db.models import UserRow

USERS = cast(Table, UserRow.__table__)

_BY_ID = select(USERS.c.phone, USERS.c.language, USERS.c.proactive_opt_out).where(
    USERS.c.id == bindparam("uid")
)
_ID_FOR_PHONE = select(USERS.c.id).where(USERS.c.phone == bindparam("phone"))
_SET_OPT_OUT = (
    update(USERS)
    .where(USERS.c.id == bindparam("uid"))
    .values(proactive_opt_out=bindparam("b_opt_out"))
)
_SET_LANGUAGE = (
    update(USERS).where(USERS.c.id == bindparam("uid")).values(language=bindparam("b_language"))
)


class SqlUserDirectory:
    """UserDirectory on the unit of work's connection; an unknown user id is a LookupError.

    A user's row is read once per transaction: a repository that already read it along with
    something else (an order) hands it over with `remember`. Every write to the columns it
    keeps goes through here, so the copy never outlives a change.
    """

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._rows: dict[int, Any] = {}

    def remember(self, user_id: int, row: Any) -> None:
        """A row with this user's phone, language and proactive_opt_out, read just now."""
        self._rows[user_id] = row

    def phone_of(self, user_id: int) -> str:
        """The user's E.164 number."""
        return str(self._row(user_id).phone)

    def language_of(self, user_id: int) -> str | None:
        """The user's chosen language, if any."""
        language = self._row(user_id).language
        return None if language is None else str(language)

    def user_id_for(self, phone: str) -> int | None:
        """The user with this number, if known."""
        user_id = self._conn.scalar(_ID_FOR_PHONE, {"phone": phone})
        return None if user_id is None else int(user_id)

    def set_proactive_opt_out(self, user_id: int, opted_out: bool) -> None:
        """STOP (True) or START (False) for proactive messages."""
        self._write(_SET_OPT_OUT, {"uid": user_id, "b_opt_out": opted_out})

    def set_language(self, user_id: int, language: str | None) -> None:
        """The language the user chose in the conversation."""
        self._write(_SET_LANGUAGE, {"uid": user_id, "b_language": language})

    def proactive_opt_out(self, user_id: int) -> bool:
        """True when the user said STOP."""
        return bool(self._row(user_id).proactive_opt_out)

    def _write(self, statement: Executable, values: dict[str, Any]) -> None:
        user_id = values["uid"]
        self._rows.pop(user_id, None)
        if self._conn.execute(statement, values).rowcount != 1:
            raise LookupError(f"no user {user_id}")

    def _row(self, user_id: int) -> Any:
        row = self._rows.get(user_id)
        if row is None:
            row = self._conn.execute(_BY_ID, {"uid": user_id}).first()
            if row is None:
                raise LookupError(f"no user {user_id}")
            self._rows[user_id] = row
        return row
