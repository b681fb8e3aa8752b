"""Neo4j-only behaviour against a real server (runs where NEO4J_URI is set; skipped with the reason
otherwise): loader idempotence, constraints, wipe, dry run, READ enforcement, timeouts, row cap."""
from __future__ import annotations

import pytest
from click.testing import CliRunner
from neo4j import READ_ACCESS

from graph.console import run_console
from graph.errors import InvalidInput
from graph.store.loader import COUNT_EDGES, COUNT_NODES, load, plan, wipe
from web.cli import main


def counts(store):
    return (store.run(COUNT_NODES).records[0]["count"], store.run(COUNT_EDGES).records[0]["count"])


def test_loading_twice_gives_the_same_counts(neo4j_store, tiny):
    first = counts(neo4j_store)
    load(neo4j_store, tiny)
    assert counts(neo4j_store) == first == (9, 8)


def test_constraints_exist(neo4j_store, ontology):
    names = {r["name"] for r in neo4j_store.run("SHOW CONSTRAINTS YIELD name RETURN name").records}
    assert {f"nexus_{t.lower()}_id" for t in ontology.node_types} | {"nexus_nexusnode_id"} <= names


def test_duplicate_id_is_refused_by_the_constraint(neo4j_store):
    from neo4j.exceptions import ConstraintError

    with pytest.raises(ConstraintError):
        neo4j_store.run("CREATE (:NexusNode:Actor {id: 'group-a'})", write=True)


def test_wipe_and_dry_run(neo4j_store, tiny):
    wipe(neo4j_store)
    assert counts(neo4j_store) == (0, 0)
    changes = plan(neo4j_store, tiny)
    assert changes.create == {"nodes": 9, "edges": 8}
    assert counts(neo4j_store) == (0, 0)        # the plan wrote nothing
    load(neo4j_store, tiny)
    assert plan(neo4j_store, tiny).same == {"nodes": 9, "edges": 8}


def test_cli_load_idempotent(neo4j_store, tiny_path):
    runner = CliRunner()
    for _ in range(2):
        result = runner.invoke(main, ["load", "--data", str(tiny_path), "--wipe"])
        assert result.exit_code == 0, result.output
        assert "Neo4j now holds 9 nodes and 8 edges" in result.output
    dry = runner.invoke(main, ["load", "--data", str(tiny_path), "--dry-run"])
    assert "nodes: 0 to create, 0 to update, 9 unchanged" in dry.output


def test_read_transactions_refuse_writes_on_the_server(neo4j_store):
    from neo4j.exceptions import ClientError

    with neo4j_store.driver.session(database=neo4j_store.database, default_access_mode=READ_ACCESS) as session:
        with pytest.raises(ClientError):
            session.execute_read(lambda tx: tx.run("CREATE (:Intruder)").consume())


def test_console_timeout_and_row_cap(neo4j_store):
    with pytest.raises(InvalidInput, match="longer than"):
        run_console(neo4j_store, "UNWIND range(1, 300000000) AS x RETURN sum(x)", timeout=0.5)
    result = run_console(neo4j_store, "UNWIND range(1, 2500) AS x RETURN x", row_cap=1000)
    assert result.truncated and len(result.rows) == 1000
    result = run_console(neo4j_store, "MATCH (n:NexusNode {id: $id}) RETURN n", {"id": "group-a"})
    assert result.node_ids == ("group-a",) and not result.truncated
