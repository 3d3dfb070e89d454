"""GET /source: where to get this service's source (AGPL-3.0 §13, as Swiss Ephemeris requires).

When no SOURCE_URL is configured the running code itself is offered as a tarball, so the
offer is always true for exactly the version that is serving.
"""

from __future__ import annotations

import io
import tarfile
from functools import lru_cache
from pathlib import Path

from flask import Blueprint, Response, current_app, jsonify

import backend

blueprint = Blueprint("source", __name__)
ROOT = Path(backend.__file__).resolve().parent.parent
PACKAGES = ("backend", "bot_flows", "infrastructure")
TOP_FILES = ("LICENSE", "README.md", "pyproject.toml", "Makefile", "wsgi.py")
ARCHIVE_PATH = "/source/boloastro-source.tar.gz"


@blueprint.get("/source")
def source() -> Response:
    """The licence and the address of the source code."""
    settings = current_app.extensions["boloastro"].settings
    archive_url = f"{settings.public_base_url}{ARCHIVE_PATH}"
    return jsonify(
        {"license": "AGPL-3.0-or-later", "source_url": settings.source_url or archive_url}
    )


@blueprint.get(ARCHIVE_PATH)
def archive() -> Response:
    """The running code as a gzip tarball."""
    return Response(
        _archive(),
        mimetype="application/gzip",
        headers={"Content-Disposition": "attachment; filename=boloastro-source.tar.gz"},
    )


@lru_cache(maxsize=1)
def _archive() -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        for name in (*PACKAGES, *TOP_FILES):
            path = ROOT / name
            if path.exists():
                tar.add(path, arcname=f"boloastro/{name}", filter=_no_bytecode)
    return buffer.getvalue()


def _no_bytecode(info: tarfile.TarInfo) -> tarfile.TarInfo | None:
    return None if "__pycache__" in info.name or info.name.endswith(".pyc") else info
