"""The app's graph store: built once at start-up from ``NEXUS_DATA`` (or given ready by tests)."""
from __future__ import annotations

from flask import Flask, current_app

from graph.store.base import GraphStore
from graph.store.embedded import EmbeddedStore

EXTENSION = "nexus_store"


def init_app(app: Flask) -> None:
    """The Neo4j store when ``NEO4J_URI`` is set (no connection is made yet: a Neo4j that is down
    gives 503 pages until it is back), else the embedded store built from the seeds."""
    store = app.config.get("NEXUS_STORE")
    if store is None and app.config.get("NEO4J_URI"):
        from graph.store.neo4j import Neo4jStore

        store = Neo4jStore(app.config["NEO4J_URI"], app.config["NEO4J_USER"], app.config["NEO4J_PASSWORD"],
                           app.config["NEO4J_DATABASE"], retry_seconds=app.config.get("NEO4J_RETRY_SECONDS", 1.0))
    if store is None:
        store = EmbeddedStore.from_path(app.config["NEXUS_DATA"])  # DatasetError: refuse to start
    app.extensions[EXTENSION] = store


def get_store() -> GraphStore:
    return current_app.extensions[EXTENSION]
