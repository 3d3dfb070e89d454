"""The embedded SQLite engine: several processes may open one new database file at once."""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path
from typing import Any

from infrastructure.db.engine import build_engine

ATTEMPTS = 20


def _open_and_write(database: Path, start: Any) -> None:
    """A process's first connection and write; its exit code says how that went."""
    start.wait()
    code = 0
    try:
        engine = build_engine(f"sqlite:///{database}")
        with engine.begin() as conn:
            conn.exec_driver_sql("CREATE TABLE IF NOT EXISTS seen (n INTEGER)")
            conn.exec_driver_sql("INSERT INTO seen VALUES (1)")
    except Exception:
        code = 1
    os._exit(code)  # a forked child: no test-runner clean-up of the parent's state


def test_processes_opening_a_new_database_at_once_all_get_in(tmp_path: Path) -> None:
    """Switching a new file to WAL races: SQLite refuses the loser at once ("database is
    locked") instead of waiting its busy timeout. `boloastro serve` and `worker` starting
    together on a fresh database died of it; measured here, in about two tries of five."""
    fork = multiprocessing.get_context("fork")  # started within microseconds of each other
    for attempt in range(ATTEMPTS):
        database = tmp_path / f"new-{attempt}.db"
        start = fork.Event()
        processes = [fork.Process(target=_open_and_write, args=(database, start)) for _ in "ab"]
        for process in processes:
            process.start()
        start.set()
        for process in processes:
            process.join(timeout=60)
        assert [p.exitcode for p in processes] == [0, 0], f"attempt {attempt}"
        engine = build_engine(f"sqlite:///{database}")
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("SELECT count(*) FROM seen").scalar() == 2
        engine.dispose()
