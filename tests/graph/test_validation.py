"""Every kind of dataset error is reported with its exact file, line, field and message."""
from __future__ import annotations

import shutil

import pytest

from graph.dataset import load_dataset
from graph.errors import DatasetError
from graph.store.embedded import EmbeddedStore
from tests.conftest import FIXTURES

INVALID = FIXTURES / "invalid"

EXPECTED = {
    "yaml_syntax.yaml": (24, "", "YAML syntax error: did not find expected ',' or '}}' "
                                 "(while parsing a flow mapping started at line 23)"),
    "json_syntax.jsonl": (2, "", "JSON syntax error: Expecting ',' delimiter (column 91)"),
    "unknown_node_type.yaml": (22, "type", "unknown node type 'Weapon'"),
    "unknown_edge_type.yaml": (22, "type", "unknown edge type 'LOVES'"),
    "bad_endpoint.yaml": (24, "to", "a CrimeType cannot be the target of OPERATES_IN (allowed: Place, Route)"),
    "dangling_reference.yaml": (24, "to", "unknown node id 'smuggling'"),
    "duplicate_id.yaml": (21, "id", "duplicate id 'group-a' (first defined at {dir}/duplicate_id.yaml:9)"),
    "missing_english_name.yaml": (24, "name.en", "missing required field"),
    "missing_sources.yaml": (22, "sources", "a factual edge needs at least one source"),
    "unknown_source.yaml": (26, "sources", "unknown source id 'src-missing'"),
    "bad_date.yaml": (25, "period.from", "invalid date '2017-13' (use YYYY, YYYY-MM or YYYY-MM-DD)"),
    "inverted_dates.yaml": (25, "period", "period ends (2010) before it starts (2015)"),
    "unknown_confidence.yaml": (25, "confidence",
                                "unknown confidence grade 'certain' (use confirmed, probable, possible)"),
    "unknown_field.yaml": (25, "leader", "unknown field for Actor"),
    "duplicate_edge.yaml": (29, "to", "duplicate edge ENGAGES_IN:group-a->terrorism "
                                      "(first defined at {dir}/duplicate_edge.yaml:22)"),
    "missing_required_property.yaml": (21, "kind", "missing required field"),
    "bad_enum.yaml": (23, "kind", "'gang' is not one of: armed_group, criminal_network, state_institution, "
                                  "security_force, international_organization, regional_organization, donor, "
                                  "civil_society"),
}


def test_every_fixture_is_covered():
    assert sorted(p.name for p in INVALID.iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_invalid_fixture_reports_exact_location(name):
    path = INVALID / name
    line, field, message = EXPECTED[name]
    with pytest.raises(DatasetError) as info:
        load_dataset(path)
    problems = info.value.problems
    assert len(problems) == 1, problems
    problem = problems[0]
    assert (problem.file, problem.line, problem.field) == (str(path), line, field)
    assert problem.message == message.format(dir=INVALID)
    prefix = f"{path}:{line}: {field}: " if field else f"{path}:{line}: "
    assert str(problem) == prefix + problem.message


def test_all_problems_reported_at_once(tmp_path):
    for name in ("unknown_node_type.yaml", "bad_date.yaml", "unknown_source.yaml"):
        shutil.copy(INVALID / name, tmp_path / name)
    with pytest.raises(DatasetError) as info:
        load_dataset(tmp_path)
    messages = [p.message for p in info.value.problems]
    # each file also redefines the base nodes, so duplicates are reported too
    assert "unknown node type 'Weapon'" in messages
    assert "invalid date '2017-13' (use YYYY, YYYY-MM or YYYY-MM-DD)" in messages
    assert "unknown source id 'src-missing'" in messages
    assert sum(m.startswith("duplicate id") for m in messages) == 6


def test_one_bad_edge_loads_nothing(tmp_path, tiny_path):
    text = tiny_path.read_text(encoding="utf-8")
    bad = text + "  - type: ENGAGES_IN\n    from: group-a\n    to: nowhere\n    confidence: confirmed\n" \
                 "    sources: [src-doc]\n"
    (tmp_path / "data.yaml").write_text(bad, encoding="utf-8")
    with pytest.raises(DatasetError) as info:
        EmbeddedStore.from_path(tmp_path)
    assert [p.message for p in info.value.problems] == ["unknown node id 'nowhere'"]


@pytest.mark.parametrize("record, field, message", [
    ("  - type: PASSES_THROUGH\n    from: route-gao-menaka\n    to: gao\n    confidence: confirmed\n"
     "    sources: [src-doc]\n", "type",
     "PASSES_THROUGH edges are derived from node properties; list the id there instead"),
    ("  - type: COVERS\n    from: mod-intro\n    to: mod-intro\n", "to", "a Module cannot be the target of COVERS "
     "(allowed: CrimeType, Instrument)"),
    ("  - type: FIGHTS\n    from: group-b\n    to: group-a\n    confidence: probable\n    sources: [src-doc]\n",
     "to", "duplicate edge FIGHTS:group-a->group-b (first defined at {file}:78)"),
    ("  - type: OPERATES_IN\n    from: group-a\n    to: menaka\n    confidence: probable\n    sources: [group-b]\n",
     "sources", "'group-b' is a Actor, not a Source"),
])
def test_edge_rules(tmp_path, tiny_path, record, field, message):
    path = tmp_path / "data.yaml"
    path.write_text(tiny_path.read_text(encoding="utf-8") + record, encoding="utf-8")
    with pytest.raises(DatasetError) as info:
        load_dataset(path)
    assert [(p.field, p.message) for p in info.value.problems] == [(field, message.format(file=path))]


def test_countries_must_be_countries(tmp_path, tiny_path):
    text = tiny_path.read_text(encoding="utf-8").replace("countries: [mali]", "countries: [gao]")
    path = tmp_path / "data.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DatasetError) as info:
        load_dataset(path)
    assert [p.message for p in info.value.problems] == ["'gao' is a Place but not a country"]


def test_missing_path_is_a_problem(tmp_path):
    with pytest.raises(DatasetError) as info:
        load_dataset(tmp_path / "nope")
    assert info.value.problems[0].message == "no such file or folder"
