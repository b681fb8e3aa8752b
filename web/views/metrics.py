"""Network metrics page: ranked tables, and a view of the top nodes sized by the chosen metric."""
from __future__ import annotations

from flask import Blueprint, render_template, request
from werkzeug.datastructures import MultiDict

from graph.metrics import compute_metrics
from graph.views import build_view, text_in
from web.i18n import current_lang
from web.params import _choice, _int, parse_view_params
from web.store import get_store
from web.views.common import network_context

bp = Blueprint("metrics", __name__)
VIEW_METRICS = ("degree", "betweenness", "broker")


@bp.get("/metrics")
def page():
    store = get_store()
    graph = store.snapshot()
    lang = current_lang()
    metric = _choice(request.args, "metric", VIEW_METRICS, "betweenness")
    top = _int(request.args, "top", 40, 5, 200)
    m = compute_metrics(graph, max(top, 50))
    ranked = [r for r in {"degree": m.degree, "betweenness": m.betweenness, "broker": m.brokers}[metric]][:top]
    view = build_view(graph, store.ontology, [r.id for r in ranked], lang,
                      values={r.id: r.value for r in ranked}, layout_threshold=10**9)

    def named(items, limit=20):
        return [(r.id, *text_in(graph._node[r.id].get("name"), lang), r.value) for r in items[:limit]]

    communities = [[(n, *text_in(graph._node[n].get("name"), lang)) for n in c[:12]] + ([("", f"+{len(c) - 12}", False)] if len(c) > 12 else [])
                   for c in m.communities[:10]]
    params = parse_view_params(MultiDict(), graph, store.ontology)
    context = network_context(view, graph, store.ontology, params, "metrics.page", metric=metric, top=top)
    return render_template("metrics.html", metric=metric, top=top, metrics=m,
                           degree=named(m.degree), betweenness=named(m.betweenness), brokers=named(m.brokers),
                           communities=communities, **context)
