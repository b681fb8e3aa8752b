"""Network views: which nodes and edges a view shows, with labels and tooltips in one language.

Plain Python, no Flask: the web layer renders a :class:`NetworkView` with pyvis, the JSON API returns it
as data. Every function here is deterministic (ties broken by id) and states its cost.
"""
from __future__ import annotations

import threading
from collections import deque
from dataclasses import dataclass, field
from typing import Iterable, NamedTuple

import networkx as nx

from graph.ontology import Ontology

MAX_RADIUS = 3
DEFAULT_CAP = 25
MAX_CAP = 500
LAYOUT_THRESHOLD = 150        # above this many nodes, positions are computed server-side, physics off
EXCERPT_CHARS = 160
SPRING_LIMIT = 1_500          # components above this size get the spectral layout (spring is quadratic)
_LAYOUT_LOCK = threading.Lock()           # description excerpt in node tooltips
MORE_PREFIX = "more:"


def text_in(value: dict | None, lang: str) -> tuple[str, bool]:
    """``(text, fallback)``: the text in ``lang``, else English with ``fallback=True``."""
    value = value or {}
    if value.get(lang):
        return value[lang], False
    return value.get("en", ""), lang != "en" and bool(value.get("en"))


def year_span(period: dict | None) -> tuple[int | None, int | None]:
    if not period:
        return None, None
    start, end = period.get("from"), period.get("to")
    return (int(start[:4]) if start else None, int(end[:4]) if end else None)


def in_year(period: dict | None, year: int | None) -> bool:
    """True when ``period`` overlaps ``year`` (open bounds always do)."""
    if year is None:
        return True
    start, end = year_span(period)
    return (start is None or start <= year) and (end is None or year <= end)


@dataclass(frozen=True)
class ViewFilters:
    """What a view may show. ``None`` means no restriction."""

    types: frozenset[str] | None = None
    crime_types: frozenset[str] | None = None
    countries: frozenset[str] | None = None
    year: int | None = None
    include_sources: bool = False


class ViewNode(NamedTuple):
    """A node of a view (a NamedTuple: immutable, and cheap to make by the thousand)."""

    id: str
    type: str
    label: str
    fallback: bool            # label is English because the chosen language is missing
    excerpt: str              # start of the description, for the tooltip (plain text)
    center: bool = False      # emphasised: the entity of the page, or a node of the chosen path
    more: int = 0             # > 0: an "and N more" placeholder standing for hidden neighbours of `hub`
    hub: str | None = None
    value: float | None = None   # a metric, when the view is sized by one


class ViewEdge(NamedTuple):
    id: str
    source: str
    target: str
    type: str
    label: str
    confidence: str | None
    directed: bool
    period: str               # "2012–2017", "2017–…" or ""
    sources: int              # how many sources back the link
    highlight: bool = False   # part of the chosen path


@dataclass(frozen=True)
class NetworkView:
    nodes: tuple[ViewNode, ...]
    edges: tuple[ViewEdge, ...]
    lang: str
    center: str | None = None
    radius: int = 0
    capped: tuple[tuple[str, int], ...] = ()           # (hub id, hidden neighbours)
    positions: dict[str, tuple[float, float]] | None = field(default=None, hash=False)

    @property
    def physics(self) -> bool:
        return self.positions is None


def place_countries(graph: nx.MultiDiGraph) -> dict[str, frozenset[str]]:
    """Country ids of every Place, following LOCATED_IN up to the country. Cached on the (frozen)
    snapshot, so computed once per store version. O(V + E)."""
    cache = graph.graph.setdefault("_derived", {})
    if "place_countries" in cache:
        return cache["place_countries"]
    parents: dict[str, list[str]] = {}
    for u, v, t in graph.edges(data="type"):
        if t == "LOCATED_IN" and graph.nodes[u]["type"] == "Place":
            parents.setdefault(u, []).append(v)
    result: dict[str, frozenset[str]] = {}

    def resolve(place: str, seen: frozenset[str]) -> frozenset[str]:
        if place in result:
            return result[place]
        data = graph.nodes[place]
        found: set[str] = set(data.get("countries") or ())
        if data.get("kind") == "country":
            found.add(place)
        for parent in parents.get(place, ()):
            if parent not in seen:
                found |= resolve(parent, seen | {place})
        result[place] = frozenset(found)
        return result[place]

    for node, node_type in graph.nodes(data="type"):
        if node_type == "Place":
            resolve(node, frozenset())
    cache["place_countries"] = result
    return result


