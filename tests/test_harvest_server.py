"""A real harvester (oaipmh-scythe) against a real kg server on 127.0.0.1 (in another time zone):
every published work exactly once, every token replayable after a restart, and a rebuild seen
by the next incremental harvest exactly as it changed the records."""

from __future__ import annotations

import os
import re
import shutil
from typing import Any

import pytest
import requests
from oaipmh_scythe import Scythe
from oaipmh_scythe.iterator import OAIResponseIterator
from rdflib import URIRef

from kg.namespaces import RDF, SDO
from kg.publish import build
from kg.web.server import serve_command
from tests.conftest import ROOT
from tests.harvest_support import OAI, Catalogue, build_catalogue, oai_schema, valid
from tests.servers import running_server
from tests.test_harvest_history import IJM, REMOVED_TITLE, RENAMED, _after_the_second_of, _without

PAGE = 6


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> tuple[Catalogue, str]:
    """A catalogue built with its own copy of the vocabularies (the tests edit it), and the
    address its server answers OAI-PMH at."""
    tmp = tmp_path_factory.mktemp("harvest-server")
    vocab = tmp / "vocab"
    shutil.copytree(ROOT / "vocab", vocab)
    catalogue = build_catalogue(tmp, vocab_dir=vocab)
    return catalogue, catalogue.config.base_uri + "oai"


def _server(catalogue: Catalogue, name: str) -> Any:
    """`kg serve` over the catalogue's build folder, in the Asia/Tokyo time zone."""
    env = {
        **os.environ,
        "KG_BASE_URI": catalogue.config.base_uri,
        "KG_WATCH_INTERVAL_MS": "0",
        "KG_OAI_RECORDS_PER_PAGE": str(PAGE),
        "KG_OAI_IDENTIFIERS_PER_PAGE": str(PAGE),
        "TZ": "Asia/Tokyo",
    }
    cmd = serve_command(catalogue.config.build_dir, catalogue.config.port, workers=2)
    log = catalogue.config.build_dir.parent / f"{name}.log"
    return running_server(cmd, env, catalogue.config.base_uri + "health", log)


def _works(catalogue: Catalogue) -> set[str]:
    graph = catalogue.graph()
    return {str(s).rsplit("/", 1)[1] for s in graph.subjects(RDF.type, SDO.CreativeWork)}


def _key(identifier: str) -> str:
    return identifier.rsplit("/", 1)[1]


def test_a_harvester_gets_every_work_once_and_tokens_replay_after_a_restart(
    served: tuple[Catalogue, str],
) -> None:
    catalogue, endpoint = served
    pages: list[tuple[str | None, str]] = []  # (the token that asked for it, the body)
    with _server(catalogue, "first"), Scythe(endpoint, iterator=OAIResponseIterator) as scythe:
        for prefix in ("oai_dc", "marc21", "rdf"):
            keys = []
            for response in scythe.list_records(metadata_prefix=prefix):
                root = valid(oai_schema(), response.raw.encode())
                keys += [_key(i.text) for i in root.iter(f"{OAI}identifier")]
                if prefix == "oai_dc":
                    pages.append((response.params.get("resumptionToken"), response.raw))
            assert len(keys) == len(set(keys)), prefix
            assert set(keys) == _works(catalogue), prefix
        scythe.iterator = Scythe(endpoint).iterator  # records, as a harvester uses them
        records = list(scythe.list_records(metadata_prefix="oai_dc"))
        assert {_key(r.header.identifier) for r in records} == _works(catalogue)
    assert len(pages) > 3
    with _server(catalogue, "restarted"):
        for token, body in pages[1:]:
            again = requests.get(
                endpoint, params={"verb": "ListRecords", "resumptionToken": token}, timeout=30
            )
            assert again.status_code == 200
            assert _page(again.text) == _page(body)


def _page(body: str) -> tuple[str, list[str]]:
    """A page without what depends on when it was asked for (its responseDate, and when its
    token expires): the records, and where the list stands."""
    records = re.sub(r"<responseDate>[^<]*</responseDate>", "", body.split("<resumptionToken")[0])
    return records, re.findall(r'(?:completeListSize|cursor)="\d+"', body)


def test_an_incremental_harvest_after_a_rebuild_gets_exactly_what_changed(
    served: tuple[Catalogue, str],
) -> None:
    catalogue, endpoint = served
    with _server(catalogue, "rebuilds"):
        _after_the_second_of(catalogue)
        with Scythe(endpoint) as scythe:
            first = scythe.harvest({"verb": "Identify"})
            said = first.xml.findtext(f"{OAI}responseDate")
            assert {_key(h.identifier) for h in scythe.list_identifiers()} == _works(catalogue)
        agents = catalogue.config.vocab_dir / "agents.ttl"
        agents.write_text(
            agents.read_text(encoding="utf-8").replace(IJM, RENAMED), encoding="utf-8"
        )
        renamed = Catalogue(catalogue.config, build(catalogue.config))  # the server follows it
        ijm = URIRef(catalogue.config.base_uri + "id/organization/ijm")
        graph = renamed.graph()
        naming = {
            str(w).rsplit("/", 1)[1]
            for p in (
                URIRef("http://purl.org/dc/terms/creator"),
                URIRef("http://purl.org/dc/terms/publisher"),
            )
            for w in graph.subjects(p, ijm)
        }
        with Scythe(endpoint) as scythe:
            changed = list(scythe.list_identifiers(from_=said))
            assert {_key(h.identifier) for h in changed} == naming
            _after_the_second_of(renamed)
            said = scythe.harvest({"verb": "Identify"}).xml.findtext(f"{OAI}responseDate")
        graph_titles = {
            str(o): str(s).rsplit("/", 1)[1]
            for s, o in graph.subject_objects(URIRef("http://purl.org/dc/terms/title"))
        }
        gone = graph_titles[REMOVED_TITLE]
        _without(catalogue, REMOVED_TITLE)
        build(catalogue.config)
        with Scythe(endpoint) as scythe:
            (deleted,) = list(scythe.list_identifiers(from_=said))
            assert _key(deleted.identifier) == gone and deleted.deleted
            record = scythe.get_record(identifier=deleted.identifier, metadata_prefix="marc21")
            assert record.header.deleted
