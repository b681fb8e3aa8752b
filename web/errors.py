"""Errors become pages in the chosen language (or JSON error objects under /api/), never stack traces."""
from __future__ import annotations

import logging
import re

from flask import Flask, current_app, jsonify, render_template, request
from flask_babel import gettext as _, ngettext
from werkzeug.exceptions import HTTPException

from graph.errors import DatasetError, InvalidInput, NotFound, StoreUnavailable
from web.params import BadParameter

log = logging.getLogger(__name__)


def _wants_json() -> bool:
    return request.path.startswith("/api/")


def error_response(status: int, title: str, message: str, field: str = "", suggestions=(), problems=()):
    if _wants_json():
        code = {400: "bad_request", 404: "not_found", 413: "too_large", 503: "unavailable"}.get(status, "error")
        body = {"error": {"code": code, "message": message, "field": field or None}}
        if suggestions:
            body["suggestions"] = [{"id": h.id, "type": h.type, "matched": h.matched} for h in suggestions]
        if problems:
            body["problems"] = [{"file": p.file, "line": p.line, "field": p.field, "message": p.message}
                                for p in problems]
        return jsonify(body), status
    return render_template("error.html", status=status, title=title, message=message,
                           suggestions=suggestions, problems=problems), status


def not_found(message: str, query: str = ""):
    from web.store import get_store

    suggestions: dict[str, object] = {}
    if query:
        attempts = [query.replace("-", " ")] + [w for w in re.split(r"[\W_]+", query) if len(w) >= 3]
        try:
            for attempt in attempts:  # the whole text first, then each word of it
                for hit in get_store().search(attempt, limit=8):
                    suggestions.setdefault(hit.id, hit)
        except StoreUnavailable:
            suggestions = {}
    return error_response(404, _("Not found"), message, suggestions=list(suggestions.values())[:8])


def init_app(app: Flask) -> None:
    @app.errorhandler(BadParameter)
    def bad_parameter(exc: BadParameter):
        return error_response(400, _("Bad request"), str(exc), exc.field)

    @app.errorhandler(DatasetError)
    def invalid_dataset(exc: DatasetError):
        count = len(exc.problems)
        return error_response(400, _("Bad request"),
                              ngettext("%(num)d problem; nothing was imported.",
                                       "%(num)d problems; nothing was imported.", count),
                              problems=exc.problems)

    @app.errorhandler(InvalidInput)
    def invalid_input(exc: InvalidInput):
        return error_response(400, _("Bad request"), str(exc), exc.field)

    @app.errorhandler(NotFound)
    def domain_not_found(exc: NotFound):
        return not_found(_("Nothing is recorded under the identifier “%(id)s”.", id=exc.ident), exc.ident)

    @app.errorhandler(StoreUnavailable)
    def unavailable(exc: StoreUnavailable):
        log.warning("store unavailable: %s", exc)
        return error_response(503, _("Service unavailable"),
                              _("The graph database cannot be reached right now. Please try again in a moment."))

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        if exc.code == 404:
            return not_found(_("This page does not exist."))
        if exc.code == 400:
            return error_response(400, _("Bad request"), _("The request could not be understood."))
        if exc.code == 413:
            return error_response(413, _("Too large"), _("The upload is larger than %(mb)d MB.",
                                  mb=current_app.config["MAX_CONTENT_LENGTH"] // 1_000_000))
        return error_response(exc.code or 500, exc.name, exc.description or exc.name)

    @app.errorhandler(Exception)
    def unexpected(exc: Exception):
        log.exception("unhandled error on %s", request.path)
        return error_response(500, _("Something went wrong"),
                              _("An unexpected error occurred. It has been logged."))
