"""The path finder page: how are two entities linked, through what, and how sure are we?"""
from __future__ import annotations

from flask import Blueprint, render_template, request, url_for

from graph.paths import MAX_HOPS, MAX_K, find_paths, path_edge_ids, path_node_ids
from graph.views import build_view
from web import serialize
from web.i18n import current_lang
from web.params import _int, parse_path_params, parse_view_params
from web.store import get_store, resolver
from web.views.common import network_context
from werkzeug.datastructures import MultiDict

bp = Blueprint("paths", __name__)


@bp.get("/paths")
def page():
    store = get_store()
    graph = store.snapshot()
    lang = current_lang()
    context = {"result": None, "args": request.args, "max_k": MAX_K, "max_hops": MAX_HOPS,
               "type_choices": [(t, s.label.get(lang)) for t, s in store.ontology.node_types.items() if t != "Source"],
               "grades": [(c.id, c.label.get(lang)) for c in store.ontology.confidence]}
    if not (request.args.get("from") or request.args.get("to")):
        return render_template("paths.html", **context)
    query = parse_path_params(request.args, graph, store.ontology, resolver(store, graph))
    result = find_paths(graph, store.ontology, query)
    data = serialize.paths(graph, store.ontology, result, lang)
    chosen = _int(request.args, "path", 1, 1, max(1, len(result.paths))) if result.paths else 0
    context.update(result=result, data=data, chosen=chosen)
    if result.paths:
        selected = result.paths[chosen - 1]
        ids = path_node_ids(result)
        view = build_view(graph, store.ontology, ids, lang, highlight_nodes=frozenset(selected.nodes),
                          highlight_edges=frozenset(path_edge_ids(selected)), layout_threshold=10**9)
        args = request.args.to_dict(flat=False)
        args.pop("path", None)
        params = parse_view_params(MultiDict(), graph, store.ontology)
        context.update(network_context(view, graph, store.ontology, params, "paths.page", **args))
        context["path_urls"] = [url_for("paths.page", path=i, **args) for i in range(1, len(result.paths) + 1)]
        context["export_args"] = {k: v for k, v in args.items()}
    return render_template("paths.html", **context)
