"""Browse all entities of one type."""
from __future__ import annotations

from flask import Blueprint, abort, render_template

from graph.views import text_in
from web.i18n import current_lang
from web.store import get_store

bp = Blueprint("browse", __name__)


@bp.route("/browse/<type_name>")
def by_type(type_name: str):
    store = get_store()
    if type_name not in store.ontology.node_types:
        abort(404)
    graph = store.snapshot()
    lang = current_lang()
    rows = []
    for n, data in graph.nodes(data=True):
        if data["type"] == type_name:
            name, fallback = text_in(data.get("name"), lang)
            kind = data.get("kind") or data.get("domain")
            rows.append((n, name or n, fallback, store.ontology.enum_label(kind, lang) if kind else ""))
    rows.sort(key=lambda r: (r[1].casefold(), r[0]))
    return render_template("browse.html", type_name=type_name, node_type=store.ontology.node_types[type_name],
                           rows=rows)
