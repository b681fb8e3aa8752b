"""Real Chromium against the real server: offline pages, hostile data, language switch, hub expansion."""
from __future__ import annotations

from graph.dataset import load_dataset
from graph.views import neighbourhood
from tests.conftest import PROJECT
from tests.web.conftest import HOSTILE_STRINGS


def expected_view_size(center: str, radius: int = 1, cap: int = 25) -> int:
    graph = load_dataset(PROJECT / "seeds").to_networkx()
    ids, capped = neighbourhood(graph, center, radius, cap=cap)
    return len(ids) + len(capped)


def test_pages_render_offline(seed_server, watched):
    page = watched.page
    for path, text in [("/", "Start here"), ("/search?q=jnim", "Group for the Support of Islam"),
                       ("/search?q=menaka", "Ménaka"), ("/browse/Module", "Curriculum modules")]:
        response = page.goto(seed_server.url + path)
        assert response.status == 200, path
        assert text in page.inner_text("main"), path
    page.goto(seed_server.url + "/entity/jnim")
    watched.wait_for_network()
    assert page.locator("#network canvas").count() == 1
    assert len(watched.dataset_ids()) == expected_view_size("jnim")
    page.goto(seed_server.url + "/overview")
    watched.wait_for_network()
    assert page.locator("#network canvas").count() == 1
    assert watched.blocked == [] and watched.dialogs == [] and watched.errors == []


def test_hostile_data_never_executes(hostile_server, watched):
    page = watched.page
    page.add_init_script("window.__pwned = 0; window.alert = function () { window.__pwned += 1; };")
    for path in ("/entity/evil-group", "/entity/src-evil", "/entity/evil-crime", "/overview",
                 "/search?q=evil", "/browse/Actor"):
        page.goto(hostile_server.url + path)
        if path.startswith("/entity") or path == "/overview":
            watched.wait_for_network()
        assert page.evaluate("window.__pwned") == 0, path
        assert page.locator("img[src='x'], svg[onload]").count() == 0, path
    page.goto(hostile_server.url + "/entity/evil-group")
    watched.wait_for_network()
    text = page.inner_text("body")
    for raw in HOSTILE_STRINGS:
        assert raw in text, raw                      # shown literally, as text
    tooltip = page.evaluate("window.nexusNetwork.nodes.get('evil-group').title.textContent")
    assert tooltip.startswith("Actor: Group <img src=x onerror=alert(1)>")
    # hovering shows the tooltip as text, and still nothing runs
    page.locator("#network").scroll_into_view_if_needed()
    position = page.evaluate("(() => { const n = window.nexusNetwork.network;"
                             " const p = n.canvasToDOM(n.getPosition('evil-group')); return [p.x, p.y]; })()")
    box = page.locator("#network").bounding_box()
    page.mouse.move(box["x"] + position[0], box["y"] + position[1])
    page.wait_for_timeout(400)
    assert page.evaluate("window.__pwned") == 0
    assert watched.dialogs == [] and watched.blocked == []


def test_language_switch(seed_server, watched):
    page = watched.page
    page.goto(seed_server.url + "/entity/menaka")
    page.get_by_role("link", name="Français").click()
    page.wait_for_load_state()
    main = page.inner_text("main")
    assert "Réseau" in main and "Sources" in main and "Ménaka" in page.inner_text("h1")
    page.goto(seed_server.url + "/entity/jnim")             # remembered on the next page
    assert "Groupe de soutien à l'islam et aux musulmans" in page.inner_text("h1")
    assert "Accueil" in page.inner_text("header")


def test_and_n_more_node_expands(hostile_server, watched):
    page = watched.page
    page.goto(hostile_server.url + "/entity/hub-country?cap=10&physics=off")
    watched.wait_for_network()
    ids = watched.dataset_ids()
    assert "more:hub-country" in ids and len(ids) == 12
    assert page.evaluate("window.nexusNetwork.nodes.get('more:hub-country').label") == "and 22 more"
    # click the placeholder node on the canvas: the view reloads with the hub expanded
    page.locator("#network").scroll_into_view_if_needed()
    position = page.evaluate("(() => { const n = window.nexusNetwork.network;"
                             " const p = n.canvasToDOM(n.getPosition('more:hub-country')); return [p.x, p.y]; })()")
    box = page.locator("#network").bounding_box()
    with page.expect_navigation():
        page.mouse.click(box["x"] + position[0], box["y"] + position[1])
    watched.wait_for_network()
    ids = watched.dataset_ids()
    assert "more:hub-country" not in ids and len(ids) == 33
    # the same by keyboard: the text alternative's link
    page.goto(hostile_server.url + "/entity/hub-country?cap=10")
    page.locator("a.expand-link").first.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    watched.wait_for_network()
    assert len(watched.dataset_ids()) == 33
