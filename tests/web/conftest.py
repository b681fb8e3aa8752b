"""Flask fixtures (as in the Flask tutorial): an app on a tiny dataset, an app on the hostile dataset."""
from __future__ import annotations

import pytest

from graph.dataset import load_dataset
from graph.store.embedded import EmbeddedStore
from tests.conftest import FIXTURES
from web import create_app

HOSTILE = FIXTURES / "hostile"
HOSTILE_STRINGS = ["<img src=x onerror=alert(1)>", "</script><script>alert(1)</script>", "{{7*7}}",
                   '"><svg onload=alert(1)>']


def make_app(path, **config):
    store = EmbeddedStore(load_dataset(path))
    return create_app({"TESTING": True, "NEXUS_STORE": store, "OVERLAY_FOLDER": False, **config})


@pytest.fixture()
def app(tiny_path):
    return make_app(tiny_path)


@pytest.fixture()
def client(app):
    return app.test_client()


@pytest.fixture()
def hostile_client():
    return make_app(HOSTILE).test_client()


@pytest.fixture()
def fr_client(app):
    client = app.test_client()
    client.set_cookie("lang", "fr")
    return client
