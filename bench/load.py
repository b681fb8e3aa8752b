"""Benchmark: entity-page latency under 20 concurrent clients, on loopback, bounded in count and time.

Run: ``python -m bench.load`` (or ``make bench``). Starts the real server (waitress) on the seed graph,
then 20 client threads each fetch entity pages (every entity, in a shuffled order, English and French)
over keep-alive connections until each has made ``--requests`` requests or ``--seconds`` have passed.
Only 127.0.0.1 is contacted. Prints a table and appends it to bench/RESULTS.md.

Target (issue 3): p95 under 100 ms with 20 concurrent clients. Baselines, same run: one client alone
(the latency floor), and 20 clients with the page cache turned off (``NEXUS_PAGE_CACHE=0``).
"""
from __future__ import annotations

import argparse
import http.client
import os
import random
import statistics
import threading
import time

from bench.common import append_results, machine_line, table
from graph.dataset import load_dataset
from web.testing import PROJECT, LiveServer

TARGET_P95_MS = 100.0


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def run_clients(port: int, paths: list[str], clients: int, requests: int, seconds: float) -> tuple[list[float], int]:
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def client(index: int) -> None:
        nonlocal errors
        rng = random.Random(index)
        order = paths[:]
        rng.shuffle(order)
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine: list[float] = []
        bad = 0
        for i in range(requests):
            if time.monotonic() > deadline:
                break
            started = time.perf_counter()
            connection.request("GET", order[i % len(order)])
            response = connection.getresponse()
            response.read()
            mine.append((time.perf_counter() - started) * 1000)
            bad += response.status != 200
        connection.close()
        with lock:
            latencies.extend(mine)
            errors += bad

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=150, help="requests per client at most")
    parser.add_argument("--seconds", type=float, default=30.0, help="time limit of each run")
    parser.add_argument("--no-record", action="store_true", help="do not append to bench/RESULTS.md")
    args = parser.parse_args()
    seeds = PROJECT / "seeds"
    ids = [n.id for n in load_dataset(seeds).nodes.values() if n.type != "Source"]
    paths = [f"/entity/{i}?lang={lang}" for i in ids for lang in ("en", "fr")]
    rows = []
    for label, cache, clients in (("one client alone (latency floor)", "2048", 1),
                                  (f"{args.clients} clients, page cache off (baseline)", "0", args.clients),
                                  (f"{args.clients} clients, Nexus Explorer as shipped", "2048", args.clients)):
        os.environ["NEXUS_PAGE_CACHE"] = cache
        with LiveServer(seeds, threads=8) as server:
            run_clients(server.port, paths, 4, 60, 10)                        # warm-up
            latencies, errors = run_clients(server.port, paths, clients, args.requests, args.seconds)
        p50, p95 = statistics.median(latencies), percentile(latencies, 0.95)
        verdict = (f"< {TARGET_P95_MS:.0f} ms: {'met' if p95 < TARGET_P95_MS else 'NOT met'}"
                   if "shipped" in label else "")
        rows.append([label, f"{len(latencies):,}", str(errors), f"{p50:.1f}", f"{p95:.1f}",
                     f"{percentile(latencies, 0.99):.1f}", verdict])
    os.environ.pop("NEXUS_PAGE_CACHE", None)
    text = table(["load", "requests", "errors", "p50 ms", "p95 ms", "p99 ms", "target"], rows)
    print(text)
    if not args.no_record:
        append_results("Entity pages under load (`python -m bench.load`)", machine_line(), text)


if __name__ == "__main__":
    main()
