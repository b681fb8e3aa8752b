"""The Neo4j store: the GraphStore interface over the official ``neo4j`` driver and plain Neo4j 5 Cypher.

Storage model (see docs/architecture.md):
- every node has the label ``NexusNode`` plus its ontology type as a second label (``:NexusNode:Actor``),
  a unique ``id``, its properties flattened for people who query it (``name_en``, ``name_fr``,
  ``period_from`` ...) and ``_props``, the exact property map as JSON, which the snapshot reads back, so
  the graph (and every view, search and path) is identical on both stores;
- every edge is a relationship whose type is the ontology edge type, with ``id``, ``derived``, the
  flattened properties and ``_props``;
- one ``(:NexusMeta {key: 'graph'})`` node holds ``version``, incremented by every write transaction:
  the snapshot cache is keyed by it.

Labels and relationship types reach a query only through :meth:`Ontology.node_label` and
:meth:`Ontology.edge_label`, which accept ontology names only; every value is a query parameter.
Reads run with ``routing_=READ``; every query names the database and carries a timeout.
"""
from __future__ import annotations

import json
import logging
from collections import defaultdict
from typing import Any, Iterable

from neo4j import GraphDatabase, Query, RoutingControl, unit_of_work
from neo4j.exceptions import AuthError, DriverError, ServiceUnavailable, SessionExpired

from graph.config import Config
from graph.dataset import Edge, Node
from graph.errors import InvalidInput, NexusError, StoreUnavailable
from graph.ontology import Ontology, load_ontology
from graph.store.base import GraphStore

log = logging.getLogger(__name__)

COMMON_LABEL = "NexusNode"
META_LABEL = "NexusMeta"
DEFAULT_TIMEOUT = 30.0
UNAVAILABLE = (ServiceUnavailable, SessionExpired, DriverError, OSError)


class Neo4jAuthError(StoreUnavailable):
    """Neo4j refused the credentials."""


def flatten(props: dict) -> dict:
    """Neo4j properties cannot hold maps: bilingual texts become ``key_en``/``key_fr``, periods
    ``key_from``/``key_to``; lists and scalars stay as they are. ``_props`` keeps the exact map."""
    flat: dict[str, Any] = {"_props": json.dumps(props, ensure_ascii=False, sort_keys=True)}
    for key, value in props.items():
        if isinstance(value, dict):
            for sub, item in value.items():
                flat[f"{key}_{sub}"] = item
        else:
            flat[key] = value
    return flat


def node_row(node: Node) -> dict:
    return {"id": node.id, "props": {"id": node.id, "type": node.type, **flatten(node.props)}}


def edge_row(edge: Edge) -> dict:
    return {"source": edge.source, "target": edge.target,
            "props": {"id": edge.id, "derived": edge.derived, **flatten(edge.props)}}


def parse_edge_id(ontology: Ontology, ident: str) -> tuple[str, str, str]:
    """``TYPE:from->to`` -> (type, from, to); the type must be an ontology edge type."""
    edge_type, sep, rest = ident.partition(":")
    source, arrow, target = rest.partition("->")
    if not sep or not arrow or edge_type not in ontology.edge_types or not source or not target:
        raise InvalidInput(f"{ident!r} is not an edge id (TYPE:from->to)", "id")
    return edge_type, source, target


# -- Cypher text: only ontology names are ever put into a query's text ----------------------------
def merge_nodes_cypher(ontology: Ontology, node_type: str) -> str:
    label = ontology.node_label(node_type)
    others = [ontology.node_label(t) for t in ontology.node_types if t != node_type]
    remove = f" REMOVE n:{':'.join(others)}" if others else ""
    return (f"UNWIND $rows AS row MERGE (n:{COMMON_LABEL} {{id: row.id}}) "
            f"SET n = row.props SET n:{label}{remove}")


def merge_edges_cypher(ontology: Ontology, edge_type: str) -> str:
    rel = ontology.edge_label(edge_type)
    return (f"UNWIND $rows AS row MATCH (a:{COMMON_LABEL} {{id: row.source}}) "
            f"MATCH (b:{COMMON_LABEL} {{id: row.target}}) MERGE (a)-[r:{rel}]->(b) SET r = row.props")


def delete_edges_cypher(ontology: Ontology, edge_type: str) -> str:
    rel = ontology.edge_label(edge_type)
    return (f"UNWIND $rows AS row MATCH (:{COMMON_LABEL} {{id: row.source}})-[r:{rel}]->"
            f"(:{COMMON_LABEL} {{id: row.target}}) DELETE r")


def constraint_cypher(ontology: Ontology, node_type: str | None) -> str:
    """``CREATE CONSTRAINT ... IF NOT EXISTS`` on ``id`` for one label (``None``: the common label)."""
    label = COMMON_LABEL if node_type is None else ontology.node_label(node_type)
    return f"CREATE CONSTRAINT nexus_{label.lower()}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE"


