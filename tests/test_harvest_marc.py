"""MARC 21 records: every one valid against MARC21slim.xsd, read back by pymarc with the graph's
title, authors in order, publisher, year, series, report number and subjects; served by content
negotiation, inside OAI-PMH and as a bulk dump listed in the dataset description."""

from __future__ import annotations

import gzip
import hashlib
import io
from typing import Any

import pymarc
import pytest
from lxml import etree
from rdflib import Graph, Literal, URIRef

from kg.harvest.marcmap import invert
from kg.namespaces import BIBO, DCAT, DCTERMS, KG, RDF, SDO, SKOS, SPDX
from kg.web import create_app
from kg.web.oai import harvesting
from tests.harvest_support import MARC, OAI, Catalogue, marc_schema, oai_get, pages, valid


@pytest.fixture(scope="module")
def catalogue(harvest_catalogue: Catalogue) -> Catalogue:
    return harvest_catalogue


@pytest.fixture(scope="module")
def graph(catalogue: Catalogue) -> Graph:
    return catalogue.graph()


def dump_bytes(catalogue: Catalogue) -> bytes:
    (found,) = [d for d in catalogue.summary.dumps if d.format == "marcxml"]
    return gzip.decompress((catalogue.summary.release.path / "dumps" / found.name).read_bytes())


def oai_records(catalogue: Catalogue) -> list[bytes]:
    client = catalogue.client()
    out = []
    for _, root in pages(client, "verb=ListRecords&metadataPrefix=marc21"):
        out += [etree.tostring(r) for r in root.iter(f"{MARC}record")]
    return out


def _text(value: Any) -> str:
    return str(value).replace("\x01", "")  # the fixture's XML-illegal character, removed


def _name(graph: Graph, node: Any) -> str:
    return _text(next(graph.objects(node, SDO.name)))


def _authors(graph: Graph, work: URIRef) -> list[str]:
    seq = next(graph.objects(work, BIBO.authorList), None)
    if seq is None:
        return []
    numbered = sorted(
        (int(str(p).rsplit("_", 1)[1]), o)
        for p, o in graph.predicate_objects(seq)
        if "#_" in str(p)
    )
    return [_name(graph, agent) for _, agent in numbered]


def _natural(heading: str) -> str:
    """`Berg, Jane van der` style headings back in natural order (`Surname, Forenames, Jr.`)."""
    parts = heading.split(", ")
    return " ".join([*parts[1:2], parts[0], *parts[2:]])


def _subfields(record: pymarc.Record, tag: str, code: str) -> list[str]:
    return [value for field in record.get_fields(tag) for value in field.get_subfields(code)]


def _check_against_graph(graph: Graph, record: pymarc.Record, base: str) -> None:
    work = URIRef(base + "id/work/" + record["001"].data)
    assert (work, RDF.type, SDO.CreativeWork) in graph
    assert record.title == _text(next(graph.objects(work, DCTERMS.title)))
    headings = [f for f in record.get_fields("100", "110", "700", "710") if f["e"] == "author"]
    names = [_natural(f["a"]) if f.tag.endswith("00") else f["a"] for f in headings]
    assert names == _authors(graph, work)
    publishers = {_name(graph, p) for p in graph.objects(work, DCTERMS.publisher)}
    assert {b.strip("[]") for b in _subfields(record, "264", "b")} == publishers
    year = next(graph.objects(work, DCTERMS.issued), None)
    assert _subfields(record, "264", "c") == ([str(year)] if year is not None else [])
    series = [
        s
        for s in graph.objects(work, DCTERMS.isPartOf)
        if (s, RDF.type, SDO.CreativeWorkSeries) in graph
    ]
    assert _subfields(record, "490", "a") == [_name(graph, s) for s in series]
    assert _subfields(record, "830", "a") == [_name(graph, s) for s in series]
    assert _subfields(record, "490", "v") == [str(n) for n in graph.objects(work, BIBO.number)]
    assert _subfields(record, "088", "a") == [str(n) for n in graph.objects(work, SDO.reportNumber)]
    topics = {_label(graph, t) for t in graph.objects(work, DCTERMS.subject)}
    assert set(_subfields(record, "650", "a")) == topics
    assert set(_subfields(record, "650", "0")) == {
        str(t) for t in graph.objects(work, DCTERMS.subject)
    }
    places = {str(p) for p in graph.objects(work, DCTERMS.spatial)}
    assert set(_subfields(record, "651", "0")) == places
    assert _subfields(record, "024", "a") == [str(work)]
    assert _subfields(record, "856", "u") == [base + "doc/work/" + record["001"].data]
    assert not [f for f in record.fields if f.tag.startswith("9")]


