"""Overlays: an analyst's own case data, imported on top of the seed graph, shown or hidden, removed.

An overlay is validated with the same rules as the seeds, against the graph it sits on (its edges may
link to seed nodes; it may not redefine them). On any problem nothing is imported. Overlays are kept as
JSON Lines files in a folder (the app's instance folder), so they survive a restart.

:class:`LayeredStore` is the GraphStore the web app uses: the base store (embedded or Neo4j) plus the
shown overlays. Its version combines both, so snapshots, caches and pages follow any change.
"""
from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from graph.dataset import Dataset, Edge, Node, build_dataset
from graph.errors import DatasetError, InvalidInput, NotFound, Problem
from graph.records import RawRecord
from graph.store.base import GraphStore

NAME = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")


@dataclass
class Overlay:
    name: str
    dataset: Dataset
    shown: bool = True

    @property
    def counts(self) -> tuple[int, int]:
        return len(self.dataset.nodes), len(self.dataset.edges)


class Overlays:
    """The named overlays of one app, persisted in ``folder`` (None: in memory only)."""

    def __init__(self, folder: Path | None = None):
        self.folder = Path(folder) if folder else None
        self._items: dict[str, Overlay] = {}
        self._lock = threading.Lock()
        self.version = 0

    def names(self) -> list[str]:
        return sorted(self._items)

    def get(self, name: str) -> Overlay:
        if name not in self._items:
            raise NotFound("overlay", name)
        return self._items[name]

    def shown(self) -> list[Overlay]:
        return [self._items[n] for n in self.names() if self._items[n].shown]

    def _existing(self, base: GraphStore) -> tuple[dict[str, Node], frozenset[str]]:
        nodes, edges = base._everything()
        known = {n.id: n for n in nodes}
        edge_ids = {e.id for e in edges}
        for overlay in self._items.values():
            known.update(overlay.dataset.nodes)
            edge_ids.update(overlay.dataset.edges)
        return known, frozenset(edge_ids)

    def add(self, name: str, records: list[RawRecord], problems: list[Problem], base: GraphStore) -> Overlay:
        """Validate and add an overlay; raises DatasetError (with every problem) or InvalidInput."""
        if not NAME.match(name or ""):
            raise InvalidInput("An overlay name is 1 to 40 lower-case letters, digits or hyphens.", "name")
        with self._lock:
            if name in self._items:
                raise InvalidInput(f"An overlay named {name!r} exists already; remove it first.", "name")
            if not records and not problems:
                raise InvalidInput("The files hold no nodes or edges.", "files")
            existing, existing_edges = self._existing(base)
            dataset = build_dataset(records, base.ontology, problems, existing=existing,
                                    existing_edges=existing_edges)
            overlay = Overlay(name, dataset)
            self._items[name] = overlay
            self._save(overlay)
            self.version += 1
            return overlay

    def set_shown(self, name: str, shown: bool) -> Overlay:
        with self._lock:
            overlay = self.get(name)
            overlay.shown = shown
            self._save(overlay)
            self.version += 1
            return overlay

    def remove(self, name: str) -> None:
        with self._lock:
            self.get(name)
            others = [o for o in self._items.values() if o.name != name]
            gone = set(self._items[name].dataset.nodes)
            for other in others:   # another overlay may link to this one's nodes
                for edge in other.dataset.edges.values():
                    if edge.source in gone or edge.target in gone:
                        raise InvalidInput(f"Overlay {other.name!r} links to {name!r}; remove it first.", "name")
            del self._items[name]
            if self.folder:
                (self.folder / f"{name}.jsonl").unlink(missing_ok=True)
            self.version += 1

    # -- persistence ----------------------------------------------------------------------------
    def _save(self, overlay: Overlay) -> None:
        if not self.folder:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        lines = [json.dumps({"record": "meta", "shown": overlay.shown})]
        lines += [json.dumps({"record": "node", "id": n.id, "type": n.type, **n.props}, ensure_ascii=False)
                  for n in overlay.dataset.nodes.values()]
        lines += [json.dumps({"record": "edge", "type": e.type, "from": e.source, "to": e.target, **e.props},
                             ensure_ascii=False) for e in overlay.dataset.edges.values() if not e.derived]
        path = self.folder / f"{overlay.name}.jsonl"
        tmp = path.with_suffix(".tmp")
        tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
        tmp.replace(path)

    def load_saved(self, base: GraphStore) -> list[str]:
        """Re-read saved overlays; one that no longer fits the graph is skipped and reported."""
        skipped = []
        if not self.folder or not self.folder.is_dir():
            return skipped
        for path in sorted(self.folder.glob("*.jsonl")):
            shown, records, problems = True, [], []
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                if not line.strip():
                    continue
                data = json.loads(line)
                kind = data.pop("record", None)
                if kind == "meta":
                    shown = data.get("shown", True)
                elif kind in ("node", "edge"):
                    records.append(RawRecord(kind, data, str(path), number))
            try:
                self.add(path.stem, records, problems, base)
                if not shown:
                    self.set_shown(path.stem, False)
            except (DatasetError, InvalidInput, ValueError):
                skipped.append(path.stem)
        return skipped


class LayeredStore(GraphStore):
    """A base store with the shown overlays on top. Reads see both; writes go to the base store."""

    def __init__(self, base: GraphStore, overlays: Overlays):
        super().__init__(base.ontology)
        self.base = base
        self.overlays = overlays

    def version(self):
        return (self.base.version(), self.overlays.version)

    def _overlay_nodes(self) -> dict[str, Node]:
        return {n.id: n for o in self.overlays.shown() for n in o.dataset.nodes.values()}

    def _overlay_edges(self) -> dict[str, Edge]:
        return {e.id: e for o in self.overlays.shown() for e in o.dataset.edges.values()}

    def _nodes(self, ids: Iterable[str]) -> dict[str, Node]:
        ids = list(ids)
        found = self.base._nodes(ids)
        extra = self._overlay_nodes()
        found.update({i: extra[i] for i in ids if i in extra})
        return found

    def _edge(self, ident: str) -> Edge | None:
        return self.base._edge(ident) or self._overlay_edges().get(ident)

    def _incident_edges(self, node_id: str) -> list[Edge]:
        extra = [e for e in self._overlay_edges().values() if node_id in (e.source, e.target)]
        return self.base._incident_edges(node_id) + extra

    def _referrers(self, node_id: str):
        nodes, edges = self.base._referrers(node_id)
        nodes += [n for n in self._overlay_nodes().values()
                  if any(isinstance(v, list) and node_id in v for v in n.props.values())]
        edges += [e for e in self._overlay_edges().values() if node_id in e.props.get("sources", ())]
        edges += [e for e in self._overlay_edges().values() if node_id in (e.source, e.target)]
        return nodes, edges

    def _apply(self, put_nodes, delete_nodes, put_edges, delete_edges) -> None:
        overlay_nodes, overlay_edges = self._overlay_nodes(), self._overlay_edges()
        if any(n in overlay_nodes for n in delete_nodes) or any(e in overlay_edges for e in delete_edges):
            raise InvalidInput("That belongs to an overlay: remove the overlay instead.", "id")
        self.base._apply(put_nodes, delete_nodes, put_edges, delete_edges)

    def _everything(self):
        nodes, edges = self.base._everything()
        overlay_nodes = []
        for overlay in self.overlays.shown():
            for node in overlay.dataset.nodes.values():
                overlay_nodes.append(Node(node.id, node.type, {**node.props, "_overlay": overlay.name}))
        return list(nodes) + overlay_nodes, list(edges) + list(self._overlay_edges().values())

    def close(self) -> None:
        self.base.close()
