"""Shared by the harvesting tests: a catalogue with every kind of record, the schemas, and the
ways of asking kg for OAI-PMH responses."""

from __future__ import annotations

import functools
import gzip
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest
from flask.testing import FlaskClient
from lxml import etree
from rdflib import Graph

from kg.config import Config
from kg.publish import BuildSummary, build
from kg.web import create_app
from tests.conftest import ROOT, SAMPLE, free_port, make_config

SCHEMAS = ROOT / "tests" / "schemas"
CATALOGUE = ROOT / "tests" / "fixtures" / "harvest" / "catalogue.jsonl"
OAI = "{http://www.openarchives.org/OAI/2.0/}"
MARC = "{http://www.loc.gov/MARC21/slim}"
NAMESPACES = {
    "oai": OAI[1:-1],
    "marc": MARC[1:-1],
    "dc": "http://purl.org/dc/elements/1.1/",
    "oai_dc": "http://www.openarchives.org/OAI/2.0/oai_dc/",
}


@functools.cache
def oai_schema() -> etree.XMLSchema:
    """OAI-PMH with every payload schema kg's responses need."""
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "oai-payloads.xsd")))


@functools.cache
def marc_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "MARC21slim.xsd")))


def valid(schema: etree.XMLSchema, body: bytes) -> Any:
    """The parsed document; fails with the schema's messages if it is not valid."""
    root = etree.fromstring(body)
    if not schema.validate(root):
        errors = "\n".join(str(e) for e in list(schema.error_log)[:10])
        pytest.fail(f"not valid:\n{errors}\n{body[:2000]!r}")
    return root


def data_folder(tmp: Path) -> Path:
    """The sample page and the harvesting catalogue (articles, books, editors, series…)."""
    data = tmp / "data"
    data.mkdir(parents=True, exist_ok=True)
    shutil.copy(SAMPLE, data / SAMPLE.name)
    shutil.copy(CATALOGUE, data / CATALOGUE.name)
    return data


@dataclass(frozen=True)
class Catalogue:
    """A built catalogue and a test client over it."""

    config: Config
    summary: BuildSummary

    def client(self, **settings: Any) -> FlaskClient:
        config = replace(self.config, **settings)
        return create_app(config, sparql_endpoint=False).test_client()

    def graph(self) -> Graph:
        """The published graph, read from the N-Triples dump."""
        with gzip.open(self.summary.dump("ntriples"), "rb") as handle:
            return Graph().parse(data=handle.read(), format="nt")


def build_catalogue(tmp: Path, **overrides: Any) -> Catalogue:
    config = make_config(tmp, port=free_port(), data_dir=data_folder(tmp), **overrides)
    return Catalogue(config, build(config))


def oai_get(client: FlaskClient, query: str) -> tuple[bytes, Any]:
    """A GET on /oai: the body and its parsed root (it must always be XML, HTTP 200)."""
    response = client.get("/oai?" + query)
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.content_type == "text/xml; charset=utf-8"
    body = response.get_data()
    return body, etree.fromstring(body)


def error_code(root: Any) -> str | None:
    found = root.find(f"{OAI}error")
    return None if found is None else str(found.get("code"))


def pages(client: FlaskClient, query: str) -> Iterator[tuple[bytes, Any]]:
    """Every page of a list request, following resumption tokens."""
    verb = query.split("verb=", 1)[1].split("&", 1)[0]
    body, root = oai_get(client, query)
    while True:
        yield body, root
        token = root.find(f".//{OAI}resumptionToken")
        if token is None or not token.text:
            return
        body, root = oai_get(client, f"verb={verb}&resumptionToken={token.text}")


def small_pages_client(catalogue: Catalogue) -> Any:
    """An OAI client with small pages (7 records, 9 identifiers), so that lists take several."""
    return catalogue.client(oai_records_per_page=7, oai_identifiers_per_page=9)


def identifiers(roots: list[Any]) -> list[str]:
    """The OAI identifiers of a list's pages, in order."""
    return [str(e.text) for root in roots for e in root.iter(f"{OAI}identifier")]
