"""The Neo4j store without a server: query text uses only ontology names, hostile input is refused
before any query, an unreachable server gives the documented message and exit code, and 503 pages."""
from __future__ import annotations

import re
import socket

import pytest
from click.testing import CliRunner

from graph.cypher_guard import check_read_only
from graph.errors import InvalidInput, NotFound
from graph.store import neo4j as cypher
from graph.store.loader import load, plan
from graph.store.neo4j import Neo4jStore, parse_edge_id
from tests.store.fake_neo4j import FakeDriver
from web import create_app
from web.cli import main

LABEL = re.compile(r":`?([A-Z][A-Za-z_]*)")   # every :Label or :REL_TYPE in a query text


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]   # closed again when the socket is


def fake_store(dataset=None) -> tuple[Neo4jStore, FakeDriver]:
    driver = FakeDriver(dataset)
    return Neo4jStore("bolt://fake:7687", driver=driver), driver


def labels_in(text: str) -> set[str]:
    return set(LABEL.findall(text))


def test_generated_cypher_uses_only_ontology_names(ontology, tiny):
    store, driver = fake_store(tiny)
    load(store, tiny, wipe_first=True, batch=3)
    allowed = set(ontology.node_types) | set(ontology.edge_types) | {cypher.COMMON_LABEL, cypher.META_LABEL}
    texts = [text for text, _ in driver.queries]
    assert any(t.startswith("CREATE CONSTRAINT nexus_actor_id IF NOT EXISTS FOR (n:Actor) REQUIRE n.id IS UNIQUE")
               for t in texts)
    assert sum(t.startswith("CREATE CONSTRAINT") for t in texts) == len(ontology.node_types) + 1
    for text in texts:
        assert labels_in(text) <= allowed, text
        assert "$" in text or "CONSTRAINT" in text or "count(" in text or "m.version" in text or "DETACH" in text


def test_values_travel_as_parameters(tiny):
    store, driver = fake_store(tiny)
    load(store, tiny, batch=100)
    merges = [(t, p) for t, p in driver.queries if t.startswith("UNWIND $rows")]
    assert merges and all("Ménaka" not in t and "group-a" not in t for t, _ in merges)
    rows = [row for _, p in merges for row in p["rows"]]
    menaka = next(r for r in rows if r.get("id") == "menaka")
    assert menaka["props"]["name_fr"] == "Ménaka" and '"fr": "Ménaka"' in menaka["props"]["_props"]


def test_batches_follow_the_batch_size(tiny):
    store, driver = fake_store(tiny)
    load(store, tiny, batch=2)
    place_batches = [p["rows"] for t, p in driver.queries if "SET n:Place" in t]
    assert [len(b) for b in place_batches] == [2, 1]


@pytest.mark.parametrize("hostile", ["Actor) DETACH DELETE (n", "Actor`:Admin", "actor", "X:Y"])
def test_hostile_labels_never_reach_a_query(ontology, hostile):
    store, driver = fake_store()
    with pytest.raises(InvalidInput):
        store.upsert_node({"id": "x", "type": hostile, "name": {"en": "X"}, "confidence": "confirmed",
                           "sources": ["s"]})
    with pytest.raises(InvalidInput):
        store.upsert_edge({"type": hostile, "from": "a", "to": "b", "confidence": "confirmed", "sources": ["s"]})
    with pytest.raises(NotFound):
        store.get_edge(f"{hostile}:a->b")
    with pytest.raises(KeyError):
        cypher.merge_nodes_cypher(ontology, hostile)
    with pytest.raises(KeyError):
        cypher.merge_edges_cypher(ontology, hostile)
    assert driver.queries == []


def test_parse_edge_id(ontology):
    assert parse_edge_id(ontology, "MERGED_INTO:group-a->jnim") == ("MERGED_INTO", "group-a", "jnim")
    for bad in ("MERGED_INTO:group-a", "NOPE:a->b", "a->b", "MERGED_INTO:->b"):
        with pytest.raises(InvalidInput):
            parse_edge_id(ontology, bad)


def test_snapshot_equals_embedded(tiny):
    store, _ = fake_store(tiny)
    import networkx as nx

    assert nx.utils.graphs_equal(store.snapshot(), tiny.to_networkx())
    assert store.search("menaka")[0].id == "menaka"


def test_plan_for_dry_run(tiny):
    store, driver = fake_store(tiny)
    changes = plan(store, tiny)
    assert changes.same == {"nodes": 9, "edges": 8} and changes.create == {"nodes": 0, "edges": 0}
    assert not [t for t, _ in driver.queries if "MERGE" in t or "CREATE" in t]   # a dry run writes nothing


def test_flatten_keeps_exact_props():
    flat = cypher.flatten({"name": {"en": "A", "fr": "B"}, "period": {"from": "2017"}, "sources": ["s"]})
    assert flat["name_en"] == "A" and flat["period_from"] == "2017" and flat["sources"] == ["s"]
    assert flat["_props"] == '{"name": {"en": "A", "fr": "B"}, "period": {"from": "2017"}, "sources": ["s"]}'


