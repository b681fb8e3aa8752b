"""Benchmark: the path finder on synthetic graphs of 1k, 10k and 100k nodes (3 edges a node).

Run: ``python -m bench.paths`` (or ``make bench``). For each size, the same seeded random pairs of
entities are asked for k=5 shortest simple paths of at most 6 hops (directions ignored, the hardest
case), without and with a "must pass through" constraint (the best-connected crime type, standing for
"corruption"). Prints a table and appends it to bench/RESULTS.md.

Targets (issue 5): p50 under 20 ms at 10k nodes and under 300 ms at 100k; the constrained search at most
3x the unconstrained time. Baseline, same run, same pairs: ``networkx.all_simple_paths`` with the same
cutoff, filtered afterwards (shortest first, constraint applied), each query capped at ``--baseline-cap``
seconds (a capped query counts at the cap, so the baseline ratio is a lower bound).
"""
from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

import networkx as nx

from bench.common import append_results, machine_line, table
from graph.dataset import load_dataset
from graph.ontology import load_ontology
from graph.paths import PathQuery, find_paths, walk_index
from graph.synth import write_synth

SIZES = (1_000, 10_000, 100_000)
TARGETS_MS = {10_000: 20.0, 100_000: 300.0}
K, HOPS = 5, 6


def baseline(simple: nx.Graph, source: str, target: str, via: str | None, cap: float) -> tuple[float, bool]:
    """all_simple_paths with the cutoff, filtered afterwards; returns (seconds, capped)."""
    started = time.perf_counter()
    found = []
    for path in nx.all_simple_paths(simple, source, target, cutoff=HOPS):
        if via is None or via in path[1:-1]:
            found.append(path)
        if time.perf_counter() - started > cap:
            return cap, True
    sorted(found, key=len)[:K]
    return time.perf_counter() - started, False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)))
    parser.add_argument("--pairs", type=int, default=20, help="queries per size")
    parser.add_argument("--baseline-pairs", type=int, default=5, help="of those, how many also run the baseline")
    parser.add_argument("--baseline-cap", type=float, default=10.0, help="seconds per baseline query at most")
    parser.add_argument("--no-record", action="store_true", help="do not append to bench/RESULTS.md")
    args = parser.parse_args()
    ontology = load_ontology()
    rows = []
    for size in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            graph = load_dataset(write_synth(Path(tmp) / "g.jsonl", size, 3.0, seed=11)).to_networkx()
        started = time.perf_counter()
        walk_index(graph, ontology)
        index_s = time.perf_counter() - started
        entities = sorted(n for n, t in graph.nodes(data="type") if t not in ("Source",))
        crime = max((n for n, t in graph.nodes(data="type") if t == "CrimeType"), key=lambda n: (graph.degree(n), n))
        rng = random.Random(size)
        pairs = [tuple(rng.sample(entities, 2)) for _ in range(args.pairs)]
        plain, constrained, found, stopped = [], [], 0, 0
        for source, target in pairs:
            result = find_paths(graph, ontology, PathQuery(source, target, k=K, max_hops=HOPS, ignore_direction=True))
            plain.append(result.elapsed_ms)
            found += bool(result.paths)
            stopped += result.stopped_early
            result = find_paths(graph, ontology, PathQuery(source, target, k=K, max_hops=HOPS, ignore_direction=True,
                                                           via_node=crime))
            constrained.append(result.elapsed_ms)
            stopped += result.stopped_early
        simple = nx.Graph()
        simple.add_nodes_from(entities)
        simple.add_edges_from((u, v) for u, v in graph.edges() if u in simple and v in simple)
        base, capped = [], 0
        for source, target in pairs[:args.baseline_pairs]:
            seconds, hit_cap = baseline(simple, source, target, None, args.baseline_cap)
            base.append(seconds * 1000)
            capped += hit_cap
        p50, p50c, p50b = statistics.median(plain), statistics.median(constrained), statistics.median(base)
        target = TARGETS_MS.get(size)
        verdict = f"p50 < {target:.0f} ms: {'met' if p50 < target else 'NOT met'}; " if target else ""
        verdict += f"constrained/plain {p50c / p50:.1f}x (≤ 3x: {'met' if p50c <= 3 * p50 else 'NOT met'})"
        rows.append([f"{size:,}", f"{graph.number_of_edges():,}", f"{index_s * 1000:.0f}",
                     f"{p50:.1f} (p95 {sorted(plain)[int(0.95 * (len(plain) - 1))]:.1f})", f"{p50c:.1f}",
                     f"{p50b:.0f}{' (capped ' + str(capped) + ')' if capped else ''}",
                     f"{p50b / p50:.0f}x", f"{found}/{len(pairs)}", str(stopped), verdict])
    text = table(["nodes", "edges", "walk index ms (once)", "k=5 p50 ms", "through a crime type p50 ms",
                  "baseline all_simple_paths p50 ms", "ratio", "pairs with paths", "stopped early", "targets"], rows)
    print(text)
    if not args.no_record:
        append_results("Path finder (`python -m bench.paths`)", machine_line(), text)


if __name__ == "__main__":
    main()
