"""Domain exceptions. The web layer maps them to HTTP statuses, the CLI to exit codes."""
from __future__ import annotations

from dataclasses import dataclass


class NexusError(Exception):
    """Base class of every error the domain raises on purpose."""


@dataclass(frozen=True, order=True)
class Problem:
    """One validation problem, located at ``file:line`` and naming the field at fault."""

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class OntologyError(NexusError):
    """The ontology file itself is inconsistent; nothing can run."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("invalid ontology:\n  " + "\n  ".join(problems))


class DatasetError(NexusError):
    """A dataset failed validation. Holds every problem found, in file and line order."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        count = len(self.problems)
        head = "\n".join(str(p) for p in self.problems[:20])
        more = f"\n... and {count - 20} more" if count > 20 else ""
        super().__init__(f"{count} problem{'s' if count != 1 else ''} in dataset:\n{head}{more}")


class NotFound(NexusError):
    """A node or edge id that the store does not hold."""

    def __init__(self, kind: str, ident: str):
        self.kind = kind
        self.ident = ident
        super().__init__(f"unknown {kind}: {ident!r}")


class InvalidInput(NexusError):
    """A write or query that breaks the ontology or the dataset rules; nothing was changed."""

    def __init__(self, message: str, field: str = ""):
        self.field = field
        super().__init__(message)


class StoreUnavailable(NexusError):
    """The backing store cannot be reached (e.g. Neo4j down)."""