class _Filter:
    """Node and edge predicates for one set of filters over one snapshot."""

    def __init__(self, graph: nx.MultiDiGraph, filters: ViewFilters, keep: Iterable[str] = ()):
        self.graph = graph
        self.f = filters
        self.keep = set(keep)
        self.places = place_countries(graph) if filters.countries else {}
        self._cache: dict[str, bool] = {}

    def node(self, n: str) -> bool:
        hit = self._cache.get(n)
        if hit is None:
            hit = self._cache[n] = n in self.keep or self._node(n)
        return hit

    def _node(self, n: str) -> bool:
        data, f = self.graph._node[n], self.f
        node_type = data["type"]
        if node_type == "Source" and not f.include_sources:
            return False
        if f.types is not None and node_type not in f.types:
            return False
        if not in_year(data.get("period"), f.year):
            return False
        if f.countries is not None:
            countries = self.places.get(n) if node_type == "Place" else frozenset(data.get("countries") or ())
            if countries and not countries & f.countries:
                return False
        if f.crime_types is not None:
            if node_type == "CrimeType":
                return n in f.crime_types
            if not any(m in f.crime_types for m in nx.all_neighbors(self.graph, n)):
                return False
        return True

    def edge(self, data: dict) -> bool:
        return in_year(data.get("period"), self.f.year)


def _neighbours(graph: nx.MultiDiGraph, n: str, ok: _Filter) -> list[str]:
    """Allowed neighbours of ``n`` in either direction, strongest link first, then by id."""
    best: dict[str, int] = {}
    for adjacency in (graph.succ[n], graph.pred[n]):
        for m, keyed in adjacency.items():
            if m == n or not ok.node(m):
                continue
            for data in keyed.values():
                if ok.edge(data):
                    rank = {"confirmed": 0, "probable": 1, "possible": 2}.get(data.get("confidence"), 0)
                    if rank < best.get(m, 9):
                        best[m] = rank
    return sorted(best, key=lambda m: (best[m], m))


def neighbourhood(graph: nx.MultiDiGraph, center: str, radius: int = 1, filters: ViewFilters = ViewFilters(),
                  cap: int = DEFAULT_CAP, expand: Iterable[str] = ()) -> tuple[list[str], dict[str, int]]:
    """Nodes within ``radius`` hops of ``center`` (edges walked both ways), and the capped hubs.

    A node with more than ``cap`` allowed neighbours contributes only its first ``cap`` (strongest link
    first) unless it is in ``expand``; ``capped`` maps it to the number hidden. Breadth-first:
    O(nodes + edges reached)."""
    if center not in graph:
        raise KeyError(center)
    ok = _Filter(graph, filters, keep=[center])
    expand = set(expand)
    seen = {center: 0}
    order = [center]
    capped: dict[str, int] = {}
    queue = deque([center])
    while queue:
        n = queue.popleft()
        if seen[n] >= radius:
            continue
        neighbours = _neighbours(graph, n, ok)
        if len(neighbours) > cap and n not in expand:
            fresh = [m for m in neighbours if m not in seen]
            shown = [m for m in neighbours if m in seen] + fresh[:max(0, cap - (len(neighbours) - len(fresh)))]
            hidden = len(neighbours) - len(shown)
            if hidden > 0:
                capped[n] = hidden
            neighbours = shown
        for m in neighbours:
            if m not in seen:
                seen[m] = seen[n] + 1
                order.append(m)
                queue.append(m)
    return order, capped


def overview_nodes(graph: nx.MultiDiGraph, filters: ViewFilters = ViewFilters()) -> list[str]:
    """Every node passing ``filters`` (sources excluded unless asked), sorted by id. O(V + E)."""
    ok = _Filter(graph, filters)
    return sorted(n for n in graph._node if ok.node(n))


def _excerpt(data: dict, lang: str) -> str:
    description, _ = text_in(data.get("description"), lang)
    if len(description) > EXCERPT_CHARS:
        description = description[:EXCERPT_CHARS - 1].rstrip() + "…"
    return description


def period_text(period: dict | None) -> str:
    start, end = year_span(period)
    return f"{start or '…'}–{end or '…'}" if (start or end) else ""


