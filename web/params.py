"""Query parameters of network views, parsed strictly: a bad value is a 400 with a clear message."""
from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict

from graph.errors import NotFound
from graph.ontology import Ontology
from graph.paths import DEFAULT_BUDGET, DEFAULT_HOPS, DEFAULT_K, MAX_HOPS, MAX_K, PathQuery
from graph.views import LAYOUT_THRESHOLD, MAX_CAP, MAX_RADIUS, ViewFilters

MIN_YEAR, MAX_YEAR = 1950, 2100


class BadParameter(ValueError):
    """A query parameter with a bad value; ``field`` names it."""

    def __init__(self, field: str, message: str):
        self.field = field
        super().__init__(message)


@dataclass(frozen=True)
class ViewParams:
    radius: int
    cap: int
    filters: ViewFilters
    expand: tuple[str, ...]
    physics: bool | None      # None: automatic (on for small views, off above the layout threshold)

    @property
    def layout_threshold(self) -> int:
        """physics=off: positions come from the server for every view, so nothing moves;
        physics=on: the browser lays out even a big view; automatic: the server above the threshold."""
        if self.physics is None:
            return LAYOUT_THRESHOLD
        return 10**9 if self.physics else 0

    def query(self, **changes) -> dict:
        """The query string of this view (with ``changes``), for links such as "and N more"."""
        f = self.filters
        out = {"radius": self.radius, "cap": self.cap}
        if f.types is not None:
            out["type"] = sorted(f.types)
        if f.crime_types is not None:
            out["crime"] = sorted(f.crime_types)
        if f.countries is not None:
            out["country"] = sorted(f.countries)
        if f.year is not None:
            out["year"] = f.year
        if self.expand:
            out["expand"] = list(self.expand)
        if self.physics is not None:
            out["physics"] = "on" if self.physics else "off"
        out.update(changes)
        return out


def wants_table(args: MultiDict) -> bool:
    """``format=table`` asks a network page for its text alternative as a page of its own."""
    fmt = args.get("format", "")
    if fmt not in ("", "table"):
        raise BadParameter("format", _("format must be “table” or left out."))
    return fmt == "table"


def _int(args: MultiDict, name: str, default: int, low: int, high: int) -> int:
    raw = args.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise BadParameter(name, _("%(name)s must be a whole number, not “%(value)s”.", name=name, value=raw))
    if not low <= value <= high:
        raise BadParameter(name, _("%(name)s must be between %(low)d and %(high)d (got %(value)d).",
                                   name=name, low=low, high=high, value=value))
    return value


def _year(args: MultiDict) -> int | None:
    """``year``: a form sends the "all years" checkbox and the slider under one name; "all" wins."""
    years = [y.strip() for y in args.getlist("year") if y.strip()]
    if not years or "all" in years:
        return None
    return _int(MultiDict({"year": years[-1]}), "year", 0, MIN_YEAR, MAX_YEAR)


def _list(args: MultiDict, name: str) -> list[str]:
    values = []
    for raw in args.getlist(name):
        values.extend(v.strip() for v in raw.split(",") if v.strip())
    return values


def parse_view_params(args: MultiDict, graph: nx.MultiDiGraph, ontology: Ontology, default_cap: int = 25,
                      radius_default: int = 1) -> ViewParams:
    """Parse radius, cap, type, crime, country, year, expand and physics. Raises :class:`BadParameter`."""
    radius = _int(args, "radius", radius_default, 1, MAX_RADIUS)
    cap = _int(args, "cap", default_cap, 1, MAX_CAP)
    year = _year(args)

    types = _list(args, "type")
    for value in types:
        if value not in ontology.node_types:
            raise BadParameter("type", _("Unknown type “%(value)s”.", value=value))
    crimes = _list(args, "crime")
    for value in crimes:
        if graph.nodes.get(value, {}).get("type") != "CrimeType":
            raise BadParameter("crime", _("Unknown crime type “%(value)s”.", value=value))
    countries = _list(args, "country")
    for value in countries:
        if graph.nodes.get(value, {}).get("kind") != "country":
            raise BadParameter("country", _("Unknown country “%(value)s”.", value=value))
    expand = _list(args, "expand")
    for value in expand:
        if value not in graph:
            raise BadParameter("expand", _("Unknown entity “%(value)s”.", value=value))
    physics_raw = args.get("physics", "")
    if physics_raw not in ("", "on", "off"):
        raise BadParameter("physics", _("physics must be “on” or “off”."))
    filters = ViewFilters(
        types=frozenset(types) if types else None,
        crime_types=frozenset(crimes) if crimes else None,
        countries=frozenset(countries) if countries else None,
        year=year,
    )
    physics = None if not physics_raw else physics_raw == "on"
    return ViewParams(radius, cap, filters, tuple(dict.fromkeys(expand)), physics)


def _choice(args: MultiDict, name: str, allowed: tuple[str, ...], default: str) -> str:
    value = args.get(name, "").strip() or default
    if value not in allowed:
        raise BadParameter(name, _("%(name)s must be one of: %(allowed)s.", name=name, allowed=", ".join(allowed)))
    return value


def parse_path_params(args: MultiDict, graph: nx.MultiDiGraph, ontology: Ontology, resolve) -> PathQuery:
    """Parameters of the path finder. ``resolve(text)`` turns a typed name into an id (or None)."""
    ends = {}
    for name in ("from", "to"):
        text = args.get(name, "").strip()
        if not text:
            raise BadParameter(name, _("Choose two entities: “%(name)s” is missing.", name=name))
        ident = resolve(text)
        if ident is None:
            raise NotFound("entity", text)
        ends[name] = ident
    k = _int(args, "k", DEFAULT_K, 1, MAX_K)
    hops = _int(args, "max_hops", DEFAULT_HOPS, 1, MAX_HOPS)
    budget_ms = _int(args, "budget_ms", int(DEFAULT_BUDGET * 1000), 10, 10_000)
    grade = args.get("min_confidence", "").strip() or None
    if grade is not None and grade not in ontology.confidence_ids:
        raise BadParameter("min_confidence", _("min_confidence must be one of: %(allowed)s.",
                                               allowed=", ".join(ontology.confidence_ids)))
    year = _year(args)
    avoid_types = _list(args, "avoid_type")
    for value in avoid_types + [v for v in [args.get("via_type", "").strip()] if v]:
        if value not in ontology.node_types:
            raise BadParameter("type", _("Unknown type “%(value)s”.", value=value))
    avoid = _list(args, "avoid")
    for value in avoid:
        if value not in graph:
            raise BadParameter("avoid", _("Unknown entity “%(value)s”.", value=value))
    via = args.get("via", "").strip() or None
    if via is not None:
        resolved = resolve(via)
        if resolved is None:
            raise NotFound("entity", via)
        via = resolved
    direction = _choice(args, "direction", ("respect", "ignore"), "respect")
    return PathQuery(ends["from"], ends["to"], k=k, max_hops=hops, min_confidence=grade, year=year,
                     avoid_types=frozenset(avoid_types), avoid_nodes=frozenset(avoid),
                     via_type=args.get("via_type", "").strip() or None, via_node=via,
                     ignore_direction=direction == "ignore", budget=budget_ms / 1000)
