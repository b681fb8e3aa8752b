"""Entity details: everything an entity page (or the JSON API) shows about one node, in one language."""
from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from graph.ontology import Ontology
from graph.views import text_in

HIDDEN_PROPERTIES = ("type", "name", "description", "sources", "aliases", "objectives", "_overlay")


@dataclass(frozen=True)
class SourceRef:
    id: str
    title: str
    fallback: bool
    publisher: str
    date: str
    symbol: str
    url: str


@dataclass(frozen=True)
class Neighbour:
    id: str
    type: str
    name: str
    fallback: bool
    confidence: str | None
    edge_id: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class NeighbourGroup:
    edge_type: str
    outgoing: bool
    label: str                 # e.g. "merged into" (outgoing) / "← merged into" (incoming)
    neighbours: tuple[Neighbour, ...]


@dataclass(frozen=True)
class Property:
    name: str
    label: str
    value: str


@dataclass(frozen=True)
class EntityDetails:
    id: str
    type: str
    type_label: str
    name: str
    fallback: bool
    description: str
    description_fallback: bool
    objectives: str
    aliases: tuple[str, ...]
    confidence: str | None
    properties: tuple[Property, ...]
    sources: tuple[SourceRef, ...]
    groups: tuple[NeighbourGroup, ...]
    overlay: str | None = None          # the overlay this entity comes from, if any


def source_ref(graph: nx.MultiDiGraph, ident: str, lang: str) -> SourceRef:
    data = graph.nodes[ident]
    title, fallback = text_in(data.get("name"), lang)
    return SourceRef(ident, title, fallback, data.get("publisher", ""), data.get("date", ""),
                     data.get("symbol", ""), data.get("url", ""))


def _value(ontology: Ontology, graph: nx.MultiDiGraph, key: str, value, lang: str) -> str:
    if isinstance(value, list):
        return ", ".join(text_in(graph.nodes[v].get("name"), lang)[0] if v in graph else str(v) for v in value)
    if isinstance(value, dict) and ("from" in value or "to" in value):
        return f"{value.get('from', '…')} – {value.get('to', '…')}"
    if key == "confidence":
        return next((c.label.get(lang) for c in ontology.confidence if c.id == value), str(value))
    if isinstance(value, str) and value in ontology.enum_labels:
        return ontology.enum_label(value, lang)
    return str(value)


def entity_details(graph: nx.MultiDiGraph, ontology: Ontology, ident: str, lang: str = "en") -> EntityDetails:
    """Details of node ``ident``. Raises KeyError if absent. O(degree + sources)."""
    data = graph.nodes[ident]
    node_type = data["type"]
    name, fallback = text_in(data.get("name"), lang)
    description, description_fallback = text_in(data.get("description"), lang)
    objectives, _ = text_in(data.get("objectives"), lang)
    properties = tuple(
        Property(key, ontology.property_label(key, lang), _value(ontology, graph, key, value, lang))
        for key, value in data.items() if key not in HIDDEN_PROPERTIES and value not in (None, "", [], {})
    )
    cited = list(dict.fromkeys(data.get("sources") or ()))
    groups: dict[tuple[str, bool], list[Neighbour]] = {}
    for outgoing, adjacency in ((True, graph.succ[ident]), (False, graph.pred[ident])):
        for other, keyed in adjacency.items():
            for key, edge in keyed.items():
                other_data = graph.nodes[other]
                other_name, other_fallback = text_in(other_data.get("name"), lang)
                sources = tuple(edge.get("sources") or ())
                cited.extend(sources)
                groups.setdefault((edge["type"], outgoing), []).append(
                    Neighbour(other, other_data["type"], other_name or other, other_fallback,
                              edge.get("confidence"), key, sources))
    ordered = []
    for (edge_type, outgoing), members in sorted(groups.items(), key=lambda kv: (kv[0][0], not kv[0][1])):
        spec = ontology.edge_types[edge_type]
        label = spec.label.get(lang) if outgoing or not spec.directed else "← " + spec.label.get(lang)
        members.sort(key=lambda n: (ontology.confidence_rank(n.confidence), n.name.casefold(), n.id))
        ordered.append(NeighbourGroup(edge_type, outgoing, label, tuple(members)))
    sources = tuple(source_ref(graph, s, lang) for s in dict.fromkeys(cited) if s in graph)
    return EntityDetails(
        id=ident, type=node_type, type_label=ontology.node_types[node_type].label.get(lang), name=name or ident,
        fallback=fallback, description=description, description_fallback=description_fallback,
        objectives=objectives, aliases=tuple(data.get("aliases") or ()), confidence=data.get("confidence"),
        properties=properties, sources=sources, groups=tuple(ordered), overlay=data.get("_overlay"),
    )
