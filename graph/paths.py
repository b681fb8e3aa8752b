"""The nexus path finder: the k shortest simple paths between two entities, with evidence for every hop.

"How is this group linked to that crime, through what, and how sure are we?"

Algorithm (deterministic; cost stated per step):
1. A walk index per snapshot (cached, O(E) once): for every node, its steps (neighbour, edge) in both
   directions, with the edge's confidence rank and years, so filters are cheap tuple checks.
2. Bounded bidirectional search: a breadth-first ball around the target, ``floor(max_hops / 2)`` deep,
   gives exact distances to the target near it and a lower bound (ball depth + 1) everywhere else.
3. Depth-first enumeration of simple paths by increasing length, pruned with that bound, so only paths
   that can still reach the target within ``max_hops`` are extended. All paths of one length are
   collected before ranking, so ranking is exact: by length, then evidence (weakest hop first, then the
   sum of hop grades), then node ids.
4. "Must pass through a node": paths source->via and via->target are enumerated separately (each with
   the same method, shortest first, until a half has 4k paths) and joined when simple. "Through a node type": paths are enumerated and kept when
   an interior node has that type.
Every step checks a time budget (default 2 s); when it runs out, the paths found so far are returned
with ``stopped_early=True``. Nothing here can hang a worker.
"""
from __future__ import annotations

import time
from collections import deque
from dataclasses import dataclass, field

import networkx as nx

from graph.ontology import Ontology
from graph.views import text_in, year_span

MAX_K = 20
MAX_HOPS = 8
DEFAULT_K = 5
DEFAULT_HOPS = 5
DEFAULT_BUDGET = 2.0
MAX_COLLECT = 400          # paths of one length kept before ranking (the rest are counted as "more")
VIA_FACTOR = 4             # "through a node": each half is enumerated until it has 4k paths (whole lengths)
CONFIDENCE_RANK = {"confirmed": 0, "probable": 1, "possible": 2}
DESIGN_RANK = 0            # design links (no grade) rank as certain: they are the curriculum itself


@dataclass(frozen=True)
class PathQuery:
    source: str
    target: str
    k: int = DEFAULT_K
    max_hops: int = DEFAULT_HOPS
    min_confidence: str | None = None          # keep edges at least this strong
    year: int | None = None                    # keep edges (and nodes) valid in this year
    avoid_types: frozenset[str] = frozenset()
    avoid_nodes: frozenset[str] = frozenset()
    via_type: str | None = None
    via_node: str | None = None
    ignore_direction: bool = False
    budget: float = DEFAULT_BUDGET             # seconds


@dataclass(frozen=True)
class HopEvidence:
    edge_id: str
    type: str
    forward: bool              # True: the edge points along the path (u -> v)
    confidence: str | None
    period: dict | None
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Hop:
    source: str
    target: str
    evidence: tuple[HopEvidence, ...]   # strongest first
    weakest: bool = False

    @property
    def best(self) -> HopEvidence:
        return self.evidence[0]


@dataclass(frozen=True)
class Path:
    nodes: tuple[str, ...]
    hops: tuple[Hop, ...]
    rank_key: tuple = field(compare=False, repr=False)

    @property
    def length(self) -> int:
        return len(self.hops)


@dataclass(frozen=True)
class PathResult:
    query: PathQuery
    paths: tuple[Path, ...]
    stopped_early: bool
    elapsed_ms: float
    more: bool = False          # more paths of the last length existed than were collected


# -- the walk index ------------------------------------------------------------------------------
@dataclass
class WalkIndex:
    """Per node: steps as (neighbour, edge key, edge type, forward, confidence rank, year from, year to)."""

    out: dict[str, list[tuple]]
    inn: dict[str, list[tuple]]
    symmetric: frozenset[str]


