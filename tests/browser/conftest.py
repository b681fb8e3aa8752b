"""Real-browser fixtures: the real server (``nexus serve``) on a free loopback port, and Debian's
Chromium driven by Playwright (``executable_path=/usr/bin/chromium``; never ``playwright install``).

Every request to a non-loopback address is aborted and recorded, so a page that needs the Internet fails.
"""
from __future__ import annotations

import os
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import sync_playwright

from tests.conftest import FIXTURES, PROJECT
from web.testing import CHROMIUM, CHROMIUM_ARGS, LOOPBACK, LiveServer

@pytest.fixture(scope="session")
def seed_server():
    server = LiveServer(PROJECT / "seeds")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def hostile_server():
    server = LiveServer(FIXTURES / "hostile")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium package")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Watched:
    """A page whose remote requests are aborted and whose dialogs and console errors are recorded."""

    def __init__(self, browser):
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.blocked: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.context.route("**/*", self._route)
        self.page.on("dialog", self._dialog)
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _route(self, route):
        host = urlsplit(route.request.url).hostname or ""
        if host in LOOPBACK or route.request.url.startswith("data:"):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def wait_for_network(self, timeout: float = 20000):
        self.page.wait_for_selector('#network[data-state="stabilized"], #network[data-state="drawn"]',
                                    timeout=timeout)

    def dataset_ids(self) -> list[str]:
        return self.page.evaluate("window.nexusNetwork.nodes.getIds()")


@pytest.fixture()
def watched(browser):
    watched = Watched(browser)
    yield watched
    watched.context.close()
