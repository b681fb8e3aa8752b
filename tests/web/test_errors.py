"""Bad input gets a clear 400, unknown things a 404 with suggestions, a dead store a 503; never a trace."""
from __future__ import annotations

import pytest

from graph.errors import StoreUnavailable
from graph.store.embedded import EmbeddedStore
from web import create_app


@pytest.mark.parametrize("url, message", [
    ("/entity/group-a?radius=99", "radius must be between 1 and 3 (got 99)."),
    ("/entity/group-a?radius=x", "radius must be a whole number, not “x”."),
    ("/entity/group-a?type=Weapon", "Unknown type “Weapon”."),
    ("/entity/group-a?year=abc", "year must be a whole number, not “abc”."),
    ("/entity/group-a?year=1200", "year must be between 1950 and 2100 (got 1200)."),
    ("/entity/group-a?crime=menaka", "Unknown crime type “menaka”."),
    ("/entity/group-a?country=gao", "Unknown country “gao”."),
    ("/entity/group-a?cap=0", "cap must be between 1 and 500 (got 0)."),
    ("/overview?physics=maybe", "physics must be “on” or “off”."),
    ("/search?type=Weapon&q=a", "Unknown type “Weapon”."),
    ("/lang/de", "Unknown language “de”."),
])
def test_bad_parameters_are_400(client, url, message):
    response = client.get(url)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)


def test_bad_parameter_in_french(fr_client):
    response = fr_client.get("/entity/group-a?radius=99")
    assert response.status_code == 400
    assert "radius doit être compris entre 1 et 3 (reçu : 99)." in response.get_data(as_text=True)


def test_unknown_entity_is_404_with_suggestions(client):
    response = client.get("/entity/group-z")
    assert response.status_code == 404
    html = response.get_data(as_text=True)
    assert "Nothing is recorded under the identifier “group-z”." in html
    assert 'href="/entity/group-a"' in html     # suggestion from "group z"


def test_unknown_page_and_type_are_404(client):
    assert client.get("/nowhere").status_code == 404
    assert client.get("/browse/Weapon").status_code == 404


def test_404_in_french(fr_client):
    html = fr_client.get("/entity/group-z").get_data(as_text=True)
    assert "Introuvable" in html and "Vouliez-vous dire" in html


class DeadStore(EmbeddedStore):
    def version(self):
        raise StoreUnavailable("connection refused")


def test_store_failure_is_503(tiny):
    client = create_app({"TESTING": True, "NEXUS_STORE": DeadStore(tiny)}).test_client()
    for url in ("/", "/entity/group-a", "/overview", "/search?q=gao"):
        response = client.get(url)
        assert response.status_code == 503, url
        assert "cannot be reached" in response.get_data(as_text=True)


def test_unexpected_error_is_a_page_not_a_trace(tiny):
    class BrokenStore(EmbeddedStore):
        def _everything(self):
            raise RuntimeError("secret internal detail")

    app = create_app({"NEXUS_STORE": BrokenStore(tiny)})
    response = app.test_client().get("/")
    assert response.status_code == 500
    html = response.get_data(as_text=True)
    assert "unexpected error" in html and "secret internal detail" not in html and "Traceback" not in html
