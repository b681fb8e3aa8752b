"""Benchmark: headless Chromium draws a 1,000-node view; time from navigation to a drawn network.

Run: ``python -m bench.browser`` (or ``make bench``; needs Debian's /usr/bin/chromium). Starts the real
server on a synthetic dataset of 1,000 entities, loads ``/overview`` several times with every non-local
request aborted, and reads ``window.nexusStableAt`` (ms since navigation start, set by network.js when
the network is drawn and no longer moving: at first drawing with physics off, at the ``stabilized``
event with physics on). Prints a table and appends it to bench/RESULTS.md.

Target (issue 3): under 2 s from navigation for a 1,000-node view (positions from the server, physics
off). Baseline, same run: the same view with physics on, the browser computing the layout itself.
"""
from __future__ import annotations

import argparse
import statistics
import tempfile
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import sync_playwright

from bench.common import append_results, machine_line, table
from graph.synth import write_synth
from web.testing import CHROMIUM, CHROMIUM_ARGS, LOOPBACK, LiveServer

TARGET_MS = 2000.0
RUNS = 5


def draw_times(browser, url: str, runs: int) -> tuple[list[float], int]:
    times, nodes = [], 0
    for _ in range(runs):
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        context.route("**/*", lambda route: route.continue_()
                      if (urlsplit(route.request.url).hostname or "") in LOOPBACK else route.abort())
        page = context.new_page()
        page.goto(url)
        page.wait_for_function("window.nexusStableAt !== undefined", timeout=120_000)
        times.append(page.evaluate("window.nexusStableAt"))
        nodes = page.evaluate("window.nexusNetwork.nodes.length")
        context.close()
    return times, nodes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-record", action="store_true", help="do not append to bench/RESULTS.md")
    parser.add_argument("--runs", type=int, default=RUNS)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = write_synth(Path(tmp) / "s1k.jsonl", 1_020, 2.0)    # 1,000 entities + 20 sources
        with LiveServer(data) as server, sync_playwright() as playwright:
            urllib.request.urlopen(server.url + "/overview", timeout=120).read()   # warm the layout cache
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            ours, nodes = draw_times(browser, server.url + "/overview", args.runs)
            physics, _ = draw_times(browser, server.url + "/overview?physics=on", min(2, args.runs))
            browser.close()
    median, worst = statistics.median(ours), max(ours)
    rows = [  # "stable": drawn and no longer moving
        [f"{nodes:,}-node overview, positions from the server, physics off",
         f"{median:.0f} ms (worst of {len(ours)}: {worst:.0f} ms)",
         f"< {TARGET_MS:.0f} ms: {'met' if worst < TARGET_MS else 'NOT met'}"],
        ["baseline: same view, physics on (browser computes the layout)",
         f"{statistics.median(physics):.0f} ms", f"server positions are {statistics.median(physics) / median:.1f}x faster"],
    ]
    text = table(["view", "navigation to drawn and stable (median)", "target / ratio"], rows)
    print(text)
    if not args.no_record:
        append_results("Browser drawing of a big view (`python -m bench.browser`)", machine_line(), text)


if __name__ == "__main__":
    main()
