"""Render a :class:`graph.views.NetworkView` with pyvis, into data for our own template.

pyvis's ``add_node``/``add_edge`` check membership in lists (quadratic: ~7 s for 5,000 nodes and 10,000
edges) and its HTML template inlines unescaped text. We therefore fill the pyvis ``Network`` in one pass
(its ``nodes``, ``edges``, ``node_ids`` and ``node_map`` are plain lists and dicts) and let pyvis hold the
options; then the network is packed into compact arrays for the page (labels, line styles and tooltips
are rebuilt by ``static/network.js`` from per-type tables, so a 200-node page stays small). The page is
our autoescaped Jinja template, the data goes in as JSON (``tojson``), and the vis-network script and
stylesheet come from the installed pyvis package (see ``views/assets.py``).
"""
from __future__ import annotations

from dataclasses import dataclass
from operator import itemgetter

from pyvis.network import Network

from graph.ontology import Ontology
from graph.views import NetworkView

DASHES = {"confirmed": False, "probable": [8, 6], "possible": [2, 5]}
LABEL_INSIDE = {"box", "ellipse", "database", "text"}   # vis sizes these shapes to their label
EDGE_LABEL_LIMIT = 60                                   # beyond this, edge labels only in tooltips
MORE_COLOUR = "#FFFFFF"
NODE_FIELDS = ("id", "label", "group", "excerpt", "flags", "value", "x", "y")
EDGE_FIELDS = ("from", "to", "type", "confidence", "period", "sources", "highlight")
CENTER, FALLBACK = 1, 2


@dataclass(frozen=True)
class LegendEntry:
    type: str
    label: str
    colour: str
    shape: str


def group_options(ontology: Ontology) -> dict:
    groups = {}
    for name, t in ontology.node_types.items():
        group = {"color": {"background": t.colour, "border": "#333333",
                           "highlight": {"background": t.colour, "border": "#000000"}},
                 "shape": t.shape}
        if t.shape in LABEL_INSIDE:  # keep boxes compact: wrap long names
            group["widthConstraint"] = {"maximum": 150}
            group["font"] = {"size": 12, "color": "#000000" if t.colour != "#000000" else "#FFFFFF"}
        groups[name] = group
    groups["more"] = {"color": {"background": MORE_COLOUR, "border": "#333333"}, "shape": "box",
                      "borderWidth": 2, "shapeProperties": {"borderDashes": [4, 3]}}
    return groups


def to_pyvis(view: NetworkView, ontology: Ontology) -> Network:
    """A pyvis Network holding the view's nodes, edges and options. O(V + E)."""
    net = Network(height="640px", width="100%", directed=True, cdn_resources="local")
    positions = view.positions
    nodes = []
    for n in view.nodes:
        node = {"id": n.id, "label": n.label, "group": "more" if n.more else n.type,
                "excerpt": n.excerpt, "flags": (CENTER if n.center else 0) | (FALLBACK if n.fallback else 0),
                "value": n.value if n.value is not None else ""}
        if positions is not None:
            node["x"], node["y"] = positions[n.id]
        nodes.append(node)
    edges = [{"from": e.source, "to": e.target, "type": e.type, "confidence": e.confidence or "",
              "period": e.period, "sources": e.sources, "highlight": 1 if e.highlight else 0} for e in view.edges]
    net.nodes = nodes
    net.edges = edges
    net.node_ids = [n["id"] for n in nodes]
    net.node_map = {n["id"]: n for n in nodes}
    net.options = {
        "groups": group_options(ontology),
        "nodes": {"font": {"size": 14, "face": "sans-serif"}, "size": 18, "scaling": {"min": 8, "max": 48}},
        "edges": {"font": {"size": 11, "align": "middle", "strokeWidth": 3}, "color": {"color": "#555555"},
                  "smooth": False, "arrows": {"to": {"enabled": False, "scaleFactor": 0.6}}},
        "interaction": {"hover": True, "tooltipDelay": 150, "keyboard": {"enabled": True, "bindToWindow": False},
                        "navigationButtons": False},
        "physics": ({"enabled": True, "solver": "barnesHut",
                     "barnesHut": {"gravitationalConstant": -6000, "springLength": 160, "avoidOverlap": 0.4},
                     "stabilization": {"iterations": 250, "fit": True}}
                    if positions is None else {"enabled": False}),
        "layout": {"randomSeed": 7, "improvedLayout": len(nodes) <= 100},
    }
    return net


def payload(view: NetworkView, ontology: Ontology, words: dict[str, str]) -> dict:
    """What the page's script needs: the pyvis network's nodes, edges and options, packed as arrays,
    plus the per-type tables to rebuild labels, arrows, dashes and plain-text tooltips."""
    net = to_pyvis(view, ontology)
    lang = view.lang
    edge_types = sorted({e["type"] for e in net.edges} - {"more"})
    node_fields = NODE_FIELDS if view.positions is not None else NODE_FIELDS[:-2]
    node_row, edge_row = itemgetter(*node_fields), itemgetter(*EDGE_FIELDS)
    return {
        "nodeFields": node_fields, "edgeFields": EDGE_FIELDS,
        "nodes": [node_row(n) for n in net.nodes],
        "edges": [edge_row(e) for e in net.edges],
        "options": net.options,
        "physics": view.physics,
        "typeLabels": {t: spec.label.get(lang) for t, spec in ontology.node_types.items()},
        "edgeLabels": {t: ontology.edge_types[t].label.get(lang) for t in edge_types},
        "directed": [t for t in edge_types if ontology.edge_types[t].directed],
        "confidence": {c.id: c.label.get(lang) for c in ontology.confidence},
        "dashes": DASHES,
        "edgeLabelsShown": len(view.edges) <= EDGE_LABEL_LIMIT,
        "words": words,
    }


def legend(view: NetworkView, ontology: Ontology, lang: str) -> list[LegendEntry]:
    present = sorted({n.type for n in view.nodes if not n.more})
    return [LegendEntry(t, ontology.node_types[t].label.get(lang), ontology.node_types[t].colour,
                        ontology.node_types[t].shape) for t in present]
