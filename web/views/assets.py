"""vis-network's script and stylesheet, served from the installed pyvis package (never a CDN)."""
from __future__ import annotations

from pathlib import Path

import pyvis
from flask import Blueprint, abort, send_from_directory

VIS_VERSION = "9.1.2"
VIS_DIR = Path(pyvis.__file__).resolve().parent / "lib" / f"vis-{VIS_VERSION}"
FILES = {"vis-network.min.js", "vis-network.css"}
ONE_YEAR = 365 * 24 * 3600

bp = Blueprint("assets", __name__)


@bp.route(f"/vendor/vis-network/{VIS_VERSION}/<name>")
def vis(name: str):
    """Cacheable for a year: the version is in the path, so an upgrade changes the URL."""
    if name not in FILES:
        abort(404)
    response = send_from_directory(VIS_DIR, name, max_age=ONE_YEAR)
    response.headers["Cache-Control"] = f"public, max-age={ONE_YEAR}, immutable"
    return response
