"""Cypher console for analysts (Neo4j mode only): read-only, with a timeout and a row cap."""
from __future__ import annotations

from flask import Blueprint, current_app, render_template, request
from werkzeug.datastructures import MultiDict

from graph.console import parse_parameters, run_console
from graph.errors import InvalidInput
from graph.views import build_view
from web.i18n import current_lang
from web.params import parse_view_params
from web.store import get_store
from web.views.common import network_context

bp = Blueprint("console", __name__)

EXAMPLE = "MATCH (g:Actor {id: $id})-[r]-(n) RETURN g, r, n LIMIT 25"


@bp.route("/console")
def page():
    from graph.store.neo4j import Neo4jStore

    store = get_store()
    if not isinstance(store.base, Neo4jStore):
        return render_template("console.html", enabled=False)
    query = request.args.get("q", "")
    params_text = request.args.get("params", "")
    context: dict = {"enabled": True, "query": query or EXAMPLE, "params_text": params_text or '{"id": "jnim"}',
                     "result": None, "error": None}
    if query:
        try:
            parameters = parse_parameters(params_text)
            result = run_console(store.base, query, parameters, timeout=current_app.config["CONSOLE_TIMEOUT"],
                                 row_cap=current_app.config["CONSOLE_ROW_CAP"])
        except InvalidInput as exc:
            context["error"] = str(exc)
            return render_template("console.html", **context), 400
        context["result"] = result
        graph = store.snapshot()
        ids = [i for i in result.node_ids if i in graph]
        if ids:
            view_params = parse_view_params(MultiDict(), graph, store.ontology)
            view = build_view(graph, store.ontology, ids, current_lang())
            context.update(network_context(view, graph, store.ontology, view_params, "console.page",
                                           q=query, params=params_text))
    return render_template("console.html", **context)
