"""Template helpers shared by every page: names in the chosen language, type labels, asset URLs."""
from __future__ import annotations

from flask import Flask, url_for

from graph.views import text_in
from web.i18n import current_lang
from web.store import get_store


def init_app(app: Flask) -> None:
    @app.template_global()
    def display_name(data: dict) -> tuple[str, bool]:
        """(name, fell back to English) of a node's attributes, in the chosen language."""
        return text_in(data.get("name"), current_lang())

    @app.template_global()
    def type_label(node_type: str) -> str:
        spec = get_store().ontology.node_types.get(node_type)
        return spec.label.get(current_lang()) if spec else node_type

    @app.context_processor
    def assets():
        return {
            "vis_js": url_for("assets.vis", name="vis-network.min.js"),
            "vis_css": url_for("assets.vis", name="vis-network.css"),
        }

    @app.context_processor
    def shapes():
        def lazy():
            ontology = get_store().ontology
            return {n: (t.shape, t.colour) for n, t in ontology.node_types.items()}
        return {"ontology_shapes": _Lazy(lazy)}


class _Lazy(dict):
    """A dict filled on first use, so error pages never touch the store."""

    def __init__(self, fill):
        super().__init__()
        self._fill = fill

    def __missing__(self, key):
        if not dict.__len__(self):
            self.update(self._fill())
            return self[key]
        raise KeyError(key)
