"""The store contract: what every backend (embedded, Neo4j) must do identically."""
from __future__ import annotations

import networkx as nx
import pytest

from graph.errors import InvalidInput, NotFound

NEW_ACTOR = {"id": "group-c", "type": "Actor", "kind": "criminal_network",
             "name": {"en": "Group C", "fr": "Groupe C"}, "confidence": "possible", "sources": ["src-doc"]}
NEW_EDGE = {"type": "ALLIED_WITH", "from": "group-c", "to": "group-b", "confidence": "possible",
            "sources": ["src-doc"]}


def graph_signature(store):
    graph = store.snapshot()
    return (sorted(graph.nodes(data="type")), sorted((u, v, k) for u, v, k in graph.edges(keys=True)),
            store.version())


# -- reads ------------------------------------------------------------------------------------
def test_snapshot_matches_dataset(store, tiny):
    graph = store.snapshot()
    assert isinstance(graph, nx.MultiDiGraph)
    assert nx.utils.graphs_equal(graph, tiny.to_networkx())
    assert nx.is_frozen(graph)


def test_snapshot_cached_until_a_write(store):
    first = store.snapshot()
    assert store.snapshot() is first
    store.upsert_node(NEW_ACTOR)
    second = store.snapshot()
    assert second is not first and "group-c" in second and "group-c" not in first


def test_get_node_and_edge(store):
    node = store.get_node("menaka")
    assert node.type == "Place" and node.props["name"]["fr"] == "Ménaka"
    edge = store.get_edge("MERGED_INTO:group-a->group-b")
    assert edge.props["sources"] == ["src-doc"]
    with pytest.raises(NotFound):
        store.get_node("nowhere")
    with pytest.raises(NotFound):
        store.get_edge("MERGED_INTO:group-b->group-a")


def test_search(store):
    assert store.search("MENAKA")[0].id == "menaka"
    assert store.search("ga")[0].id == "group-a"   # alias GA, exact
    assert [h.id for h in store.search("gao", types=["Route"])] == ["route-gao-menaka"]
    with pytest.raises(InvalidInput):
        store.search("gao", types=["Weapon"])


def test_counts(store):
    counts = store.counts()
    assert counts["nodes"]["Place"] == 3
    assert counts["edges"]["PASSES_THROUGH"] == 2


# -- writes -----------------------------------------------------------------------------------
def test_upsert_node_and_edge(store):
    version = store.version()
    store.upsert_node(NEW_ACTOR)
    store.upsert_edge(NEW_EDGE)
    assert store.version() != version
    assert store.get_node("group-c").props["kind"] == "criminal_network"
    assert store.get_edge("ALLIED_WITH:group-c->group-b").props["confidence"] == "possible"
    assert store.snapshot().has_edge("group-c", "group-b", "ALLIED_WITH:group-c->group-b")


def test_upsert_replaces(store):
    store.upsert_node({**NEW_ACTOR, "name": {"en": "Group C", "fr": "Groupe C"}})
    store.upsert_node({**NEW_ACTOR, "name": {"en": "Group C renamed", "fr": "Groupe C renommé"}})
    assert store.get_node("group-c").name("fr") == "Groupe C renommé"
    assert store.search("renomme")[0].id == "group-c"


def test_symmetric_edge_keeps_stored_orientation(store):
    store.upsert_edge({"type": "FIGHTS", "from": "group-b", "to": "group-a", "confidence": "confirmed",
                       "sources": ["src-doc"]})
    assert store.get_edge("FIGHTS:group-a->group-b").props["confidence"] == "confirmed"
    with pytest.raises(NotFound):
        store.get_edge("FIGHTS:group-b->group-a")


def test_route_update_regenerates_derived_edges(store):
    route = store.get_node("route-gao-menaka")
    store.upsert_node({"id": route.id, "type": "Route", **{**route.props, "places": ["menaka", "gao"]}})
    graph = store.snapshot()
    orders = {v: d["order"] for _, v, d in graph.out_edges("route-gao-menaka", data=True)
              if d["type"] == "PASSES_THROUGH"}
    assert orders == {"menaka": 0, "gao": 1}


@pytest.mark.parametrize("bad, field", [
    ({**NEW_ACTOR, "type": "Weapon"}, "type"),
    ({**NEW_ACTOR, "kind": "gang"}, "kind"),
    ({**NEW_ACTOR, "sources": []}, "sources"),
    ({**NEW_ACTOR, "sources": ["src-nope"]}, "sources"),
    ({**NEW_ACTOR, "countries": ["gao"]}, "countries"),
    ({**NEW_ACTOR, "id": "Bad Id"}, "id"),
    ({"id": "group-a", "type": "CrimeType", "domain": "terrorism", "name": {"en": "X"},
      "confidence": "confirmed", "sources": ["src-doc"]}, "from"),   # its MERGED_INTO edge would break
    ("not a mapping", ""),
])
def test_bad_node_changes_nothing(store, bad, field):
    before = graph_signature(store)
    with pytest.raises(InvalidInput) as info:
        store.upsert_node(bad)
    assert info.value.field == field
    assert graph_signature(store) == before


@pytest.mark.parametrize("bad, field", [
    ({**NEW_EDGE, "from": "group-a", "to": "nowhere"}, "to"),
    ({**NEW_EDGE, "from": "group-a", "type": "TELEPORTS"}, "type"),
    ({"type": "OPERATES_IN", "from": "group-a", "to": "src-doc", "confidence": "confirmed",
      "sources": ["src-doc"]}, "to"),
    ({"type": "OPERATES_IN", "from": "group-a", "to": "gao", "confidence": "sure", "sources": ["src-doc"]},
     "confidence"),
    ({"type": "OPERATES_IN", "from": "group-a", "to": "gao", "confidence": "confirmed"}, "sources"),
    ({"type": "PASSES_THROUGH", "from": "route-gao-menaka", "to": "mali", "confidence": "confirmed",
      "sources": ["src-doc"]}, "type"),
])
def test_bad_edge_changes_nothing(store, bad, field):
    before = graph_signature(store)
    with pytest.raises(InvalidInput) as info:
        store.upsert_edge(bad)
    assert info.value.field == field
    assert graph_signature(store) == before


def test_delete_edge(store):
    store.delete_edge("FIGHTS:group-a->group-b")
    assert not store.snapshot().has_edge("group-a", "group-b", "FIGHTS:group-a->group-b")
    with pytest.raises(NotFound):
        store.delete_edge("FIGHTS:group-a->group-b")
    with pytest.raises(InvalidInput):
        store.delete_edge("PASSES_THROUGH:route-gao-menaka->gao")


def test_delete_node_rules(store):
    before = graph_signature(store)
    with pytest.raises(InvalidInput, match="has 2 edge"):
        store.delete_node("group-a")  # MERGED_INTO, FIGHTS... needs cascade
    with pytest.raises(InvalidInput, match="still referenced"):
        store.delete_node("src-doc")
    with pytest.raises(InvalidInput, match="still referenced"):
        store.delete_node("gao", cascade=True)  # the route lists it
    with pytest.raises(NotFound):
        store.delete_node("nowhere")
    assert graph_signature(store) == before
    store.delete_node("group-b", cascade=True)
    graph = store.snapshot()
    assert "group-b" not in graph and not graph.has_edge("group-a", "group-b")


def test_delete_route_removes_its_derived_edges(store):
    store.delete_node("route-gao-menaka")
    graph = store.snapshot()
    assert "route-gao-menaka" not in graph
    assert not [e for e in graph.edges(data="type") if e[2] == "PASSES_THROUGH"]
