"""Store contract fixtures: every test in tests/store runs against every available backend.

Backends: the embedded store always. A backend whose server is not reachable is skipped with the
reason printed (see the Neo4j issue); add it to ``BACKENDS`` with a factory that loads a dataset.
"""
from __future__ import annotations

import pytest

from graph.dataset import Dataset
from graph.store.embedded import EmbeddedStore


def embedded(dataset: Dataset):
    return EmbeddedStore(dataset)


BACKENDS = {"embedded": embedded}


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
