"""`boloastro admin-key create/revoke/list` against the same database the admin API uses."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask.testing import FlaskClient

from backend.api.app import create_app
from backend.bootstrap import Services, bootstrap
from backend.cli.main import main
from tests.support import TEST_AUTH_TOKEN, make_settings

ORDERS = "/admin/api/v1/orders?limit=1"
ENV_KEY = "ba_env_" + uuid.uuid4().hex
ENV_DIGEST = hashlib.sha256(ENV_KEY.encode()).hexdigest()


@pytest.fixture
def env(database_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """The environment `boloastro` reads: the test database and one key in ADMIN_API_KEYS."""
    monkeypatch.setenv("BOLOASTRO_ENV", "test")
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("TWILIO_AUTH_TOKEN", TEST_AUTH_TOKEN)
    monkeypatch.setenv("ADMIN_API_KEYS", f"from-env:{ENV_DIGEST}")
    return database_url


@pytest.fixture
def services(env: str) -> Iterator[Services]:
    """The web app's services on the same database (overrides conftest's)."""
    built = bootstrap(make_settings(env))
    yield built
    built.close()


@pytest.fixture
def api(services: Services) -> FlaskClient:
    return create_app(services).test_client()


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of one `boloastro` command."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def a_name() -> str:
    return f"ops-{uuid.uuid4().hex[:8]}"


def status_with(api: FlaskClient, key: str) -> int:
    return api.get(ORDERS, headers={"Authorization": f"Bearer {key}"}).status_code


def test_a_created_key_works_until_it_is_revoked(
    api: FlaskClient, services: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    name = a_name()
    code, out, err = run(capsys, "admin-key", "create", name)
    assert code == 0
    key = out.strip()
    assert out.count("\n") == 1 and key.startswith("ba_") and len(key) >= 40
    assert "will not be shown again" in err
    assert status_with(api, key) == 200
    assert services.admin is not None
    assert services.admin.audit.recent(1)[0].key_name == name

    code, out, _ = run(capsys, "admin-key", "revoke", name)
    assert code == 0 and f"'{name}' revoked at" in out
    assert status_with(api, key) == 401  # no restart needed
    code, out, _ = run(capsys, "admin-key", "revoke", name)
    assert code == 0 and "already revoked" in out


def test_only_the_hash_of_a_key_is_stored(env: str, capsys: pytest.CaptureFixture[str]) -> None:
    name = a_name()
    _, out, _ = run(capsys, "admin-key", "create", name)
    key = out.strip()
    engine = sa.create_engine(env)
    with engine.connect() as conn:
        row = conn.execute(sa.text("SELECT * FROM admin_keys WHERE name = :n"), {"n": name}).one()
    engine.dispose()
    assert row.key_sha256 == hashlib.sha256(key.encode()).hexdigest()
    assert key not in repr(tuple(row))


def test_list_shows_every_key_but_never_a_whole_hash(
    env: str, capsys: pytest.CaptureFixture[str]
) -> None:
    live, gone = a_name(), a_name()
    digests = []
    for name in (live, gone):
        _, out, _ = run(capsys, "admin-key", "create", name)
        digests.append(hashlib.sha256(out.strip().encode()).hexdigest())
    run(capsys, "admin-key", "revoke", gone)
    code, out, _ = run(capsys, "admin-key", "list")
    assert code == 0
    lines = {line.split()[0]: line.split() for line in out.splitlines()}
    assert lines["NAME"] == ["NAME", "SOURCE", "CREATED", "REVOKED", "FINGERPRINT"]
    assert lines["from-env"][1:] == ["env", "-", "-", ENV_DIGEST[:8]]
    assert lines[live][1] == "db" and lines[live][3] == "-"
    assert lines[gone][3] != "-" and lines[gone][4] == digests[1][:8]
    for digest in (ENV_DIGEST, *digests):
        assert digest not in out


@pytest.mark.parametrize("name", ["", "x" * 65, "two words", "a/b", "ключ", "from-env"])
def test_a_bad_or_taken_name_is_one_line_and_exit_2(
    env: str, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    code, out, err = run(capsys, "admin-key", "create", name)
    assert (code, out) == (2, "")
    assert err.startswith("boloastro: ") and err.count("\n") == 1


def test_a_duplicate_name_and_an_unknown_revoke_are_exit_2(
    env: str, capsys: pytest.CaptureFixture[str]
) -> None:
    name = a_name()
    assert run(capsys, "admin-key", "create", name)[0] == 0
    code, out, err = run(capsys, "admin-key", "create", name)
    assert (code, out) == (2, "") and "already exists" in err and err.count("\n") == 1
    code, _, err = run(capsys, "admin-key", "revoke", a_name())
    assert code == 2 and "no admin key named" in err
    code, _, err = run(capsys, "admin-key", "revoke", "from-env")
    assert code == 2 and "ADMIN_API_KEYS" in err
    assert run(capsys, "admin-key")[0] == 2
    assert run(capsys, "admin-key", "rotate", name)[0] == 2


def test_a_malformed_admin_api_keys_stops_with_one_line(
    env: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pasted = "ba_" + uuid.uuid4().hex
    monkeypatch.setenv("ADMIN_API_KEYS", f"from-env:{ENV_DIGEST},ops:{pasted}")
    code, out, err = run(capsys, "admin-key", "list")
    assert (code, out) == (2, "")
    assert "ADMIN_API_KEYS" in err and "entry 2" in err and err.count("\n") == 1
    assert pasted not in err  # a key pasted where its hash belongs is never echoed


def test_an_unmigrated_database_is_one_line_and_exit_1(
    env: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'empty.db'}")
    code, out, err = run(capsys, "admin-key", "create", a_name())
    assert (code, out) == (1, "")
    assert "migrated" in err and err.count("\n") == 1
