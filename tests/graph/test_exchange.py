"""Export -> import gives the same graph; every import problem is listed with its row; nothing imported."""
from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
import zipfile

import networkx as nx
import pytest

from graph.dataset import build_dataset, load_dataset
from graph.errors import DatasetError, InvalidInput, Problem
from graph.exchange import export, records_from_csv, records_from_graphml, subgraph
from graph.overlays import LayeredStore, Overlays
from graph.store.embedded import EmbeddedStore
from tests.conftest import FIXTURES


def csv_files(data: bytes) -> dict[str, bytes]:
    archive = zipfile.ZipFile(io.BytesIO(data))
    return {name: archive.read(name) for name in archive.namelist()}


@pytest.mark.parametrize("fmt", ["graphml", "csv"])
@pytest.mark.parametrize("fixture", ["valid/tiny.yaml", "paths", "hostile"])
def test_round_trip(fmt, fixture, ontology):
    dataset = load_dataset(FIXTURES / fixture)
    data = export(dataset.to_networkx(), fmt)
    problems: list[Problem] = []
    records = (records_from_graphml(data, "x.graphml", ontology, problems) if fmt == "graphml"
               else records_from_csv(csv_files(data), ontology, problems))
    assert problems == []
    again = build_dataset(records, ontology)
    assert again.nodes == dataset.nodes and again.edges == dataset.edges


def test_seed_graph_round_trips_through_graphml(seeds, ontology):
    problems: list[Problem] = []
    records = records_from_graphml(export(seeds.to_networkx(), "graphml"), "seeds.graphml", ontology, problems)
    again = build_dataset(records, ontology)
    assert problems == [] and again.nodes == seeds.nodes and again.edges == seeds.edges


def test_json_and_gexf_are_readable(tiny):
    graph = tiny.to_networkx()
    data = json.loads(export(graph, "json"))
    assert {n["id"] for n in data["nodes"]} == set(graph) and len(data["edges"]) == graph.number_of_edges()
    assert next(n for n in data["nodes"] if n["id"] == "menaka")["name"] == {"en": "Menaka", "fr": "Ménaka"}
    gexf = nx.read_gexf(io.BytesIO(export(graph, "gexf")))
    assert gexf.number_of_nodes() == 9 and gexf.nodes["menaka"]["name_fr"] == "Ménaka"
    ET.fromstring(export(graph, "graphml"))


def test_subgraph_export(tiny):
    part = subgraph(tiny.to_networkx(), ["group-a", "group-b"])
    assert set(part) == {"group-a", "group-b"} and part.number_of_edges() == 2


NODES = b"id,type,kind,name_en,name_fr,confidence,sources\n"


@pytest.mark.parametrize("files, expected", [
    ({"nodes.csv": NODES + b"case-x,Weapon,,X,X,confirmed,src-doc\n"},
     [("nodes.csv", 2, "type", "unknown node type 'Weapon'")]),
    ({"nodes.csv": NODES + b"case-x,Actor,armed_group,X,X,sure,src-doc\n"},
     [("nodes.csv", 2, "confidence", "unknown confidence grade 'sure' (use confirmed, probable, possible)")]),
    ({"nodes.csv": NODES + b"case-x,Actor,armed_group,X,X,confirmed,src-doc\ncase-y,Actor,armed_group,,Y,confirmed,\n"},
     [("nodes.csv", 3, "name.en", "missing required field"),
      ("nodes.csv", 3, "sources", "a factual node needs at least one source")]),
    ({"edges.csv": b"type,from,to,confidence,sources\nFINANCES,group-a,nowhere,confirmed,src-doc\n"},
     [("edges.csv", 2, "to", "unknown node id 'nowhere'")]),
    ({"nodes.csv": NODES.replace(b"\n", b",colour\n") + b"case-x,Actor,armed_group,X,X,confirmed,src-doc,red\n"},
     [("nodes.csv", 2, "colour", "unknown column")]),
    ({"nodes.csv": NODES + b"group-a,Actor,armed_group,A,A,confirmed,src-doc\n"},
     [("nodes.csv", 2, "id", "id 'group-a' already exists in the graph")]),
    ({"nodes.csv": b"\xff\xfe not text"}, [("nodes.csv", 0, "", "not UTF-8 text: export the spreadsheet as CSV UTF-8")]),
    ({"nodes.csv": b"name\nfoo\n"}, [("nodes.csv", 1, "", "a nodes file needs an 'id' column; an edges file 'from' and 'to'")]),
])
def test_import_problems_with_rows_and_nothing_imported(tiny, ontology, files, expected):
    overlays = Overlays()
    base = EmbeddedStore(tiny)
    problems: list[Problem] = []
    records = records_from_csv(files, ontology, problems)
    with pytest.raises(DatasetError) as info:
        overlays.add("case", records, problems, base)
    assert [(p.file, p.line, p.field, p.message) for p in info.value.problems] == expected
    assert overlays.names() == []


def test_malformed_graphml(ontology):
    problems: list[Problem] = []
    assert records_from_graphml(b"<graphml><node", "x.graphml", ontology, problems) == []
    assert problems[0].message.startswith("malformed GraphML")


def test_overlay_on_top_of_the_seeds_shown_hidden_removed(tiny, ontology, tmp_path):
    base = EmbeddedStore(tiny)
    overlays = Overlays(tmp_path)
    store = LayeredStore(base, overlays)
    files = {"nodes.csv": NODES + "case-x,Actor,criminal_network,Case network,Réseau de l'affaire,probable,src-doc\n".encode(),
             "edges.csv": b"type,from,to,confidence,sources\nALLIED_WITH,case-x,group-a,possible,src-doc\n"}
    problems: list[Problem] = []
    overlays.add("case-2024", records_from_csv(files, ontology, problems), problems, base)
    graph = store.snapshot()
    assert graph.has_edge("case-x", "group-a") and graph.nodes["case-x"]["_overlay"] == "case-2024"
    assert store.search("affaire")[0].id == "case-x"
    overlays.set_shown("case-2024", False)
    assert "case-x" not in store.snapshot()
    # saved: a new app finds it again, hidden
    again = Overlays(tmp_path)
    assert again.load_saved(base) == [] and again.names() == ["case-2024"] and not again.get("case-2024").shown
    overlays.remove("case-2024")
    assert overlays.names() == [] and not (tmp_path / "case-2024.jsonl").exists()


def test_overlay_names_are_checked(tiny):
    with pytest.raises(InvalidInput):
        Overlays().add("Bad Name!", [], [], EmbeddedStore(tiny))