# -- an unreachable server ----------------------------------------------------------------------
def test_load_with_unreachable_server_exits_3(tiny_path):
    port = closed_port()
    result = CliRunner().invoke(main, ["load", "--data", str(tiny_path)],
                                env={"NEO4J_URI": f"bolt://127.0.0.1:{port}", "NEO4J_PASSWORD": "x"})
    assert result.exit_code == 3, result.output
    assert f"cannot reach Neo4j at bolt://127.0.0.1:{port}" in result.output
    assert "Is Neo4j running?" in result.output


def test_load_without_uri_exits_2(tiny_path):
    result = CliRunner().invoke(main, ["load", "--data", str(tiny_path)], env={"NEO4J_URI": ""})
    assert result.exit_code == 2 and "NEO4J_URI is not set" in result.output


def test_load_refuses_invalid_seeds_before_connecting(tmp_path):
    from tests.conftest import FIXTURES

    result = CliRunner().invoke(main, ["load", "--data", str(FIXTURES / "invalid" / "bad_date.yaml")],
                                env={"NEO4J_URI": "bolt://127.0.0.1:1"})
    assert result.exit_code == 1 and "nothing was written to Neo4j" in result.output


def test_web_answers_503_when_neo4j_is_down():
    app = create_app({"NEO4J_URI": f"bolt://127.0.0.1:{closed_port()}", "NEO4J_RETRY_SECONDS": 0.2,
                      "TESTING": True})
    client = app.test_client()
    for url in ("/", "/entity/jnim"):
        response = client.get(url)
        assert response.status_code == 503, url
        html = response.get_data(as_text=True)
        assert "cannot be reached" in html and "Traceback" not in html


def test_web_recovers_when_neo4j_is_back(tiny):
    store, driver = fake_store(tiny)
    client = create_app({"NEXUS_STORE": store, "TESTING": True}).test_client()
    driver.down = True
    assert client.get("/entity/group-a").status_code == 503
    driver.down = False
    assert client.get("/entity/group-a").status_code == 200


# -- the console ----------------------------------------------------------------------------------
@pytest.mark.parametrize("query", [
    "CREATE (n)", "create (n:Actor {id: 'x'})", "MATCH (n) DETACH DELETE n", "MATCH (n) delete n",
    "MATCH (n) SET n.name_en = 'x'", "MATCH (n) REMOVE n.name_en", "MERGE (n:Actor {id: 'x'})",
    "MATCH (n) RETURN n; MATCH (m) DELETE m", "MATCH (n) RETURN n /* sneaky */ ; CREATE (x)",
    "MATCH (n) // comment\nCREATE (x)", "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
    "CALL apoc.periodic.iterate('MATCH (n) RETURN n', 'DELETE n', {})", "CALL dbms.killQueries(['1'])",
    "CREATE INDEX x FOR (n:Actor) ON (n.id)", "DROP CONSTRAINT nexus_actor_id", "SHOW USERS",
    "GRANT ROLE admin TO bob", "ALTER USER neo4j SET PASSWORD 'x'", "USE system MATCH (n) RETURN n",
    "MATCH (n) FOREACH (x IN [1] | CREATE (m))", "MATCH (n) CALL { CREATE (m) } RETURN n",
    "MATCH (n) RETURN 'unterminated", "",
])
def test_console_refuses_writes_before_sending(query):
    with pytest.raises(InvalidInput):
        check_read_only(query)


@pytest.mark.parametrize("query", [
    "MATCH (n:Actor) RETURN n.name_en LIMIT 5", "MATCH (n {name_en: 'CREATE DELETE'}) RETURN n",
    "MATCH (n) WHERE n.`set` IS NULL RETURN n.id", "// list labels\nCALL db.labels()",
    "MATCH (a)-[r]->(b) RETURN a.id, type(r), b.id;", "MATCH p = shortestPath((a {id: $a})-[*..5]-(b {id: $b})) RETURN p",
])
def test_console_accepts_reads(query):
    assert check_read_only(query) == query


def test_console_refusal_sends_nothing(tiny):
    from graph.console import run_console

    store, driver = fake_store(tiny)
    with pytest.raises(InvalidInput):
        run_console(store, "match (n) detach delete n")
    assert driver.queries == []


def test_console_page_refuses_writes_with_400(tiny):
    store, driver = fake_store(tiny)
    client = create_app({"NEXUS_STORE": store, "TESTING": True}).test_client()
    response = client.get("/console", query_string={"q": "MATCH (n) DETACH DELETE n"})
    assert response.status_code == 400
    assert "The console is read-only: DELETE is not allowed." in response.get_data(as_text=True)
    assert not [t for t, _ in driver.queries if "DELETE" in t]
    bad_params = client.get("/console", query_string={"q": "MATCH (n) RETURN n", "params": "{oops"})
    assert bad_params.status_code == 400 and "Parameters are not valid JSON" in bad_params.get_data(as_text=True)
