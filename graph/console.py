"""The read-only Cypher console: check, run in a READ transaction with a timeout, cap the rows."""
from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Any

from neo4j import READ_ACCESS, unit_of_work
from neo4j.exceptions import AuthError, ClientError, CypherSyntaxError, Neo4jError
from neo4j.graph import Node as GraphNode, Path, Relationship

from graph.cypher_guard import check_read_only
from graph.errors import InvalidInput, StoreUnavailable
from graph.store.neo4j import UNAVAILABLE, Neo4jStore

DEFAULT_TIMEOUT = 10.0
DEFAULT_ROW_CAP = 1_000


@dataclass(frozen=True)
class ConsoleResult:
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    node_ids: tuple[str, ...]      # Nexus node ids returned (for the network view)
    truncated: bool
    row_cap: int
    elapsed_ms: float


def parse_parameters(text: str) -> dict[str, Any]:
    """Query parameters as a JSON object (``{"id": "jnim"}``); empty text means none."""
    if not text or not text.strip():
        return {}
    try:
        value = json.loads(text)
    except ValueError as exc:
        raise InvalidInput(f"Parameters are not valid JSON: {exc}", "params") from exc
    if not isinstance(value, dict):
        raise InvalidInput('Parameters must be a JSON object, e.g. {"id": "jnim"}.', "params")
    return value


def _display(value: Any, ids: list[str]) -> str:
    if isinstance(value, GraphNode):
        if "id" in value:
            ids.append(value["id"])
        labels = ":".join(sorted(value.labels))
        return f"(:{labels} {{id: {value.get('id', '?')}}})"
    if isinstance(value, Relationship):
        for end in (value.start_node, value.end_node):
            if end is not None and "id" in end:
                ids.append(end["id"])
        return f"[:{value.type}]"
    if isinstance(value, Path):
        return " ".join(_display(part, ids) for part in list(value.nodes) + list(value.relationships))
    if isinstance(value, list):
        return "[" + ", ".join(_display(v, ids) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_display(v, ids)}" for k, v in value.items()) + "}"
    if value is None:
        return "null"
    return str(value)


def run_console(store: Neo4jStore, query: str, parameters: dict[str, Any] | None = None, *,
                timeout: float = DEFAULT_TIMEOUT, row_cap: int = DEFAULT_ROW_CAP) -> ConsoleResult:
    """Run one read-only query. Refused before sending if it could write; then run in a READ
    transaction with ``timeout`` seconds; at most ``row_cap`` rows are kept (``truncated`` says so)."""
    check_read_only(query)

    @unit_of_work(timeout=timeout)
    def work(tx):
        result = tx.run(query, parameters or {})
        keys = tuple(result.keys())
        records, truncated = [], False
        for record in result:
            if len(records) >= row_cap:
                truncated = True
                break
            records.append(record)
        return keys, records, truncated

    started = time.perf_counter()
    try:
        with store.driver.session(database=store.database, default_access_mode=READ_ACCESS) as session:
            keys, records, truncated = session.execute_read(work)
    except AuthError as exc:
        raise StoreUnavailable(f"Neo4j refused the credentials: {exc.message}") from exc
    except CypherSyntaxError as exc:
        raise InvalidInput(f"Cypher syntax error: {exc.message}", "query") from exc
    except ClientError as exc:
        if "Timeout" in (exc.code or "") or "TimedOut" in (exc.code or ""):
            raise InvalidInput(f"The query took longer than {timeout:g} s and was stopped.", "query") from exc
        raise InvalidInput(f"Neo4j refused the query: {exc.message}", "query") from exc
    except UNAVAILABLE as exc:
        raise store._unavailable(exc) from exc
    except Neo4jError as exc:
        raise InvalidInput(f"Neo4j could not run the query: {exc.message}", "query") from exc
    ids: list[str] = []
    rows = tuple(tuple(_display(record[k], ids) for k in keys) for record in records)
    return ConsoleResult(keys, rows, tuple(dict.fromkeys(ids)), truncated, row_cap,
                         (time.perf_counter() - started) * 1000)
