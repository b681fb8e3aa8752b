"""Every page renders, search finds names and aliases, views honour their parameters."""
from __future__ import annotations

import json
import re

import pytest


def graph_data(html: str) -> dict:
    """The view data of a page, with its packed rows unpacked into dicts."""
    match = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', html, re.S)
    assert match, "no graph data on the page"
    data = json.loads(match.group(1))
    for key, fields in (("nodes", "nodeFields"), ("edges", "edgeFields")):
        data[key] = [dict(zip(data[fields], row)) for row in data[key]]
    for edge in data["edges"]:
        edge["id"] = f"{edge['type']}:{edge['from']}->{edge['to']}"
    return data


def test_home_counts_and_entry_points(client):
    html = client.get("/").get_data(as_text=True)
    assert "The graph holds 8 entities and 8 links, citing 1 sources." in html
    assert 'href="/browse/Actor"' in html


@pytest.mark.parametrize("query, first", [("menaka", "menaka"), ("MÉNAKA", "menaka"), ("ga", "group-a"),
                                          ("groupe b", "group-b"), ("enlevement", "kidnapping")])
def test_search_is_accent_and_case_insensitive(client, query, first):
    html = client.get("/search", query_string={"q": query}).get_data(as_text=True)
    links = re.findall(r'<a href="/entity/([^"]+)">', html)
    assert links and links[0] == first


def test_search_without_results_and_empty(client):
    assert "Nothing found" in client.get("/search?q=zzzz").get_data(as_text=True)
    assert "Type a name or an alias" in client.get("/search").get_data(as_text=True)


def test_entity_page(client):
    response = client.get("/entity/group-b")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "<h1>Group B</h1>" in html
    assert 'href="https://undocs.org/S/RES/2349(2017)"' in html    # the source, linked
    assert "merged into" in html and "operates in" in html         # grouped neighbours
    data = graph_data(html)
    assert {n["id"] for n in data["nodes"]} == {"group-b", "group-a", "menaka", "kidnapping"}
    assert data["options"]["groups"]["Actor"]["shape"] == "dot"


def test_entity_radius_and_type_filter(client):
    data = graph_data(client.get("/entity/group-a?radius=2").get_data(as_text=True))
    assert {"menaka", "kidnapping"} <= {n["id"] for n in data["nodes"]}
    data = graph_data(client.get("/entity/group-a?radius=2&type=Actor").get_data(as_text=True))
    assert {n["id"] for n in data["nodes"]} == {"group-a", "group-b"}


def test_year_filter(client):
    data = graph_data(client.get("/entity/group-b?year=2016").get_data(as_text=True))
    ids = {n["id"] for n in data["nodes"]}
    assert "group-a" in ids   # group-a (2012-2017-03) exists in 2016
    edge_ids = {e["id"] for e in data["edges"]}
    assert "MERGED_INTO:group-a->group-b" not in edge_ids   # the merger is from 2017-03


def test_confidence_as_line_style(client):
    data = graph_data(client.get("/entity/group-b").get_data(as_text=True))
    grades = {e["id"]: e["confidence"] for e in data["edges"]}
    assert grades["MERGED_INTO:group-a->group-b"] == "confirmed"
    assert grades["OPERATES_IN:group-b->menaka"] == "probable"
    assert data["dashes"] == {"confirmed": False, "probable": [8, 6], "possible": [2, 5]}  # solid, dashed, dotted
    assert data["directed"] == ["ENGAGES_IN", "MERGED_INTO", "OPERATES_IN"]


def test_browse_and_overview(client):
    html = client.get("/browse/Place").get_data(as_text=True)
    assert html.count('href="/entity/') == 3
    data = graph_data(client.get("/overview").get_data(as_text=True))
    assert "src-doc" not in {n["id"] for n in data["nodes"]}          # sources are left out
    assert len(data["nodes"]) == 8


def test_vis_served_locally_and_cacheable(client):
    response = client.get("/vendor/vis-network/9.1.2/vis-network.min.js")
    assert response.status_code == 200 and len(response.data) > 100_000
    assert "max-age=31536000" in response.headers["Cache-Control"]
    html = client.get("/entity/group-a").get_data(as_text=True)
    assert '<script src="/vendor/vis-network/9.1.2/vis-network.min.js"></script>' in html
    assert client.get("/vendor/vis-network/9.1.2/../../secret").status_code == 404


def test_text_alternative_lists_nodes_and_links(client):
    html = client.get("/entity/group-b").get_data(as_text=True)
    assert 'id="network-nodes"' in html and 'href="/entity/group-b?radius=1&amp;cap=25&amp;format=table"' in html
    table = client.get("/entity/group-b?format=table").get_data(as_text=True)
    assert '<a href="/entity/group-a">Group A</a>' in table and "merged into" in table and "2017–…" in table
    assert client.get("/overview?format=table").status_code == 200
    assert client.get("/overview?format=pdf").status_code == 400


def test_physics_off_gets_server_positions(client):
    on = graph_data(client.get("/entity/group-b").get_data(as_text=True))
    assert on["physics"] and "x" not in on["nodes"][0]
    off = graph_data(client.get("/entity/group-b?physics=off").get_data(as_text=True))
    assert not off["physics"] and off["options"]["physics"] == {"enabled": False}
    assert all("x" in n and "y" in n for n in off["nodes"])


def test_console_page_explains_embedded_mode(client):
    html = client.get("/console").get_data(as_text=True)
    assert "The Cypher console needs Neo4j" in html and 'href="/overview"' in html


def test_view_export_link_gives_the_same_nodes(client):
    html = client.get("/entity/group-b?radius=1").get_data(as_text=True)
    link = re.search(r'href="(/export\?format=json[^"]*)"', html).group(1).replace("&amp;", "&")
    exported = client.get(link).get_json()
    shown = {n["id"] for n in graph_data(html)["nodes"]}
    assert {n["id"] for n in exported["nodes"]} == shown
