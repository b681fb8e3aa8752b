"""Reading seed files into raw records that remember where they came from.

YAML files keep the line of every key, so a problem can be reported as ``file:line: field``.
JSON Lines files (one record a line) are the bulk format for large datasets; their line is the record's.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import yaml

from graph.errors import Problem

SEED_SUFFIXES = (".yaml", ".yml", ".jsonl")
TOP_LEVEL_KEYS = ("nodes", "edges")

try:  # libyaml's parser is several times faster; the constructor below stays pure Python.
    _BaseLoader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _BaseLoader = yaml.SafeLoader


class LineDict(dict):
    """A dict that remembers its own line and the line of each key (1-based)."""

    __slots__ = ("line", "lines", "duplicates")

    def __init__(self, line: int = 0):
        super().__init__()
        self.line = line
        self.lines: dict[str, int] = {}
        self.duplicates: list[tuple[str, int]] = []

    def line_of(self, key: str) -> int:
        return self.lines.get(key, self.line)


class _LineLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    pass


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    mapping = LineDict(node.start_mark.line + 1)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, (str, int, float, bool)) or key is None:
            key = str(key)
        line = key_node.start_mark.line + 1
        if key in mapping:
            mapping.duplicates.append((str(key), line))
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.lines[key] = line
    return mapping


_LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)


@dataclass(frozen=True, slots=True)
class RawRecord:
    """One node or edge as written in a file, before validation."""

    kind: str          # "node" | "edge"
    data: dict
    file: str
    line: int

    def line_of(self, field: str) -> int:
        """Line of ``field`` (dotted paths look up the first segment), else the record's line."""
        if isinstance(self.data, LineDict):
            head = field.split(".", 1)[0].split("[", 1)[0]
            value = self.data.get(head)
            rest = field.split(".", 1)[1] if "." in field else ""
            if rest and isinstance(value, LineDict) and rest in value.lines:
                return value.lines[rest]
            return self.data.line_of(head)
        return self.line


def seed_files(path: str | Path) -> list[Path]:
    """The seed files under ``path`` (a file or a folder), in a stable order."""
    root = Path(path)
    if root.is_file():
        return [root]
    return sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in SEED_SUFFIXES)


def read_yaml(path: Path, label: str, problems: list[Problem]) -> Iterator[RawRecord]:
    try:
        with open(path, encoding="utf-8") as fh:
            document = yaml.load(fh, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        message = f"YAML syntax error: {exc.problem or exc}"
        if exc.context and exc.context_mark and exc.context_mark.line + 1 != line:
            message += f" ({exc.context} started at line {exc.context_mark.line + 1})"
        problems.append(Problem(label, line, "", message))
        return
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        problems.append(Problem(label, 0, "", f"cannot read file: {exc}"))
        return
    if document is None:
        return
    if not isinstance(document, dict):
        problems.append(Problem(label, 1, "", "a seed file is a mapping with 'nodes' and/or 'edges' lists"))
        return
    for key in document:
        if key not in TOP_LEVEL_KEYS:
            problems.append(Problem(label, document.line_of(key), str(key),
                                    "unknown top-level key (expected 'nodes' or 'edges')"))
    for key, line in getattr(document, "duplicates", []):
        problems.append(Problem(label, line, key, "duplicate key in mapping"))
    for key, kind in (("nodes", "node"), ("edges", "edge")):
        items = document.get(key)
        if items is None:
            continue
        if not isinstance(items, list):
            problems.append(Problem(label, document.line_of(key), key, "must be a list"))
            continue
        for item in items:
            if not isinstance(item, LineDict):
                problems.append(Problem(label, document.line_of(key), key, f"each {kind} must be a mapping"))
                continue
            for dup, line in item.duplicates:
                problems.append(Problem(label, line, dup, "duplicate key in mapping"))
            yield RawRecord(kind, item, label, item.line)


def _jsonl_values(lines: list[str]) -> Iterator[tuple[int, Any, str | None]]:
    """``(line number, value, error)`` for each non-blank line."""
    numbered = [(n, line) for n, line in enumerate(lines, start=1) if line.strip()]
    try:  # fast path: one C-level parse of the whole file
        parsed = json.loads("[" + ",".join(line for _, line in numbered) + "]")
    except ValueError:
        parsed = None
    if parsed is not None and len(parsed) == len(numbered):
        for (number, _), value in zip(numbered, parsed):
            yield number, value, None
        return
    for number, line in numbered:  # slow path: locate each error by its line
        try:
            yield number, json.loads(line), None
        except json.JSONDecodeError as exc:
            yield number, None, f"{exc.msg} (column {exc.colno})"


def read_jsonl(path: Path, label: str, problems: list[Problem]) -> Iterator[RawRecord]:
    """Bulk format: each line ``{"record": "node"|"edge", ...fields}``; blank lines are skipped."""
    try:
        with open(path, encoding="utf-8") as fh:
            lines = fh.read().split("\n")
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(Problem(label, 0, "", f"cannot read file: {exc}"))
        return
    for number, data, error in _jsonl_values(lines):
        if error is not None:
            problems.append(Problem(label, number, "", f"JSON syntax error: {error}"))
        elif not isinstance(data, dict):
            problems.append(Problem(label, number, "", "each line must be a JSON object"))
        elif (kind := data.pop("record", None)) not in ("node", "edge"):
            problems.append(Problem(label, number, "record", 'must be "node" or "edge"'))
        else:
            yield RawRecord(kind, data, label, number)


def read_records(path: str | Path, problems: list[Problem]) -> Iterator[RawRecord]:
    """Every raw record under ``path``; file-level problems are appended to ``problems``."""
    root = Path(path)
    if not root.exists():
        problems.append(Problem(str(path), 0, "", "no such file or folder"))
        return
    files = seed_files(root)
    if not files:
        problems.append(Problem(str(path), 0, "", "no seed files (*.yaml, *.yml, *.jsonl) found"))
    for file in files:
        label = str(file)
        reader = read_jsonl if file.suffix == ".jsonl" else read_yaml
        yield from reader(file, label, problems)
