"""The app's graph store: built once at start-up from ``NEXUS_DATA`` (or given ready by tests)."""
from __future__ import annotations

from flask import Flask, current_app

from graph.store.base import GraphStore
from graph.store.embedded import EmbeddedStore

EXTENSION = "nexus_store"


def init_app(app: Flask) -> None:
    store = app.config.get("NEXUS_STORE")
    if store is None:
        store = EmbeddedStore.from_path(app.config["NEXUS_DATA"])  # DatasetError: refuse to start
    app.extensions[EXTENSION] = store


def get_store() -> GraphStore:
    return current_app.extensions[EXTENSION]
