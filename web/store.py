"""The app's graph store: built once at start-up, with the analysts' overlays layered on top.

Base store: Neo4j when ``NEO4J_URI`` is set (no connection is made yet: a Neo4j that is down gives 503
pages until it is back), else the embedded store built from the seeds (``NEXUS_DATA``). Overlays are
kept in ``<instance>/overlays`` (``OVERLAY_FOLDER``).
"""
from __future__ import annotations

import logging
from pathlib import Path

from flask import Flask, current_app

from graph.overlays import LayeredStore, Overlays
from graph.store.base import GraphStore
from graph.store.embedded import EmbeddedStore

EXTENSION = "nexus_store"
log = logging.getLogger(__name__)


def init_app(app: Flask) -> None:
    base = app.config.get("NEXUS_STORE")
    if base is None and app.config.get("NEO4J_URI"):
        from graph.store.neo4j import Neo4jStore

        base = Neo4jStore(app.config["NEO4J_URI"], app.config["NEO4J_USER"], app.config["NEO4J_PASSWORD"],
                          app.config["NEO4J_DATABASE"], retry_seconds=app.config.get("NEO4J_RETRY_SECONDS", 1.0))
    if base is None:
        base = EmbeddedStore.from_path(app.config["NEXUS_DATA"])  # DatasetError: refuse to start
    folder = app.config.get("OVERLAY_FOLDER")
    if folder is None:
        folder = Path(app.instance_path) / "overlays"
    overlays = Overlays(Path(folder) if folder else None)
    store = LayeredStore(base, overlays)
    if overlays.folder and overlays.folder.is_dir():
        try:
            skipped = overlays.load_saved(base)
            for name in skipped:
                log.warning("overlay %r no longer fits the graph and was not loaded", name)
        except Exception as exc:   # a store that is down at start-up: overlays come back on restart
            log.warning("overlays not loaded: %s", exc)
    app.extensions[EXTENSION] = store


def get_store() -> LayeredStore:
    return current_app.extensions[EXTENSION]


def get_base_store() -> GraphStore:
    return get_store().base


def get_overlays() -> Overlays:
    return get_store().overlays


def resolver(store: GraphStore, graph):
    """Turns what a person typed (an id, or a name in either language) into an id, or None."""
    def resolve(text: str):
        if text in graph:
            return text
        hits = store.search(text, limit=1)
        return hits[0].id if hits else None
    return resolve
