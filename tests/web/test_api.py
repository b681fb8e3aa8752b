"""The JSON API: OpenAPI matches the routes, consistent errors, the same answers as the pages."""
from __future__ import annotations

import io
import re

import pytest

from tests.conftest import FIXTURES
from tests.web.conftest import make_app

METHODS = {"GET", "POST", "PATCH", "DELETE", "PUT"}


@pytest.fixture()
def api():
    return make_app(FIXTURES / "paths").test_client()


def test_openapi_documents_exactly_the_real_routes(app):
    document = app.test_client().get("/api/v1/openapi.json").get_json()
    assert document["openapi"].startswith("3.")
    documented = {(path, method.upper()) for path, item in document["paths"].items() for method in item}
    real = set()
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/api/v1"):
            path = re.sub(r"<(?:[^:>]+:)?([^>]+)>", r"{\1}", rule.rule)
            real |= {(path, m) for m in rule.methods & METHODS}
    assert documented == real


def test_search_entity_neighbourhood(api):
    hits = api.get("/api/v1/search?q=gsim&lang=fr").get_json()["results"]
    assert hits[0] == {"id": "jnim", "type": "Actor", "name": "GSIM", "matched": "GSIM"}
    entity = api.get("/api/v1/entities/jnim").get_json()
    assert entity["name"] == "JNIM" and entity["sources"][0]["url"] == "https://example.org/b"
    view = api.get("/api/v1/entities/jnim/neighbourhood?radius=1").get_json()
    assert view["center"] == "jnim" and {n["id"] for n in view["nodes"]} >= {"jnim", "terrorism", "network"}


def test_paths_with_evidence_and_sentence(api):
    body = api.get("/api/v1/paths", query_string={"from": "jnim", "to": "terrorism", "via": "corruption",
                                                  "direction": "ignore", "lang": "fr"}).get_json()
    path = body["paths"][0]
    assert [n["id"] for n in path["nodes"]] == ["jnim", "route-gao-kidal", "corruption", "terrorism"]
    assert path["sentence"].startswith("GSIM taxe la route Gao–Kidal, que la corruption facilite")
    assert [h["weakest"] for h in path["hops"]] == [False, False, True]
    assert path["hops"][1]["evidence"][0]["sources"][0]["publisher"] == "UN"
    assert body["stopped_early"] is False and body["query"]["via"] == "corruption"


@pytest.mark.parametrize("url, status, field, message", [
    ("/api/v1/paths?from=jnim&to=terrorism&k=21", 400, "k", "k must be between 1 and 20 (got 21)."),
    ("/api/v1/paths?from=jnim&to=terrorism&max_hops=9", 400, "max_hops", "max_hops must be between 1 and 8 (got 9)."),
    ("/api/v1/paths?from=jnim&to=terrorism&min_confidence=sure", 400, "min_confidence", None),
    ("/api/v1/paths?from=jnim", 400, "to", None),
    ("/api/v1/metrics?top=0", 400, "top", "top must be between 1 and 500 (got 0)."),
    ("/api/v1/search?q=", 400, "q", None),
    ("/api/v1/export?format=pdf", 400, "format", None),
    ("/api/v1/entities/jnim/neighbourhood?radius=9", 400, "radius", None),
])
def test_errors_are_consistent_objects(api, url, status, field, message):
    response = api.get(url)
    assert response.status_code == status
    error = response.get_json()["error"]
    assert set(error) == {"code", "message", "field"} and error["code"] == "bad_request" and error["field"] == field
    if message:
        assert error["message"] == message


def test_unknown_ids_are_404_with_suggestions(api):
    response = api.get("/api/v1/paths?from=jnim&to=corruptio")
    assert response.status_code == 404
    body = response.get_json()
    assert body["error"]["code"] == "not_found" and body["suggestions"][0]["id"] == "corruption"
    assert api.get("/api/v1/entities/nope").status_code == 404
    assert api.get("/api/v1/nope").get_json()["error"]["code"] == "not_found"


