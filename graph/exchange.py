"""Export to GraphML, GEXF (Gephi), JSON node-link and CSV; import CSV or GraphML as records.

Flat formats cannot hold maps or lists, so properties are flattened the same way everywhere:
bilingual texts become ``name_en`` / ``name_fr``, periods ``period_from`` / ``period_to``, lists are
joined with ``"; "``. Import reverses exactly that, so export -> import gives the same graph.
Every imported row becomes a record with its row number, validated by the same rules as the seeds.
"""
from __future__ import annotations

import csv
import io
import json
import zipfile
from typing import Iterable

import networkx as nx

from graph.errors import Problem
from graph.ontology import LANGUAGES, Ontology
from graph.records import RawRecord

FORMATS = {
    "graphml": ("application/graphml+xml", "graphml"),
    "gexf": ("application/gexf+xml", "gexf"),
    "json": ("application/json", "json"),
    "csv": ("application/zip", "zip"),
}
LIST_SEPARATOR = "; "
EDGE_COLUMNS = ("type", "from", "to", "confidence", "sources", "period_from", "period_to", "note_en",
                "note_fr", "derived", "order")


def _flat_value(value):
    if isinstance(value, list):
        return LIST_SEPARATOR.join(str(v) for v in value)
    return value


def flatten_props(props: dict) -> dict:
    """Scalars only: texts and periods split by key, lists joined."""
    flat = {}
    for key, value in props.items():
        if isinstance(value, dict):
            for sub, item in value.items():
                flat[f"{key}_{sub}"] = _flat_value(item)
        elif value is not None:
            flat[key] = _flat_value(value)
    return flat


def subgraph(graph: nx.MultiDiGraph, node_ids: Iterable[str] | None = None,
             edge_ids: set[str] | None = None) -> nx.MultiDiGraph:
    """The part of the graph to export: given nodes (default: all) and the edges among them
    (restricted to ``edge_ids`` when given)."""
    if node_ids is None:
        return graph
    keep = set(node_ids)
    sub = nx.MultiDiGraph()
    sub.add_nodes_from((n, graph._node[n]) for n in keep if n in graph._node)
    for u in keep:
        for v, keyed in graph._succ.get(u, {}).items():
            if v in keep:
                for key, data in keyed.items():
                    if edge_ids is None or key in edge_ids:
                        sub.add_edge(u, v, key, **data)
    return sub


def _flat_graph(graph: nx.MultiDiGraph, lang: str) -> nx.MultiDiGraph:
    flat = nx.MultiDiGraph()
    for n, data in graph.nodes(data=True):
        attrs = flatten_props({k: v for k, v in data.items() if not k.startswith("_")})
        attrs["label"] = (data.get("name") or {}).get(lang) or (data.get("name") or {}).get("en") or n
        flat.add_node(n, **attrs)
    for u, v, key, data in graph.edges(keys=True, data=True):
        flat.add_edge(u, v, key, **flatten_props(data))
    return flat