def edge_lookup_cypher(ontology: Ontology, edge_type: str) -> str:
    rel = ontology.edge_label(edge_type)
    return (f"MATCH (a:{COMMON_LABEL} {{id: $source}})-[r:{rel}]->(b:{COMMON_LABEL} {{id: $target}}) "
            "RETURN a.id AS source, type(r) AS type, b.id AS target, r.derived AS derived, r._props AS props")


def referrers_cypher(ontology: Ontology) -> tuple[str, str]:
    """Nodes whose reference lists, and relationships whose sources, name ``$id``."""
    ref_props = sorted({name for t in ontology.node_types
                        for name, spec in ontology.properties_of(t).items() if spec.type == "ref_list"})
    where = " OR ".join(f"$id IN coalesce(n.{name}, [])" for name in ref_props)
    nodes = f"MATCH (n:{COMMON_LABEL}) WHERE {where} RETURN n.id AS id, n.type AS type, n._props AS props"
    edges = (f"MATCH (a:{COMMON_LABEL})-[r]->(b:{COMMON_LABEL}) WHERE $id IN coalesce(r.sources, []) "
             "RETURN a.id AS source, type(r) AS type, b.id AS target, r.derived AS derived, r._props AS props")
    return nodes, edges


BUMP_VERSION = (f"MERGE (m:{META_LABEL} {{key: 'graph'}}) "
                "SET m.version = coalesce(m.version, 0) + 1 RETURN m.version AS version")
READ_VERSION = f"OPTIONAL MATCH (m:{META_LABEL} {{key: 'graph'}}) RETURN coalesce(m.version, 0) AS version"
READ_NODES = f"MATCH (n:{COMMON_LABEL}) WHERE n.id IN $ids RETURN n.id AS id, n.type AS type, n._props AS props"
READ_ALL_NODES = f"MATCH (n:{COMMON_LABEL}) RETURN n.id AS id, n.type AS type, n._props AS props"
READ_ALL_EDGES = (f"MATCH (a:{COMMON_LABEL})-[r]->(b:{COMMON_LABEL}) "
                  "RETURN a.id AS source, type(r) AS type, b.id AS target, r.derived AS derived, r._props AS props")
READ_INCIDENT = (f"MATCH (n:{COMMON_LABEL} {{id: $id}})-[r]-(:{COMMON_LABEL}) "
                 "RETURN startNode(r).id AS source, type(r) AS type, endNode(r).id AS target, "
                 "r.derived AS derived, r._props AS props")
DELETE_NODES = f"UNWIND $ids AS id MATCH (n:{COMMON_LABEL} {{id: id}}) DETACH DELETE n"


