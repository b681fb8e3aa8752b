"""Render ``docs/data-model.md`` from the ontology (``python -m graph.datamodel > docs/data-model.md``).

``tests/test_docs.py`` fails when the committed document differs from this rendering.
"""
from __future__ import annotations

from graph.ontology import Ontology, PropertySpec, load_ontology


def _describe(spec: PropertySpec) -> str:
    kind = spec.type
    if spec.type == "enum":
        kind = "one of: " + ", ".join(f"`{v}`" for v in spec.values)
    elif spec.type == "ref_list":
        kind = f"list of `{spec.range}` ids" + (f" (at least {spec.min})" if spec.min else "")
        if spec.derives:
            kind += f"; generates `{spec.derives}` edges"
    return kind


def render(ontology: Ontology) -> str:
    out = [
        "# Data model",
        "",
        "<!-- Generated from graph/ontology.yaml by `make docs`; tests/test_docs.py fails on drift. -->",
        "",
        "The ontology is data: `graph/ontology.yaml` defines every node type, edge type, allowed endpoint,",
        "bilingual label, narrative verb and display hint. This page is generated from it.",
        "",
        "## Confidence grades",
        "",
        "| grade | line style | meaning | en français |",
        "| --- | --- | --- | --- |",
    ]
    for level in ontology.confidence:
        out.append(f"| `{level.id}` | {level.line} | {level.description.en} | {level.description.fr} |")
    out += ["", "## Properties of every node", "", "| property | type | required |", "| --- | --- | --- |"]
    for spec in ontology.common_properties.values():
        out.append(f"| `{spec.name}` | {_describe(spec)} | {'yes' if spec.required else ''} |")
    out += [
        "",
        "Factual node types also require `sources` (at least one `Source` id) and `confidence`.",
        "",
        "## Node types",
        "",
    ]
    for nt in ontology.node_types.values():
        out += [
            f"### {nt.name}: {nt.label.en} / {nt.label.fr}",
            "",
            f"Display: colour `{nt.colour}`, shape `{nt.shape}`. "
            + ("Factual: needs sources and confidence." if nt.factual else "Not factual: sources optional."),
            "",
        ]
        if nt.properties:
            out += ["| property | type | required |", "| --- | --- | --- |"]
            for spec in nt.properties.values():
                out.append(f"| `{spec.name}` | {_describe(spec)} | {'yes' if spec.required else ''} |")
            out.append("")
    out += [
        "## Edge types",
        "",
        "Directed edges read `from` → `to`; symmetric ones carry no direction. Derived edges are generated",
        "from node properties and cannot be written by hand. Factual edges need sources and confidence.",
        "",
        "| type | from | to | directed | factual | label (en / fr) | narrative verb (en / fr) |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for et in ontology.edge_types.values():
        directed = "yes" if et.directed else "symmetric"
        factual = "derived" if et.derived else ("yes" if et.factual else "design link")
        out.append(
            f"| `{et.name}` | {', '.join(sorted(et.sources))} | {', '.join(sorted(et.targets))} | {directed} | "
            f"{factual} | {et.label.en} / {et.label.fr} | {et.verb.en} / {et.verb.fr} |"
        )
    out.append("")
    return "\n".join(out)


if __name__ == "__main__":
    print(render(load_ontology()), end="")
