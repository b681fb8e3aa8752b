"""``nexus load``: put a validated dataset into Neo4j, idempotently, in batches.

Order: uniqueness constraints (one per node label, plus the common label), optional wipe, nodes label by
label, edges type by type, each batch ``UNWIND $rows ... MERGE ... SET`` in its own transaction, then
the version bump. Loading the same seeds twice leaves the same counts. ``plan`` compares a dataset with
what the database holds, for ``--dry-run``.
"""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable

from neo4j import Query

from graph.dataset import Dataset
from graph.store.neo4j import (BUMP_VERSION, COMMON_LABEL, UNAVAILABLE, Neo4jStore, constraint_cypher,
                               edge_row, merge_edges_cypher, merge_nodes_cypher, node_row)

BATCH = 2_000
WIPE = f"MATCH (n:{COMMON_LABEL}) CALL (n) {{ DETACH DELETE n }} IN TRANSACTIONS OF 2000 ROWS"   # Neo4j 5.23+
COUNT_NODES = f"MATCH (n:{COMMON_LABEL}) RETURN count(n) AS count"
COUNT_EDGES = f"MATCH (:{COMMON_LABEL})-[r]->(:{COMMON_LABEL}) RETURN count(r) AS count"

Progress = Callable[[str, int], None]   # (what, how many items just done)


@dataclass
class Plan:
    """What loading a dataset would change: per kind (nodes, edges), ids by outcome."""

    create: dict[str, int] = field(default_factory=lambda: {"nodes": 0, "edges": 0})
    update: dict[str, int] = field(default_factory=lambda: {"nodes": 0, "edges": 0})
    same: dict[str, int] = field(default_factory=lambda: {"nodes": 0, "edges": 0})
    stale: dict[str, int] = field(default_factory=lambda: {"nodes": 0, "edges": 0})


@dataclass(frozen=True)
class LoadReport:
    nodes: int
    edges: int
    constraints: int
    wiped: bool


def ensure_constraints(store: Neo4jStore) -> int:
    """Create the uniqueness constraints that do not exist yet; returns how many statements ran."""
    labels = [None] + list(store.ontology.node_types)
    for node_type in labels:
        store.run(constraint_cypher(store.ontology, node_type), write=True)
    return len(labels)


def wipe(store: Neo4jStore) -> None:
    """Delete every Nexus node and edge, in batches (needs an auto-commit transaction)."""
    try:
        with store.driver.session(database=store.database) as session:
            session.run(Query(WIPE, timeout=max(store.timeout, 600))).consume()
    except UNAVAILABLE as exc:
        raise store._unavailable(exc) from exc


def _batches(rows: list[dict], size: int):
    for start in range(0, len(rows), size):
        yield rows[start:start + size]


def load(store: Neo4jStore, dataset: Dataset, *, wipe_first: bool = False, batch: int = BATCH,
         progress: Progress | None = None) -> LoadReport:
    """Load ``dataset`` (already validated) into Neo4j. O(V + E) rows in ceil(n / batch) transactions."""
    constraints = ensure_constraints(store)
    if wipe_first:
        wipe(store)
    nodes: dict[str, list[dict]] = defaultdict(list)
    for node in dataset.nodes.values():
        nodes[node.type].append(node_row(node))
    edges: dict[str, list[dict]] = defaultdict(list)
    for edge in dataset.edges.values():
        edges[edge.type].append(edge_row(edge))
    groups = [(t, merge_nodes_cypher(store.ontology, t), nodes[t]) for t in sorted(nodes)]
    groups += [(t, merge_edges_cypher(store.ontology, t), edges[t]) for t in sorted(edges)]
    for name, text, all_rows in groups:   # nodes label by label, then edges type by type
        for rows in _batches(all_rows, batch):
            store.write_transaction([(text, {"rows": rows})])
            if progress:
                progress(name, len(rows))
    store.write_transaction([(BUMP_VERSION, {})])
    return LoadReport(nodes=int(store.run(COUNT_NODES).records[0]["count"]),
                      edges=int(store.run(COUNT_EDGES).records[0]["count"]),
                      constraints=constraints, wiped=wipe_first)


def plan(store: Neo4jStore, dataset: Dataset, *, wipe_first: bool = False) -> Plan:
    """Compare the dataset with the database: what ``load`` would create, update or leave alone."""
    current_nodes, current_edges = store._everything()
    have_nodes = {n.id: (n.type, json.dumps(n.props, sort_keys=True)) for n in current_nodes}
    have_edges = {e.id: json.dumps(e.props, sort_keys=True) for e in current_edges}
    result = Plan()
    if wipe_first:
        result.stale = {"nodes": len(have_nodes), "edges": len(have_edges)}
        result.create = {"nodes": len(dataset.nodes), "edges": len(dataset.edges)}
        return result
    for node in dataset.nodes.values():
        old = have_nodes.get(node.id)
        kind = "create" if old is None else ("same" if old == (node.type, json.dumps(node.props, sort_keys=True))
                                              else "update")
        getattr(result, kind)["nodes"] += 1
    for edge in dataset.edges.values():
        old = have_edges.get(edge.id)
        kind = "create" if old is None else ("same" if old == json.dumps(edge.props, sort_keys=True) else "update")
        getattr(result, kind)["edges"] += 1
    result.stale = {"nodes": len(set(have_nodes) - set(dataset.nodes)),
                    "edges": len(set(have_edges) - set(dataset.edges))}
    return result
