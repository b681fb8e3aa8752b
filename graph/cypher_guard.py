"""Refuse Cypher that could write or administer, before it is ever sent (the console is read-only).

Defence in depth: the console also runs every query in a READ transaction, and production should use a
read-only Neo4j user (docs/neo4j.md). This check works on the query text with string literals, quoted
names and comments removed, so ``'CREATE'`` inside a string is fine and ``/* */ CREATE`` is not.
"""
from __future__ import annotations

import re

from graph.errors import InvalidInput

WRITE_CLAUSES = ("CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "FOREACH", "LOAD", "DROP",
                 "ALTER", "RENAME", "GRANT", "DENY", "REVOKE", "START", "STOP", "TERMINATE", "ENABLE",
                 "DISABLE", "USE", "SHOW", "FINISH", "INSERT")
# Procedures known to only read; every other CALL of a procedure is refused.
READ_PROCEDURES = ("db.labels", "db.relationshiptypes", "db.propertykeys", "db.schema.visualization",
                   "db.schema.nodetypeproperties", "db.schema.reltypeproperties")
MAX_QUERY = 10_000

_TOKENS = re.compile(
    r"""(?P<comment_line>//[^\n]*)|(?P<comment_block>/\*.*?\*/)|(?P<string>'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*")"""
    r"""|(?P<quoted>`(?:``|[^`])*`)""",
    re.S)


def strip_literals(text: str) -> str:
    """The query with comments removed and strings / backquoted names blanked."""
    def blank(match: re.Match) -> str:
        if match.group("comment_line") or match.group("comment_block"):
            return " "
        return " '' " if match.group("string") else " `x` "
    return _TOKENS.sub(blank, text)


def check_read_only(text: str) -> str:
    """Return the query if it is a single read-only statement; raise :class:`InvalidInput` otherwise."""
    if not text or not text.strip():
        raise InvalidInput("The query is empty.", "query")
    if len(text) > MAX_QUERY:
        raise InvalidInput(f"The query is too long (at most {MAX_QUERY} characters).", "query")
    bare = strip_literals(text)
    if "'" in bare.replace("''", "") or '"' in bare or "/*" in bare:
        raise InvalidInput("The query has an unterminated string or comment.", "query")
    body = bare.strip().rstrip(";").strip()
    if ";" in body:
        raise InvalidInput("Only one statement at a time: remove the ';' between statements.", "query")
    upper = body.upper()
    for clause in WRITE_CLAUSES:
        if re.search(rf"\b{clause}\b", upper):
            raise InvalidInput(f"The console is read-only: {clause} is not allowed.", "query")
    for match in re.finditer(r"\bCALL\b\s*(\{|\(|[A-Za-z_][\w.]*)", body, flags=re.I):
        target = match.group(1)
        if target in ("{", "("):
            continue  # a subquery: its clauses were checked above
        if target.lower() not in READ_PROCEDURES:
            raise InvalidInput(f"The console is read-only: CALL {target} is not allowed "
                               f"(allowed: {', '.join(READ_PROCEDURES)}).", "query")
    return text
