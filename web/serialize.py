"""Domain results as JSON-ready dicts: the API returns them, and pages render the same objects."""
from __future__ import annotations

import dataclasses

import networkx as nx

from graph import entities
from graph.entities import EntityDetails
from graph.ontology import Ontology
from graph.paths import Path, PathResult, narrative
from graph.views import NetworkView, text_in


def entity(details: EntityDetails) -> dict:
    return dataclasses.asdict(details)


def view(network: NetworkView) -> dict:
    return {
        "center": network.center, "radius": network.radius, "lang": network.lang,
        "nodes": [n._asdict() for n in network.nodes],
        "edges": [e._asdict() for e in network.edges],
        "capped": [{"hub": h, "hidden": c} for h, c in network.capped],
        "positions": network.positions,
    }


def source_ref(graph: nx.MultiDiGraph, ident: str, lang: str) -> dict:
    """The same fields as an entity's sources (graph.entities.source_ref)."""
    return dataclasses.asdict(entities.source_ref(graph, ident, lang))


def path(graph: nx.MultiDiGraph, ontology: Ontology, p: Path, lang: str) -> dict:
    names = {n: text_in(graph._node[n].get("name"), lang)[0] or n for n in p.nodes}
    hops = []
    for hop in p.hops:
        hops.append({
            "from": hop.source, "to": hop.target, "weakest": hop.weakest,
            "evidence": [{
                "edge": e.edge_id, "type": e.type, "label": ontology.edge_types[e.type].label.get(lang),
                "forward": e.forward, "confidence": e.confidence, "period": e.period,
                "sources": [source_ref(graph, s, lang) for s in e.sources if s in graph],
            } for e in hop.evidence],
        })
    return {"length": p.length, "nodes": [{"id": n, "name": names[n], "type": graph._node[n]["type"]} for n in p.nodes],
            "sentence": narrative(graph, ontology, p, lang), "hops": hops}


def paths(graph: nx.MultiDiGraph, ontology: Ontology, result: PathResult, lang: str) -> dict:
    q = result.query
    return {
        "query": {"from": q.source, "to": q.target, "k": q.k, "max_hops": q.max_hops,
                  "min_confidence": q.min_confidence, "year": q.year, "avoid_types": sorted(q.avoid_types),
                  "avoid": sorted(q.avoid_nodes), "via_type": q.via_type, "via": q.via_node,
                  "direction": "ignore" if q.ignore_direction else "respect", "budget_ms": int(q.budget * 1000)},
        "paths": [path(graph, ontology, p, lang) for p in result.paths],
        "stopped_early": result.stopped_early, "more": result.more, "elapsed_ms": round(result.elapsed_ms, 1),
    }
