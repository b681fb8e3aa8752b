"""A stand-in for the neo4j driver, for tests that need no server: it records every query and
answers the store's own read queries from a dataset. ``down = True`` makes it fail like a dead server."""
from __future__ import annotations

import json

from neo4j import Query
from neo4j.exceptions import ServiceUnavailable

from graph.dataset import Dataset
from graph.store import neo4j as cypher


class FakeResult:
    def __init__(self, records):
        self.records = records


class FakeDriver:
    def __init__(self, dataset: Dataset | None = None):
        self.dataset = dataset
        self.queries: list[tuple[str, dict]] = []
        self.down = False
        self.version = 1

    def _check(self):
        if self.down:
            raise ServiceUnavailable("Couldn't connect to 127.0.0.1:7687 (connection refused)")

    def execute_query(self, query, parameters=None, routing_=None, database_=None, **kwargs):
        self._check()
        text = getattr(query, "text", query)
        self.queries.append((text, parameters or {}))
        if text == cypher.READ_VERSION:
            return FakeResult([{"version": self.version}])
        if text == cypher.READ_ALL_NODES:
            return FakeResult([{"id": n.id, "type": n.type, "props": json.dumps(n.props)}
                               for n in self.dataset.nodes.values()])
        if text == cypher.READ_ALL_EDGES:
            return FakeResult([{"source": e.source, "type": e.type, "target": e.target, "derived": e.derived,
                                "props": json.dumps(e.props)} for e in self.dataset.edges.values()])
        if text == cypher.READ_NODES:
            return FakeResult([{"id": n.id, "type": n.type, "props": json.dumps(n.props)}
                               for i in parameters["ids"] if (n := self.dataset.nodes.get(i))])
        if "count(" in text:
            return FakeResult([{"count": 0}])
        return FakeResult([])

    def session(self, **config):
        self._check()
        return FakeSession(self)

    def close(self):
        pass


class FakeResultConsumable(FakeResult):
    def consume(self):
        return None


class FakeTx:
    """Like the driver's managed transaction: ``run`` takes a string, never a Query object."""

    def __init__(self, driver):
        self.driver = driver

    def run(self, query, parameters=None):
        if isinstance(query, Query):
            raise TypeError("Query object is only supported for session.run")
        self.driver.queries.append((query, parameters or {}))
        return FakeResultConsumable([])


class FakeSession:
    def __init__(self, driver):
        self.driver = driver

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def execute_write(self, work):
        return work(FakeTx(self.driver))

    execute_read = execute_write

    def run(self, query, parameters=None):
        self.driver.queries.append((getattr(query, "text", query), parameters or {}))
        return FakeResultConsumable([])
