"""A valid dataset loads, derives route edges, and becomes the expected networkx graph."""
from __future__ import annotations

import networkx as nx
import pytest

from graph.dataset import build_multidigraph, load_dataset, parse_date
from graph.synth import write_synth


def test_tiny_dataset_loads(tiny):
    assert len(tiny.nodes) == 9
    assert tiny.nodes["group-a"].props["period"] == {"from": "2012", "to": "2017-03"}  # ints become strings
    assert tiny.nodes["src-doc"].props["date"] == "2017-03-31"
    assert tiny.nodes["menaka"].name("fr") == "Ménaka"
    assert tiny.nodes["group-b"].name("fr") == "Groupe B"


def test_route_derives_ordered_edges_with_its_evidence(tiny):
    passes = [e for e in tiny.edges.values() if e.type == "PASSES_THROUGH"]
    assert [(e.target, e.props["order"]) for e in passes] == [("gao", 0), ("menaka", 1)]
    assert all(e.derived and e.props["sources"] == ["src-doc"] and e.props["confidence"] == "possible"
               for e in passes)
    carries = tiny.edges["CARRIES:route-gao-menaka->kidnapping"]
    assert carries.derived


def test_snapshot_attributes(tiny):
    graph = tiny.to_networkx()
    assert graph.number_of_nodes() == 9
    assert graph.number_of_edges() == 8
    assert graph.nodes["group-a"]["type"] == "Actor"
    data = graph.edges["group-a", "group-b", "MERGED_INTO:group-a->group-b"]
    assert data["type"] == "MERGED_INTO" and data["confidence"] == "confirmed" and not data["derived"]


def test_fast_builder_equals_networkx(tmp_path):
    dataset = load_dataset(write_synth(tmp_path, 500, seed=3))
    fast = dataset.to_networkx()
    slow = nx.MultiDiGraph()
    slow.add_nodes_from((n.id, {"type": n.type, **n.props}) for n in dataset.nodes.values())
    slow.add_edges_from((e.source, e.target, e.id, {"type": e.type, "derived": e.derived, **e.props})
                        for e in dataset.edges.values())
    assert nx.utils.graphs_equal(fast, slow)
    assert sorted(fast.in_edges("n7", keys=True)) == sorted(slow.in_edges("n7", keys=True))


def test_parallel_edges_between_a_pair():
    graph = build_multidigraph([("a", {}), ("b", {})], [("a", "b", "X:a->b", {}), ("a", "b", "Y:a->b", {}),
                                                       ("b", "a", "X:b->a", {})])
    assert graph.number_of_edges("a", "b") == 2
    assert set(graph.pred["b"]["a"]) == {"X:a->b", "Y:a->b"}


def test_yaml_and_jsonl_give_the_same_dataset(tmp_path):
    jsonl = load_dataset(write_synth(tmp_path / "a.jsonl", 300, seed=9, fmt="jsonl"))
    yaml_ = load_dataset(write_synth(tmp_path / "b.yaml", 300, seed=9, fmt="yaml"))
    assert jsonl.nodes == yaml_.nodes
    assert jsonl.edges == yaml_.edges


@pytest.mark.parametrize("text, expected", [
    ("2017", (2017, 1, 1, 2017, 12, 31)),
    ("2017-03", (2017, 3, 1, 2017, 3, 31)),
    ("2017-08-02", (2017, 8, 2, 2017, 8, 2)),
    ("2017-02-30", None), ("2017-00", None), ("17", None), ("2017/08", None),
])
def test_parse_date(text, expected):
    assert parse_date(text) == expected