def _label(graph: Graph, concept: Any) -> str:
    labels = [o for o in graph.objects(concept, SKOS.prefLabel) if isinstance(o, Literal)]
    return str(next((o for o in labels if o.language == "en"), labels[0]))


def test_the_dump_is_one_valid_collection_of_every_work_as_the_graph_says(
    catalogue: Catalogue, graph: Graph
) -> None:
    body = dump_bytes(catalogue)
    root = valid(marc_schema(), body)
    assert root.tag == f"{MARC}collection"
    records = pymarc.parse_xml_to_array(io.BytesIO(body))
    works = set(graph.subjects(RDF.type, SDO.CreativeWork))
    assert sorted(r["001"].data for r in records) == sorted(str(w).rsplit("/", 1)[1] for w in works)
    for record in records:
        _check_against_graph(graph, record, catalogue.config.base_uri)
        assert record.get("005") is None  # the dump carries no dates: same input, same bytes


def test_every_oai_marc_record_is_valid_and_says_what_the_graph_says(
    catalogue: Catalogue, graph: Graph
) -> None:
    records = oai_records(catalogue)
    assert len(records) == len(set(graph.subjects(RDF.type, SDO.CreativeWork)))
    for body in records:
        valid(marc_schema(), body)
        (record,) = pymarc.parse_xml_to_array(io.BytesIO(body))
        _check_against_graph(graph, record, catalogue.config.base_uri)
        assert len(record["005"].data) == 16  # yyyymmddhhmmss.0, the OAI datestamp


def test_leader_and_fixed_fields_follow_the_kind_of_work(
    catalogue: Catalogue, graph: Graph
) -> None:
    records = pymarc.parse_xml_to_array(io.BytesIO(dump_bytes(catalogue)))
    kinds = {"article": SDO.ScholarlyArticle, "book": SDO.Book, "report": SDO.Report}
    seen = set()
    for record in records:
        work = URIRef(catalogue.config.base_uri + "id/work/" + record["001"].data)
        kind = next(k for k, c in kinds.items() if (work, RDF.type, c) in graph)
        leader = str(record.leader)
        assert len(leader) == 24
        assert leader[5] in "ncd" and leader[6] == "a" and leader[9] == "a"
        assert leader[7] == ("b" if kind == "article" else "m")
        assert leader[17] != " "
        fixed = record["008"].data
        assert len(fixed) == 40
        assert fixed[24] == ("t" if kind == "report" else " ")
        assert fixed[35:38] == "eng"
        year = next(graph.objects(work, DCTERMS.issued), None)
        assert fixed[6:11] == (f"s{year}" if year is not None else "nuuuu")
        seen.add(kind)
    assert seen == set(kinds)


def test_an_article_names_its_journal_volume_issue_and_pages(catalogue: Catalogue) -> None:
    records = pymarc.parse_xml_to_array(io.BytesIO(dump_bytes(catalogue)))
    (survey,) = [r for r in records if r.title == "A Survey of Repeat Victimization"]
    host = survey["773"]
    assert host["t"] == "Journal of Victimology"
    assert host["g"] == "Vol. 12, no. 3 (2022), p. 201-230"
    assert survey["245"].indicators == pymarc.Indicators("1", "2")  # "A " is not filed on


def test_editors_and_relators(catalogue: Catalogue) -> None:
    records = pymarc.parse_xml_to_array(io.BytesIO(dump_bytes(catalogue)))
    (book,) = [r for r in records if r.title == "The Hidden Costs of Youth Detention"]
    assert book["245"].indicators.second == "4"
    assert book["100"]["a"] == "van der Berg, Jane" and book["100"]["4"] == "aut"
    assert [(f["a"], f["e"], f["4"]) for f in book.get_fields("700")] == [
        ("Haddad, Omar, Jr.", "author", "aut"),
        ("García, Lucía", "editor", "edt"),
    ]
    assert all(
        f["1"].startswith(catalogue.config.base_uri + "id/person/")
        for f in book.get_fields("100", "700")
    )


def test_an_implied_publisher_is_in_brackets(catalogue: Catalogue, graph: Graph) -> None:
    records = pymarc.parse_xml_to_array(io.BytesIO(dump_bytes(catalogue)))
    (audit,) = [r for r in records if r.title == "Audit of Federal Grant Oversight"]
    work = URIRef(catalogue.config.base_uri + "id/work/" + audit["001"].data)
    assert list(graph.objects(work, KG.inferredPublisher))
    assert audit["264"]["b"] == "[U.S. Government Accountability Office]"
    assert audit["088"]["a"] == "GAO-24-107093"


