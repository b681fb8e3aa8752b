"""Every Cypher statement the Neo4j store and loader can send, and the console's example, parse with
Neo4j's own Cypher parser (npm @neo4j-cypher/language-support, installed by `make test`): no syntax
error and no deprecation, checked without a server."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from graph.store.neo4j import all_statements
from web.views.console import EXAMPLE

LINT = Path(__file__).with_name("cypher_lint")


def lint(statements: list[str]) -> list[tuple[str, list[dict]]]:
    node = shutil.which("node")
    if node is None or not (LINT / "node_modules" / "@neo4j-cypher" / "language-support").is_dir():
        pytest.fail("the Cypher linter is not installed: run `make test` (it runs npm install in "
                    "tests/store/cypher_lint)")
    out = subprocess.run([node, str(LINT / "lint.mjs")], input=json.dumps(statements), capture_output=True,
                         text=True, check=True, cwd=LINT, timeout=120)
    return [(text, diagnostics) for text, diagnostics in json.loads(out.stdout)]


def real_problems(diagnostics: list[dict]) -> list[str]:
    """Everything but "Parameter $x is not defined" (parameters are only known at run time)."""
    return [d["message"] for d in diagnostics if not d["message"].startswith("Parameter $")]


def test_the_linter_catches_errors():
    (_, bad), (_, good) = lint(["MATCH (n RETURN n", "MATCH (n:Actor) RETURN n"])
    assert real_problems(bad) and not real_problems(good)


def test_every_statement_parses(ontology):
    statements = all_statements(ontology) + [EXAMPLE]
    failures = [(text, problems) for text, diagnostics in lint(statements) if (problems := real_problems(diagnostics))]
    assert failures == []
