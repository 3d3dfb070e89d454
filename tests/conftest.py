"""Shared fixtures: settings, databases (SQLite and PostgreSQL), the app and signed requests.

Service-backed tests read TEST_DATABASE_URL / TEST_REDIS_URL; without them they are skipped
with a reason, and with REQUIRE_SERVICES=1 any skip fails the run.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient

from backend.api.app import create_app
from backend.bootstrap import Services, bootstrap
from infrastructure.db.engine import build_engine
from infrastructure.db.migrate import upgrade
from tests.support import make_settings

REQUIRE_SERVICES = os.environ.get("REQUIRE_SERVICES") == "1"


def need_service(variable: str) -> str:
    """The service URL from the environment, or skip (fail under REQUIRE_SERVICES=1)."""
    url = os.environ.get(variable)
    if url:
        return url
    message = f"{variable} is not set: this test needs the real service"
    if REQUIRE_SERVICES:
        pytest.fail(f"REQUIRE_SERVICES=1 but {message}")
    pytest.skip(message)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Under REQUIRE_SERVICES=1 a skipped test is a failure."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if REQUIRE_SERVICES and skipped and exitstatus == 0 and reporter is not None:
        reporter.write_line(f"REQUIRE_SERVICES=1: {len(skipped)} skipped test(s) count as failures")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture(scope="session")
def sqlite_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A migrated SQLite database file for this test run."""
    url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}"
    upgrade(url)
    return url


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A fresh schema in the test PostgreSQL database, migrated, dropped afterwards."""
    base = need_service("TEST_DATABASE_URL")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(base)
    with admin.begin() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    url = sa.engine.make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    rendered = url.render_as_string(hide_password=False)
    upgrade(rendered)
    yield rendered
    with admin.begin() as conn:
        conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest) -> str:
    """Each database-backed test runs on SQLite and on PostgreSQL."""
    name = "sqlite_url" if request.param == "sqlite" else "postgres_url"
    return str(request.getfixturevalue(name))


@pytest.fixture
def engine(database_url: str) -> Iterator[sa.Engine]:
    """An engine on the parametrised database, for repository tests."""
    built = build_engine(database_url)
    yield built
    built.dispose()


@pytest.fixture
def pg_engine(postgres_url: str) -> Iterator[sa.Engine]:
    """An engine on PostgreSQL, for tests that need row locks across connections."""
    built = build_engine(postgres_url)
    yield built
    built.dispose()


@pytest.fixture
def services(database_url: str) -> Iterator[Services]:
    """Real services on the parametrised database."""
    built = bootstrap(make_settings(database_url))
    yield built
    built.close()


@pytest.fixture
def app(services: Services) -> Flask:
    """The Flask app over real services."""
    return create_app(services)


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    """An HTTP client for the app."""
    return app.test_client()


@pytest.fixture
def project_root() -> Path:
    """The repository root."""
    return Path(__file__).resolve().parent.parent
