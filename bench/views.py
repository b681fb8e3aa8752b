"""Benchmark: network view build speed and page weight, against pyvis's own way, in one run.

Run: ``python -m bench.views`` (or ``make bench``). Prints a table and appends it to bench/RESULTS.md.

Targets (issue 3):
- view build (selection -> pyvis -> HTML) at 5,000 nodes / 10,000 edges at least 50x faster than the
  baseline ``Network.from_nx(G)`` + ``generate_html()`` on the same graph;
- a 200-node view page, excluding the cached vis-network asset, at most 10% of the size of the same view
  written by pyvis with ``cdn_resources="in_line"``.
"""
from __future__ import annotations

import argparse
import gzip
import statistics
import tempfile
import time
from pathlib import Path

import networkx as nx
from pyvis.network import Network

from bench.common import append_results, machine_line, table
from graph.dataset import load_dataset
from graph.store.embedded import EmbeddedStore
from graph.synth import write_synth
from graph.views import build_view, overview_nodes
from web import create_app

SPEED_TARGET = 50.0
WEIGHT_TARGET = 0.10


def synthetic_app(folder: Path, entities: int, edges_per_node: float):
    """An app on a synthetic dataset with ``entities`` non-source nodes (sources are 2% of a dataset)."""
    total = entities + max(1, (entities * 51 // 50) // 50)
    while total - max(1, total // 50) < entities:
        total += 1
    path = write_synth(folder / f"s{entities}.jsonl", total, edges_per_node)
    store = EmbeddedStore(load_dataset(path))
    # page cache off: every request builds the view (the cache would answer repeats in ~0 ms)
    return create_app({"NEXUS_STORE": store, "TESTING": True, "PAGE_CACHE": 0}), store


def baseline_graph(store: EmbeddedStore) -> nx.MultiDiGraph:
    """The same view for pyvis: every non-source node with its label, type and tooltip, every edge."""
    graph = store.snapshot()
    view = build_view(graph, store.ontology, overview_nodes(graph), "en", layout_threshold=10**9)
    same = nx.MultiDiGraph()
    for n in view.nodes:
        same.add_node(n.id, label=n.label, group=n.type, title=f"{n.type}: {n.label}")
    for e in view.edges:
        same.add_edge(e.source, e.target, title=e.label, label=e.label)
    return same


def pyvis_html(graph: nx.MultiDiGraph, cdn: str = "local") -> str:
    """The baseline exactly as named: ``Network()`` with its defaults, ``from_nx``, ``generate_html``."""
    net = Network(cdn_resources=cdn)
    net.from_nx(graph)
    return net.generate_html()


def timed(fn, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-record", action="store_true", help="do not append to bench/RESULTS.md")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        # 1. Build speed at 5,000 nodes / 10,000 edges.
        app, store = synthetic_app(Path(tmp), 5_000, 2.0)
        client = app.test_client()
        graph = store.snapshot()
        started = time.perf_counter()
        cold = client.get("/overview")
        cold_s = time.perf_counter() - started
        assert cold.status_code == 200
        ours_s, response = timed(lambda: client.get("/overview"), 5)
        same = baseline_graph(store)
        base_s, base_html = timed(lambda: pyvis_html(same), 1)
        ratio = base_s / ours_s
        rows.append(["view build, 5,000 nodes / {:,} edges".format(same.number_of_edges()),
                     f"{ours_s * 1000:.0f} ms (first view after a data change, layout included: "
                     f"{cold_s * 1000:.0f} ms)",
                     f"{base_s * 1000:.0f} ms", f"{ratio:.0f}x faster",
                     f"≥ {SPEED_TARGET:.0f}x: {'met' if ratio >= SPEED_TARGET else 'NOT met'}"])

        # 2. Page weight of a 200-node view.
        app, store = synthetic_app(Path(tmp), 200, 3.0)
        page = app.test_client().get("/overview").data
        same = baseline_graph(store)
        inline = pyvis_html(same, "in_line").encode("utf-8")
        share = len(page) / len(inline)
        rows.append([f"page weight, 200-node view ({same.number_of_edges()} edges)",
                     f"{len(page) / 1024:.1f} KiB ({len(gzip.compress(page)) / 1024:.1f} KiB gzipped)",
                     f"{len(inline) / 1024:.1f} KiB ({len(gzip.compress(inline)) / 1024:.1f} KiB gzipped)",
                     f"{share:.1%} of baseline",
                     f"≤ {WEIGHT_TARGET:.0%}: {'met' if share <= WEIGHT_TARGET else 'NOT met'}"])
        assert graph.number_of_nodes() > 0 and response.status_code == 200 and base_html
    headers = ["measure", "Nexus Explorer", "baseline: pyvis from_nx + generate_html", "ratio", "target"]
    text = table(headers, rows)
    print(text)
    if not args.no_record:
        append_results("Network views: build speed and page weight (`python -m bench.views`)", machine_line(), text)


if __name__ == "__main__":
    main()
