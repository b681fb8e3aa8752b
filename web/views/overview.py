"""The full graph at once (sources left out), with the same filters as entity views."""
from __future__ import annotations

from flask import Blueprint, current_app, render_template, request, url_for
from flask_babel import gettext as _

from graph.views import build_view, overview_nodes
from web.i18n import current_lang
from web.params import parse_view_params, wants_table
from web.store import get_store
from web.views.common import network_context

bp = Blueprint("overview", __name__)


@bp.route("/overview")
def show():
    store = get_store()
    graph = store.snapshot()
    params = parse_view_params(request.args, graph, store.ontology, current_app.config["HUB_CAP"])
    view = build_view(graph, store.ontology, overview_nodes(graph, params.filters), current_lang(),
                      filters=params.filters)
    context = network_context(view, graph, store.ontology, params, "overview.show")
    if wants_table(request.args):
        return render_template("table.html", heading=_("Overview of the whole graph"),
                               back_url=url_for("overview.show", **params.query()), **context)
    return render_template("overview.html", graph=graph, **context)
