"""Metrics are deterministic; betweenness is exact on small graphs and sampled (stated) on big ones."""
from __future__ import annotations

from graph import metrics as m
from graph.dataset import load_dataset
from graph.synth import write_synth
from tests.conftest import FIXTURES


def test_metrics_on_a_small_graph():
    graph = load_dataset(FIXTURES / "paths").to_networkx()
    result = m.compute_metrics(graph)
    assert [(r.id, r.value) for r in result.degree[:2]] == [("jnim", 4.0), ("route-gao-kidal", 4.0)]
    assert result.betweenness_sampled is None
    assert [(r.id, r.value) for r in result.betweenness[:2]] == [("route-gao-kidal", 0.595238), ("jnim", 0.547619)]
    # every terrorism-organized crime link has a detour of the same length: no single broker
    assert result.brokers == () and result.baseline_distance is not None
    assert sum(len(c) for c in result.communities) == 8   # every entity, sources left out


BROKER_GRAPH = """
nodes:
  - {id: s, type: Source, kind: report, name: {en: S, fr: S}, publisher: P, date: "2020", url: "https://example.org/s"}
  - {id: group, type: Actor, kind: armed_group, name: {en: G, fr: G}, confidence: confirmed, sources: [s]}
  - {id: net, type: Actor, kind: criminal_network, name: {en: N, fr: N}, confidence: confirmed, sources: [s]}
  - {id: hub, type: Place, kind: hub, name: {en: Hub, fr: Carrefour}, confidence: confirmed, sources: [s]}
  - {id: town, type: Place, kind: city, name: {en: Town, fr: Ville}, confidence: confirmed, sources: [s]}
edges:
  - {type: OPERATES_IN, from: group, to: hub, confidence: confirmed, sources: [s]}
  - {type: OPERATES_IN, from: net, to: hub, confidence: confirmed, sources: [s]}
  - {type: OPERATES_IN, from: net, to: town, confidence: confirmed, sources: [s]}
"""


def test_the_only_bridge_is_the_broker(tmp_path):
    path = tmp_path / "broker.yaml"
    path.write_text(BROKER_GRAPH, encoding="utf-8")
    result = m.compute_metrics(load_dataset(path).to_networkx())
    assert result.baseline_distance == 2.0
    assert [r.id for r in result.brokers] == ["hub"]      # without it, the two parts are cut apart


def test_deterministic_and_cached(tmp_path):
    path = write_synth(tmp_path, 800, 3.0, seed=3)
    first = m.compute_metrics(load_dataset(path).to_networkx())
    second = m.compute_metrics(load_dataset(path).to_networkx())
    assert first == second


def test_sampled_betweenness_is_stated(tmp_path, monkeypatch):
    monkeypatch.setattr(m, "EXACT_BETWEENNESS_LIMIT", 100)
    graph = load_dataset(write_synth(tmp_path, 400, 3.0)).to_networkx()
    result = m.compute_metrics(graph)
    assert result.betweenness_sampled == m.BETWEENNESS_SAMPLE and result.seed == 42


def test_fast_betweenness_equals_networkx():
    import networkx as nx

    graph = nx.gnm_random_graph(200, 600, seed=3)
    graph = nx.relabel_nodes(graph, {i: f"n{i}" for i in graph})
    graph.add_edge("lonely-a", "lonely-b")             # a second component
    exact = m.betweenness(graph)
    assert all(abs(exact[v] - b) < 1e-12 for v, b in nx.betweenness_centrality(graph).items())
    sampled = m.betweenness(graph, m.sample_sources(graph, 40))
    reference = nx.betweenness_centrality(graph, k=40, seed=m.SEED)
    assert all(abs(sampled[v] - b) < 1e-12 for v, b in reference.items())
