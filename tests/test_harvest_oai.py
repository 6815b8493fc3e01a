"""OAI-PMH 2.0 at /oai, in-process over a built catalogue: every verb, every page valid against
OAI-PMH.xsd with its payload schemas, and the same under other time zones (the error conditions:
tests/test_harvest_oai_errors.py)."""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from lxml import etree
from rdflib import Graph, Literal, URIRef

from kg.harvest.index import HarvestIndex
from kg.namespaces import DCAT, DCTERMS, RDF, SDO
from tests.harvest_support import (
    OAI,
    Catalogue,
    error_code,
    identifiers,
    oai_get,
    oai_schema,
    pages,
    small_pages_client,
    valid,
)

REPO = "localhost.localdomain"  # the base is http://127.0.0.1:{port}/: not a dotted domain


@pytest.fixture(scope="module")
def catalogue(harvest_catalogue: Catalogue) -> Catalogue:
    return harvest_catalogue


@pytest.fixture(scope="module")
def client(harvest_catalogue: Catalogue) -> Any:
    return small_pages_client(harvest_catalogue)


@pytest.fixture(params=["UTC", "America/New_York", "Asia/Tokyo"])
def zone(request: pytest.FixtureRequest) -> Iterator[str]:
    """Run a test in a time zone (the process's local time: what naive date code gets wrong)."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = request.param
    time.tzset()
    yield request.param
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


def published_works(catalogue: Catalogue) -> set[str]:
    graph = catalogue.graph()
    return {str(s) for s in graph.subjects(RDF.type, SDO.CreativeWork)}


def key_of(identifier: str) -> str:
    return identifier.rsplit("/", 1)[1]


@pytest.mark.parametrize("prefix", ["oai_dc", "marc21", "marcxml", "rdf"])
def test_a_full_harvest_returns_every_work_once_and_every_page_is_valid(
    catalogue: Catalogue, client: Any, prefix: str
) -> None:
    roots = [
        valid(oai_schema(), body)
        for body, _ in pages(client, f"verb=ListRecords&metadataPrefix={prefix}")
    ]
    assert len(roots) > 2  # 25 works, 7 a page
    found = identifiers(roots)
    assert len(found) == len(set(found))
    works = published_works(catalogue)
    assert {catalogue.config.base_uri + "id/work/" + key_of(i) for i in found} == works
    assert all(i.startswith(f"oai:{REPO}:work/") for i in found)
    metadata = [m for root in roots for m in root.iter(f"{OAI}metadata")]
    assert len(metadata) == len(works)


def test_the_rdf_format_is_the_works_description(catalogue: Catalogue, client: Any) -> None:
    graph = catalogue.graph()
    for _, root in pages(client, "verb=ListRecords&metadataPrefix=rdf"):
        for record in root.iter(f"{OAI}record"):
            payload = record.find(f"{OAI}metadata")[0]
            work = URIRef(
                catalogue.config.base_uri
                + "id/work/"
                + key_of(record.findtext(f".//{OAI}identifier"))
            )
            described = Graph().parse(data=etree.tostring(payload), format="xml")
            titles = {
                Literal(str(t).replace("\x01", ""), lang=t.language)
                for t in graph.objects(work, DCTERMS.title)
            }  # type: ignore[union-attr]
            assert set(described.objects(work, DCTERMS.title)) == titles
            assert set(described.objects(work, DCTERMS.creator)) == set(
                graph.objects(work, DCTERMS.creator)
            )


def test_oai_dc_has_identifier_title_date_type_and_creators_in_order(
    catalogue: Catalogue, client: Any
) -> None:
    graph = catalogue.graph()
    seen = 0
    for _, root in pages(client, "verb=ListRecords&metadataPrefix=oai_dc"):
        for record in root.iter(f"{OAI}record"):
            dc = record.find(f"{OAI}metadata")[0]
            iri = dc.findtext("{http://purl.org/dc/elements/1.1/}identifier")
            work = URIRef(iri)
            assert (work, RDF.type, SDO.CreativeWork) in graph
            title = str(next(graph.objects(work, DCTERMS.title)))
            assert dc.findtext("{http://purl.org/dc/elements/1.1/}title") == title.replace(
                "\x01", ""
            )
            assert "Text" in [t.text for t in dc.iter("{http://purl.org/dc/elements/1.1/}type")]
            year = next(graph.objects(work, DCTERMS.issued), None)
            assert dc.findtext("{http://purl.org/dc/elements/1.1/}date") == (
                str(year) if year else None
            )
            creators = [c.text for c in dc.iter("{http://purl.org/dc/elements/1.1/}creator")]
            assert creators == _authors(graph, work)
            seen += 1
    assert seen == len(published_works(catalogue))


def _authors(graph: Graph, work: URIRef) -> list[str]:
    seq = next(graph.objects(work, URIRef("http://purl.org/ontology/bibo/authorList")), None)
    if seq is None:
        return []
    members = sorted(
        (int(str(p).rsplit("_", 1)[1]), o)
        for p, o in graph.predicate_objects(seq)
        if "#_" in str(p)
    )
    return [str(next(graph.objects(agent, SDO.name))) for _, agent in members]


def test_identify(catalogue: Catalogue, zone: str) -> None:
    client = catalogue.client(admin_email="catalogue@example.org")
    body, root = oai_get(client, "verb=Identify")
    valid(oai_schema(), body)
    identify = root.find(f"{OAI}Identify")
    assert identify.findtext(f"{OAI}baseURL") == catalogue.config.base_uri + "oai"
    assert identify.findtext(f"{OAI}adminEmail") == "catalogue@example.org"
    assert identify.findtext(f"{OAI}deletedRecord") == "persistent"
    assert identify.findtext(f"{OAI}granularity") == "YYYY-MM-DDThh:mm:ssZ"
    index = HarvestIndex.open(catalogue.summary.release.path)
    assert index is not None
    oldest = min(t for t in index.times.values() if t is not None)
    expected = datetime.fromtimestamp(oldest, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert identify.findtext(f"{OAI}earliestDatestamp") == expected
    described = root.find(
        ".//{http://www.openarchives.org/OAI/2.0/oai-identifier}repositoryIdentifier"
    )
    assert described.text == REPO


def test_an_unset_admin_email_is_a_placeholder_that_reaches_nobody(client: Any) -> None:
    _, root = oai_get(client, "verb=Identify")
    assert root.findtext(f".//{OAI}adminEmail").endswith(".invalid")


def test_the_repository_identifier_is_the_base_hosts_name_or_the_setting(
    catalogue: Catalogue,
) -> None:
    client = catalogue.client(oai_repository_id="catalogue.example.org")
    _body, root = oai_get(client, "verb=ListIdentifiers&metadataPrefix=oai_dc")
    assert identifiers([root])[0].startswith("oai:catalogue.example.org:work/")


def test_list_sets_names_types_sections_and_series_with_their_parents(client: Any) -> None:
    body, root = oai_get(client, "verb=ListSets")
    valid(oai_schema(), body)
    specs = [e.text for e in root.iter(f"{OAI}setSpec")]
    assert {"type", "type:report", "type:book", "type:article", "section", "series"} <= set(specs)
    assert "section:victimization" in specs
    assert any(s.startswith("series:") for s in specs)


@pytest.mark.parametrize(
    ("spec", "graph_class"),
    [("type:article", SDO.ScholarlyArticle), ("type:book", SDO.Book), ("type:report", SDO.Report)],
)
def test_a_type_set_holds_exactly_the_works_of_that_type(
    catalogue: Catalogue, client: Any, spec: str, graph_class: URIRef
) -> None:
    roots = [
        root for _, root in pages(client, f"verb=ListIdentifiers&metadataPrefix=oai_dc&set={spec}")
    ]
    found = {key_of(i) for i in identifiers(roots)}
    graph = catalogue.graph()
    expected = {str(s).rsplit("/", 1)[1] for s in graph.subjects(RDF.type, graph_class)}
    assert found == expected and found
    assert all(
        spec in [e.text for e in h.iter(f"{OAI}setSpec")]
        for r in roots
        for h in r.iter(f"{OAI}header")
    )


def test_a_parent_set_holds_every_record_of_its_subsets(client: Any) -> None:
    everything = identifiers(
        [r for _, r in pages(client, "verb=ListIdentifiers&metadataPrefix=oai_dc")]
    )
    typed = identifiers(
        [r for _, r in pages(client, "verb=ListIdentifiers&metadataPrefix=oai_dc&set=type")]
    )
    assert sorted(typed) == sorted(everything)


def test_tokens_carry_size_cursor_and_a_day_of_life_and_the_last_page_an_empty_one(
    client: Any,
) -> None:
    roots = [root for _, root in pages(client, "verb=ListIdentifiers&metadataPrefix=oai_dc")]
    tokens = [root.find(f".//{OAI}resumptionToken") for root in roots]
    assert tokens[0].get("cursor") == "0"
    sizes = {t.get("completeListSize") for t in tokens}
    assert sizes == {str(len(identifiers(roots)))}
    assert [int(t.get("cursor")) for t in tokens] == [9 * n for n in range(len(roots))]
    assert tokens[-1].text is None and tokens[-1].get("expirationDate") is None
    for root, token in zip(roots[:-1], tokens[:-1], strict=True):
        said = datetime.strptime(root.findtext(f"{OAI}responseDate"), "%Y-%m-%dT%H:%M:%SZ")
        expires = datetime.strptime(token.get("expirationDate"), "%Y-%m-%dT%H:%M:%SZ")
        assert expires - said >= timedelta(hours=24)


def test_a_list_that_fits_one_page_has_no_token(client: Any) -> None:
    _, root = oai_get(client, "verb=ListIdentifiers&metadataPrefix=oai_dc&set=type:book")
    assert root.find(f".//{OAI}resumptionToken") is None


def test_a_token_is_bound_to_its_verb_and_cannot_be_forged(client: Any) -> None:
    _, root = oai_get(client, "verb=ListIdentifiers&metadataPrefix=oai_dc")
    token = root.findtext(f".//{OAI}resumptionToken")
    _, other_verb = oai_get(client, f"verb=ListRecords&resumptionToken={token}")
    assert error_code(other_verb) == "badResumptionToken"
    body, mac = token.split(".")
    forged = body[:-2] + ("AA" if body[-2:] != "AA" else "BB") + "." + mac
    _, refused = oai_get(client, f"verb=ListIdentifiers&resumptionToken={forged}")
    assert error_code(refused) == "badResumptionToken"


def test_dates_select_by_datestamp_whatever_the_local_time_zone(
    catalogue: Catalogue, zone: str
) -> None:
    client = catalogue.client()
    _, root = oai_get(client, "verb=ListIdentifiers&metadataPrefix=oai_dc")
    stamp = root.findtext(f".//{OAI}datestamp")
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", stamp)
    everything = len(
        identifiers([r for _, r in pages(client, "verb=ListIdentifiers&metadataPrefix=oai_dc")])
    )
    moment = datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    day = stamp[:10]
    for query in (f"from={stamp}", f"until={stamp}", f"from={day}", f"until={day}",
                  f"from={stamp}&until={stamp}"):  # fmt: skip
        roots = [r for _, r in pages(client, f"verb=ListIdentifiers&metadataPrefix=oai_dc&{query}")]
        assert len(identifiers(roots)) == everything, query
    later = (moment + timedelta(seconds=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    _, none = oai_get(client, f"verb=ListIdentifiers&metadataPrefix=oai_dc&from={later}")
    assert error_code(none) == "noRecordsMatch"
    earlier = (moment - timedelta(seconds=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    _, none = oai_get(client, f"verb=ListIdentifiers&metadataPrefix=oai_dc&until={earlier}")
    assert error_code(none) == "noRecordsMatch"
    response_date = root.findtext(f"{OAI}responseDate")
    now = datetime.now(UTC)
    said = datetime.strptime(response_date, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    assert abs((now - said).total_seconds()) < 60


def test_the_dataset_description_and_the_home_page_lead_to_harvesting(catalogue: Catalogue) -> None:
    base = catalogue.config.base_uri
    description = Graph().parse(catalogue.summary.release.path / "void.ttl")
    dataset = URIRef(base + "id/dataset/kg")
    services = {
        str(next(description.objects(s, DCAT.endpointURL))): str(
            next(description.objects(s, DCTERMS.conformsTo))
        )
        for s in description.objects(dataset, DCAT.accessService)
        if (s, DCAT.endpointURL, None) in description
        and (s, DCTERMS.conformsTo, None) in description
    }
    assert services[base + "oai"] == "http://www.openarchives.org/OAI/2.0/"
    assert services[base + "changes"] == "https://emm-spec.org/1.0/"
    home = catalogue.client().get("/").get_data(as_text=True)
    for href in ("/oai?verb=Identify", "/changes", "/dumps/latest.marcxml.gz"):
        assert f'href="{href}"' in home