def walk_index(graph: nx.MultiDiGraph, ontology: Ontology) -> WalkIndex:
    """Built once per snapshot (cached on it): O(V + E)."""
    cache = graph.graph.setdefault("_derived", {})
    if "walk_index" in cache:
        return cache["walk_index"]
    out: dict[str, list[tuple]] = {n: [] for n in graph._node}
    inn: dict[str, list[tuple]] = {n: [] for n in graph._node}
    for u, targets in graph._succ.items():
        for v, keyed in targets.items():
            for key, data in keyed.items():
                grade = data.get("confidence")
                rank = CONFIDENCE_RANK.get(grade, DESIGN_RANK)
                start, end = year_span(data.get("period"))
                out[u].append((v, key, data["type"], True, rank, start, end))
                inn[v].append((u, key, data["type"], False, rank, start, end))
    symmetric = frozenset(t for t, spec in ontology.edge_types.items() if not spec.directed)
    index = WalkIndex(out, inn, symmetric)
    cache["walk_index"] = index
    return index


class _Budget(Exception):
    pass


class _Search:
    """One query's filters over the walk index, and the bounded enumeration."""

    def __init__(self, graph: nx.MultiDiGraph, ontology: Ontology, q: PathQuery):
        self.graph, self.ontology, self.q = graph, ontology, q
        self.index = walk_index(graph, ontology)
        self.max_rank = CONFIDENCE_RANK[q.min_confidence] if q.min_confidence else 9
        self.deadline = time.monotonic() + q.budget
        self.ticks = 0
        self.node_ok_cache: dict[str, bool] = {}

    def tick(self) -> None:
        self.ticks += 1
        if self.ticks % 256 == 0 and time.monotonic() > self.deadline:
            raise _Budget()

    def node_ok(self, n: str) -> bool:
        ok = self.node_ok_cache.get(n)
        if ok is None:
            data = self.graph._node[n]
            ok = (n not in self.q.avoid_nodes and data["type"] not in self.q.avoid_types
                  and data["type"] != "Source")
            if ok and self.q.year is not None:
                start, end = year_span(data.get("period"))
                ok = (start is None or start <= self.q.year) and (end is None or self.q.year <= end)
            self.node_ok_cache[n] = ok
        return ok

    def step_ok(self, step: tuple) -> bool:
        _, _, edge_type, forward, rank, start, end = step
        if rank > self.max_rank:
            return False
        if not forward and not self.q.ignore_direction and edge_type not in self.index.symmetric:
            return False
        year = self.q.year
        return year is None or ((start is None or start <= year) and (end is None or year <= end))

    def neighbours(self, n: str) -> list[str]:
        """Nodes one allowed step from ``n`` walking forward (sorted: deterministic)."""
        found = {s[0] for s in self.index.out[n] if self.step_ok(s)}
        found |= {s[0] for s in self.index.inn[n] if self.step_ok(s)}
        return sorted(m for m in found if m != n)

    def predecessors(self, n: str) -> set[str]:
        """Nodes from which one allowed step reaches ``n``."""
        found = set()
        for s in self.index.inn[n]:       # edges x -> n, walked forward from x
            if self.step_ok((s[0], s[1], s[2], True, s[4], s[5], s[6])):
                found.add(s[0])
        for s in self.index.out[n]:       # edges n -> x, walked backward from x
            if self.step_ok((s[0], s[1], s[2], False, s[4], s[5], s[6])):
                found.add(s[0])
        return found

    def ball_to(self, target: str, depth: int, excluded: set[str]) -> dict[str, int]:
        """Distances to ``target`` for nodes within ``depth`` steps (walking towards it)."""
        dist = {target: 0}
        frontier = deque([target])
        while frontier:
            n = frontier.popleft()
            if dist[n] >= depth:
                continue
            for m in self.predecessors(n):
                self.tick()
                if m not in dist and m not in excluded and self.node_ok(m):
                    dist[m] = dist[n] + 1
                    frontier.append(m)
        return dist

    def simple_paths(self, source: str, target: str, max_hops: int, excluded: set[str],
                     enough: int) -> tuple[list[tuple[str, ...]], bool]:
        """Simple paths source->target of up to ``max_hops``, shortest lengths first; stops after the
        length at which ``enough`` paths exist. Returns (paths, more_existed)."""
        if max_hops < 1:
            return [], False
        depth = max_hops // 2
        dist = self.ball_to(target, depth, excluded | {source})
        outside = depth + 1
        results: list[tuple[str, ...]] = []
        more = False
        for length in range(1, max_hops + 1):
            found: list[tuple[str, ...]] = []
            path = [source]
            on_path = {source}

            def extend(n: str, remaining: int) -> None:
                nonlocal more
                for m in self.neighbours(n):
                    self.tick()
                    if m in on_path or m in excluded:
                        continue
                    if m == target:
                        if remaining == 1:
                            if len(found) < MAX_COLLECT:
                                found.append(tuple(path) + (m,))
                            else:
                                more = True
                        continue
                    if remaining <= 1 or not self.node_ok(m) or dist.get(m, outside) > remaining - 1:
                        continue
                    path.append(m)
                    on_path.add(m)
                    extend(m, remaining - 1)
                    path.pop()
                    on_path.discard(m)

            extend(source, length)
            results.extend(found)
            if len(results) >= enough:
                break
        return results, more


