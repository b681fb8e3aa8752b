"""Helpers shared by the benchmarks: a Markdown table, the machine line, appending to RESULTS.md."""
from __future__ import annotations

import datetime as dt
import os
import platform
from pathlib import Path

RESULTS = Path(__file__).with_name("RESULTS.md")


def table(headers: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "| " + " | ".join("---" for _ in headers) + " |"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def machine_line() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            cpu = next((l.split(":", 1)[1].strip() for l in fh if l.startswith("model name")), cpu)
    except OSError:
        pass
    return (f"{dt.date.today().isoformat()}, {platform.system()} {platform.machine()}, {os.cpu_count()} cores, "
            f"{cpu}, Python {platform.python_version()}")


def append_results(title: str, machine: str, body: str) -> None:
    with open(RESULTS, "a", encoding="utf-8") as fh:
        fh.write(f"\n## {title}\n\n{machine}\n\n{body}\n")
