"""JSON API, version 1: the same service functions as the pages, as data.

Errors are ``{"error": {"code", "message", "field"}}`` with 400, 404, 413 or 503 (see web/errors.py).
Requests that change something (overlays) must carry the header ``X-Nexus-Request: 1``: a cross-site
form cannot send it, so no other site can make a browser change data here.
"""
from __future__ import annotations

from flask import Blueprint, Response, current_app, jsonify, request

from graph.entities import entity_details
from graph.errors import InvalidInput, NotFound
from graph.exchange import FORMATS, export, subgraph
from graph.metrics import compute_metrics
from graph.paths import find_paths, path_edge_ids, path_node_ids
from graph.views import build_view, neighbourhood, overview_nodes, text_in
from web import serialize
from web.i18n import current_lang
from web.params import BadParameter, _int, parse_path_params, parse_view_params
from web.store import get_overlays, get_store, resolver


def exact_id(graph):
    """The API takes ids only (the pages also accept names): unknown ids are a 404 with suggestions."""
    return lambda text: text if text in graph else None

bp = Blueprint("api", __name__, url_prefix="/api/v1")
CHANGE_HEADER = "X-Nexus-Request"


def _graph():
    store = get_store()
    return store, store.snapshot()


def _require_entity(graph, ident: str) -> None:
    if ident not in graph:
        raise NotFound("entity", ident)


@bp.get("/search")
def search():
    store, graph = _graph()
    query = request.args.get("q", "").strip()
    if not query:
        raise BadParameter("q", "q (the text to search) is required.")
    limit = _int(request.args, "limit", 20, 1, 100)
    types = [t for t in request.args.getlist("type") if t]
    lang = current_lang()
    hits = store.search(query, types=types or None, limit=limit)
    return jsonify({"query": query, "results": [
        {"id": h.id, "type": h.type, "name": text_in(graph._node[h.id].get("name"), lang)[0], "matched": h.matched}
        for h in hits]})


@bp.get("/entities/<ident>")
def entity(ident: str):
    store, graph = _graph()
    _require_entity(graph, ident)
    return jsonify(serialize.entity(entity_details(graph, store.ontology, ident, current_lang())))


@bp.get("/entities/<ident>/neighbourhood")
def entity_neighbourhood(ident: str):
    store, graph = _graph()
    _require_entity(graph, ident)
    params = parse_view_params(request.args, graph, store.ontology, current_app.config["HUB_CAP"])
    ids, capped = neighbourhood(graph, ident, params.radius, params.filters, params.cap, params.expand)
    view = build_view(graph, store.ontology, ids, current_lang(), center=ident, radius=params.radius,
                      capped=capped, filters=params.filters, layout_threshold=params.layout_threshold)
    return jsonify(serialize.view(view))


@bp.get("/paths")
def paths():
    store, graph = _graph()
    query = parse_path_params(request.args, graph, store.ontology, exact_id(graph))
    result = find_paths(graph, store.ontology, query)
    return jsonify(serialize.paths(graph, store.ontology, result, current_lang()))


@bp.get("/metrics")
def metrics():
    store, graph = _graph()
    top = _int(request.args, "top", 50, 1, 500)
    m = compute_metrics(graph, top)
    lang = current_lang()

    def rows(items):
        return [{"id": r.id, "name": text_in(graph._node[r.id].get("name"), lang)[0], "value": r.value}
                for r in items]

    return jsonify({
        "degree": rows(m.degree), "betweenness": rows(m.betweenness),
        "betweenness_sample": m.betweenness_sampled, "seed": m.seed,
        "brokers": rows(m.brokers), "nexus_distance": m.baseline_distance,
        "communities": [list(c) for c in m.communities],
    })


def export_part(store, graph):
    """The part of the graph to export, from ``scope`` (graph, view or path) and its parameters."""
    scope = request.args.get("scope", "graph")
    if scope == "graph":
        return graph, "graph"
    if scope == "view":
        params = parse_view_params(request.args, graph, store.ontology, current_app.config["HUB_CAP"])
        center = request.args.get("center", "").strip()
        if center:
            _require_entity(graph, center)
            ids, _ = neighbourhood(graph, center, params.radius, params.filters, params.cap, params.expand)
        else:
            ids = overview_nodes(graph, params.filters)
        return subgraph(graph, ids), "view"
    if scope == "path":
        resolve = exact_id(graph) if request.path.startswith("/api/") else resolver(store, graph)
        result = find_paths(graph, store.ontology, parse_path_params(request.args, graph, store.ontology, resolve))
        index = request.args.get("index", "").strip()
        chosen = result.paths
        if index:
            position = _int(request.args, "index", 1, 1, max(1, len(result.paths)))
            chosen = result.paths[position - 1:position]
        edges = set().union(*(path_edge_ids(p) for p in chosen)) if chosen else set()
        ids = list(dict.fromkeys(n for p in chosen for n in p.nodes)) or path_node_ids(result)
        return subgraph(graph, ids, edges), "path"
    raise BadParameter("scope", "scope must be one of: graph, view, path.")


def download(store, graph) -> Response:
    fmt = request.args.get("format", "graphml")
    if fmt not in FORMATS:
        raise BadParameter("format", f"format must be one of: {', '.join(FORMATS)}.")
    part, scope = export_part(store, graph)
    mimetype, extension = FORMATS[fmt]
    response = Response(export(part, fmt, current_lang()), mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="nexus-{scope}.{extension}"'
    return response


@bp.get("/export")
def export_endpoint():
    store, graph = _graph()
    return download(store, graph)


# -- overlays -------------------------------------------------------------------------------------
def _overlay_json(overlay) -> dict:
    nodes, edges = overlay.counts
    return {"name": overlay.name, "shown": overlay.shown, "nodes": nodes, "edges": edges}


def _require_change_header() -> None:
    if request.headers.get(CHANGE_HEADER) != "1":
        raise BadParameter(CHANGE_HEADER, f"Changes need the header {CHANGE_HEADER}: 1.")


@bp.get("/overlays")
def overlays():
    return jsonify({"overlays": [_overlay_json(get_overlays().get(n)) for n in get_overlays().names()]})


@bp.post("/overlays")
def add_overlay():
    from web.views.exchange import import_overlay

    _require_change_header()
    overlay = import_overlay(request.form.get("name", ""), request.files.getlist("files"))
    return jsonify(_overlay_json(overlay)), 201


@bp.patch("/overlays/<name>")
def change_overlay(name: str):
    _require_change_header()
    body = request.get_json(silent=True)
    if not isinstance(body, dict) or not isinstance(body.get("shown"), bool):
        raise InvalidInput('Send a JSON object {"shown": true} or {"shown": false}.', "shown")
    return jsonify(_overlay_json(get_overlays().set_shown(name, body["shown"])))


@bp.delete("/overlays/<name>")
def delete_overlay(name: str):
    _require_change_header()
    get_overlays().remove(name)
    return "", 204


@bp.get("/openapi.json")
def openapi():
    from web.openapi import document

    return jsonify(document())
