"""Where the sandbox keeps its links: beside the app's data, never inside its transactions."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, make_url

from infrastructure.db.admin_models import SandboxLinkRow
from infrastructure.db.engine import build_engine


def sandbox_links_engine(database_url: str) -> Engine | None:
    """On SQLite, an engine on a file of its own; None where the app's database will do.

    SQLite has one writer at a time, and the sandbox plays an outside service that is called
    while a conversation's transaction holds that lock, so it cannot share the file.
    """
    url = make_url(database_url)
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    path = Path(url.database)
    own = url.set(database=str(path.with_name(f"{path.stem}-sandbox{path.suffix or '.db'}")))
    engine = build_engine(own.render_as_string(hide_password=False))
    SandboxLinkRow.metadata.create_all(engine, tables=[SandboxLinkRow.__table__])  # type: ignore[list-item]
    return engine