def _hop_evidence(graph: nx.MultiDiGraph, search: _Search, u: str, v: str) -> tuple[HopEvidence, ...]:
    items = []
    for step in search.index.out[u]:
        if step[0] == v and search.step_ok(step):
            items.append((step, True))
    for step in search.index.inn[u]:
        if step[0] == v and search.step_ok(step):
            items.append((step, False))
    evidence = []
    for (other, key, edge_type, forward, rank, _start, _end), _ in items:
        source, target = (u, v) if forward else (v, u)
        data = graph._succ[source][target][key]
        evidence.append((rank, key, HopEvidence(key, edge_type, forward, data.get("confidence"),
                                                 data.get("period"), tuple(data.get("sources") or ()))))
    evidence.sort(key=lambda item: (item[0], item[1]))
    return tuple(e for _, _, e in evidence)


def _oldest_source(graph: nx.MultiDiGraph, hop: Hop) -> str:
    dates = [graph._node[s].get("date", "9999") for e in hop.evidence for s in e.sources if s in graph._node]
    return min(dates) if dates else "9999"


def _build_path(graph: nx.MultiDiGraph, search: _Search, nodes: tuple[str, ...]) -> Path:
    hops = [Hop(u, v, _hop_evidence(graph, search, u, v)) for u, v in zip(nodes, nodes[1:])]
    ranks = [CONFIDENCE_RANK.get(h.best.confidence, DESIGN_RANK) for h in hops]
    # weakest hop: lowest confidence, then oldest source, then first on the path
    weakest = min(range(len(hops)), key=lambda i: (-ranks[i], _oldest_source(graph, hops[i]), i))
    hops[weakest] = Hop(hops[weakest].source, hops[weakest].target, hops[weakest].evidence, True)
    key = (len(hops), max(ranks), sum(ranks), nodes)
    return Path(nodes, tuple(hops), key)


