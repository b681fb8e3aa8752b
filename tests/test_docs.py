"""Docs stay true to the code: the data model, the CLI, the README commands and CI."""
from __future__ import annotations

import re

from web.cli import main  # the full command: domain commands plus serve
from graph.datamodel import render
from tests.conftest import PROJECT


def test_data_model_doc_matches_ontology(ontology):
    committed = (PROJECT / "docs" / "data-model.md").read_text(encoding="utf-8")
    assert committed == render(ontology), "docs/data-model.md is stale: run `make docs`"


def test_every_type_documented(ontology):
    text = (PROJECT / "docs" / "data-model.md").read_text(encoding="utf-8")
    for name in list(ontology.node_types) + list(ontology.edge_types):
        assert f"{name}" in text


def test_every_cli_command_in_readme():
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    for name, command in main.commands.items():
        assert f"`nexus {name}" in readme, f"README does not document `nexus {name}`"
        for param in command.params:
            for opt in getattr(param, "opts", []):
                if opt.startswith("--"):
                    assert opt in readme, f"README does not document {opt} of `nexus {name}`"


def test_readme_commands_exist_in_makefile():
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    makefile = (PROJECT / "Makefile").read_text(encoding="utf-8")
    for target in re.findall(r"^make (\w+)", readme, flags=re.M):
        assert re.search(rf"^{target}:", makefile, flags=re.M), f"make {target} is not a Makefile target"
    assert "make run" in readme and "make test" in readme


def test_ci_runs_the_readme_test_command():
    ci = (PROJECT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^make test$", ci, flags=re.M)


def test_documented_environment_variables():
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    sources = [PROJECT / "graph" / "config.py", PROJECT / "web" / "__init__.py", PROJECT / "web" / "cli.py"]
    found = set()
    for path in sources:
        text = path.read_text(encoding="utf-8")
        found |= set(re.findall(r'env(?:iron)?\.get\("([A-Z0-9_]+)"', text))
        found |= set(re.findall(r'envvar="([A-Z0-9_]+)"', text))
    assert {"NEXUS_DATA", "NEXUS_PORT", "NEXUS_HOST", "NEXUS_PAGE_CACHE"} <= found
    for variable in found:
        if not variable.startswith("NEO4J"):  # documented with the Neo4j store
            assert f"`{variable}`" in readme, variable