def _csv_zip(graph: nx.MultiDiGraph) -> bytes:
    nodes = [{"id": n, **flatten_props({k: v for k, v in d.items() if not k.startswith("_")})}
             for n, d in graph.nodes(data=True)]
    node_columns = ["id", "type"] + sorted({c for row in nodes for c in row} - {"id", "type"})
    edges = [{"from": u, "to": v, **flatten_props(d)} for u, v, d in graph.edges(data=True)]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, rows, columns in (("nodes.csv", nodes, node_columns), ("edges.csv", edges, list(EDGE_COLUMNS))):
            text = io.StringIO()
            writer = csv.DictWriter(text, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
            archive.writestr(name, text.getvalue())
    return buffer.getvalue()


def export(graph: nx.MultiDiGraph, fmt: str, lang: str = "en") -> bytes:
    """The graph (or a part of it, see :func:`subgraph`) in ``fmt``: graphml, gexf, json or csv (a zip
    of nodes.csv and edges.csv). O(V + E)."""
    if fmt == "json":
        data = nx.node_link_data(graph, edges="edges")
        for node in data["nodes"]:
            for key in [k for k in node if k.startswith("_")]:
                del node[key]
        return json.dumps(data, ensure_ascii=False, indent=1, default=str).encode("utf-8")
    if fmt == "csv":
        return _csv_zip(graph)
    flat = _flat_graph(graph, lang)
    buffer = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(flat, buffer, encoding="utf-8")
    elif fmt == "gexf":
        nx.write_gexf(flat, buffer, encoding="utf-8")
    else:
        raise ValueError(fmt)
    return buffer.getvalue()


# -- import ---------------------------------------------------------------------------------------
class Unflattener:
    """Turns flat columns back into record fields, by the ontology's property types."""

    def __init__(self, ontology: Ontology):
        self.ontology = ontology
        self.specs = {}
        for node_type in ontology.node_types:
            for name, spec in ontology.properties_of(node_type).items():
                self.specs[name] = spec

    def node(self, flat: dict, problems: list[Problem], file: str, line: int) -> dict:
        record: dict = {}
        for column, raw in flat.items():
            if raw is None or raw == "" or column == "label":
                continue
            value = raw.strip() if isinstance(raw, str) else raw
            name, _, suffix = column.rpartition("_")
            if column in self.specs:
                spec = self.specs[column]
                record[column] = self._value(spec.type, value, problems, file, line, column)
            elif name in self.specs and self.specs[name].type == "text" and suffix in LANGUAGES:
                record.setdefault(name, {})[suffix] = str(value)
            elif name in self.specs and self.specs[name].type == "period" and suffix in ("from", "to"):
                record.setdefault(name, {})[suffix] = str(value)
            else:
                problems.append(Problem(file, line, column, "unknown column"))
        return record

    def edge(self, flat: dict, problems: list[Problem], file: str, line: int) -> dict | None:
        if str(flat.get("derived", "")).lower() in ("true", "1"):
            return None     # derived edges come back from their node (Route.places)
        record: dict = {}
        for column, raw in flat.items():
            if raw is None or raw == "" or column in ("derived", "order", "id"):
                continue
            value = raw.strip() if isinstance(raw, str) else raw
            if column in ("type", "from", "to", "confidence"):
                record[column] = value
            elif column == "sources":
                record["sources"] = self._list(value)
            elif column in ("period_from", "period_to"):
                record.setdefault("period", {})[column[7:]] = str(value)
            elif column in ("note_en", "note_fr"):
                record.setdefault("note", {})[column[5:]] = str(value)
            else:
                problems.append(Problem(file, line, column, "unknown column"))
        return record

    @staticmethod
    def _list(value) -> list[str]:
        return [v.strip() for v in str(value).split(";") if v.strip()]

    def _value(self, kind: str, value, problems, file, line, column):
        if kind in ("string_list", "ref_list"):
            return self._list(value)
        if kind in ("number", "integer") and isinstance(value, str):
            try:
                return int(value) if kind == "integer" else float(value)
            except ValueError:
                problems.append(Problem(file, line, column, f"{value!r} is not a number"))
                return None
        return value


def _read_csv(data: bytes, file: str, problems: list[Problem]) -> list[tuple[int, dict]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        problems.append(Problem(file, 0, "", "not UTF-8 text: export the spreadsheet as CSV UTF-8"))
        return []
    try:
        reader = csv.DictReader(io.StringIO(text))
        rows = [(number, row) for number, row in enumerate(reader, start=2)]
    except csv.Error as exc:
        problems.append(Problem(file, 0, "", f"malformed CSV: {exc}"))
        return []
    if reader.fieldnames is None:
        problems.append(Problem(file, 1, "", "empty file: a header row is needed"))
        return []
    for number, row in rows:
        if None in row:
            problems.append(Problem(file, number, "", "more cells than header columns"))
    return [(n, {k: v for k, v in r.items() if k is not None}) for n, r in rows]


def records_from_csv(files: dict[str, bytes], ontology: Ontology, problems: list[Problem]) -> list[RawRecord]:
    """``files``: name -> bytes, a nodes file (with an ``id`` column) and/or an edges file (with
    ``from`` and ``to`` columns). Each row becomes a record located at its row number."""
    unflatten = Unflattener(ontology)
    records: list[RawRecord] = []
    for name, data in files.items():
        rows = _read_csv(data, name, problems)
        if not rows:
            continue
        columns = set(rows[0][1])
        if {"from", "to"} <= columns:
            for number, row in rows:
                record = unflatten.edge(row, problems, name, number)
                if record is not None:
                    records.append(RawRecord("edge", record, name, number))
        elif "id" in columns:
            for number, row in rows:
                records.append(RawRecord("node", unflatten.node(row, problems, name, number), name, number))
        else:
            problems.append(Problem(name, 1, "", "a nodes file needs an 'id' column; an edges file 'from' and 'to'"))
    return records


def records_from_graphml(data: bytes, name: str, ontology: Ontology, problems: list[Problem]) -> list[RawRecord]:
    """Nodes and edges of a GraphML file (as written by :func:`export`). A record's "line" is its
    position in the file (node n, edge n)."""
    try:
        graph = nx.read_graphml(io.BytesIO(data), force_multigraph=True)
    except Exception as exc:   # networkx raises several types for malformed XML
        problems.append(Problem(name, 0, "", f"malformed GraphML: {exc}"))
        return []
    unflatten = Unflattener(ontology)
    records = []
    for position, (n, attrs) in enumerate(graph.nodes(data=True), start=1):
        record = unflatten.node({"id": n, **attrs}, problems, name, position)
        records.append(RawRecord("node", record, name, position))
    for position, (u, v, attrs) in enumerate(graph.edges(data=True), start=1):
        attrs = {k: val for k, val in attrs.items() if k != "id"}
        record = unflatten.edge({"from": u, "to": v, **attrs}, problems, name, position)
        if record is not None:
            records.append(RawRecord("edge", record, name, position))
    return records
