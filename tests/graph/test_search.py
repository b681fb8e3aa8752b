"""Search is case- and accent-insensitive over English and French names and aliases."""
from __future__ import annotations

from graph.search import EXACT, PREFIX, SUBSTRING, WORD, NameIndex, fold


def test_fold():
    assert fold("Ménaka") == "menaka"
    assert fold("  Jama'at   Nusrat  ") == "jama at nusrat"
    assert fold("CÔTE D’IVOIRE") == "cote d ivoire"


def index():
    return NameIndex([
        ("menaka", "Place", {"name": {"en": "Menaka", "fr": "Ménaka"}}),
        ("jnim", "Actor", {"name": {"en": "Group for the Support of Islam and Muslims",
                                    "fr": "Groupe de soutien à l'islam et aux musulmans"}, "aliases": ["JNIM"]}),
        ("gao", "Place", {"name": {"en": "Gao", "fr": "Gao"}}),
        ("route-gao-menaka", "Route", {"name": {"en": "Gao–Ménaka road", "fr": "Axe Gao–Ménaka"}}),
    ])


def test_accent_and_case_insensitive():
    assert [h.id for h in index().search("MÉNAKA")][0] == "menaka"
    assert [h.id for h in index().search("menaka")][0] == "menaka"


def test_alias_finds_full_name():
    hits = index().search("jnim")
    assert hits[0].id == "jnim" and hits[0].rank == EXACT and hits[0].matched == "JNIM"


def test_ranking_exact_prefix_word_substring():
    idx = index()
    assert [(h.id, h.rank) for h in idx.search("gao")] == [("gao", EXACT), ("route-gao-menaka", PREFIX)]
    assert [(h.id, h.rank) for h in idx.search("soutien")] == [("jnim", WORD)]
    assert [(h.id, h.rank) for h in idx.search("enak")] == [("menaka", SUBSTRING), ("route-gao-menaka", SUBSTRING)]


def test_type_filter_limit_and_empty_query():
    idx = index()
    assert [h.id for h in idx.search("gao", types=["Route"])] == ["route-gao-menaka"]
    assert len(idx.search("a", limit=1)) == 1
    assert idx.search("  ") == []
    assert idx.search("zzz") == []
