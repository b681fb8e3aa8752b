"""The page cache serves repeated pages, forgets them when the graph changes, and can be turned off."""
from __future__ import annotations

from tests.web.conftest import make_app


def test_hit_then_invalidated_by_a_write(tiny_path):
    app = make_app(tiny_path)
    client = app.test_client()
    assert client.get("/entity/group-a").headers["X-Page-Cache"] == "miss"
    assert client.get("/entity/group-a").headers["X-Page-Cache"] == "hit"
    assert client.get("/entity/group-a?lang=fr").headers["X-Page-Cache"] == "miss"   # per language
    store = app.extensions["nexus_store"]
    store.upsert_node({"id": "group-a", "type": "Actor", "kind": "armed_group", "confidence": "confirmed",
                       "sources": ["src-doc"], "name": {"en": "Group A renamed", "fr": "Groupe A renommé"}})
    response = client.get("/entity/group-a")
    assert response.headers["X-Page-Cache"] == "miss" and "Group A renamed" in response.get_data(as_text=True)


def test_errors_are_not_cached_and_headers_still_apply(tiny_path):
    client = make_app(tiny_path).test_client()
    client.get("/entity/nope")
    assert "X-Page-Cache" not in client.get("/entity/nope").headers
    client.get("/")
    hit = client.get("/")
    assert hit.headers["X-Page-Cache"] == "hit" and "Content-Security-Policy" in hit.headers
    assert "Cookie" in hit.headers["Vary"]


def test_cache_off(tiny_path):
    client = make_app(tiny_path, PAGE_CACHE=0).test_client()
    client.get("/")
    assert "X-Page-Cache" not in client.get("/").headers
