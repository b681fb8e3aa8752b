"""Schema-valid synthetic datasets at any scale, for benchmarks and scale tests.

Deterministic for a given ``seed``. Every node and edge obeys the ontology (allowed endpoints,
required fields, sources on factual records), so a synthetic dataset passes ``nexus validate``.
"""
from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Iterator

from graph.ontology import Ontology, load_ontology

FRENCH_WORDS = ("Ménaka", "Tillabéri", "Ségou", "Dori", "Kidal", "Agadez", "Diffa", "Mopti")


def _node_mix(ontology: Ontology, count: int) -> list[str]:
    """Node types for ``count`` nodes: ~2% sources, ~1% countries, the rest spread over the others."""
    others = [t for t in ontology.node_types if t != "Source"]
    sources = max(1, count // 50)
    types = ["Source"] * sources
    rest = count - sources
    types += [others[i % len(others)] for i in range(rest)]
    if types.count("Place") < 2:  # a route needs two places: tiny datasets get places instead
        types = ["Place" if t == "Route" else t for t in types]
    return types


def _required_extras(ontology: Ontology, node_type: str, index: int, rng: random.Random) -> dict:
    extras: dict = {}
    for name, spec in ontology.node_types[node_type].properties.items():
        if spec.type == "enum" and spec.required:
            extras[name] = "country" if node_type == "Place" and index % 10 == 0 else spec.values[index % len(spec.values)]
    if node_type == "Source":
        extras.update(publisher="Synthetic Publisher", date=f"{2000 + index % 25}-0{1 + index % 9}",
                      url=f"https://example.org/doc/{index}")
    return extras


def synth_records(nodes: int, edges_per_node: float = 3.0, seed: int = 42,
                  ontology: Ontology | None = None) -> Iterator[dict]:
    """Yield node then edge records (as plain dicts with a ``record`` key), ``nodes`` nodes and about
    ``nodes * edges_per_node`` edges, derived route edges included. O(nodes + edges)."""
    if nodes < 2:
        raise ValueError("a synthetic dataset needs at least 2 nodes")
    ontology = ontology or load_ontology()
    rng = random.Random(seed)
    types = _node_mix(ontology, nodes)
    ids_by_type: dict[str, list[str]] = {t: [] for t in ontology.node_types}
    ids = [f"n{i}" for i in range(nodes)]
    for ident, node_type in zip(ids, types):
        ids_by_type[node_type].append(ident)
    sources = ids_by_type["Source"]
    places = ids_by_type["Place"]
    grades = ontology.confidence_ids
    derived = 0
    for index, (ident, node_type) in enumerate(zip(ids, types)):
        word = FRENCH_WORDS[index % len(FRENCH_WORDS)]
        record = {"record": "node", "id": ident, "type": node_type,
                  "name": {"en": f"{node_type} {word} {index}", "fr": f"{node_type} {word} {index} (fr)"},
                  **_required_extras(ontology, node_type, index, rng)}
        if ontology.node_types[node_type].factual:
            record["sources"] = [sources[rng.randrange(len(sources))]]
            record["confidence"] = grades[index % len(grades)]
        if node_type == "Route":
            record["places"] = rng.sample(places, 2)
            derived += 2
        yield record

    # Edge types usable from each node type (derived edges come from Route.places only).
    usable = {t: [e for e in ontology.edge_types.values() if t in e.sources and not e.derived
                  and any(ids_by_type[x] for x in e.targets)]
              for t in ontology.node_types}
    wanted = int(nodes * edges_per_node) - derived
    seen: set[tuple[str, str, str]] = set()
    made = attempts = 0
    while made < wanted and attempts < wanted * 5:
        attempts += 1
        index = made % nodes if attempts <= wanted else rng.randrange(nodes)
        source, source_type = ids[index], types[index]
        choices = usable[source_type]
        if not choices:
            continue
        edge_type = choices[rng.randrange(len(choices))]
        target_types = [t for t in sorted(edge_type.targets) if ids_by_type[t]]   # sorted: frozenset order varies
        pool = ids_by_type[target_types[rng.randrange(len(target_types))]]
        target = pool[rng.randrange(len(pool))]
        key = (edge_type.name, *sorted((source, target))) if not edge_type.directed else (edge_type.name, source, target)
        if target == source or key in seen:
            continue
        seen.add(key)
        record = {"record": "edge", "type": edge_type.name, "from": source, "to": target}
        if edge_type.factual:
            record["sources"] = [sources[rng.randrange(len(sources))]]
            record["confidence"] = grades[made % len(grades)]
        if made % 4 == 0:
            start = 1990 + made % 30
            record["period"] = {"from": str(start), "to": str(start + made % 7)}
        made += 1
        yield record


def write_synth(path: str | Path, nodes: int, edges_per_node: float = 3.0, seed: int = 42,
                fmt: str = "jsonl") -> Path:
    """Write a synthetic dataset to ``path`` (a file; a folder gets ``synth-<N>.<fmt>``)."""
    target = Path(path)
    if target.is_dir() or not target.suffix:
        target.mkdir(parents=True, exist_ok=True)
        target = target / f"synth-{nodes}.{fmt}"
    target.parent.mkdir(parents=True, exist_ok=True)
    records = synth_records(nodes, edges_per_node, seed)
    with open(target, "w", encoding="utf-8") as fh:
        if fmt == "jsonl":
            dumps = json.dumps
            for record in records:
                fh.write(dumps(record, ensure_ascii=False))
                fh.write("\n")
        elif fmt == "yaml":
            import yaml

            nodes_out, edges_out = [], []
            for record in records:
                kind = record.pop("record")
                (nodes_out if kind == "node" else edges_out).append(record)
            yaml.safe_dump({"nodes": nodes_out, "edges": edges_out}, fh, allow_unicode=True, sort_keys=False)
        else:
            raise ValueError(f"unknown format {fmt!r} (use jsonl or yaml)")
    return target
