"""Network metrics: degree, betweenness, communities and nexus brokers. Deterministic (fixed seeds).

All metrics use the undirected simple graph of entities (sources left out): an analyst asks who sits
between things, whatever the direction of each link.
"""
from __future__ import annotations

from collections import deque
from dataclasses import dataclass

import networkx as nx

from graph.views import text_in

EXACT_BETWEENNESS_LIMIT = 3_000     # above this many nodes, betweenness is sampled
BETWEENNESS_SAMPLE = 256
SEED = 42
BROKER_CANDIDATES = 40              # brokers are searched among the top nodes by betweenness
METRICS = ("degree", "betweenness", "broker", "community")


@dataclass(frozen=True)
class Ranked:
    id: str
    value: float


@dataclass(frozen=True)
class Metrics:
    degree: tuple[Ranked, ...]
    betweenness: tuple[Ranked, ...]
    betweenness_sampled: int | None      # sample size when sampled, None when exact
    communities: tuple[tuple[str, ...], ...]
    brokers: tuple[Ranked, ...]          # value: increase of the mean terrorism-organized crime distance
                                         # when the node is removed
    baseline_distance: float | None      # mean distance between the two parts before any removal
    seed: int = SEED

    def values(self, metric: str) -> dict[str, float]:
        if metric == "community":
            return {n: float(i) for i, members in enumerate(self.communities) for n in members}
        return {r.id: r.value for r in getattr(self, {"degree": "degree", "betweenness": "betweenness",
                                                      "broker": "brokers"}[metric])}


def entity_graph(graph: nx.MultiDiGraph) -> nx.Graph:
    """Undirected simple graph of the entities (no sources). O(V + E)."""
    simple = nx.Graph()
    simple.add_nodes_from(n for n, t in graph.nodes(data="type") if t != "Source")
    simple.add_edges_from((u, v) for u, v in graph.edges() if u != v and u in simple and v in simple)
    return simple


PART_SAMPLE = 32                    # at most this many nodes of each part enter the distance (seeded)


def nexus_parts(graph: nx.MultiDiGraph) -> tuple[set[str], set[str]]:
    """The terrorism part (terrorism-domain crime types and armed groups) and the organized-crime part
    (organized-crime and corruption crime types and criminal networks)."""
    terrorism, organized = set(), set()
    for n, d in graph.nodes(data=True):
        if (d["type"] == "CrimeType" and d.get("domain") == "terrorism") or d.get("kind") == "armed_group":
            terrorism.add(n)
        elif (d["type"] == "CrimeType" and d.get("domain") in ("organized_crime", "corruption")) \
                or d.get("kind") == "criminal_network":
            organized.add(n)
    return terrorism, organized


def _sample(nodes: set[str], size: int) -> list[str]:
    import random

    ordered = sorted(nodes)
    return ordered if len(ordered) <= size else sorted(random.Random(SEED).sample(ordered, size))


def _mean_distance(simple: nx.Graph, sources: list[str], targets: list[str], removed: str | None) -> float:
    """Mean shortest-path length over every (source, target) pair; an unreachable pair counts as the
    number of nodes. One BFS per source: O(len(sources) * (V + E))."""
    penalty = simple.number_of_nodes()
    wanted = [t for t in targets if t != removed]
    total, pairs = 0, 0
    for source in sources:
        if source == removed:
            continue
        dist = {source: 0}
        queue = deque([source])
        while queue:
            n = queue.popleft()
            for m in simple._adj[n]:
                if m != removed and m not in dist:
                    dist[m] = dist[n] + 1
                    queue.append(m)
        for t in wanted:
            if t != source:
                total += dist.get(t, penalty)
                pairs += 1
    return total / pairs if pairs else 0.0


def compute_metrics(graph: nx.MultiDiGraph, top: int = 50) -> Metrics:
    """All metrics, cached per snapshot. Cost: degree O(V+E); betweenness O(VE) exact or O(sample*E);
    Louvain ~O(E log V); brokers O(candidates * (V + E))."""
    cache = graph.graph.setdefault("_derived", {})
    key = ("metrics", top)
    if key in cache:
        return cache[key]
    simple = entity_graph(graph)
    n = simple.number_of_nodes()
    degree = sorted(((v, float(d)) for v, d in simple.degree()), key=lambda x: (-x[1], x[0]))
    sampled = None
    if n > EXACT_BETWEENNESS_LIMIT:
        sampled = min(BETWEENNESS_SAMPLE, n)
        between = nx.betweenness_centrality(simple, k=sampled, seed=SEED)
    else:
        between = nx.betweenness_centrality(simple)
    between_sorted = sorted(between.items(), key=lambda x: (-x[1], x[0]))
    communities = nx.community.louvain_communities(simple, seed=SEED) if simple.number_of_edges() else []
    communities = sorted((tuple(sorted(c)) for c in communities), key=lambda c: (-len(c), c))
    terrorism, organized = nexus_parts(graph)
    brokers: list[tuple[str, float]] = []
    baseline = None
    if terrorism and organized:
        t_part, o_part = _sample(terrorism, PART_SAMPLE), _sample(organized, PART_SAMPLE)
        baseline = _mean_distance(simple, t_part, o_part, None)
        candidates = [v for v, _ in between_sorted[:BROKER_CANDIDATES] if v not in terrorism | organized]
        for v in candidates:
            increase = _mean_distance(simple, t_part, o_part, v) - baseline
            if increase > 1e-9:   # only nodes whose removal does lengthen the links
                brokers.append((v, increase))
        brokers.sort(key=lambda x: (-x[1], x[0]))
    result = Metrics(
        degree=tuple(Ranked(v, d) for v, d in degree[:top]),
        betweenness=tuple(Ranked(v, round(b, 6)) for v, b in between_sorted[:top]),
        betweenness_sampled=sampled,
        communities=tuple(communities),
        brokers=tuple(Ranked(v, round(d, 4)) for v, d in brokers[:top]),
        baseline_distance=round(baseline, 4) if baseline is not None else None,
    )
    cache[key] = result
    return result


def label(graph: nx.MultiDiGraph, ident: str, lang: str) -> tuple[str, bool]:
    return text_in(graph._node[ident].get("name"), lang)