def find_paths(graph: nx.MultiDiGraph, ontology: Ontology, q: PathQuery) -> PathResult:
    """The k best simple paths for ``q``. Raises KeyError for an unknown endpoint or via node."""
    started = time.monotonic()
    for ident in (q.source, q.target) + ((q.via_node,) if q.via_node else ()):
        if ident not in graph._node:
            raise KeyError(ident)
    search = _Search(graph, ontology, q)
    stopped = False
    more = False
    candidates: list[tuple[str, ...]] = []
    try:
        if q.source == q.target:
            candidates = []
        elif q.via_node:
            if q.via_node in (q.source, q.target):
                candidates, more = search.simple_paths(q.source, q.target, q.max_hops, set(), q.k)
            else:
                half = VIA_FACTOR * q.k    # shortest halves first; a few times k of each is plenty to join
                first, more1 = search.simple_paths(q.source, q.via_node, q.max_hops - 1, {q.target}, half)
                second, more2 = search.simple_paths(q.via_node, q.target, q.max_hops - 1, {q.source}, half)
                more = more1 or more2
                for a in first:
                    for b in second:
                        search.tick()
                        if len(a) + len(b) - 2 <= q.max_hops and not (set(a[:-1]) & set(b[1:])):
                            candidates.append(a + b[1:])
        else:
            enough = q.k if not q.via_type else MAX_COLLECT
            candidates, more = search.simple_paths(q.source, q.target, q.max_hops, set(), enough)
            if q.via_type:
                candidates = [p for p in candidates
                              if any(graph._node[n]["type"] == q.via_type for n in p[1:-1])]
    except _Budget:
        stopped = True
    paths = sorted((_build_path(graph, search, c) for c in set(candidates)), key=lambda p: p.rank_key)
    if paths:   # keep whole lengths only up to k paths (ranking is exact within a length)
        paths = paths[:q.k]
    return PathResult(q, tuple(paths), stopped, (time.monotonic() - started) * 1000, more)


# -- narrative ------------------------------------------------------------------------------------
WORDS = {
    "en": {"which": "which", "which_obj": "which", "and": "and"},
    "fr": {"which": "qui", "which_obj": "que", "and": "et"},
}


def _name(graph: nx.MultiDiGraph, n: str, lang: str) -> str:
    name, _ = text_in(graph._node[n].get("name"), lang)
    return name or n


def _object_pronoun(lang: str, following: str) -> str:
    if lang == "fr" and following[:1].lower() in "aeiouyhéèêàâîôû":
        return "qu'"
    return WORDS[lang]["which_obj"] + " "


def narrative(graph: nx.MultiDiGraph, ontology: Ontology, path: Path, lang: str = "en") -> str:
    """The path as one sentence built from the ontology's narrative verbs, e.g. "JNIM taxes the route,
    which corruption facilitates, ..."; in French with « qui » / « que »."""
    words = WORDS["fr" if lang == "fr" else "en"]
    parts: list[str] = []
    last_mentioned = None
    for i, hop in enumerate(path.hops):
        e = hop.best
        verb = ontology.edge_types[e.type].verb.get(lang)
        here, there = _name(graph, hop.source, lang), _name(graph, hop.target, lang)
        if i == 0:
            parts.append(f"{here} {verb} {there}" if e.forward else f"{there} {verb} {here}")
        elif last_mentioned == hop.source and e.forward:
            parts.append(f", {words['which']} {verb} {there}")
        elif last_mentioned == hop.source:
            parts.append(f", {_object_pronoun(lang, there)}{there} {verb}")
        else:
            parts.append(f", {words['and']} " + (f"{here} {verb} {there}" if e.forward else f"{there} {verb} {here}"))
        if i == 0 and not e.forward:
            last_mentioned = hop.source      # "there verb here": the sentence ends on `here`
        elif e.forward:
            last_mentioned = hop.target
        else:
            last_mentioned = None            # an object clause: continue with "and"
    sentence = "".join(parts) + "."
    if lang == "fr":   # French contractions: à le -> au, de le -> du, ...
        for old, new in ((" à le ", " au "), (" à les ", " aux "), (" de le ", " du "), (" de les ", " des ")):
            sentence = sentence.replace(old, new)
    return sentence[:1].upper() + sentence[1:]


def path_node_ids(result: PathResult) -> list[str]:
    """Every node of every path, in order of first appearance."""
    return list(dict.fromkeys(n for p in result.paths for n in p.nodes))


def path_edge_ids(path: Path) -> set[str]:
    return {e.edge_id for hop in path.hops for e in hop.evidence}
