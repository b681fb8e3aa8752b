"""Entity page: properties, description, sources, grouped neighbours and the network view."""
from __future__ import annotations

from flask import Blueprint, current_app, render_template, request, url_for
from flask_babel import gettext as _

from graph.entities import entity_details
from graph.errors import NotFound
from graph.views import build_view, neighbourhood
from web.i18n import current_lang
from web.params import parse_view_params, wants_table
from web.store import get_store
from web.views.common import network_context

bp = Blueprint("entity", __name__)


@bp.route("/entity/<ident>")
def show(ident: str):
    store = get_store()
    graph = store.snapshot()
    if ident not in graph:
        raise NotFound("entity", ident)
    lang = current_lang()
    params = parse_view_params(request.args, graph, store.ontology, current_app.config["HUB_CAP"])
    details = entity_details(graph, store.ontology, ident, lang)
    node_ids, capped = neighbourhood(graph, ident, params.radius, params.filters, params.cap, params.expand)
    view = build_view(graph, store.ontology, node_ids, lang, center=ident, radius=params.radius,
                      capped=capped, filters=params.filters, more_label=_("and %(count)s more", count="{count}"),
                      layout_threshold=params.layout_threshold)
    context = network_context(view, graph, store.ontology, params, "entity.show", ident=ident)
    if wants_table(request.args):
        return render_template("table.html", heading=details.name,
                               back_url=url_for("entity.show", ident=ident, **params.query()), **context)
    numbers = {s.id: i for i, s in enumerate(details.sources, start=1)}
    return render_template("entity.html", entity=details, graph=graph, source_numbers=numbers, **context)
