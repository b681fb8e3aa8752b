"""A small in-process cache of rendered pages, keyed by store version, language and full URL.

Entity, overview, browse, search and home pages are pure functions of (graph version, language,
URL), so a hit skips selection, view building and template rendering. A write to the store changes
its version, which makes every older entry unreachable (they age out of the LRU). Error pages and
anything but GET are never cached. ``PAGE_CACHE`` (env ``NEXUS_PAGE_CACHE``) is the number of entries
kept; 0 turns the cache off.
"""
from __future__ import annotations

import threading
from collections import OrderedDict

from flask import Flask, Response, current_app, g, request

from web.i18n import current_lang
from web.store import get_store

CACHEABLE = {"home.index", "search.results", "entity.show", "browse.by_type", "overview.show"}


class PageCache:
    def __init__(self, size: int):
        self.size = size
        self._entries: OrderedDict[tuple, tuple[bytes, str]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple) -> tuple[bytes, str] | None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None:
                self._entries.move_to_end(key)
            return entry

    def put(self, key: tuple, body: bytes, mimetype: str) -> None:
        with self._lock:
            self._entries[key] = (body, mimetype)
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)

    def __len__(self) -> int:
        return len(self._entries)


def init_app(app: Flask) -> None:
    size = int(app.config.get("PAGE_CACHE", 2048))
    if size <= 0:
        return
    cache = app.extensions["nexus_page_cache"] = PageCache(size)

    @app.before_request
    def serve_cached():
        if request.method != "GET" or request.endpoint not in CACHEABLE:
            return None
        key = (get_store().version(), current_lang(), request.full_path)
        g.page_cache_key = key
        hit = cache.get(key)
        if hit is not None:
            body, mimetype = hit
            response = Response(body, mimetype=mimetype)
            response.headers["X-Page-Cache"] = "hit"
            return response
        return None

    @app.after_request
    def remember(response: Response) -> Response:
        key = g.pop("page_cache_key", None)
        if key is not None and response.status_code == 200 and "X-Page-Cache" not in response.headers:
            cache.put(key, response.get_data(), response.mimetype)
            response.headers["X-Page-Cache"] = "miss"
        response.vary.add("Cookie")
        response.vary.add("Accept-Language")
        return response


def page_cache() -> PageCache | None:
    return current_app.extensions.get("nexus_page_cache")
