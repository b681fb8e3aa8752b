"""Language: chosen by a visible switch, remembered in a cookie, else the browser's preference."""
from __future__ import annotations

from flask import Flask, current_app, g, request
from flask_babel import Babel

COOKIE = "lang"
COOKIE_AGE = 365 * 24 * 3600


def select_locale() -> str:
    languages = current_app.config["LANGUAGES"]
    asked = request.args.get("lang") or request.cookies.get(COOKIE)
    if asked in languages:
        return asked
    return request.accept_languages.best_match(languages) or current_app.config["BABEL_DEFAULT_LOCALE"]


def current_lang() -> str:
    if "lang" not in g:
        g.lang = select_locale()
    return g.lang


def init_app(app: Flask) -> None:
    Babel(app, locale_selector=current_lang)

    @app.context_processor
    def inject_lang():
        return {"lang": current_lang(), "languages": app.config["LANGUAGES"]}
