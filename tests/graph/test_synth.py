"""Synthetic datasets are schema-valid at any size and deterministic for a seed."""
from __future__ import annotations

import pytest

from graph.dataset import load_dataset
from graph.synth import synth_records, write_synth


@pytest.mark.parametrize("nodes", [2, 5, 11, 60, 1000])
def test_valid_at_any_size(tmp_path, nodes):
    dataset = load_dataset(write_synth(tmp_path, nodes))
    assert len(dataset.nodes) == nodes


def test_three_edges_per_node(tmp_path):
    dataset = load_dataset(write_synth(tmp_path, 2000))
    assert len(dataset.edges) == 6000


def test_deterministic():
    assert list(synth_records(300, seed=1)) == list(synth_records(300, seed=1))
    assert list(synth_records(300, seed=1)) != list(synth_records(300, seed=2))
