"""Home page: what the graph holds, counts by type, entry points; and the language switch."""
from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, current_app, redirect, render_template, request
from flask_babel import gettext as _

from web.i18n import COOKIE, COOKIE_AGE
from web.params import BadParameter
from web.store import get_store

bp = Blueprint("home", __name__)

ENTRY_POINTS = ("bamako-workshop-2017", "unsc-res-2195", "unsc-res-2349", "jnim", "unodc-sahel-programme",
                "smuggling-of-migrants", "trafficking-in-persons", "corruption")


@bp.route("/")
def index():
    store = get_store()
    graph = store.snapshot()
    counts = store.counts()["nodes"]
    ontology = store.ontology
    types = [(name, t.plural, counts.get(name, 0)) for name, t in ontology.node_types.items()]
    entries = [n for n in ENTRY_POINTS if n in graph]
    entities = sum(count for name, count in counts.items() if name != "Source")
    return render_template("home.html", types=types, entries=entries, graph=graph, entities=entities,
                           sources=counts.get("Source", 0), edges=graph.number_of_edges())


@bp.route("/lang/<code>")
def switch_language(code: str):
    if code not in current_app.config["LANGUAGES"]:
        raise BadParameter("lang", _("Unknown language “%(value)s”.", value=code))
    target = request.args.get("next", "/")
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        target = "/"  # only local redirects
    response = redirect(target)
    response.set_cookie(COOKIE, code, max_age=COOKIE_AGE, samesite="Lax", httponly=True)
    return response
