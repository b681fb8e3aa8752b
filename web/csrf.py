"""Protection of the forms that change data (overlays): a per-browser token, sent back by the form.

The token lives in a SameSite=Strict cookie and in a hidden field; a POST whose field does not match
its cookie is refused with 400, so another site cannot make a browser import or delete overlays.
"""
from __future__ import annotations

import hmac
import secrets

from flask import Flask, g, request

from web.params import BadParameter

COOKIE = "nexus_csrf"
FIELD = "csrf_token"


def token() -> str:
    if "csrf_token" not in g:
        g.csrf_token = request.cookies.get(COOKIE) or secrets.token_urlsafe(32)
    return g.csrf_token


def check() -> None:
    sent, expected = request.form.get(FIELD, ""), request.cookies.get(COOKIE, "")
    if not sent or not expected or not hmac.compare_digest(sent, expected):
        raise BadParameter(FIELD, "The form has expired or came from another site: reload the page and retry.")


def init_app(app: Flask) -> None:
    app.jinja_env.globals["csrf_token"] = token

    @app.after_request
    def set_cookie(response):
        if "csrf_token" in g and request.cookies.get(COOKIE) != g.csrf_token:
            response.set_cookie(COOKIE, g.csrf_token, samesite="Strict", httponly=True)
        return response
