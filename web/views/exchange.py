"""Export (GraphML, GEXF, JSON, CSV) and import of analysts' case data as overlays."""
from __future__ import annotations

from pathlib import PurePath

from flask import Blueprint, redirect, render_template, request, url_for
from flask_babel import gettext as _
from werkzeug.datastructures import FileStorage

from graph.errors import DatasetError, InvalidInput, Problem
from graph.exchange import records_from_csv, records_from_graphml
from graph.overlays import Overlay
from web import csrf
from web.store import get_base_store, get_overlays, get_store

bp = Blueprint("exchange", __name__)


def import_overlay(name: str, files: list[FileStorage]) -> Overlay:
    """Validate uploaded CSV (nodes and/or edges) or GraphML files and add them as overlay ``name``.
    Raises InvalidInput / DatasetError listing every problem; nothing is imported on any error."""
    files = [f for f in files if f and f.filename]
    if not files:
        raise InvalidInput(_("Choose one or more files: nodes.csv and edges.csv, or a .graphml file."), "files")
    ontology = get_store().ontology
    problems: list[Problem] = []
    csv_files: dict[str, bytes] = {}
    records = []
    for upload in files:
        filename = PurePath(upload.filename).name
        data = upload.read()
        suffix = PurePath(filename).suffix.lower()
        if suffix == ".csv":
            csv_files[filename] = data
        elif suffix in (".graphml", ".xml"):
            records += records_from_graphml(data, filename, ontology, problems)
        else:
            raise InvalidInput(_("“%(name)s” is not a CSV or GraphML file.", name=filename), "files")
    if csv_files:
        records += records_from_csv(csv_files, ontology, problems)
    if problems and not records:
        raise DatasetError(problems)
    return get_overlays().add(name.strip(), records, problems, get_base_store())


@bp.get("/export")
def download():
    from web.views.api import download as make_download

    store = get_store()
    return make_download(store, store.snapshot())


@bp.route("/import", methods=["GET", "POST"])
def page():
    overlays = get_overlays()
    if request.method == "POST":
        csrf.check()
        action = request.form.get("action", "import")
        name = request.form.get("name", "")
        if action == "import":
            import_overlay(name, request.files.getlist("files"))
        elif action in ("show", "hide"):
            overlays.set_shown(name, action == "show")
        elif action == "remove":
            overlays.remove(name)
        else:
            raise InvalidInput(_("Unknown action."), "action")
        return redirect(url_for("exchange.page"), code=303)
    items = [overlays.get(n) for n in overlays.names()]
    return render_template("import.html", overlays=items)
