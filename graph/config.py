"""Configuration from environment variables, read once into a :class:`Config` (never at import time)."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = PROJECT_ROOT / "seeds"


@dataclass(frozen=True)
class Config:
    """Settings, each from an environment variable with a documented default.

    - ``NEXUS_DATA``: seed folder or file for the embedded store (default: ``seeds/`` of this project).
    - ``NEO4J_URI``: when set, the Neo4j store is used instead of the embedded one.
    - ``NEO4J_USER`` / ``NEO4J_PASSWORD`` / ``NEO4J_DATABASE``: Neo4j credentials (``neo4j`` / empty / ``neo4j``).
    """

    data: Path = DEFAULT_DATA
    neo4j_uri: str | None = None
    neo4j_user: str = "neo4j"
    neo4j_password: str = ""
    neo4j_database: str = "neo4j"

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> "Config":
        env = os.environ if environ is None else environ
        return cls(
            data=Path(env.get("NEXUS_DATA") or DEFAULT_DATA),
            neo4j_uri=env.get("NEO4J_URI") or None,
            neo4j_user=env.get("NEO4J_USER") or "neo4j",
            neo4j_password=env.get("NEO4J_PASSWORD") or "",
            neo4j_database=env.get("NEO4J_DATABASE") or "neo4j",
        )
