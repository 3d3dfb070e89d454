"""The `boloastro` command over real processes and sockets: serve, migrate, chat --script."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from werkzeug.serving import make_server

from backend.api.app import create_app
from backend.bootstrap import bootstrap
from backend.cli.main import main
from tests.support import TEST_AUTH_TOKEN, make_settings


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def live_server(sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The app on a real socket, and the environment `boloastro chat` reads to sign for it."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    services = bootstrap(make_settings(sqlite_url, public_base_url=base))
    server = make_server("127.0.0.1", port, create_app(services), threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    monkeypatch.setenv("BOLOASTRO_ENV", "test")
    monkeypatch.setenv("PUBLIC_BASE_URL", base)
    monkeypatch.setenv("TWILIO_AUTH_TOKEN", TEST_AUTH_TOKEN)
    monkeypatch.setenv("DATABASE_URL", sqlite_url)
    yield base
    server.shutdown()
    services.close()


def test_chat_script_reaches_a_free_preview(
    live_server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    script = tmp_path / "chat.txt"
    script.write_text("hi\n1\n1\nAsha\n15 Aug 1990\n10.30 pm\nPune\nyes\n", encoding="utf-8")
    assert main(["chat", "--script", str(script), "--phone", "+919811100001"]) == 0
    out = capsys.readouterr().out
    assert "Free chart preview — Asha" in out
    assert "Lagna (ascendant):" in out and "Nakshatra:" in out


def test_chat_with_a_wrong_token_is_refused_by_the_server(
    live_server: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("TWILIO_AUTH_TOKEN", "not-the-server-token")
    script = tmp_path / "chat.txt"
    script.write_text("hi\n", encoding="utf-8")
    assert main(["chat", "--script", str(script)]) == 1
    assert "403" in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv",
    [
        ["chat", "--phone", "98100"],
        ["chat", "--script", "/no/such/file"],
        ["serve", "--port", "0"],
        ["no-such-command"],
        ["chart", "--dob", "1990-02-31", "--time", "10:00", "--place", "Pune"],
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("boloastro: ") and err.count("\n") == 1


def served(tmp_path: Path, *options: str) -> tuple[subprocess.Popen[str], int]:
    """`boloastro migrate`, then `boloastro serve` on a free port, answering /readyz."""
    port = free_port()
    env = {
        **os.environ,
        "BOLOASTRO_ENV": "test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'served.db'}",
        "TWILIO_AUTH_TOKEN": TEST_AUTH_TOKEN,
        "PUBLIC_BASE_URL": f"http://127.0.0.1:{port}",
    }
    command = [sys.executable, "-m", "backend.cli.main"]
    migrated = subprocess.run([*command, "migrate"], env=env, capture_output=True, text=True)
    assert migrated.returncode == 0, migrated.stderr
    server = subprocess.Popen(
        [*command, "serve", "--port", str(port), *options],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                ready = requests.get(f"http://127.0.0.1:{port}/readyz", timeout=1)
            except requests.ConnectionError:
                time.sleep(0.2)
                continue
            assert ready.status_code == 200 and ready.json()["checks"] == {"database": "ok"}
            return server, port
        raise AssertionError("boloastro serve did not answer /readyz within 30 s")
    except BaseException:
        server.kill()
        server.communicate(timeout=30)
        raise


def stop(server: subprocess.Popen[str]) -> str:
    """Stop the server the way a supervisor does; what it wrote to stderr."""
    server.terminate()
    return server.communicate(timeout=30)[1]


def test_migrate_then_serve_under_gunicorn(tmp_path: Path) -> None:
    server, _ = served(tmp_path, "--workers", "1")
    stderr = stop(server)
    # gunicorn's own lines too: one JSON object per line, nothing else.
    records = [json.loads(line) for line in stderr.splitlines()]
    assert any(r["logger"] == "gunicorn.error" and "Booting worker" in r["event"] for r in records)


def test_migrate_reports_an_unreachable_database_in_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("BOLOASTRO_ENV", "test")
    monkeypatch.setenv("TWILIO_AUTH_TOKEN", TEST_AUTH_TOKEN)
    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://nobody@127.0.0.1:1/none")
    assert main(["migrate"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("boloastro: cannot migrate") and err.count("\n") == 1
