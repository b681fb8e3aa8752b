"""Shared fixtures: the ontology, tiny datasets built for the test, and the seed knowledge base."""
from __future__ import annotations

from pathlib import Path

import pytest

from graph.dataset import load_dataset
from graph.ontology import load_ontology

TESTS = Path(__file__).resolve().parent
FIXTURES = TESTS / "fixtures"
PROJECT = TESTS.parent


@pytest.fixture(scope="session")
def ontology():
    return load_ontology()


@pytest.fixture(scope="session")
def tiny_path() -> Path:
    return FIXTURES / "valid" / "tiny.yaml"


@pytest.fixture()
def tiny(tiny_path, ontology):
    return load_dataset(tiny_path, ontology)


@pytest.fixture(scope="session")
def seeds(ontology):
    """The real knowledge base (only for tests that check the seeds themselves)."""
    return load_dataset(PROJECT / "seeds", ontology)
