"""Store contract fixtures: every test in tests/store/test_contract.py runs against every backend.

Backends: the embedded store, always; Neo4j when ``NEO4J_URI`` is set (the CI workflow starts a Neo4j
service container). Without ``NEO4J_URI`` the Neo4j runs are skipped, and the reason is printed.
"""
from __future__ import annotations

import os

import pytest

from graph.config import Config
from graph.dataset import Dataset
from graph.store.embedded import EmbeddedStore

NO_NEO4J = ("NEO4J_URI is not set, so no Neo4j server is reachable here: the Neo4j backend of the store "
            "contract suite runs where one is (e.g. .github/workflows/ci.yml, or `docker compose up -d neo4j` "
            "then NEO4J_URI=bolt://127.0.0.1:7687)")


def embedded(dataset: Dataset):
    return EmbeddedStore(dataset)


def neo4j_backend(dataset: Dataset):
    if not os.environ.get("NEO4J_URI"):
        pytest.skip(NO_NEO4J)
    from graph.store.loader import load
    from graph.store.neo4j import Neo4jStore

    store = Neo4jStore.from_config(Config.from_env())
    load(store, dataset, wipe_first=True)
    return store


BACKENDS = {"embedded": embedded, "neo4j": neo4j_backend}


@pytest.fixture(params=sorted(BACKENDS))
def make_store(request):
    """A factory: ``make_store(dataset)`` returns a fresh store of the parametrized backend."""
    factory = BACKENDS[request.param]
    made = []

    def make(dataset: Dataset):
        store = factory(dataset)
        made.append(store)
        return store

    yield make
    for store in made:
        store.close()


@pytest.fixture()
def store(make_store, tiny):
    return make_store(tiny)


@pytest.fixture()
def neo4j_store(tiny):
    """A Neo4j store loaded with the tiny dataset (Neo4j-only tests)."""
    return neo4j_backend(tiny)
