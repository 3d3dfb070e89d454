"""The deployment files stay runnable: compose parses, commands exist, gunicorn settings agree.

Docker itself is not needed: the files are read as the tools would read them (YAML for
compose, the Dockerfile's instructions, gunicorn's Python config) and their commands are
parsed by the real `boloastro` command line.
"""

from __future__ import annotations

import gc
import json
import re
import runpy
from pathlib import Path
from typing import Any

import pytest
import yaml

from backend.cli.gunicorn_runner import gunicorn_options
from backend.cli.main import build_parser

SECRET_WORDS = re.compile(r"SECRET|TOKEN|PASSWORD|KEY|SID|DATABASE_URL", re.IGNORECASE)
LONG_RUNNING = ("postgres", "redis", "web", "worker")


@pytest.fixture
def compose(project_root: Path) -> dict[str, Any]:
    """deploy/compose.yaml, parsed (merge keys resolved, as compose resolves them)."""
    loaded: dict[str, Any] = yaml.safe_load((project_root / "deploy/compose.yaml").read_text())
    return loaded


def dockerfile(project_root: Path) -> dict[str, list[str]]:
    """The final stage's instructions: name → arguments (continuation lines joined)."""
    text = (project_root / "Dockerfile").read_text().replace("\\\n", " ")
    final = text[text.rindex("\nFROM ") :]
    found: dict[str, list[str]] = {}
    for line in final.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            name, _, rest = line.strip().partition(" ")
            found.setdefault(name, []).append(rest.strip())
    return found


def test_compose_has_the_five_services_with_health_checks(compose: dict[str, Any]) -> None:
    services = compose["services"]
    assert set(services) == {"postgres", "redis", "migrate", "web", "worker"}
    for name in LONG_RUNNING:
        check = services[name]["healthcheck"]
        assert check.get("test") and not check.get("disable"), name


def test_the_app_starts_only_after_the_migration(compose: dict[str, Any]) -> None:
    services = compose["services"]
    assert services["migrate"]["depends_on"]["postgres"]["condition"] == "service_healthy"
    for name in ("web", "worker"):
        after = services[name]["depends_on"]
        assert after["migrate"]["condition"] == "service_completed_successfully"
        assert after["redis"]["condition"] == "service_healthy"


def test_every_command_is_one_the_cli_accepts(compose: dict[str, Any], project_root: Path) -> None:
    services = compose["services"]
    expected = {"migrate": "migrate", "web": "serve", "worker": "worker"}
    for name, command in expected.items():
        argv = services[name]["command"]
        assert argv[0] == "boloastro", name
        assert build_parser().parse_args(argv[1:]).command == command
    cmd = json.loads(dockerfile(project_root)["CMD"][-1])
    args = build_parser().parse_args(cmd[1:])
    assert (cmd[0], args.command, args.host, args.port) == ("boloastro", "serve", "0.0.0.0", 8000)


def test_no_secret_is_written_into_compose(compose: dict[str, Any], project_root: Path) -> None:
    for name, service in compose["services"].items():
        inline = service.get("environment") or {}
        assert not [key for key in inline if SECRET_WORDS.search(key)], name
        if name != "redis":
            assert service["env_file"][0]["required"] is True, name
    for example in (project_root / "deploy").glob("*.env.example"):
        for line in example.read_text().splitlines():
            key, _, value = line.partition("=")
            if line and not line.startswith("#") and SECRET_WORDS.search(key):
                assert value == "" or "REPLACE_WITH" in value, f"{example.name}: {key}"


def test_the_image_runs_as_a_non_root_user_with_a_health_check(project_root: Path) -> None:
    steps = dockerfile(project_root)
    assert steps["FROM"] == ["python:3.11-slim"]
    assert steps["USER"] and not steps["USER"][-1].startswith(("root", "0"))
    assert "/healthz" in steps["HEALTHCHECK"][-1]
    ignored = (project_root / ".dockerignore").read_text().split()
    assert {".git", ".venv", "var", "*.env"} <= set(ignored)


def test_the_gunicorn_config_matches_boloastro_serve(
    project_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("WEB_HOST", "WEB_PORT", "WEB_WORKERS", "WEB_THREADS"):
        monkeypatch.delenv(name, raising=False)
    config = runpy.run_path(str(project_root / "deploy/gunicorn.conf.py"))
    for key, value in gunicorn_options("0.0.0.0", 8000, 2, 4).items():
        assert config[key] == value, key
    monkeypatch.setenv("WEB_WORKERS", "5")
    assert runpy.run_path(str(project_root / "deploy/gunicorn.conf.py"))["workers"] == 5


def test_the_workers_collections_leave_out_what_the_arbiter_built() -> None:
    built_before_fork: list[object] = []
    assert gc.is_tracked(built_before_fork)
    try:
        gunicorn_options("127.0.0.1", 8000, 2)["pre_fork"](None, None)
        walked = {id(obj) for obj in gc.get_objects()}  # what any collection would visit
        assert id(built_before_fork) not in walked
    finally:
        gc.unfreeze()
