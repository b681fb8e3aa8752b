"""Network metrics: degree, betweenness, communities and nexus brokers. Deterministic (fixed seeds).

All metrics use the undirected simple graph of entities (sources left out): an analyst asks who sits
between things, whatever the direction of each link.
"""
from __future__ import annotations

import random
from dataclasses import dataclass

import networkx as nx
import numpy as np
from scipy import sparse


EXACT_BETWEENNESS_LIMIT = 3_000     # above this many nodes, betweenness is sampled
BETWEENNESS_SAMPLE = 256
SEED = 42
BROKER_CANDIDATES = 40              # brokers are searched among the top nodes by betweenness


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
    ordered = sorted(nodes)
    return ordered if len(ordered) <= size else sorted(random.Random(SEED).sample(ordered, size))


def adjacency(simple: nx.Graph) -> tuple[sparse.csr_matrix, dict[str, int]]:
    """Symmetric 0/1 adjacency matrix of ``simple`` (float64, CSR) and the row of each node."""
    index = {n: i for i, n in enumerate(simple)}
    rows, cols = [], []
    for u, v in simple.edges():
        rows += [index[u], index[v]]
        cols += [index[v], index[u]]
    n = len(index)
    matrix = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, n))
    return matrix, index


def betweenness(simple: nx.Graph, sources: list[str] | None = None, batch: int = 64) -> dict[str, float]:
    """Brandes betweenness (unweighted, undirected, normalized as networkx does), from ``sources``
    (default: every node), computed for a batch of sources at once with sparse matrix products.

    Same numbers as ``networkx.betweenness_centrality`` for the same sources (tests check it), at a
    fraction of the time: each BFS level of 64 sources is one sparse-dense product. Memory
    O(levels x n x batch) floats."""
    matrix, index = adjacency(simple)
    n = matrix.shape[0]
    chosen = list(simple) if sources is None else sources
    total = np.zeros(n)
    for start in range(0, len(chosen), batch):
        columns = np.array([index[s] for s in chosen[start:start + batch]])
        b = len(columns)
        sigma = np.zeros((n, b))
        sigma[columns, np.arange(b)] = 1.0
        seen = sigma > 0
        frontier = sigma.copy()
        levels = [seen.copy()]
        while True:
            reached = matrix @ frontier
            reached[seen] = 0.0
            new = reached > 0
            if not new.any():
                break
            sigma += reached
            seen |= new
            frontier = reached
            levels.append(new)
        delta = np.zeros((n, b))
        safe_sigma = np.where(sigma > 0, sigma, 1.0)
        for depth in range(len(levels) - 1, 0, -1):
            coefficient = np.where(levels[depth], (1.0 + delta) / safe_sigma, 0.0)
            delta += np.where(levels[depth - 1], sigma * (matrix @ coefficient), 0.0)
        delta[columns, np.arange(b)] = 0.0
        total += delta.sum(axis=1)
    if n > 2:
        if sources is None:
            total *= 1.0 / ((n - 1) * (n - 2))
        else:   # networkx's estimator for sampled sources (endpoints excluded, normalized)
            k = len(chosen)
            scale = np.full(n, 1.0 / (k * (n - 2)))
            scale[[index[s] for s in chosen]] = 1.0 / ((k - 1) * (n - 2)) if k > 1 else np.nan
            total *= scale
    return {node: float(total[i]) for node, i in index.items()}


def _mean_distance(matrix: sparse.csr_matrix, sources: np.ndarray, targets: np.ndarray,
                   removed: int | None) -> float:
    """Mean shortest-path length over every (source, target) pair, with node ``removed`` taken out;
    an unreachable pair counts as the number of nodes. All sources' BFS at once: each level is one
    sparse-dense product, O(levels x edges x sources)."""
    n = matrix.shape[0]
    keep = np.ones(n, dtype=bool)
    if removed is not None:
        keep[removed] = False
        sources, targets = sources[sources != removed], targets[targets != removed]
    b = len(sources)
    if b == 0 or len(targets) == 0:
        return 0.0
    dist = np.full((n, b), np.inf)
    dist[sources, np.arange(b)] = 0.0
    frontier = np.zeros((n, b))
    frontier[sources, np.arange(b)] = 1.0
    depth = 0
    while frontier.any():
        depth += 1
        reached = (matrix @ frontier) > 0
        reached &= np.isinf(dist)
        reached[~keep] = False
        dist[reached] = depth
        frontier = reached.astype(float)
    part = dist[targets]
    same = targets[:, None] == sources[None, :]
    part = np.where(np.isinf(part), float(n), part)
    return float(part[~same].mean()) if (~same).any() else 0.0


def sample_sources(simple: nx.Graph, k: int) -> list[str]:
    """The k sources of sampled betweenness, chosen exactly as networkx does for ``seed=SEED``."""
    return random.Random(SEED).sample(list(simple), k)


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
        between = betweenness(simple, sample_sources(simple, sampled))
    else:
        between = betweenness(simple) if n else {}
    between_sorted = sorted(between.items(), key=lambda x: (-x[1], x[0]))
    communities = nx.community.louvain_communities(simple, seed=SEED) if simple.number_of_edges() else []
    communities = sorted((tuple(sorted(c)) for c in communities), key=lambda c: (-len(c), c))
    terrorism, organized = nexus_parts(graph)
    brokers: list[tuple[str, float]] = []
    baseline = None
    if terrorism & set(simple) and organized & set(simple):
        matrix, index = adjacency(simple)
        t_part = np.array([index[v] for v in _sample(terrorism & set(simple), PART_SAMPLE)])
        o_part = np.array([index[v] for v in _sample(organized & set(simple), PART_SAMPLE)])
        baseline = _mean_distance(matrix, t_part, o_part, None)
        candidates = [v for v, _ in between_sorted[:BROKER_CANDIDATES] if v not in terrorism | organized]
        for v in candidates:
            increase = _mean_distance(matrix, t_part, o_part, index[v]) - baseline
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
