"""The nexus command: exit codes, messages, stats and synthetic datasets."""
from __future__ import annotations

import json

from click.testing import CliRunner

from graph.cli import main
from tests.conftest import FIXTURES


def run(*args, env=None):
    return CliRunner().invoke(main, list(args), env=env)


def test_validate_ok(tiny_path):
    result = run("validate", str(tiny_path))
    assert result.exit_code == 0
    assert result.output.startswith(f"OK: {tiny_path} is valid: 9 nodes, 8 edges (3 derived)")


def test_validate_reports_every_problem_and_exits_1():
    path = FIXTURES / "invalid" / "bad_endpoint.yaml"
    result = run("validate", str(path))
    assert result.exit_code == 1
    assert f"{path}:24: to: a CrimeType cannot be the target of OPERATES_IN" in result.output
    assert "1 problem found" in result.output and "nothing loaded" in result.output


def test_validate_uses_nexus_data(tiny_path):
    result = run("validate", env={"NEXUS_DATA": str(tiny_path)})
    assert result.exit_code == 0 and "9 nodes" in result.output


def test_stats(tiny_path):
    result = run("stats", "--data", str(tiny_path))
    assert result.exit_code == 0, result.output
    assert "Nodes: 9 (8 entities + 1 sources)" in result.output
    assert "French names: 9/9 (100%)" in result.output
    figures = json.loads(run("stats", "--data", str(tiny_path), "--json").output)
    assert figures["nodes_by_type"]["Place"] == 3 and figures["sources_cited"] == 1


def test_stats_on_invalid_data_exits_1():
    result = run("stats", "--data", str(FIXTURES / "invalid" / "bad_date.yaml"))
    assert result.exit_code == 1 and "run 'nexus validate" in result.output


def test_synth_writes_a_valid_dataset(tmp_path):
    result = run("synth", "--nodes", "200", "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "synth-200.jsonl").exists()
    check = run("validate", str(tmp_path))
    assert check.exit_code == 0 and "200 nodes, 600 edges" in check.output


def test_synth_rejects_bad_sizes():
    result = run("synth", "--nodes", "1")
    assert result.exit_code == 2 and "--nodes" in result.output
