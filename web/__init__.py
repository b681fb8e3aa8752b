"""Nexus Explorer web application (Flask application factory, as in the Flask tutorial)."""
from __future__ import annotations

import os
from typing import Any, Mapping

from flask import Flask

from graph.config import Config


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build the app. ``config`` overrides settings (tests pass ``NEXUS_DATA`` or a ready ``NEXUS_STORE``).

    Settings (environment variable in brackets): ``NEXUS_DATA`` [NEXUS_DATA] seed folder for the embedded
    store; ``NEXUS_STORE`` a ready GraphStore (tests); ``HUB_CAP`` default neighbours shown per hub (25).
    """
    app = Flask(__name__, instance_relative_config=True)
    settings = Config.from_env()
    app.config.from_mapping(
        NEXUS_DATA=str(settings.data),
        NEXUS_STORE=None,
        NEO4J_URI=settings.neo4j_uri,
        NEO4J_USER=settings.neo4j_user,
        NEO4J_PASSWORD=settings.neo4j_password,
        NEO4J_DATABASE=settings.neo4j_database,
        CONSOLE_TIMEOUT=10.0,
        MAX_CONTENT_LENGTH=int(os.environ.get("NEXUS_IMPORT_MAX_MB", "20") or 20) * 1_000_000,
        OVERLAY_FOLDER=None,
        CONSOLE_ROW_CAP=1000,
        HUB_CAP=25,
        PAGE_CACHE=int(os.environ.get("NEXUS_PAGE_CACHE", "2048") or 0),
        BABEL_DEFAULT_LOCALE="en",
        BABEL_TRANSLATION_DIRECTORIES=os.path.join(app.root_path, "translations"),
        LANGUAGES=("en", "fr"),
        JSON_SORT_KEYS=False,
    )
    app.json.sort_keys = False   # keep payload order; sorting 10,000 rows of view data costs time
    app.json.compact = True
    app.config.from_pyfile("config.py", silent=True)
    if config:
        app.config.update(config)
    try:
        os.makedirs(app.instance_path, exist_ok=True)
    except OSError:
        pass

    from web import cache, csrf, errors, i18n, security, store, templating
    from web.views import api, assets, browse, console, entity, exchange, home, metrics, overview, paths, search

    store.init_app(app)
    i18n.init_app(app)
    security.init_app(app)
    errors.init_app(app)
    templating.init_app(app)
    cache.init_app(app)
    csrf.init_app(app)
    for blueprint in (assets.bp, home.bp, search.bp, entity.bp, browse.bp, overview.bp, console.bp, paths.bp,
                      metrics.bp, exchange.bp, api.bp):
        app.register_blueprint(blueprint)
    return app