class Neo4jStore(GraphStore):
    """GraphStore on Neo4j. Thread-safe (one driver, shared); connection failures raise
    :class:`StoreUnavailable`, and the next call simply tries again, so the app recovers by itself."""

    def __init__(self, uri: str, user: str = "neo4j", password: str = "", database: str = "neo4j",
                 ontology: Ontology | None = None, timeout: float = DEFAULT_TIMEOUT, driver: Any = None,
                 retry_seconds: float = 2.0):
        super().__init__(ontology or load_ontology())
        self.uri = uri
        self.database = database
        self.timeout = timeout
        # Short retries: a page must answer 503 quickly when Neo4j is down, not hang a worker.
        self.driver = driver or GraphDatabase.driver(uri, auth=(user, password), connection_timeout=5.0,
                                                     max_transaction_retry_time=retry_seconds)

    @classmethod
    def from_config(cls, config: Config, ontology: Ontology | None = None) -> "Neo4jStore":
        if not config.neo4j_uri:
            raise NexusError("NEO4J_URI is not set")
        return cls(config.neo4j_uri, config.neo4j_user, config.neo4j_password, config.neo4j_database, ontology)

    def close(self) -> None:
        self.driver.close()

    # -- running queries ------------------------------------------------------------------------
    def run(self, text: str, parameters: dict | None = None, *, write: bool = False,
            timeout: float | None = None):
        """Run one query (auto-retried managed transaction) and return the eager result."""
        try:
            return self.driver.execute_query(
                Query(text, timeout=timeout or self.timeout), parameters or {},
                routing_=RoutingControl.WRITE if write else RoutingControl.READ, database_=self.database)
        except AuthError as exc:
            raise Neo4jAuthError(f"Neo4j at {self.uri} refused the credentials: {exc.message}") from exc
        except UNAVAILABLE as exc:
            raise self._unavailable(exc) from exc

    def _unavailable(self, exc: Exception) -> StoreUnavailable:
        reason = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
        return StoreUnavailable(f"cannot reach Neo4j at {self.uri}: {reason}")

    def write_transaction(self, statements: list[tuple[str, dict]]) -> None:
        """Run statements in one write transaction (all or nothing)."""
        @unit_of_work(timeout=self.timeout)   # transaction functions take their timeout this way
        def work(tx):
            for text, parameters in statements:
                tx.run(text, parameters).consume()
        try:
            with self.driver.session(database=self.database) as session:
                session.execute_write(work)
        except AuthError as exc:
            raise Neo4jAuthError(f"Neo4j at {self.uri} refused the credentials: {exc.message}") from exc
        except UNAVAILABLE as exc:
            raise self._unavailable(exc) from exc

    # -- primitives -----------------------------------------------------------------------------
    def version(self) -> int:
        return int(self.run(READ_VERSION).records[0]["version"])

    def _node(self, record) -> Node:
        return Node(record["id"], record["type"], json.loads(record["props"]))

    def _edge_from(self, record) -> Edge:
        return Edge(record["type"], record["source"], record["target"], json.loads(record["props"]),
                    bool(record["derived"]))

    def _nodes(self, ids: Iterable[str]) -> dict[str, Node]:
        ids = list(dict.fromkeys(ids))
        if not ids:
            return {}
        return {r["id"]: self._node(r) for r in self.run(READ_NODES, {"ids": ids}).records}

    def _edge(self, ident: str) -> Edge | None:
        try:
            edge_type, source, target = parse_edge_id(self.ontology, ident)
        except InvalidInput:
            return None
        records = self.run(edge_lookup_cypher(self.ontology, edge_type),
                           {"source": source, "target": target}).records
        return self._edge_from(records[0]) if records else None

    def _incident_edges(self, node_id: str) -> list[Edge]:
        edges = {}
        for record in self.run(READ_INCIDENT, {"id": node_id}).records:
            edge = self._edge_from(record)
            edges[edge.id] = edge
        return [edges[k] for k in sorted(edges)]

    def _referrers(self, node_id: str) -> tuple[list[Node], list[Edge]]:
        node_query, edge_query = referrers_cypher(self.ontology)
        nodes = [self._node(r) for r in self.run(node_query, {"id": node_id}).records]
        edges = [self._edge_from(r) for r in self.run(edge_query, {"id": node_id}).records]
        return nodes, edges

    def _apply(self, put_nodes, delete_nodes, put_edges, delete_edges) -> None:
        statements: list[tuple[str, dict]] = []
        doomed: dict[str, list[dict]] = defaultdict(list)
        for ident in delete_edges:
            edge_type, source, target = parse_edge_id(self.ontology, ident)
            doomed[edge_type].append({"source": source, "target": target})
        statements += [(delete_edges_cypher(self.ontology, t), {"rows": rows}) for t, rows in doomed.items()]
        if delete_nodes:
            statements.append((DELETE_NODES, {"ids": list(delete_nodes)}))
        by_type: dict[str, list[dict]] = defaultdict(list)
        for node in put_nodes:
            by_type[node.type].append(node_row(node))
        statements += [(merge_nodes_cypher(self.ontology, t), {"rows": rows}) for t, rows in by_type.items()]
        by_edge: dict[str, list[dict]] = defaultdict(list)
        for edge in put_edges:
            by_edge[edge.type].append(edge_row(edge))
        statements += [(merge_edges_cypher(self.ontology, t), {"rows": rows}) for t, rows in by_edge.items()]
        statements.append((BUMP_VERSION, {}))
        self.write_transaction(statements)

    def _everything(self):
        nodes = [self._node(r) for r in self.run(READ_ALL_NODES).records]
        edges = [self._edge_from(r) for r in self.run(READ_ALL_EDGES).records]
        return nodes, edges




def all_statements(ontology: Ontology) -> list[str]:
    """Every Cypher text the store and the loader can send (for the offline Cypher lint test)."""
    from graph.store.loader import COUNT_EDGES, COUNT_NODES, WIPE

    texts = [BUMP_VERSION, READ_VERSION, READ_NODES, READ_ALL_NODES, READ_ALL_EDGES, READ_INCIDENT,
             DELETE_NODES, WIPE, COUNT_NODES, COUNT_EDGES, *referrers_cypher(ontology),
             constraint_cypher(ontology, None)]
    for node_type in ontology.node_types:
        texts += [merge_nodes_cypher(ontology, node_type), constraint_cypher(ontology, node_type)]
    for edge_type in ontology.edge_types:
        texts += [merge_edges_cypher(ontology, edge_type), delete_edges_cypher(ontology, edge_type),
                  edge_lookup_cypher(ontology, edge_type)]
    return texts
