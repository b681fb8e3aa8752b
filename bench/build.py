"""Benchmark: validate + build the graph for synthetic datasets of 1k, 10k and 100k nodes (3 edges a node).

Run: ``python -m bench.build`` (or ``make bench``). Each measurement runs in a fresh subprocess so that
peak memory (max RSS) is that of one load alone. Prints a table and appends it to bench/RESULTS.md.

Target (issue 2): 100k nodes / 300k edges validated and built in under 10 s, peak memory under 1.5 GB.
Baselines, measured in the same run:
- the same dataset written as YAML (the human format), at sizes where it finishes in reasonable time;
- the graph built with networkx's public ``add_nodes_from``/``add_edges_from`` instead of our builder.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import append_results, machine_line, table

SIZES = (1_000, 10_000, 100_000)
YAML_SIZES = (1_000, 10_000)
TARGET_SECONDS = 10.0
TARGET_MB = 1536.0


def measure_one(path: str, builder: str) -> dict:
    """Runs in the child: validate + build once, report seconds and peak RSS."""
    import resource

    import networkx as nx

    from graph.dataset import load_dataset, paused_gc

    started = time.perf_counter()
    dataset = load_dataset(path)
    validated = time.perf_counter()
    if builder == "ours":
        graph = dataset.to_networkx()
    else:
        with paused_gc():
            graph = nx.MultiDiGraph()
            graph.add_nodes_from((n.id, {"type": n.type, **n.props}) for n in dataset.nodes.values())
            graph.add_edges_from((e.source, e.target, e.id, {"type": e.type, "derived": e.derived, **e.props})
                                 for e in dataset.edges.values())
    built = time.perf_counter()
    return {
        "nodes": graph.number_of_nodes(), "edges": graph.number_of_edges(),
        "validate_s": validated - started, "build_s": built - validated, "total_s": built - started,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def run_child(path: Path, builder: str = "ours") -> dict:
    out = subprocess.run([sys.executable, "-m", "bench.build", "--one", str(path), "--builder", builder],
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--one", help=argparse.SUPPRESS)
    parser.add_argument("--builder", default="ours", help=argparse.SUPPRESS)
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="comma-separated node counts")
    parser.add_argument("--no-record", action="store_true", help="do not append to bench/RESULTS.md")
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure_one(args.one, args.builder)))
        return

    from graph.synth import write_synth

    sizes = [int(s) for s in args.sizes.split(",")]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            print(f"generating {size} nodes ...", file=sys.stderr, flush=True)
            jsonl = write_synth(Path(tmp) / f"s{size}.jsonl", size)
            ours = run_child(jsonl)
            baseline = run_child(jsonl, "networkx")
            rows.append([f"{size:,}", f"{ours['edges']:,}", "JSONL", f"{ours['validate_s']:.2f}",
                         f"{ours['build_s']:.2f}", f"{ours['total_s']:.2f}", f"{ours['peak_mb']:.0f}",
                         f"{ours['total_s'] / TARGET_SECONDS:.0%} of 10 s, {ours['peak_mb'] / TARGET_MB:.0%} of 1.5 GB"])
            rows.append(["", "", "baseline: networkx add_edges_from", f"{baseline['validate_s']:.2f}",
                         f"{baseline['build_s']:.2f}", f"{baseline['total_s']:.2f}", f"{baseline['peak_mb']:.0f}",
                         f"our build is {baseline['build_s'] / max(ours['build_s'], 1e-9):.1f}x faster"])
            if size in YAML_SIZES:
                yaml_path = write_synth(Path(tmp) / f"s{size}.yaml", size, fmt="yaml")
                slow = run_child(yaml_path)
                rows.append(["", "", "baseline: same data as YAML", f"{slow['validate_s']:.2f}",
                             f"{slow['build_s']:.2f}", f"{slow['total_s']:.2f}", f"{slow['peak_mb']:.0f}",
                             f"JSONL is {slow['total_s'] / max(ours['total_s'], 1e-9):.1f}x faster"])
    headers = ["nodes", "edges", "format / builder", "validate s", "build s", "total s", "peak MB", "vs target / baseline"]
    text = table(headers, rows)
    print(text)
    if not args.no_record:
        append_results("Dataset validate + build (`python -m bench.build`)", machine_line(), text)


if __name__ == "__main__":
    main()
