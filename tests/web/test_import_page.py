"""The import page: CSRF-protected forms, every problem listed, overlays marked, hidden and removed;
the path page tells when the search stopped early."""
from __future__ import annotations

import io
import re

from graph.dataset import load_dataset
from graph.store.embedded import EmbeddedStore
from graph.synth import write_synth
from tests.conftest import FIXTURES
from tests.web.conftest import make_app
from web import create_app

NODES = "id,type,kind,name_en,name_fr,confidence,sources\ncase-x,Actor,criminal_network,Case X,Affaire X,probable,src-b\n"


def token(client) -> str:
    html = client.get("/import").get_data(as_text=True)
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def test_forms_need_the_token():
    client = make_app(FIXTURES / "paths").test_client()
    response = client.post("/import", data={"action": "import", "name": "case",
                                            "files": (io.BytesIO(NODES.encode()), "nodes.csv")})
    assert response.status_code == 400 and "The form has expired" in response.get_data(as_text=True)


def test_import_show_hide_remove():
    client = make_app(FIXTURES / "paths").test_client()
    csrf = token(client)
    response = client.post("/import", data={"csrf_token": csrf, "action": "import", "name": "case",
                                            "files": (io.BytesIO(NODES.encode()), "nodes.csv")})
    assert response.status_code == 303
    page = client.get("/entity/case-x").get_data(as_text=True)
    assert "Imported case data (overlay “case”)" in page
    client.post("/import", data={"csrf_token": csrf, "action": "hide", "name": "case"})
    assert client.get("/entity/case-x").status_code == 404
    client.post("/import", data={"csrf_token": csrf, "action": "remove", "name": "case"})
    assert "No overlay yet." in client.get("/import").get_data(as_text=True)


def test_problems_are_listed_with_rows():
    client = make_app(FIXTURES / "paths").test_client()
    bad = NODES + "case-y,Actor,armed_group,Y,Y,confirmed,src-b,extra\ncase-z,Place,city,,Z,confirmed,src-b\n"
    response = client.post("/import", data={"csrf_token": token(client), "action": "import", "name": "case",
                                            "files": (io.BytesIO(bad.encode()), "nodes.csv")})
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "<code>nodes.csv:3</code>: more cells than header columns" in html
    assert "<code>nodes.csv:4</code> <strong>name.en</strong>: missing required field" in html
    assert "No overlay yet." in client.get("/import").get_data(as_text=True)


def test_search_stopped_early_notice(tmp_path):
    store = EmbeddedStore(load_dataset(write_synth(tmp_path, 3000, 4.0, seed=5)))
    client = create_app({"TESTING": True, "NEXUS_STORE": store, "OVERLAY_FOLDER": False}).test_client()
    html = client.get("/paths", query_string={"from": "n100", "to": "n200", "k": 20, "max_hops": 8,
                                              "direction": "ignore", "budget_ms": 10}).get_data(as_text=True)
    assert "Search stopped early (time limit reached)" in html
