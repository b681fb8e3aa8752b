"""Graph stores: one interface (:class:`GraphStore`), an embedded backend and a Neo4j backend."""
from graph.store.base import GraphStore
from graph.store.embedded import EmbeddedStore

__all__ = ["GraphStore", "EmbeddedStore"]
