"""The layers of docs/architecture.md hold: a web worker loads no build code, and only the
store package opens a pyoxigraph Store (the import rules themselves: `lint-imports` in make test).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys

from tests.conftest import ROOT, Built

# What a gunicorn worker runs: the master imports kg.web.server, each worker builds the app and
# answers requests (which import the blueprints' own modules lazily).
WORKER = """
import json, sys
from kg.config import load_config
import kg.web.server
from kg.web import create_app
app = create_app(load_config({"build_dir": sys.argv[1], "base_uri": sys.argv[2]}, environ={}))
client = app.test_client()
for path in sys.argv[3:]:
    assert client.get(path).status_code < 500, path
print(json.dumps(sorted(sys.modules)))
"""
BUILD_ONLY = ("kg.publish", "kg.ingest", "kg.mapping", "kg.validate", "kg.vocab", "kg.watch")


def test_a_web_worker_imports_no_build_code_and_no_pyshacl(sample_build: Built) -> None:
    config = sample_build.config
    paths = [
        "/",
        "/browse/works",
        "/search?q=crime",
        "/vocab/",
        "/vocab/topics",
        "/sparql",
        "/.well-known/void",
        "/doc/dataset/kg.ttl",
        "/terms",
    ]
    out = subprocess.run(
        [sys.executable, "-c", WORKER, str(config.build_dir), config.base_uri, *paths],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    modules = json.loads(out.stdout)
    loaded = [m for m in modules if any(m == b or m.startswith(b + ".") for b in BUILD_ONLY)]
    assert loaded == []
    assert not [m for m in modules if m.split(".")[0] in ("pyshacl", "pyshacl_turbo")]


def test_only_the_store_package_opens_a_pyoxigraph_store() -> None:
    opening = re.compile(r"\b(ox|pyoxigraph)\.Store\b")
    offenders = [
        f"{path.relative_to(ROOT)}:{n}"
        for path in sorted((ROOT / "kg").rglob("*.py"))
        if path.parent.name != "store" or path.parent.parent.name != "kg"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if opening.search(line)
    ]
    assert offenders == []


def test_the_import_rules_are_in_the_architecture_document() -> None:
    """Each contract of pyproject.toml is a row of the table in docs/architecture.md."""
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    contracts = re.findall(r'^name = "(.+)"$', (ROOT / "pyproject.toml").read_text(), re.M)
    assert contracts
    for name in contracts:
        assert name in text, name
    assert "lint-imports" in (ROOT / "Makefile").read_text()