def test_metrics(api):
    body = api.get("/api/v1/metrics").get_json()
    assert body["degree"][0]["id"] == "jnim" and body["seed"] == 42 and body["betweenness_sample"] is None


def test_export_scopes(api):
    whole = api.get("/api/v1/export?format=json&scope=graph")
    assert whole.headers["Content-Disposition"] == 'attachment; filename="nexus-graph.json"'
    assert len(whole.get_json()["nodes"]) == 10
    view = api.get("/api/v1/export?format=json&scope=view&center=network&radius=1").get_json()
    assert {n["id"] for n in view["nodes"]} == {"network", "jnim", "smuggling"}
    path = api.get("/api/v1/export", query_string={"format": "json", "scope": "path", "from": "network",
                                                   "to": "terrorism", "index": "1"}).get_json()
    assert {n["id"] for n in path["nodes"]} == {"network", "jnim", "terrorism"}
    assert {e["type"] for e in path["edges"]} == {"ALLIED_WITH", "ENGAGES_IN"}


NODES_CSV = "id,type,kind,name_en,name_fr,confidence,sources\ncase-x,Actor,criminal_network,Case X,Affaire X,probable,src-b\n"
EDGES_CSV = "type,from,to,confidence,sources\nALLIED_WITH,case-x,jnim,possible,src-b\n"


def upload(client, name="case", files=None, header=True):
    files = files if files is not None else [(io.BytesIO(NODES_CSV.encode()), "nodes.csv"),
                                             (io.BytesIO(EDGES_CSV.encode()), "edges.csv")]
    return client.post("/api/v1/overlays", data={"name": name, "files": files},
                       headers={"X-Nexus-Request": "1"} if header else {}, content_type="multipart/form-data")


def test_overlay_lifecycle(api):
    assert upload(api, header=False).status_code == 400          # cross-site protection
    created = upload(api)
    assert created.status_code == 201 and created.get_json() == {"name": "case", "shown": True, "nodes": 1, "edges": 1}
    view = api.get("/api/v1/entities/jnim/neighbourhood").get_json()
    assert "case-x" in {n["id"] for n in view["nodes"]}
    hidden = api.patch("/api/v1/overlays/case", json={"shown": False}, headers={"X-Nexus-Request": "1"})
    assert hidden.get_json()["shown"] is False
    assert "case-x" not in {n["id"] for n in api.get("/api/v1/entities/jnim/neighbourhood").get_json()["nodes"]}
    assert api.delete("/api/v1/overlays/case", headers={"X-Nexus-Request": "1"}).status_code == 204
    assert api.get("/api/v1/overlays").get_json() == {"overlays": []}


def test_import_errors_list_every_problem_and_import_nothing(api):
    bad = "id,type,kind,name_en,name_fr,confidence,sources\ncase-x,Weapon,,X,X,confirmed,src-b\ncase-y,Actor,armed_group,Y,Y,sure,src-b\n"
    response = upload(api, files=[(io.BytesIO(bad.encode()), "nodes.csv")])
    assert response.status_code == 400
    problems = response.get_json()["problems"]
    assert [(p["line"], p["field"]) for p in problems] == [(2, "type"), (3, "confidence")]
    assert api.get("/api/v1/overlays").get_json() == {"overlays": []}
    not_csv = upload(api, files=[(io.BytesIO(b"%PDF-1.4"), "case.pdf")])
    assert not_csv.status_code == 400 and "is not a CSV or GraphML file" in not_csv.get_json()["error"]["message"]


def test_too_large_is_413(tiny_path):
    client = make_app(FIXTURES / "paths", MAX_CONTENT_LENGTH=1000).test_client()
    response = upload(client, files=[(io.BytesIO(b"x" * 5000), "nodes.csv")])
    assert response.status_code == 413 and response.get_json()["error"]["code"] == "too_large"


def test_page_and_api_use_the_same_service(api):
    page = api.get("/paths", query_string={"from": "network", "to": "terrorism"}).get_data(as_text=True)
    body = api.get("/api/v1/paths", query_string={"from": "network", "to": "terrorism"}).get_json()
    for path in body["paths"]:
        assert path["sentence"] in page
