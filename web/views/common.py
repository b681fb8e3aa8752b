"""Shared by the pages that draw a network: turn a view into template context."""
from __future__ import annotations

from flask import url_for

import networkx as nx
from flask_babel import gettext as _

from graph.ontology import Ontology
from graph.views import NetworkView, text_in
from web.network import legend, payload
from web.params import ViewParams


def network_context(view: NetworkView, graph: nx.MultiDiGraph, ontology: Ontology, params: ViewParams,
                    endpoint: str, **url_args) -> dict:
    """Template context for a network view: data for the script, legend, controls, expand links."""
    words = {"source": _("source"), "sources": _("sources"), "name": _("Name"), "type": _("Type"),
             "from": _("From"), "link": _("Link"), "to": _("To"), "confidence": _("Confidence"),
             "design": _("design link")}
    data = payload(view, ontology, words)
    expand_urls = {
        hub: url_for(endpoint, **url_args, **params.query(expand=list(params.expand) + [hub]))
        for hub, _count in view.capped
    }
    data["expandUrls"] = expand_urls
    data["entityUrl"] = url_for("entity.show", ident="__ID__")
    names = {n.id: n.label for n in view.nodes}
    return {
        **choices(graph, ontology, view.lang),
        "view": view,
        "graph_data": data,
        "legend": legend(view, ontology, view.lang),
        "params": params,
        "names": names,
        "link_count": sum(1 for e in view.edges if e.type != "more"),
        "table_url": url_for(endpoint, **url_args, **params.query(format="table")),
        "export_urls": [(fmt, url_for("exchange.download", format=fmt, scope="view",
                                      **({"center": view.center} if view.center else {}), **params.query()))
                        for fmt in ("graphml", "gexf", "json", "csv")],
        "expand_links": [(hub, names.get(hub, hub), count, expand_urls[hub]) for hub, count in view.capped],
    }


def choices(graph: nx.MultiDiGraph, ontology: Ontology, lang: str) -> dict:
    """Options of the view controls: node types, crime types and countries, sorted by label.
    Cached on the snapshot per language (one O(V) scan per data version, not per page)."""
    cache = graph.graph.setdefault("_derived", {})
    key = ("choices", lang)
    if key not in cache:
        cache[key] = _choices(graph, ontology, lang)
    return cache[key]


def _choices(graph: nx.MultiDiGraph, ontology: Ontology, lang: str) -> dict:
    def named(kind_test):
        rows = []
        for n, data in graph.nodes(data=True):
            if kind_test(data):
                label, fallback = text_in(data.get("name"), lang)
                rows.append((n, label or n, fallback))
        return sorted(rows, key=lambda r: (r[1].casefold(), r[0]))

    return {
        "type_choices": [(t, spec.label.get(lang)) for t, spec in ontology.node_types.items() if t != "Source"],
        "crime_choices": named(lambda d: d["type"] == "CrimeType"),
        "country_choices": named(lambda d: d["type"] == "Place" and d.get("kind") == "country"),
    }
