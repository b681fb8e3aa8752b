"""The French catalogue is complete and compiled; the UI and the data switch language together."""
from __future__ import annotations

from babel.messages.mofile import read_mo

from web.i18n_catalog import MO, extract, load_po


def test_every_ui_string_has_a_french_translation():
    catalog = load_po()
    missing = []
    for message in extract():
        if not message.id:
            continue
        translated = catalog.get(message.id)
        strings = translated.string if translated else None
        if isinstance(strings, tuple):
            ok = all(strings)
        else:
            ok = bool(strings)
        if not ok or (translated and translated.fuzzy):
            missing.append(message.id)
    assert missing == [], "untranslated UI strings: run `python -m web.i18n_catalog` and translate"


def test_compiled_catalogue_is_up_to_date():
    def key(value):
        return tuple(value) if isinstance(value, (list, tuple)) else value

    po = {key(m.id): key(m.string) for m in load_po() if m.id}
    with open(MO, "rb") as fh:
        mo = {key(m.id): key(m.string) for m in read_mo(fh) if m.id}
    assert mo == po, "messages.mo is stale: run `python -m web.i18n_catalog`"


def test_french_ui_and_names(fr_client):
    html = fr_client.get("/entity/menaka").get_data(as_text=True)
    assert '<html lang="fr">' in html
    assert "<h1>Ménaka</h1>" in html
    assert "Réseau" in html and "Sources" in html
    assert "Lieu" in html                      # type label in French


def test_language_switch_is_remembered(client):
    response = client.get("/lang/fr?next=/entity/menaka")
    assert response.status_code == 302 and "lang=fr" in response.headers["Set-Cookie"]
    html = client.get("/entity/menaka").get_data(as_text=True)   # the cookie came back
    assert "<h1>Ménaka</h1>" in html
    client.get("/lang/en")
    assert "<h1>Menaka</h1>" in client.get("/entity/menaka").get_data(as_text=True)


def test_browser_preference_without_a_choice(app):
    client = app.test_client()
    html = client.get("/", headers={"Accept-Language": "fr-FR,fr;q=0.9"}).get_data(as_text=True)
    assert "Contenu du graphe" in html


def test_english_fallback_is_marked(hostile_client):
    hostile_client.set_cookie("lang", "fr")
    html = hostile_client.get("/entity/english-only").get_data(as_text=True)
    assert '<span lang="en">Englishtown</span> <abbr class="fallback"' in html
