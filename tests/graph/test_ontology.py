"""The ontology loads, is consistent, and rejects inconsistent definitions with one clear error."""
from __future__ import annotations

import copy

import pytest
import yaml

from graph.errors import OntologyError
from graph.ontology import DEFAULT_PATH, parse_ontology

REQUIRED_NODE_TYPES = {"Actor", "Place", "Route", "CrimeType", "Instrument", "Programme", "Institution",
                       "Event", "Module", "Case", "Source"}


@pytest.fixture()
def raw():
    return yaml.safe_load(DEFAULT_PATH.read_text(encoding="utf-8"))


def test_required_types_and_bilingual_labels(ontology):
    assert REQUIRED_NODE_TYPES <= set(ontology.node_types)
    for edge in ontology.edge_types.values():
        assert edge.label.en and edge.label.fr and edge.verb.en and edge.verb.fr
    assert ontology.confidence_ids == ("confirmed", "probable", "possible")
    assert ontology.confidence_rank("confirmed") < ontology.confidence_rank("possible") < ontology.confidence_rank(None)


def test_type_is_never_colour_alone(ontology):
    shapes = [t.shape for t in ontology.node_types.values()]
    assert len(set(shapes)) == len(shapes)


def test_labels_only_from_ontology(ontology):
    assert ontology.node_label("Actor") == "Actor"
    with pytest.raises(KeyError):
        ontology.node_label("Actor) DETACH DELETE (n")
    with pytest.raises(KeyError):
        ontology.edge_label("FINANCES]->() DELETE r//")


def test_inconsistent_ontology_lists_every_problem(raw):
    bad = copy.deepcopy(raw)
    bad["edge_types"]["FINANCES"]["to"] = ["Weapon"]
    bad["node_types"]["Actor"]["colour"] = "red"
    del bad["edge_types"]["TAXES"]["label"]["fr"]
    with pytest.raises(OntologyError) as info:
        parse_ontology(bad)
    assert sorted(info.value.problems) == [
        "edge_types.FINANCES.to: unknown node type 'Weapon'",
        "edge_types.TAXES.label: needs non-empty 'en' and 'fr' strings",
        "node_types.Actor.colour: must be a #RRGGBB colour",
    ]


def test_derives_must_name_a_derived_edge(raw):
    bad = copy.deepcopy(raw)
    bad["node_types"]["Route"]["properties"]["places"]["derives"] = "FINANCES"
    with pytest.raises(OntologyError, match="'FINANCES' is not a derived edge type"):
        parse_ontology(bad)
