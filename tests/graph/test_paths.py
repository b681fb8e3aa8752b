"""The path finder on a hand-built graph with known answers (tests/fixtures/paths/paths.yaml)."""
from __future__ import annotations

import pytest

from graph.dataset import load_dataset
from graph.paths import PathQuery, find_paths, narrative
from graph.synth import write_synth
from tests.conftest import FIXTURES


@pytest.fixture(scope="module")
def graph():
    return load_dataset(FIXTURES / "paths").to_networkx()


def nodes(graph, ontology, **query):
    return [p.nodes for p in find_paths(graph, ontology, PathQuery(**query)).paths]


def test_shortest_first_then_longer(graph, ontology):
    assert nodes(graph, ontology, source="network", target="terrorism") == [
        ("network", "jnim", "terrorism"), ("network", "smuggling", "jnim", "terrorism")]


def test_k_and_max_hops(graph, ontology):
    assert nodes(graph, ontology, source="network", target="terrorism", k=1) == [("network", "jnim", "terrorism")]
    assert nodes(graph, ontology, source="network", target="terrorism", max_hops=1) == []


def test_minimum_confidence(graph, ontology):
    # the alliance is only "possible": with confirmed links only, the path goes through smuggling
    assert nodes(graph, ontology, source="network", target="terrorism", min_confidence="confirmed") == [
        ("network", "smuggling", "jnim", "terrorism")]


def test_direction(graph, ontology):
    # corruption FACILITATES the route: walking route -> corruption goes against a directed link
    assert nodes(graph, ontology, source="jnim", target="corruption") == []
    assert nodes(graph, ontology, source="jnim", target="corruption", ignore_direction=True)[0] == (
        "jnim", "route-gao-kidal", "corruption")
    # ALLIED_WITH is symmetric: walkable both ways even when directions are respected
    assert ("jnim", "network") in [p[:2] for p in nodes(graph, ontology, source="jnim", target="smuggling")]


def test_via_node_differs_from_the_shortest(graph, ontology):
    shortest = nodes(graph, ontology, source="jnim", target="terrorism", ignore_direction=True)
    assert shortest[0] == ("jnim", "terrorism")
    through = nodes(graph, ontology, source="jnim", target="terrorism", via_node="corruption", ignore_direction=True)
    assert through == [("jnim", "route-gao-kidal", "corruption", "terrorism")]


def test_via_type(graph, ontology):
    assert nodes(graph, ontology, source="jnim", target="terrorism", via_type="Route", ignore_direction=True) == [
        ("jnim", "route-gao-kidal", "corruption", "terrorism")]


def test_period(graph, ontology):
    # corruption FACILITATES terrorism only 2010-2012
    assert nodes(graph, ontology, source="corruption", target="terrorism", year=2011) == [("corruption", "terrorism")]
    assert nodes(graph, ontology, source="corruption", target="terrorism", year=2015) == []


def test_avoid_types_and_nodes(graph, ontology):
    assert nodes(graph, ontology, source="network", target="terrorism", avoid_nodes=frozenset({"smuggling"})) == [
        ("network", "jnim", "terrorism")]
    assert nodes(graph, ontology, source="network", target="terrorism", avoid_types=frozenset({"CrimeType"})) == [
        ("network", "jnim", "terrorism")]
    assert nodes(graph, ontology, source="network", target="terrorism", avoid_nodes=frozenset({"jnim"})) == []


def test_evidence_weakest_hop_and_ranking(graph, ontology):
    result = find_paths(graph, ontology, PathQuery("smuggling", "corruption", k=2, ignore_direction=True))
    first, second = result.paths
    assert first.nodes == ("smuggling", "jnim", "route-gao-kidal", "corruption")   # weakest: probable
    assert second.nodes == ("smuggling", "jnim", "terrorism", "corruption")         # weakest: possible
    weakest = [h for h in first.hops if h.weakest]
    assert len(weakest) == 1 and weakest[0].best.type == "TAXES" and weakest[0].best.confidence == "probable"
    hop = first.hops[2]
    assert hop.best.forward is False and hop.best.sources == ("src-a",)


def test_weakest_ties_go_to_the_oldest_source(graph, ontology):
    result = find_paths(graph, ontology, PathQuery("smuggling", "terrorism", k=5, ignore_direction=True))
    path = next(p for p in result.paths if p.nodes == ("smuggling", "network", "jnim", "terrorism"))
    # ENGAGES_IN (confirmed, 2020), ALLIED_WITH (possible, 2005 source), ENGAGES_IN (confirmed)
    assert [h.weakest for h in path.hops] == [False, True, False]


def test_narrative_in_both_languages(graph, ontology):
    result = find_paths(graph, ontology, PathQuery("jnim", "terrorism", via_node="corruption", ignore_direction=True))
    path = result.paths[0]
    assert narrative(graph, ontology, path, "en") == (
        "JNIM taxes the Gao–Kidal route, which corruption facilitates, and corruption facilitates terrorism.")
    assert narrative(graph, ontology, path, "fr") == (
        "GSIM taxe la route Gao–Kidal, que la corruption facilite, et la corruption facilite le terrorisme.")
    forward = find_paths(graph, ontology, PathQuery("network", "terrorism", min_confidence="confirmed")).paths[0]
    assert narrative(graph, ontology, forward, "en") == (
        "Smuggling network engages in smuggling, which finances JNIM, which engages in terrorism.")
    assert narrative(graph, ontology, forward, "fr") == (
        "Réseau de passeurs se livre à la contrebande, qui finance GSIM, qui se livre au terrorisme.")


def test_unknown_endpoint(graph, ontology):
    with pytest.raises(KeyError):
        find_paths(graph, ontology, PathQuery("jnim", "nowhere"))


def test_early_stop_returns_what_was_found(tmp_path, ontology):
    big = load_dataset(write_synth(tmp_path, 3000, 4.0, seed=5)).to_networkx()
    result = find_paths(big, ontology, PathQuery("n100", "n200", k=20, max_hops=8, ignore_direction=True, budget=0.001))
    assert result.stopped_early
    assert result.elapsed_ms < 1000


def test_without_budget_limit_the_same_query_finds_paths(tmp_path, ontology):
    big = load_dataset(write_synth(tmp_path, 3000, 4.0, seed=5)).to_networkx()
    result = find_paths(big, ontology, PathQuery("n100", "n200", k=5, max_hops=6, ignore_direction=True))
    assert not result.stopped_early and len(result.paths) == 5
    assert [p.length for p in result.paths] == sorted(p.length for p in result.paths)
