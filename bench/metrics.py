"""Benchmark: network metrics on the seed graph, and sampled betweenness at 10k nodes.

Run: ``python -m bench.metrics`` (or ``make bench``). Prints a table and appends it to bench/RESULTS.md.
Targets (issue 5): all metrics on the seed graph under 1 s; sampled betweenness at 10k nodes under 10 s.
Baselines, same run: networkx's ``betweenness_centrality`` with the same 256 sampled sources (same seed,
same numbers: a test checks it); and exact betweenness with networkx, whose cost is linear in the number
of sources, extrapolated from that run (n / sample x time, labelled as such); ``--exact`` runs it for
real (about 10 minutes on the reference machine).
"""
from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import networkx as nx

from bench.common import append_results, machine_line, table
from graph import metrics
from graph.dataset import load_dataset
from graph.synth import write_synth
from web.testing import PROJECT


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-record", action="store_true", help="do not append to bench/RESULTS.md")
    parser.add_argument("--exact", action="store_true", help="run the exact-betweenness baseline for real")
    args = parser.parse_args()
    rows = []
    seeds = load_dataset(PROJECT / "seeds").to_networkx()
    started = time.perf_counter()
    result = metrics.compute_metrics(seeds)
    seed_s = time.perf_counter() - started
    rows.append([f"all metrics, seed graph ({seeds.number_of_nodes()} nodes)", f"{seed_s:.2f} s",
                 "exact" if result.betweenness_sampled is None else f"sample {result.betweenness_sampled}",
                 f"< 1 s: {'met' if seed_s < 1 else 'NOT met'}"])
    with tempfile.TemporaryDirectory() as tmp:
        big = load_dataset(write_synth(Path(tmp) / "g.jsonl", 10_000, 3.0, seed=11)).to_networkx()
    simple = metrics.entity_graph(big)
    started = time.perf_counter()
    metrics.betweenness(simple, metrics.sample_sources(simple, metrics.BETWEENNESS_SAMPLE))
    sampled_s = time.perf_counter() - started
    rows.append([f"sampled betweenness, 10,000 nodes ({simple.number_of_edges():,} links)", f"{sampled_s:.2f} s",
                 f"sample {metrics.BETWEENNESS_SAMPLE}, seed {metrics.SEED}",
                 f"< 10 s: {'met' if sampled_s < 10 else 'NOT met'}"])
    started = time.perf_counter()
    nx.betweenness_centrality(simple, k=metrics.BETWEENNESS_SAMPLE, seed=metrics.SEED)
    networkx_s = time.perf_counter() - started
    rows.append(["baseline: networkx betweenness_centrality, same 256 sources", f"{networkx_s:.2f} s",
                 f"sample {metrics.BETWEENNESS_SAMPLE}, seed {metrics.SEED}",
                 f"ours is {networkx_s / sampled_s:.0f}x faster"])
    started = time.perf_counter()
    full = metrics.compute_metrics(big)
    rows.append(["all metrics, 10,000 nodes (sampled betweenness, Louvain, brokers)",
                 f"{time.perf_counter() - started:.2f} s", f"sample {full.betweenness_sampled}", ""])
    if args.exact:
        started = time.perf_counter()
        nx.betweenness_centrality(simple)
        exact_s, how = time.perf_counter() - started, "measured"
    else:
        exact_s, how = simple.number_of_nodes() / metrics.BETWEENNESS_SAMPLE * networkx_s, "extrapolated"
    rows.append([f"baseline: exact betweenness, same 10,000 nodes ({how})", f"{exact_s:.1f} s", "all sources",
                 f"our sampled run is {exact_s / sampled_s:.0f}x faster"])
    text = table(["measure", "time", "betweenness", "target / ratio"], rows)
    print(text)
    if not args.no_record:
        append_results("Network metrics (`python -m bench.metrics`)", machine_line(), text)


if __name__ == "__main__":
    main()
