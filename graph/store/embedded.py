"""The embedded store: the whole graph in memory, built from validated seeds. No server needed."""
from __future__ import annotations

import threading
from collections import defaultdict
from pathlib import Path
from typing import Iterable

from graph.dataset import Dataset, Edge, Node, load_dataset
from graph.ontology import Ontology, load_ontology
from graph.store.base import GraphStore


class EmbeddedStore(GraphStore):
    """In-memory store. Look-ups are O(1); writes are atomic under a lock; a write bumps the version."""

    def __init__(self, dataset: Dataset):
        super().__init__(dataset.ontology)
        self._lock = threading.RLock()
        self._version = 0
        self._node_map: dict[str, Node] = dict(dataset.nodes)
        self._edge_map: dict[str, Edge] = dict(dataset.edges)
        self._by_node: dict[str, set[str]] = defaultdict(set)
        for edge in self._edge_map.values():
            self._by_node[edge.source].add(edge.id)
            self._by_node[edge.target].add(edge.id)

    @classmethod
    def from_path(cls, path: str | Path, ontology: Ontology | None = None) -> "EmbeddedStore":
        """Validate and load the seeds under ``path``; raises DatasetError and loads nothing if invalid."""
        return cls(load_dataset(path, ontology or load_ontology()))

    def version(self) -> int:
        return self._version

    def _nodes(self, ids: Iterable[str]) -> dict[str, Node]:
        return {i: self._node_map[i] for i in ids if i in self._node_map}

    def _edge(self, ident: str) -> Edge | None:
        return self._edge_map.get(ident)

    def _incident_edges(self, node_id: str) -> list[Edge]:
        with self._lock:
            return [self._edge_map[i] for i in sorted(self._by_node.get(node_id, ()))]

    def _referrers(self, node_id: str) -> tuple[list[Node], list[Edge]]:
        with self._lock:
            nodes = [n for n in self._node_map.values()
                     if any(isinstance(v, list) and node_id in v for v in n.props.values())]
            edges = [e for e in self._edge_map.values() if node_id in e.props.get("sources", ())]
        return nodes, edges

    def _apply(self, put_nodes, delete_nodes, put_edges, delete_edges) -> None:
        with self._lock:
            for ident in delete_edges:
                edge = self._edge_map.pop(ident, None)
                if edge is not None:
                    self._by_node[edge.source].discard(ident)
                    self._by_node[edge.target].discard(ident)
            for ident in delete_nodes:
                self._node_map.pop(ident, None)
                self._by_node.pop(ident, None)
            for node in put_nodes:
                self._node_map[node.id] = node
            for edge in put_edges:
                self._edge_map[edge.id] = edge
                self._by_node[edge.source].add(edge.id)
                self._by_node[edge.target].add(edge.id)
            self._version += 1

    def _everything(self):
        with self._lock:
            return list(self._node_map.values()), list(self._edge_map.values())
