"""The ``nexus`` command: validate seeds, show statistics, write synthetic datasets.

Exit codes: 0 success; 1 the data is invalid; 2 a usage error (click's own).
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import click

from graph.config import Config
from graph.dataset import load_dataset
from graph.errors import DatasetError, NexusError
from graph.stats import graph_stats
from graph.store.embedded import EmbeddedStore

EXIT_INVALID = 1


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


if __name__ == "__main__":
    main()
