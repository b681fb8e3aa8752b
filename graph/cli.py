"""The ``nexus`` command: validate seeds, show statistics, write synthetic datasets.

Exit codes: 0 success; 1 the data is invalid; 2 a usage error (click's own, or NEO4J_URI missing);
3 Neo4j cannot be reached; 4 Neo4j refused the credentials; 5 Neo4j refused the load (e.g. a constraint).
"""
from __future__ import annotations

import json
import logging
import sys
import time
from pathlib import Path

import click

from graph.config import Config
from graph.dataset import load_dataset
from graph.errors import DatasetError, NexusError, StoreUnavailable
from graph.stats import graph_stats
from graph.store.embedded import EmbeddedStore

EXIT_INVALID = 1
EXIT_USAGE = 2
EXIT_UNREACHABLE = 3
EXIT_AUTH = 4
EXIT_NEO4J = 5


def _fail(message: str, code: int = EXIT_INVALID) -> None:
    click.echo(message, err=True)
    sys.exit(code)


def _data_path(path: str | None) -> Path:
    return Path(path) if path else Config.from_env().data


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Nexus Explorer: a knowledge graph of the terrorism–organized crime nexus in the Sahel."""


@main.command()
@click.argument("path", required=False, type=click.Path())
def validate(path: str | None) -> None:
    """Check every seed file under PATH (default: $NEXUS_DATA or seeds/).

    Reports every problem at once as file:line: field: message and exits 1 if there is any."""
    target = _data_path(path)
    started = time.perf_counter()
    try:
        dataset = load_dataset(target)
    except DatasetError as exc:
        for problem in exc.problems:
            click.echo(str(problem))
        count = len(exc.problems)
        _fail(f"{count} problem{'s' if count != 1 else ''} found in {target}; nothing loaded.")
    except NexusError as exc:
        _fail(str(exc))
    derived = sum(1 for e in dataset.edges.values() if e.derived)
    click.echo(f"OK: {target} is valid: {len(dataset.nodes)} nodes, {len(dataset.edges)} edges "
               f"({derived} derived) in {time.perf_counter() - started:.2f} s.")


@main.command()
@click.option("--data", "path", type=click.Path(), help="Seed folder or file (default: $NEXUS_DATA or seeds/).")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def stats(path: str | None, as_json: bool) -> None:
    """Counts by type, sources and French coverage of the dataset."""
    target = _data_path(path)
    try:
        store = EmbeddedStore.from_path(target)
    except DatasetError as exc:
        _fail(f"{target} is invalid ({len(exc.problems)} problems); run 'nexus validate {target}'.")
    except NexusError as exc:
        _fail(str(exc))
    figures = graph_stats(store.snapshot())
    if as_json:
        payload = {k: getattr(figures, k) for k in figures.__dataclass_fields__}
        payload.update(entities=figures.entities, french_name_coverage=figures.french_name_coverage)
        click.echo(json.dumps(payload, indent=2, ensure_ascii=False))
        return
    ontology = store.ontology
    click.echo(f"Dataset: {target}")
    click.echo(f"Nodes: {figures.nodes} ({figures.entities} entities + {figures.sources} sources)")
    for name, count in figures.nodes_by_type.items():
        click.echo(f"  {ontology.node_types[name].plural.en:<22} {count:>7}")
    click.echo(f"Edges: {figures.edges} ({figures.edges - figures.derived_edges} written + "
               f"{figures.derived_edges} derived from routes)")
    for name, count in figures.edges_by_type.items():
        click.echo(f"  {name:<22} {count:>7}")
    click.echo("Edges by confidence: " + ", ".join(f"{k} {v}" for k, v in figures.edges_by_confidence.items()))
    click.echo(f"Sources: {figures.sources} ({figures.sources_cited} cited)")
    click.echo(f"French names: {figures.french_names}/{figures.nodes} ({figures.french_name_coverage:.0%}); "
               f"French descriptions: {figures.french_descriptions}/{figures.described} "
               f"({figures.french_description_coverage:.0%})")


@main.command()
@click.option("--nodes", type=click.IntRange(min=2), required=True, help="Number of nodes.")
@click.option("--edges-per-node", type=click.FloatRange(min=0), default=3.0, show_default=True)
@click.option("--seed", type=int, default=42, show_default=True, help="Random seed (same seed, same data).")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "yaml"]), default="jsonl", show_default=True)
@click.option("--out", type=click.Path(), default="build/synth", show_default=True,
              help="Output file, or folder for synth-<N>.<format>.")
def synth(nodes: int, edges_per_node: float, seed: int, fmt: str, out: str) -> None:
    """Write a schema-valid synthetic dataset of any size (for benchmarks)."""
    from graph.synth import write_synth

    started = time.perf_counter()
    target = write_synth(out, nodes, edges_per_node, seed, fmt)
    click.echo(f"Wrote {target} ({nodes} nodes, ~{int(nodes * edges_per_node)} edges) "
               f"in {time.perf_counter() - started:.2f} s.")


@main.command()
@click.option("--data", "path", type=click.Path(), help="Seed folder or file (default: $NEXUS_DATA or seeds/).")
@click.option("--wipe", is_flag=True, help="Delete the Nexus graph in Neo4j first, so it holds exactly the seeds.")
@click.option("--dry-run", is_flag=True, help="Print what would change; write nothing.")
@click.option("--batch", type=click.IntRange(1, 100_000), default=2_000, show_default=True,
              help="Rows per transaction.")
def load(path: str | None, wipe: bool, dry_run: bool, batch: int) -> None:
    """Validate the seeds, then load them into Neo4j ($NEO4J_URI, $NEO4J_USER, $NEO4J_PASSWORD,
    $NEO4J_DATABASE). Idempotent: loading twice gives the same counts. Nothing is written if invalid."""
    from neo4j.exceptions import Neo4jError

    from graph.store.loader import load as load_graph, plan
    from graph.store.neo4j import Neo4jAuthError, Neo4jStore

    logging.getLogger("neo4j").setLevel(logging.ERROR)   # the driver's retry warnings; we report the outcome
    config = Config.from_env()
    if not config.neo4j_uri:
        _fail("NEO4J_URI is not set: export NEO4J_URI=bolt://host:7687 (and NEO4J_USER, NEO4J_PASSWORD).",
              EXIT_USAGE)
    target = _data_path(path)
    try:
        dataset = load_dataset(target)
    except DatasetError as exc:
        for problem in exc.problems:
            click.echo(str(problem), err=True)
        _fail(f"{len(exc.problems)} problem(s) in {target}; nothing was written to Neo4j.")
    store = Neo4jStore.from_config(config)
    try:
        if dry_run:
            changes = plan(store, dataset, wipe_first=wipe)
            click.echo(f"Dry run against {config.neo4j_uri} (database {config.neo4j_database}); nothing written.")
            for kind in ("nodes", "edges"):
                gone = "deleted by --wipe" if wipe else "in Neo4j but not in the seeds (kept; --wipe removes them)"
                click.echo(f"  {kind}: {changes.create[kind]} to create, {changes.update[kind]} to update, "
                           f"{changes.same[kind]} unchanged, {changes.stale[kind]} {gone}")
            return
        total = len(dataset.nodes) + len(dataset.edges)
        started = time.perf_counter()
        if sys.stdout.isatty():
            with click.progressbar(length=total, label="Loading into Neo4j") as bar:
                report = load_graph(store, dataset, wipe_first=wipe, batch=batch,
                                    progress=lambda _what, done: bar.update(done))
        else:
            report = load_graph(store, dataset, wipe_first=wipe, batch=batch)
    except Neo4jAuthError as exc:
        _fail(f"{exc}. Check NEO4J_USER and NEO4J_PASSWORD.", EXIT_AUTH)
    except StoreUnavailable as exc:
        _fail(f"{exc}. Is Neo4j running? (docker compose up -d neo4j)", EXIT_UNREACHABLE)
    except Neo4jError as exc:
        _fail(f"Neo4j refused the load: {exc.code}: {exc.message}", EXIT_NEO4J)
    finally:
        store.close()
    click.echo(f"Loaded {target} into {config.neo4j_uri} (database {config.neo4j_database}) in "
               f"{time.perf_counter() - started:.1f} s{' after wiping' if report.wiped else ''}: "
               f"Neo4j now holds {report.nodes} nodes and {report.edges} edges "
               f"({len(dataset.nodes)} nodes and {len(dataset.edges)} edges in the seeds); "
               f"{report.constraints} uniqueness constraints ensured.")


if __name__ == "__main__":
    main()
