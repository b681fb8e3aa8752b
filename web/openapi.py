"""The OpenAPI 3 description of /api/v1 (served at /api/v1/openapi.json).

``tests/web/test_api.py`` checks it against the app's real routes: every route is documented and every
documented route exists.
"""
from __future__ import annotations

from graph.paths import DEFAULT_HOPS, DEFAULT_K, MAX_HOPS, MAX_K
from graph.views import MAX_CAP, MAX_RADIUS


def _param(name: str, schema: dict, description: str, where: str = "query", required: bool = False) -> dict:
    return {"name": name, "in": where, "required": required, "description": description, "schema": schema}


STRING = {"type": "string"}
LANG = _param("lang", {"type": "string", "enum": ["en", "fr"]}, "Language of names and labels (default: en).")
ERRORS = {code: {"$ref": f"#/components/responses/{name}"}
          for code, name in (("400", "BadRequest"), ("404", "NotFound"), ("503", "Unavailable"))}
VIEW_PARAMS = [
    _param("radius", {"type": "integer", "minimum": 1, "maximum": MAX_RADIUS}, "Hops around the entity."),
    _param("type", {"type": "array", "items": STRING}, "Node types to show.", ),
    _param("crime", {"type": "array", "items": STRING}, "Crime-type ids: those and what links to them."),
    _param("country", {"type": "array", "items": STRING}, "Country ids."),
    _param("year", {"type": "integer", "minimum": 1950, "maximum": 2100}, "Only what existed that year."),
    _param("cap", {"type": "integer", "minimum": 1, "maximum": MAX_CAP}, "Neighbours shown per hub."),
    _param("expand", {"type": "array", "items": STRING}, "Hubs shown in full."),
]
PATH_PARAMS = [
    _param("from", STRING, "Id of the first entity.", required=True),
    _param("to", STRING, "Id of the second entity.", required=True),
    _param("k", {"type": "integer", "minimum": 1, "maximum": MAX_K, "default": DEFAULT_K}, "Paths wanted."),
    _param("max_hops", {"type": "integer", "minimum": 1, "maximum": MAX_HOPS, "default": DEFAULT_HOPS},
           "Longest path."),
    _param("min_confidence", {"type": "string", "enum": ["confirmed", "probable", "possible"]},
           "Use only links at least this certain."),
    _param("year", {"type": "integer"}, "Use only links (and entities) valid that year."),
    _param("avoid_type", {"type": "array", "items": STRING}, "Node types no path may pass through."),
    _param("avoid", {"type": "array", "items": STRING}, "Entity ids no path may pass through."),
    _param("via", STRING, "Id of an entity every path must pass through."),
    _param("via_type", STRING, "A node type every path must pass through."),
    _param("direction", {"type": "string", "enum": ["respect", "ignore"], "default": "respect"},
           "Follow directed links only forwards, or ignore directions."),
    _param("budget_ms", {"type": "integer", "minimum": 10, "maximum": 10000, "default": 2000},
           "Time budget; when spent, the paths found so far are returned with stopped_early."),
]
CHANGE_HEADER = _param("X-Nexus-Request", {"type": "string", "enum": ["1"]},
                       "Required on changes (protects against cross-site requests).", "header", True)


def _get(summary: str, params: list, content: str = "application/json", extra: dict | None = None) -> dict:
    responses = {"200": {"description": "OK", "content": {content: {"schema": {"type": "object"}}}}, **ERRORS}
    return {"get": {"summary": summary, "parameters": params + [LANG], "responses": {**responses, **(extra or {})}}}


def document() -> dict:
    ident = _param("ident", STRING, "Entity id.", "path", True)
    name = _param("name", STRING, "Overlay name.", "path", True)
    return {
        "openapi": "3.0.3",
        "info": {"title": "Nexus Explorer API", "version": "1.0.0",
                 "description": "Search, entities, neighbourhoods, paths with evidence, metrics, export and "
                                "overlays of the Sahel terrorism–organized crime knowledge graph."},
        "paths": {
            "/api/v1/search": _get("Search names and aliases (English and French, accents ignored).", [
                _param("q", STRING, "Text to search.", required=True),
                _param("type", {"type": "array", "items": STRING}, "Only these node types."),
                _param("limit", {"type": "integer", "minimum": 1, "maximum": 100}, "Most results.")]),
            "/api/v1/entities/{ident}": _get("An entity: properties, sources, grouped links.", [ident]),
            "/api/v1/entities/{ident}/neighbourhood": _get("The network view around an entity.",
                                                           [ident] + VIEW_PARAMS),
            "/api/v1/paths": _get("The k shortest simple paths between two entities, with evidence per hop "
                                  "and a sentence.", PATH_PARAMS),
            "/api/v1/metrics": _get("Degree, betweenness, communities and nexus brokers.", [
                _param("top", {"type": "integer", "minimum": 1, "maximum": 500}, "Rows per ranking.")]),
            "/api/v1/export": _get("The graph, a view or a path result as GraphML, GEXF, JSON or CSV (zip).", [
                _param("format", {"type": "string", "enum": ["graphml", "gexf", "json", "csv"]}, "Format."),
                _param("scope", {"type": "string", "enum": ["graph", "view", "path"]}, "What to export."),
                _param("center", STRING, "scope=view: the entity at the centre (else the overview)."),
                _param("index", {"type": "integer", "minimum": 1}, "scope=path: only this path."),
            ] + VIEW_PARAMS + PATH_PARAMS, "application/octet-stream"),
            "/api/v1/overlays": {
                "get": {"summary": "The overlays (imported case data).",
                        "responses": {"200": {"description": "OK"}}},
                "post": {"summary": "Import CSV (nodes.csv, edges.csv) or GraphML as a named overlay; "
                                    "validated like the seeds, nothing imported on any problem.",
                         "parameters": [CHANGE_HEADER],
                         "requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
                             "type": "object", "required": ["name", "files"],
                             "properties": {"name": STRING, "files": {"type": "array",
                                                                      "items": {"type": "string", "format": "binary"}}}}}}},
                         "responses": {"201": {"description": "Imported"}, **ERRORS,
                                       "413": {"$ref": "#/components/responses/TooLarge"}}},
            },
            "/api/v1/overlays/{name}": {
                "patch": {"summary": "Show or hide an overlay.", "parameters": [name, CHANGE_HEADER],
                          "requestBody": {"required": True, "content": {"application/json": {"schema": {
                              "type": "object", "properties": {"shown": {"type": "boolean"}}}}}},
                          "responses": {"200": {"description": "OK"}, **ERRORS}},
                "delete": {"summary": "Remove an overlay.", "parameters": [name, CHANGE_HEADER],
                           "responses": {"204": {"description": "Removed"}, **ERRORS}},
            },
            "/api/v1/openapi.json": {"get": {"summary": "This document.", "responses": {"200": {"description": "OK"}}}},
        },
        "components": {
            "schemas": {"Error": {"type": "object", "properties": {"error": {"type": "object", "properties": {
                "code": STRING, "message": STRING, "field": {"type": "string", "nullable": True}}},
                "problems": {"type": "array", "items": {"type": "object"}},
                "suggestions": {"type": "array", "items": {"type": "object"}}}}},
            "responses": {
                name_: {"description": text, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
                for name_, text in (("BadRequest", "A parameter is wrong; `field` names it."),
                                    ("NotFound", "Unknown id; `suggestions` lists close names."),
                                    ("TooLarge", "The upload is over the size limit."),
                                    ("Unavailable", "The graph database cannot be reached."))
            },
        },
    }
