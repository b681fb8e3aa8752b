"""Real browser: choose two entities (search as you type), see the path highlighted and its sentence."""
from __future__ import annotations


def test_choose_two_entities_and_see_the_path(seed_server, watched):
    page = watched.page
    page.goto(seed_server.url + "/paths")
    page.fill("input[name=from]", "jnim")
    page.wait_for_selector("#entity-names option", state="attached")
    assert page.evaluate("Array.from(document.querySelectorAll('#entity-names option')).map(o => o.value)")[0] == "jnim"
    page.fill("input[name=to]", "corruption")
    page.select_option("select[name=direction]", "ignore")
    page.click("form.paths-form button[type=submit]")
    watched.wait_for_network()
    sentence = page.inner_text("li.path.chosen p.sentence")
    assert sentence.startswith("Group for the Support of Islam and Muslims (JNIM)") and sentence.rstrip().endswith(")")
    highlighted = page.evaluate("window.nexusNetwork.edges.get({filter: e => e.width === 5}).length")
    hops = page.locator("li.path.chosen table.hops tbody tr").count()
    assert highlighted >= hops >= 1
    emphasised = page.evaluate("window.nexusNetwork.nodes.get({filter: n => n.borderWidth === 4}).map(n => n.id)")
    assert "jnim" in emphasised and "corruption" in emphasised
    assert page.locator("tr.weakest").count() == 1
    assert watched.blocked == [] and watched.dialogs == [] and watched.errors == []
