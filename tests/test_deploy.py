"""Deployment files: docker-compose.yml, Dockerfile, entrypoint and the CI workflow say what the docs say."""
from __future__ import annotations

import re
import shutil
import subprocess

import pytest
import yaml

from tests.conftest import PROJECT

NEO4J_IMAGE = re.compile(r"^neo4j:5\.\d+(\.\d+)?(-community|-enterprise)?$")   # pinned to a 5.x line


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load((PROJECT / "docker-compose.yml").read_text(encoding="utf-8"))


def test_neo4j_service(compose):
    neo4j = compose["services"]["neo4j"]
    assert NEO4J_IMAGE.match(neo4j["image"]), neo4j["image"]
    assert neo4j["environment"]["NEO4J_AUTH"].startswith("neo4j/${NEO4J_PASSWORD:?")   # from .env, no secret here
    assert any(v.endswith(":/data") for v in neo4j["volumes"])
    assert "cypher-shell" in " ".join(neo4j["healthcheck"]["test"])
    assert set(compose["volumes"]) >= {"neo4j-data"}


def test_app_waits_for_a_healthy_neo4j(compose):
    app = compose["services"]["app"]
    assert app["build"] == "."
    assert app["depends_on"]["neo4j"]["condition"] == "service_healthy"
    assert app["environment"]["NEO4J_URI"] == "bolt://neo4j:7687"
    assert app["environment"]["NEO4J_PASSWORD"].startswith("${NEO4J_PASSWORD:?")


def test_every_port_is_bound_to_loopback(compose):
    for name, service in compose["services"].items():
        for port in service.get("ports", []):
            assert str(port).startswith("127.0.0.1:"), (name, port)


def test_no_secret_committed():
    ignored = (PROJECT / ".gitignore").read_text(encoding="utf-8").split()
    assert ".env" in ignored and (PROJECT / ".env.example").exists()
    assert not (PROJECT / ".env").exists() or ".env" in ignored


def test_dockerfile_non_root_and_nothing_fetched_at_run_time():
    dockerfile = (PROJECT / "Dockerfile").read_text(encoding="utf-8")
    assert dockerfile.startswith("#") and "FROM python:3.11-slim" in dockerfile
    assert re.search(r"^USER nexus$", dockerfile, re.M)
    entry = (PROJECT / "docker" / "entrypoint.sh").read_text(encoding="utf-8")
    for fetcher in ("pip ", "curl", "wget", "apt-get", "http://", "https://"):
        assert fetcher not in entry, fetcher
    assert "nexus load" in entry and "exec nexus serve" in entry
    runtime = [line for line in (PROJECT / "requirements.txt").read_text().splitlines() if line and line[0] != "#"]
    assert not [line for line in runtime if line.split(">")[0].split("=")[0] in ("pytest", "playwright")]


def test_ci_workflow_runs_the_suite_with_neo4j(compose):
    workflow = yaml.safe_load((PROJECT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8"))
    job = workflow["jobs"]["test"]
    assert job["services"]["neo4j"]["image"] == compose["services"]["neo4j"]["image"]
    assert job["env"]["NEO4J_URI"] == "bolt://neo4j:7687"
    assert any(step.get("run") == "make test" for step in job["steps"])


def test_compose_file_validates_with_docker_compose(tmp_path):
    """`docker compose config` (or Debian's docker-compose) where one is installed; the structural
    checks above run everywhere."""
    command = (["docker", "compose"] if shutil.which("docker") and subprocess.run(
        ["docker", "compose", "version"], capture_output=True).returncode == 0
        else ["docker-compose"] if shutil.which("docker-compose") else None)
    if command is None:
        return   # no compose binary on this machine; the YAML checks above still ran
    env = {"NEO4J_PASSWORD": "test-password", "PATH": "/usr/bin:/bin:/usr/local/bin"}
    result = subprocess.run(command + ["-f", str(PROJECT / "docker-compose.yml"), "config", "-q"],
                            capture_output=True, text=True, env=env, cwd=PROJECT)
    assert result.returncode == 0, result.stderr
