"""Dataset statistics for ``nexus stats``: sizes by type, sources, French coverage, confidence."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import networkx as nx


@dataclass(frozen=True)
class Stats:
    nodes: int
    edges: int
    derived_edges: int
    nodes_by_type: dict[str, int] = field(hash=False)
    edges_by_type: dict[str, int] = field(hash=False)
    edges_by_confidence: dict[str, int] = field(hash=False)
    sources: int = 0
    sources_cited: int = 0
    french_names: int = 0
    french_descriptions: int = 0
    described: int = 0

    @property
    def entities(self) -> int:
        """Nodes that are not sources."""
        return self.nodes - self.sources

    @property
    def french_name_coverage(self) -> float:
        return self.french_names / self.nodes if self.nodes else 1.0

    @property
    def french_description_coverage(self) -> float:
        return self.french_descriptions / self.described if self.described else 1.0


def graph_stats(graph: nx.MultiDiGraph) -> Stats:
    """Compute :class:`Stats` in one pass over nodes and edges: O(V + E)."""
    nodes_by_type: Counter = Counter()
    french_names = french_desc = described = 0
    cited: set[str] = set()
    for _, data in graph.nodes(data=True):
        nodes_by_type[data["type"]] += 1
        french_names += bool((data.get("name") or {}).get("fr"))
        description = data.get("description") or {}
        if description:
            described += 1
            french_desc += bool(description.get("fr"))
        cited.update(data.get("sources") or ())
    edges_by_type: Counter = Counter()
    confidence: Counter = Counter()
    derived = 0
    for _, _, data in graph.edges(data=True):
        edges_by_type[data["type"]] += 1
        derived += bool(data.get("derived"))
        confidence[data.get("confidence") or "n/a"] += 1
        cited.update(data.get("sources") or ())
    sources = {n for n, t in graph.nodes(data="type") if t == "Source"}
    return Stats(
        nodes=graph.number_of_nodes(), edges=graph.number_of_edges(), derived_edges=derived,
        nodes_by_type=dict(sorted(nodes_by_type.items())), edges_by_type=dict(sorted(edges_by_type.items())),
        edges_by_confidence=dict(sorted(confidence.items())), sources=len(sources),
        sources_cited=len(sources & cited), french_names=french_names, french_descriptions=french_desc,
        described=described,
    )