def build_view(graph: nx.MultiDiGraph, ontology: Ontology, node_ids: Iterable[str], lang: str = "en", *,
               center: str | None = None, radius: int = 0, capped: dict[str, int] | None = None,
               filters: ViewFilters = ViewFilters(), more_label: str = "and {count} more",
               layout_threshold: int = LAYOUT_THRESHOLD, seed: int = 7,
               highlight_nodes: frozenset[str] = frozenset(), highlight_edges: frozenset[str] = frozenset(),
               values: dict[str, float] | None = None) -> NetworkView:
    """The view of ``node_ids`` and the edges among them, labelled in ``lang``. O(selected V + E),
    plus a force-directed layout (seeded, deterministic) when the view exceeds ``layout_threshold``."""
    ids = list(dict.fromkeys(node_ids))
    chosen = set(ids)
    ok = _Filter(graph, filters)
    # The snapshot's own adjacency dicts, read only: networkx's view objects cost ~3x more per step.
    attrs, succ = graph._node, graph._succ
    nodes: list[ViewNode] = []
    for n in ids:
        data = attrs[n]
        label, fallback = text_in(data.get("name"), lang)
        nodes.append(ViewNode(n, data["type"], label or n, fallback, _excerpt(data, lang),
                              center=(n == center or n in highlight_nodes),
                              value=values.get(n) if values else None))
    edges: list[ViewEdge] = []
    specs = {name: (spec.label.get(lang), spec.directed) for name, spec in ontology.edge_types.items()}
    check_year = filters.year is not None
    for u in ids:
        for v, keyed in succ[u].items():
            if v not in chosen:
                continue
            for key, data in keyed.items():
                if check_year and not ok.edge(data):
                    continue
                label, directed = specs[data["type"]]
                period = data.get("period")
                edges.append(ViewEdge(key, u, v, data["type"], label, data.get("confidence"), directed,
                                      period_text(period) if period else "", len(data.get("sources") or ()),
                                      key in highlight_edges))
    for hub, hidden in sorted((capped or {}).items()):
        if hub in chosen:
            placeholder = MORE_PREFIX + hub
            text = more_label.format(count=hidden)
            nodes.append(ViewNode(placeholder, "more", text, False, "", more=hidden, hub=hub))
            edges.append(ViewEdge(placeholder + ":edge", hub, placeholder, "more", "", None, False, "", 0))
    positions = None
    if len(nodes) > layout_threshold:
        positions = view_positions(graph, nodes, edges, seed=seed)
    return NetworkView(tuple(nodes), tuple(edges), lang, center, radius,
                       tuple(sorted((capped or {}).items())), positions)


def graph_layout(graph: nx.MultiDiGraph, seed: int = 7) -> dict[str, tuple[float, float]]:
    """Positions for every node of the snapshot, computed once per store version and cached on it.

    Big views reuse these positions, so building one costs O(V + E) and a node keeps its place from
    one view to the next. Each connected component is laid out on its own and the components are
    packed in rows, largest first: components up to ``SPRING_LIMIT`` nodes with the networkx spring
    layout (dense, O(iterations x n^2)), larger ones with the spectral layout (sparse eigenvectors,
    near-linear). Deterministic for a seed; figures in bench/RESULTS.md."""
    cache = graph.graph.setdefault("_derived", {})
    key = ("layout", seed)
    if key in cache:
        return cache[key]
    with _LAYOUT_LOCK:
        if key not in cache:
            simple = nx.Graph()
            simple.add_nodes_from(n for n, t in graph.nodes(data="type") if t != "Source")
            simple.add_edges_from((u, v) for u, v in graph.edges() if u in simple and v in simple)
            cache[key] = _packed_components(simple, seed)
    return cache[key]


def _packed_components(simple: nx.Graph, seed: int, unit: float = 60.0) -> dict[str, tuple[float, float]]:
    components = sorted((sorted(c) for c in nx.connected_components(simple)), key=lambda c: (-len(c), c[0]))
    total = simple.number_of_nodes()
    row_limit = max(1.0, total ** 0.5) * unit * 1.5
    positions: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for members in components:
        size = len(members) ** 0.5 * unit          # side of the square the component gets
        if len(members) == 1:
            raw = {members[0]: (0.0, 0.0)}
        else:
            sub = simple.subgraph(members)
            if len(members) <= SPRING_LIMIT:
                raw = nx.spring_layout(sub, seed=seed, iterations=50)
            else:
                raw = nx.spectral_layout(sub)
        xs = [p[0] for p in raw.values()]
        ys = [p[1] for p in raw.values()]
        span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
        if x > 0 and x + size > row_limit:
            x, y, row_height = 0.0, y + row_height + unit, 0.0
        for node, (px, py) in raw.items():
            positions[node] = (round(x + (px - min(xs)) / span * size, 1), round(y + (py - min(ys)) / span * size, 1))
        x += size + unit
        row_height = max(row_height, size)
    return positions


def view_positions(graph: nx.MultiDiGraph, nodes: Iterable[ViewNode], edges: Iterable[ViewEdge],
                   seed: int = 7) -> dict[str, tuple[float, float]]:
    """Positions of a view's nodes from the cached :func:`graph_layout`; an "and N more" placeholder
    sits next to its hub. O(view size) once the graph layout exists."""
    base = graph_layout(graph, seed)
    positions = {}
    for node in nodes:
        if node.more:
            x, y = base.get(node.hub, (0.0, 0.0))
            positions[node.id] = (x + 40.0, y + 40.0)
        else:
            positions[node.id] = base.get(node.id, (0.0, 0.0))
    return positions
