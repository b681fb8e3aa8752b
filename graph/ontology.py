"""The ontology: node types, edge types, their allowed endpoints, labels, verbs and display hints.

Everything is defined as data in ``ontology.yaml`` and checked here at load time, so an inconsistent
ontology stops the program with one clear error before any dataset is read.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from graph.errors import OntologyError

DEFAULT_PATH = Path(__file__).with_name("ontology.yaml")
LANGUAGES = ("en", "fr")
PROPERTY_TYPES = frozenset(
    {"slug", "node_type", "text", "string", "string_list", "ref_list", "period", "confidence",
     "enum", "date", "url", "number", "integer"}
)
# vis-network shapes that draw the label outside the shape, so colour and shape both stay visible.
SHAPES = frozenset(
    {"dot", "triangle", "diamond", "star", "square", "hexagon", "triangleDown", "ellipse", "box",
     "text", "database"}
)
IDENTIFIER = re.compile(r"^[A-Z][A-Za-z]*$|^[A-Z][A-Z_]*$")
COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")


@dataclass(frozen=True)
class Text:
    """A bilingual string."""

    en: str
    fr: str

    def get(self, lang: str) -> str:
        return self.fr if lang == "fr" else self.en


@dataclass(frozen=True)
class PropertySpec:
    name: str
    type: str
    required: bool = False
    values: tuple[str, ...] = ()      # enum values
    range: str | None = None          # node type a ref_list points to
    min: int = 0                      # minimum list length
    derives: str | None = None        # edge type generated from a ref_list


@dataclass(frozen=True)
class ConfidenceLevel:
    id: str
    rank: int                         # 0 = strongest
    label: Text
    line: str                         # solid | dashed | dotted
    description: Text


@dataclass(frozen=True)
class NodeType:
    name: str
    label: Text
    plural: Text
    colour: str
    shape: str
    factual: bool
    properties: dict[str, PropertySpec] = field(hash=False)


@dataclass(frozen=True)
class EdgeType:
    name: str
    sources: frozenset[str]           # allowed node types at the `from` end
    targets: frozenset[str]           # allowed node types at the `to` end
    directed: bool
    factual: bool
    derived: bool
    label: Text
    verb: Text

    def allows(self, source_type: str, target_type: str) -> bool:
        return source_type in self.sources and target_type in self.targets


@dataclass(frozen=True)
class Ontology:
    node_types: dict[str, NodeType] = field(hash=False)
    edge_types: dict[str, EdgeType] = field(hash=False)
    confidence: tuple[ConfidenceLevel, ...]
    common_properties: dict[str, PropertySpec] = field(hash=False)
    property_labels: dict[str, Text] = field(default_factory=dict, hash=False)
    enum_labels: dict[str, Text] = field(default_factory=dict, hash=False)

    def property_label(self, name: str, lang: str) -> str:
        label = self.property_labels.get(name)
        return label.get(lang) if label else name

    def enum_label(self, value: str, lang: str) -> str:
        label = self.enum_labels.get(value)
        return label.get(lang) if label else value

    @property
    def confidence_ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.confidence)

    def confidence_rank(self, grade: str | None) -> int:
        """0 for the strongest grade; unknown or missing grades rank weakest."""
        for level in self.confidence:
            if level.id == grade:
                return level.rank
        return len(self.confidence)

    def properties_of(self, node_type: str) -> dict[str, PropertySpec]:
        """Every property a node of ``node_type`` may carry: common ones, then type-specific ones."""
        return {**self.common_properties, **self.node_types[node_type].properties}

    def node_label(self, node_type: str) -> str:
        """Neo4j label for a node type: only ontology names ever reach a query."""
        if node_type not in self.node_types:
            raise KeyError(node_type)
        return node_type

    def edge_label(self, edge_type: str) -> str:
        """Neo4j relationship type for an edge type: only ontology names ever reach a query."""
        if edge_type not in self.edge_types:
            raise KeyError(edge_type)
        return edge_type


def _text(raw: Any, where: str, problems: list[str]) -> Text:
    if not isinstance(raw, dict) or not all(isinstance(raw.get(k), str) and raw.get(k) for k in LANGUAGES):
        problems.append(f"{where}: needs non-empty 'en' and 'fr' strings")
        return Text("", "")
    return Text(raw["en"], raw["fr"])


def _property(name: str, raw: Any, where: str, problems: list[str]) -> PropertySpec:
    if not isinstance(raw, dict) or raw.get("type") not in PROPERTY_TYPES:
        problems.append(f"{where}.{name}: 'type' must be one of {sorted(PROPERTY_TYPES)}")
        return PropertySpec(name, "string")
    values = tuple(raw.get("values") or ())
    if raw["type"] == "enum" and not values:
        problems.append(f"{where}.{name}: an enum needs 'values'")
    if raw["type"] == "ref_list" and not raw.get("range"):
        problems.append(f"{where}.{name}: a ref_list needs a 'range' node type")
    return PropertySpec(
        name=name,
        type=raw["type"],
        required=bool(raw.get("required", False)),
        values=values,
        range=raw.get("range"),
        min=int(raw.get("min", 0)),
        derives=raw.get("derives"),
    )


def parse_ontology(raw: Any) -> Ontology:
    """Build and check an :class:`Ontology` from parsed YAML; raise one error listing every problem."""
    problems: list[str] = []
    if not isinstance(raw, dict):
        raise OntologyError(["the ontology must be a mapping"])

    confidence = []
    for rank, item in enumerate(raw.get("confidence") or []):
        where = f"confidence[{rank}]"
        if item.get("line") not in ("solid", "dashed", "dotted"):
            problems.append(f"{where}: 'line' must be solid, dashed or dotted")
        confidence.append(ConfidenceLevel(
            id=str(item.get("id")), rank=rank, label=_text(item.get("label"), where + ".label", problems),
            line=item.get("line", "solid"), description=_text(item.get("description"), where + ".description", problems),
        ))
    if not confidence:
        problems.append("confidence: at least one grade is needed")

    common = {name: _property(name, spec, "common_properties", problems)
              for name, spec in (raw.get("common_properties") or {}).items()}
    for needed in ("id", "type", "name", "sources", "confidence", "period"):
        if needed not in common:
            problems.append(f"common_properties: '{needed}' is required by the loader")

    node_types: dict[str, NodeType] = {}
    for name, spec in (raw.get("node_types") or {}).items():
        where = f"node_types.{name}"
        if not IDENTIFIER.match(name):
            problems.append(f"{where}: type names are CamelCase identifiers")
        spec = spec or {}
        if not COLOUR.match(str(spec.get("colour", ""))):
            problems.append(f"{where}.colour: must be a #RRGGBB colour")
        if spec.get("shape") not in SHAPES:
            problems.append(f"{where}.shape: must be one of {sorted(SHAPES)}")
        props = {p: _property(p, s, where + ".properties", problems)
                 for p, s in (spec.get("properties") or {}).items()}
        for p in props:
            if p in common:
                problems.append(f"{where}.properties.{p}: redefines a common property")
        node_types[name] = NodeType(
            name=name, label=_text(spec.get("label"), where + ".label", problems),
            plural=_text(spec.get("plural"), where + ".plural", problems),
            colour=str(spec.get("colour", "")), shape=str(spec.get("shape", "")),
            factual=bool(spec.get("factual", True)), properties=props,
        )
    if not node_types:
        problems.append("node_types: at least one node type is needed")

    edge_types: dict[str, EdgeType] = {}
    for name, spec in (raw.get("edge_types") or {}).items():
        where = f"edge_types.{name}"
        spec = spec or {}
        if not re.match(r"^[A-Z][A-Z_]*$", name):
            problems.append(f"{where}: edge type names are UPPER_SNAKE_CASE")
        ends = {}
        for end in ("from", "to"):
            types = spec.get(end) or []
            for t in types:
                if t not in node_types:
                    problems.append(f"{where}.{end}: unknown node type {t!r}")
            if not types:
                problems.append(f"{where}.{end}: list at least one node type")
            ends[end] = frozenset(types)
        if not isinstance(spec.get("directed"), bool):
            problems.append(f"{where}.directed: must be true or false")
        edge_types[name] = EdgeType(
            name=name, sources=ends["from"], targets=ends["to"], directed=bool(spec.get("directed", True)),
            factual=bool(spec.get("factual", True)), derived=bool(spec.get("derived", False)),
            label=_text(spec.get("label"), where + ".label", problems),
            verb=_text(spec.get("verb"), where + ".verb", problems),
        )

    for props, where in [(common, "common_properties")] + [
        (nt.properties, f"node_types.{nt.name}.properties") for nt in node_types.values()
    ]:
        for prop in props.values():
            if prop.range and prop.range not in node_types:
                problems.append(f"{where}.{prop.name}.range: unknown node type {prop.range!r}")
            if prop.derives:
                edge = edge_types.get(prop.derives)
                if edge is None or not edge.derived:
                    problems.append(f"{where}.{prop.name}.derives: {prop.derives!r} is not a derived edge type")
    property_labels = {k: _text(v, f"property_labels.{k}", problems)
                       for k, v in (raw.get("property_labels") or {}).items()}
    enum_labels = {k: _text(v, f"enum_labels.{k}", problems) for k, v in (raw.get("enum_labels") or {}).items()}
    every_property = dict(common)
    for nt in node_types.values():
        every_property.update(nt.properties)
    for name, prop in every_property.items():
        if name not in property_labels:
            problems.append(f"property_labels: no label for property {name!r}")
        for value in prop.values:
            if value not in enum_labels:
                problems.append(f"enum_labels: no label for value {value!r}")
    if problems:
        raise OntologyError(problems)
    return Ontology(node_types=node_types, edge_types=edge_types, confidence=tuple(confidence),
                    common_properties=common, property_labels=property_labels, enum_labels=enum_labels)


@lru_cache(maxsize=8)
def load_ontology(path: str | Path = DEFAULT_PATH) -> Ontology:
    """Load and validate the ontology file (cached per path)."""
    try:
        with open(path, encoding="utf-8") as fh:
            raw = yaml.safe_load(fh)
    except (OSError, yaml.YAMLError) as exc:
        raise OntologyError([f"{path}: {exc}"]) from exc
    return parse_ontology(raw)
