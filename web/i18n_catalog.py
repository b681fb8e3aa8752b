"""Maintain the French catalogue: ``python -m web.i18n_catalog`` extracts UI strings from web/, merges
them into ``translations/fr/LC_MESSAGES/messages.po`` (keeping translations) and compiles the ``.mo``.
``tests/web/test_i18n.py`` fails when a string lacks a French translation or the ``.mo`` is stale."""
from __future__ import annotations

from io import BytesIO
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

WEB = Path(__file__).resolve().parent
PO = WEB / "translations" / "fr" / "LC_MESSAGES" / "messages.po"
MO = PO.with_suffix(".mo")
METHODS = [("**.py", "python"), ("templates/**.html", "jinja2")]
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "lazy_gettext": None}


def extract() -> Catalog:
    """Every UI string in web/ (Python and templates)."""
    catalog = Catalog(locale=None, domain="messages")
    for filename, lineno, message, comments, context in extract_from_dir(
            WEB, METHODS, keywords=KEYWORDS, options_map={"templates/**.html": {"extensions": ""}}):
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return catalog


def load_po(path: Path = PO) -> Catalog:
    with open(path, "rb") as fh:
        return read_po(fh, locale="fr")


def compiled(catalog: Catalog) -> bytes:
    buffer = BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


def check_templates() -> None:
    """Refuse to touch the catalogue while a template does not parse: the extractor would silently
    drop its strings, and their translations would be lost."""
    from jinja2 import Environment, TemplateSyntaxError

    env = Environment(extensions=["jinja2.ext.i18n"])
    for path in sorted((WEB / "templates").glob("*.html")):
        try:
            env.parse(path.read_text(encoding="utf-8"))
        except TemplateSyntaxError as exc:
            raise SystemExit(f"{path}:{exc.lineno}: {exc.message}; the catalogue was not changed") from exc


def update() -> None:
    check_templates()
    template = extract()
    catalog = load_po() if PO.exists() else Catalog(locale="fr", domain="messages")
    catalog.update(template, no_fuzzy_matching=True)
    catalog.project, catalog.version, catalog.fuzzy = "Nexus Explorer", "1", False
    catalog.copyright_holder = catalog.msgid_bugs_address = catalog.last_translator = ""
    PO.parent.mkdir(parents=True, exist_ok=True)
    with open(PO, "wb") as fh:
        write_po(fh, catalog, omit_header=False, no_location=True, width=100)
    MO.write_bytes(compiled(catalog))


if __name__ == "__main__":
    update()
