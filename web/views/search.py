"""Search by English or French name or alias, case- and accent-insensitive."""
from __future__ import annotations

from flask import Blueprint, render_template, request
from flask_babel import gettext as _

from web.params import BadParameter
from web.store import get_store

bp = Blueprint("search", __name__)
MAX_QUERY = 200


@bp.route("/search")
def results():
    store = get_store()
    query = request.args.get("q", "").strip()
    if len(query) > MAX_QUERY:
        raise BadParameter("q", _("The search text is too long (at most %(n)d characters).", n=MAX_QUERY))
    types = [t for t in request.args.getlist("type") if t]
    for value in types:
        if value not in store.ontology.node_types:
            raise BadParameter("type", _("Unknown type “%(value)s”.", value=value))
    hits = store.search(query, types=types or None, limit=50) if query else []
    graph = store.snapshot()
    return render_template("search.html", query=query, hits=hits, graph=graph, selected_types=types)
