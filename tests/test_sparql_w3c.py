"""W3C SPARQL 1.1 Protocol and Service Description tests, replayed by the npm package
rdf-test-suite against a running kg (offline: manifests from ../shared/w3c/sparql11).

The read-only endpoint skips the update tests and the two dataset tests that need remote
graphs loaded (decisions.md); every other protocol test, the negative update ones included, runs.
"""

from __future__ import annotations

import json
import subprocess

import pytest

from tests.conftest import ROOT, Server

W3C = ROOT.parent.parent / "shared" / "w3c" / "sparql11"
BASE = "https://w3c.github.io/rdf-tests/sparql/sparql11/"
RUNNER = ROOT / "node_modules" / ".bin" / "rdf-test-suite"
SKIP = "#(query_dataset|query_multiple_dataset|update_)"


def _w3c_dir() -> str:
    for candidate in (W3C, ROOT.parent / "shared" / "w3c" / "sparql11"):
        if candidate.exists():
            return str(candidate)
    raise AssertionError(f"W3C test data missing: expected {W3C}")


def _run(manifest: str, options: dict[str, str], skip: str | None = None) -> str:
    assert RUNNER.exists(), "rdf-test-suite missing: run `npm ci` (make test does)"
    cmd = [str(RUNNER), "tests/w3c/never-engine.js", BASE + manifest, "-m", f"{BASE}~{_w3c_dir()}/"]
    cmd += ["-i", json.dumps(options)]
    if skip:
        cmd += ["--skip", skip]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=180, cwd=ROOT, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


@pytest.mark.w3c
def test_protocol_tests_pass(server: Server) -> None:
    out = _run("protocol/manifest.ttl", {"protocolEndpoint": server.url + "/sparql"}, SKIP)
    assert "21 / 21 tests succeeded" in out, out


@pytest.mark.w3c
def test_service_description_tests_pass(server: Server) -> None:
    options = {"serviceDescriptionEndpoint": server.url + "/sparql"}
    out = _run("service-description/manifest.ttl", options)
    assert "3 / 3 tests succeeded" in out, out
