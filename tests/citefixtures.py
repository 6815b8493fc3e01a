"""A small catalogue of articles in journal issues, an edited book and numbered reports, built
once per session with `kg build`, and Flask test clients over it (no server needed).

The records (tests/fixtures/citations/works.jsonl) hold what the sample page lacks: articles
with issue numbers in two volumes, editors, an organisation as author, a report whose series
number is its report number.
"""

from __future__ import annotations

import gzip
import shutil
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from flask.testing import FlaskClient
from rdflib import Graph

from kg.config import Config
from kg.namespaces import SDO
from kg.publish import build
from kg.web import create_app

WORKS = Path(__file__).resolve().parent / "fixtures" / "citations" / "works.jsonl"


@dataclass(frozen=True)
class CiteBuild:
    config: Config
    keys: dict[str, str]  # work title → key

    def client(self, **settings: object) -> FlaskClient:
        """An in-process client of the app over this build (settings may be overridden)."""
        app = create_app(replace(self.config, **settings), sparql_endpoint=False)
        return app.test_client()

    def key(self, title: str) -> str:
        """The key the build minted for the work with this title."""
        return self.keys[title]

    def doc(self, title: str, suffix: str = "") -> str:
        """The document path of a work (`/doc/work/{key}{suffix}`)."""
        return f"/doc/work/{self.key(title)}{suffix}"


@pytest.fixture(scope="session")
def cite_build(tmp_path_factory: pytest.TempPathFactory) -> CiteBuild:
    from tests.conftest import make_config  # conftest imports this module

    tmp = tmp_path_factory.mktemp("citations")
    data = tmp / "data"
    data.mkdir()
    shutil.copy(WORKS, data / WORKS.name)
    config = make_config(tmp, data_dir=data, base_uri="http://kg.test/")
    summary = build(config)
    assert not summary.quarantined, summary.quarantined
    with gzip.open(summary.dump("ntriples"), "rt", encoding="utf-8") as dump:
        graph = Graph().parse(data=dump.read(), format="nt")
    prefix = config.base_uri + "id/work/"
    keys = {
        str(title): str(work)[len(prefix) :]
        for work, title in graph.subject_objects(SDO.name)
        if str(work).startswith(prefix) and "#" not in str(work)
    }
    return CiteBuild(config, keys)
