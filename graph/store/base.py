"""The store interface every backend implements (embedded in-memory, Neo4j).

A backend supplies a few primitives (look-ups, an atomic apply, a version counter); this base class
builds the public API on them: validated writes that change nothing when they fail, a networkx
snapshot cached by store version, and name search over that snapshot.
"""
from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from collections import Counter
from typing import Any, Iterable

import networkx as nx

from graph.dataset import Dataset, Edge, Node, Validator, derived_edges, edge_id
from graph.errors import InvalidInput, NotFound
from graph.ontology import Ontology
from graph.records import RawRecord
from graph.search import NameIndex, SearchHit

INPUT = "<input>"


class GraphStore(ABC):
    """Read the graph, look up and search entities, and write validated nodes and edges."""

    def __init__(self, ontology: Ontology):
        self.ontology = ontology
        self._cache_lock = threading.Lock()
        self._cached_version: int | None = None
        self._cached_graph: nx.MultiDiGraph | None = None
        self._cached_index: NameIndex | None = None

    # -- primitives a backend implements ------------------------------------------------------
    @abstractmethod
    def version(self) -> int:
        """A number that changes whenever the stored graph changes."""

    @abstractmethod
    def _nodes(self, ids: Iterable[str]) -> dict[str, Node]:
        """The stored nodes among ``ids`` (missing ones are simply absent)."""

    @abstractmethod
    def _edge(self, ident: str) -> Edge | None:
        """The stored edge with this id, or None."""

    @abstractmethod
    def _incident_edges(self, node_id: str) -> list[Edge]:
        """Every stored edge (derived ones included) with ``node_id`` at either end."""

    @abstractmethod
    def _referrers(self, node_id: str) -> tuple[list[Node], list[Edge]]:
        """Nodes whose reference properties, and edges whose sources, name ``node_id``."""

    @abstractmethod
    def _apply(self, put_nodes: list[Node], delete_nodes: list[str],
               put_edges: list[Edge], delete_edges: list[str]) -> None:
        """Apply one change atomically: deletions first, then puts."""

    @abstractmethod
    def _everything(self) -> tuple[Iterable[Node], Iterable[Edge]]:
        """All stored nodes and edges, for building a snapshot."""

    def close(self) -> None:
        """Release connections; the embedded store holds none."""

    # -- reads --------------------------------------------------------------------------------
    def snapshot(self) -> nx.MultiDiGraph:
        """The whole graph as a frozen MultiDiGraph (node attrs: type + props; edge key: edge id).

        Cached by :meth:`version`: rebuilt only after a write. Cost of a rebuild O(V + E)."""
        self._refresh_cache()
        return self._cached_graph

    def _refresh_cache(self) -> None:
        version = self.version()
        if self._cached_version == version:
            return
        with self._cache_lock:
            if self._cached_version == version:
                return
            nodes, edges = self._everything()
            dataset = Dataset(self.ontology, {n.id: n for n in nodes}, {e.id: e for e in edges})
            graph = nx.freeze(dataset.to_networkx())
            index = NameIndex((n.id, n.type, n.props) for n in dataset.nodes.values())
            self._cached_graph, self._cached_index, self._cached_version = graph, index, version

    def get_node(self, node_id: str) -> Node:
        node = self._nodes([node_id]).get(node_id)
        if node is None:
            raise NotFound("node", node_id)
        return node

    def get_edge(self, ident: str) -> Edge:
        edge = self._edge(ident)
        if edge is None:
            raise NotFound("edge", ident)
        return edge

    def search(self, query: str, *, types: Iterable[str] | None = None, limit: int = 20) -> list[SearchHit]:
        """Accent- and case-insensitive search over English and French names and aliases."""
        if types:
            unknown = [t for t in types if t not in self.ontology.node_types]
            if unknown:
                raise InvalidInput(f"unknown node type {unknown[0]!r}", "types")
        self._refresh_cache()
        return self._cached_index.search(query, types=types, limit=limit)

    def counts(self) -> dict[str, Counter]:
        """Counts of nodes by type and of edges by type."""
        graph = self.snapshot()
        return {
            "nodes": Counter(t for _, t in graph.nodes(data="type")),
            "edges": Counter(t for _, _, t in graph.edges(data="type")),
        }

    # -- writes -------------------------------------------------------------------------------
    def _validated(self, validator: Validator, kind: str, data: Any):
        if not isinstance(data, dict):
            raise InvalidInput(f"a {kind} must be a mapping of fields")
        rec = RawRecord(kind, dict(data), INPUT, 0)
        value = validator.node(rec) if kind == "node" else validator.edge(rec)
        self._raise_problems(validator)
        return value, rec

    @staticmethod
    def _raise_problems(validator: Validator) -> None:
        if validator.problems:
            first = validator.problems[0]
            message = "; ".join(f"{p.field}: {p.message}" if p.field else p.message for p in validator.problems)
            raise InvalidInput(message, first.field)

    def upsert_node(self, data: dict) -> Node:
        """Create or replace a node. Validated against the ontology and every reference; on any
        problem raises :class:`InvalidInput` and the store is unchanged."""
        validator = Validator(self.ontology)
        node, rec = self._validated(validator, "node", data)
        incident = [e for e in self._incident_edges(node.id)]
        old_derived = [e for e in incident if e.derived and e.source == node.id]
        kept = [e for e in incident if not (e.derived and e.source == node.id)]
        new_derived = list(derived_edges(self.ontology, node))
        wanted = {ident for values in node.props.values() if isinstance(values, list) for ident in values}
        wanted |= {e.source for e in kept} | {e.target for e in kept}
        known = self._nodes(wanted - {node.id})
        known[node.id] = node
        validator.link_node(node, known, rec)
        for edge in kept + new_derived:
            known.update(self._nodes(set(edge.props.get("sources", ())) - known.keys()))
            validator.link_edge(edge, known, rec)
        self._raise_problems(validator)
        self._apply([node], [], new_derived, [e.id for e in old_derived])
        return node

    def upsert_edge(self, data: dict) -> Edge:
        """Create or replace an edge (its id is ``TYPE:from->to``). Validated; unchanged on error."""
        validator = Validator(self.ontology)
        edge, rec = self._validated(validator, "edge", data)
        ids = {edge.source, edge.target, *edge.props.get("sources", ())}
        validator.link_edge(edge, self._nodes(ids), rec)
        self._raise_problems(validator)
        if not self.ontology.edge_types[edge.type].directed:
            reverse = self._edge(edge_id(edge.type, edge.target, edge.source))
            if reverse is not None:  # keep the stored orientation of a symmetric edge
                edge = Edge(edge.type, edge.target, edge.source, edge.props, False, INPUT, 0)
        self._apply([], [], [edge], [])
        return edge

    def delete_edge(self, ident: str) -> None:
        edge = self.get_edge(ident)
        if edge.derived:
            raise InvalidInput(f"{ident} is derived from {edge.source}; edit that node instead", "id")
        self._apply([], [], [], [ident])

    def delete_node(self, node_id: str, *, cascade: bool = False) -> None:
        """Delete a node. Its own edges go with it only with ``cascade``; a node still named by
        another node's properties or by an edge's sources is never deleted."""
        self.get_node(node_id)
        nodes, edges = self._referrers(node_id)
        users = [n.id for n in nodes if n.id != node_id] + [e.id for e in edges]
        if users:
            raise InvalidInput(f"{node_id!r} is still referenced by {', '.join(sorted(users)[:5])}"
                               + (" ..." if len(users) > 5 else ""), "id")
        incident = self._incident_edges(node_id)
        own = [e for e in incident if not (e.derived and e.source == node_id)]
        if own and not cascade:
            raise InvalidInput(f"{node_id!r} has {len(own)} edge(s); delete them first or use cascade", "id")
        self._apply([], [node_id], [], [e.id for e in incident])