@pytest.mark.parametrize(
    ("name", "heading", "inverted"),
    [
        ("Jane Doe", "Doe, Jane", True),
        ("Jane van der Berg", "van der Berg, Jane", True),
        ("Martin Luther King Jr.", "King, Martin Luther, Jr.", True),
        ("Giulia La Mattina", "La Mattina, Giulia", True),
        ("Plato", "Plato", False),
    ],
)
def test_person_names_are_inverted_surname_first(name: str, heading: str, inverted: bool) -> None:
    assert invert(name) == (heading, inverted)
    assert _natural(heading) == name


def test_the_dump_is_listed_in_the_dataset_description_with_size_and_checksum(
    catalogue: Catalogue,
) -> None:
    (dump,) = [d for d in catalogue.summary.dumps if d.format == "marcxml"]
    path = catalogue.summary.release.path / "dumps" / dump.name
    description = Graph().parse(catalogue.summary.release.path / "void.ttl")
    url = URIRef(catalogue.config.base_uri + "dumps/" + dump.name)
    (node,) = description.subjects(DCAT.downloadURL, url)
    assert int(next(description.objects(node, DCAT.byteSize))) == path.stat().st_size
    checksum = next(description.objects(node, SPDX.checksum))
    assert (
        str(next(description.objects(checksum, SPDX.checksumValue)))
        == hashlib.sha256(path.read_bytes()).hexdigest()
    )
    assert str(next(description.objects(node, DCAT.mediaType))).endswith("application/marcxml+xml")


def test_the_dump_and_its_latest_alias_are_served(catalogue: Catalogue) -> None:
    client = catalogue.client()
    latest = client.get("/dumps/latest.marcxml.gz")
    assert latest.status_code == 302
    dated = client.get(
        latest.headers["Location"].replace(catalogue.config.base_uri.rstrip("/"), "")
    )
    assert dated.status_code == 200
    body = dated.get_data()
    dated.close()
    assert gzip.decompress(body) == dump_bytes(catalogue)


def test_marcxml_by_suffix_and_by_content_negotiation(catalogue: Catalogue) -> None:
    client = catalogue.client()
    key = pymarc.parse_xml_to_array(io.BytesIO(dump_bytes(catalogue)))[0]["001"].data
    by_suffix = client.get(f"/doc/work/{key}.marcxml")
    assert by_suffix.status_code == 200
    assert by_suffix.content_type == "application/marcxml+xml; charset=utf-8"
    valid(marc_schema(), by_suffix.get_data())
    asked = client.get(f"/doc/work/{key}", headers={"Accept": "application/marcxml+xml"})
    assert asked.status_code == 200 and asked.get_data() == by_suffix.get_data()
    assert "Accept" in asked.headers["Vary"]
    assert asked.headers["Content-Location"].endswith(f"/doc/work/{key}.marcxml")
    browser = client.get(f"/doc/work/{key}", headers={"Accept": "text/html,*/*;q=0.8"})
    assert browser.content_type.startswith("text/html")
    assert (
        f'/doc/work/{key}.marcxml>; rel="alternate"; type="application/marcxml+xml"'
        in browser.headers["Link"]
    )
    assert client.get(f"/doc/person/{key}.marcxml").status_code == 404


def test_marc_records_in_oai_and_by_negotiation_agree(catalogue: Catalogue) -> None:
    client = catalogue.client()
    for body in oai_records(catalogue)[:5]:
        (record,) = pymarc.parse_xml_to_array(io.BytesIO(body))
        served = client.get(f"/doc/work/{record['001'].data}.marcxml").get_data()
        (again,) = pymarc.parse_xml_to_array(io.BytesIO(served))
        assert again.as_marc() == record.as_marc()


def test_an_oai_marc_record_identifies_the_work(catalogue: Catalogue) -> None:
    client = catalogue.client()
    _, root = oai_get(client, "verb=ListRecords&metadataPrefix=marcxml")
    record = root.find(f".//{OAI}record")
    identifier = record.findtext(f".//{OAI}identifier")
    marc = record.find(f".//{MARC}record")
    control = {c.get("tag"): c.text for c in marc.iter(f"{MARC}controlfield")}
    assert identifier.endswith("/" + control["001"])


def test_records_stored_by_the_build_are_the_records_the_store_gives(catalogue: Catalogue) -> None:
    """OAI-PMH serves MARC 21 and Dublin Core as the build rendered them; rendered now from the
    store, every record is the same, byte for byte (its 005 included)."""
    app = create_app(catalogue.config, sparql_endpoint=False)
    with app.app_context():
        records = harvesting().records
        index = records.index
        rows = [r for r in index.works(None, 0, index.generation, None, 1000) if not r.deleted]
        assert len(rows) == 25
        for prefix in ("oai_dc", "marc21"):
            stored = records.stored(rows, prefix)
            assert len(stored) == len(rows)
            assert stored == records.from_store(rows, prefix), prefix
