"""Network view selection: radius, filters, hub capping, labels in one language, server-side layout."""
from __future__ import annotations

import pytest

from graph.dataset import load_dataset
from graph.views import (MORE_PREFIX, ViewFilters, build_view, in_year, neighbourhood, overview_nodes,
                         place_countries, text_in)
from tests.conftest import FIXTURES


@pytest.fixture(scope="module")
def graph():
    return load_dataset(FIXTURES / "valid" / "tiny.yaml").to_networkx()


@pytest.fixture(scope="module")
def hub_graph():
    return load_dataset(FIXTURES / "hostile").to_networkx()


def test_text_in_falls_back_to_english():
    assert text_in({"en": "Gao", "fr": "Gao (fr)"}, "fr") == ("Gao (fr)", False)
    assert text_in({"en": "Englishtown"}, "fr") == ("Englishtown", True)
    assert text_in({"en": "Englishtown"}, "en") == ("Englishtown", False)


@pytest.mark.parametrize("period, year, expected", [
    (None, 2016, True), ({"from": "2017-03"}, 2016, False), ({"from": "2017-03"}, 2017, True),
    ({"to": "2010"}, 2011, False), ({"from": "2012", "to": "2017-03"}, 2016, True), ({"from": "2017"}, None, True),
])
def test_in_year(period, year, expected):
    assert in_year(period, year) is expected


def test_radius(graph):
    one, _ = neighbourhood(graph, "group-a", 1)
    assert set(one) == {"group-a", "group-b"}          # the source is not a neighbour in views
    two, _ = neighbourhood(graph, "group-a", 2)
    assert set(two) == {"group-a", "group-b", "menaka", "kidnapping"}
    three, _ = neighbourhood(graph, "group-a", 3)
    assert "route-gao-menaka" in three and "mod-intro" in three


def test_filters(graph):
    ids, _ = neighbourhood(graph, "group-a", 3, ViewFilters(types=frozenset({"Actor", "Place"})))
    assert set(ids) == {"group-a", "group-b", "menaka"}
    ids, _ = neighbourhood(graph, "group-b", 1, ViewFilters(year=2016))
    assert set(ids) == {"group-b", "group-a", "menaka", "kidnapping"}   # nodes exist; the 2017 merger edge does not
    view = build_view(graph, graph_ontology(), ids, filters=ViewFilters(year=2016))
    assert "MERGED_INTO:group-a->group-b" not in {e.id for e in view.edges}
    ids, _ = neighbourhood(graph, "group-b", 2, ViewFilters(crime_types=frozenset({"kidnapping"})))
    assert set(ids) == {"group-b", "kidnapping", "route-gao-menaka", "mod-intro"}


def test_country_filter_follows_located_in(hub_graph):
    assert place_countries(hub_graph)["english-only"] == frozenset({"hub-country"})
    ids = overview_nodes(hub_graph, ViewFilters(countries=frozenset({"hub-country"})))
    assert "english-only" in ids and "town-01" in ids


def test_hub_cap_and_expand(hub_graph):
    ids, capped = neighbourhood(hub_graph, "hub-country", 1, cap=10)
    assert len(ids) == 11 and capped == {"hub-country": 22}   # 32 neighbours, 10 shown
    view = build_view(hub_graph, graph_ontology(), ids, center="hub-country", capped=capped)
    more = [n for n in view.nodes if n.more]
    assert [(n.id, n.more, n.label) for n in more] == [(MORE_PREFIX + "hub-country", 22, "and 22 more")]
    ids, capped = neighbourhood(hub_graph, "hub-country", 1, cap=10, expand=["hub-country"])
    assert len(ids) == 33 and capped == {}


def test_capped_neighbours_are_the_strongest_links(hub_graph):
    ids, _ = neighbourhood(hub_graph, "hub-country", 1, cap=3)
    assert ids[1:] == ["english-only", "town-01", "town-02"]   # confirmed links first, then by id
    ids2, _ = neighbourhood(hub_graph, "hub-country", 1, cap=3)
    assert ids == ids2


def test_labels_in_language(graph):
    ids, _ = neighbourhood(graph, "menaka", 1)
    view = build_view(graph, graph_ontology(), ids, "fr", center="menaka")
    labels = {n.id: n.label for n in view.nodes}
    assert labels["menaka"] == "Ménaka"
    edge = next(e for e in view.edges if e.type == "OPERATES_IN")
    assert edge.label == "opère dans" and edge.confidence == "probable" and edge.sources == 1


def test_big_views_get_server_side_positions(hub_graph):
    ids = overview_nodes(hub_graph)
    small = build_view(hub_graph, graph_ontology(), ids)
    assert small.positions is None and small.physics
    big = build_view(hub_graph, graph_ontology(), ids, layout_threshold=10)
    assert not big.physics and set(big.positions) == {n.id for n in big.nodes}
    again = build_view(hub_graph, graph_ontology(), ids, layout_threshold=10)
    assert again.positions == big.positions                    # seeded: deterministic


def graph_ontology():
    from graph.ontology import load_ontology

    return load_ontology()
