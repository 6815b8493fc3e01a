"""The mapping of the sample page: the facts a cataloguer checks, and the modelling conventions
of docs/graph-model.md, asserted on the published dump."""

from __future__ import annotations

import gzip

import pytest
from rdflib import Graph, Literal, URIRef

from kg.ingest.authority import Agent, Authority
from kg.iris import Iris
from kg.mapping import Context, map_record
from kg.namespaces import BIBO, DCMITYPE, DCTERMS, FOAF, KG, OWL, PROV, RDF, SDO, SKOS, XSD
from kg.records import Contributor, Journal, Record, Series, Source
from tests.conftest import Built


@pytest.fixture(scope="module")
def dump(sample_build: Built) -> Graph:
    data = gzip.decompress(sample_build.summary.dump("ntriples").read_bytes())
    return Graph().parse(data=data, format="nt")


def _named(graph: Graph, name: str) -> set[URIRef]:
    return {s for s in graph.subjects(SDO.name, Literal(name)) if isinstance(s, URIRef)}


def _work(graph: Graph, title_start: str) -> URIRef:
    (work,) = {
        s
        for s, o in graph.subject_objects(DCTERMS.title)
        if str(o).startswith(title_start) and (s, RDF.type, SDO.CreativeWork) in graph
    }
    assert isinstance(work, URIRef)
    return work


def test_twenty_works(dump: Graph) -> None:
    assert len(set(dump.subjects(RDF.type, SDO.CreativeWork))) == 20


def test_heather_wolbers_is_one_person_with_two_works(dump: Graph) -> None:
    (person,) = _named(dump, "Heather Wolbers")
    assert (person, RDF.type, SDO.Person) in dump
    assert (person, RDF.type, FOAF.Person) in dump
    assert len(set(dump.subjects(DCTERMS.creator, person))) == 2
    assert len(set(dump.subjects(SDO.author, person))) == 2


def test_aic_is_one_publisher_of_three_works(dump: Graph) -> None:
    (aic,) = _named(dump, "Australian Institute of Criminology")
    assert str(aic).endswith("/id/organization/aic")
    assert len(set(dump.subjects(DCTERMS.publisher, aic))) == 3
    assert len(set(dump.subjects(SDO.publisher, aic))) == 3


def test_osce_and_its_spelled_out_name_are_one_organisation(dump: Graph) -> None:
    orgs = {o for o in dump.subjects(RDF.type, SDO.Organization) if "osce" in str(o).lower()}
    assert len(orgs) == 1
    (osce,) = orgs
    assert (osce, SDO.alternateName, Literal("OSCE")) in dump
    assert _named(dump, "Organization for Security and Co-operation in Europe") == {osce}
    work = _work(dump, "Mapping of Programmes for Perpetrators")
    assert (work, DCTERMS.creator, osce) in dump
    assert (work, DCTERMS.publisher, osce) in dump


def test_ijm_is_one_organisation_as_author_and_publisher(dump: Graph) -> None:
    (ijm,) = _named(dump, "International Justice Mission")
    authored = set(dump.subjects(DCTERMS.creator, ijm))
    published = set(dump.subjects(DCTERMS.publisher, ijm))
    assert len(authored) == 1
    assert len(published) == 2
    assert authored < published


def test_works_carry_both_vocabularies_typed_and_tagged(dump: Graph) -> None:
    work = _work(dump, "Homicide of Aboriginal")
    assert {SDO.CreativeWork, SDO.Report, BIBO.Report} <= set(dump.objects(work, RDF.type))
    assert (work, DCTERMS.type, DCMITYPE.Text) in dump
    title = dump.value(work, DCTERMS.title)
    assert isinstance(title, Literal) and title.language == "en"
    assert dump.value(work, SDO.name) == title
    year = Literal("2024", datatype=XSD.gYear)
    assert (work, DCTERMS.issued, year) in dump and (work, SDO.datePublished, year) in dump
    pages = Literal(17, datatype=XSD.integer)
    assert (work, SDO.numberOfPages, pages) in dump and (work, BIBO.numPages, pages) in dump
    abstract = dump.value(work, DCTERMS.abstract)
    assert isinstance(abstract, Literal) and abstract.language == "en"
    assert dump.value(work, DCTERMS.bibliographicCitation) is not None


def test_series_with_the_number_as_position(dump: Graph) -> None:
    work = _work(dump, "Homicide of Aboriginal")
    series = dump.value(work, SDO.isPartOf)
    assert (series, RDF.type, SDO.CreativeWorkSeries) in dump
    assert (series, SDO.name, Literal("Statistical Bulletin")) in dump
    assert (work, SDO.position, Literal("46")) in dump


def test_authors_in_order(dump: Graph) -> None:
    work = _work(dump, "Drivers and deterrents")
    authors = dump.value(work, BIBO.authorList)
    assert (authors, RDF.type, RDF.Seq) in dump
    names = [str(dump.value(dump.value(authors, RDF[f"_{n}"]), SDO.name)) for n in range(1, 8)]
    assert names[:3] == ["Heather Wolbers", "Timothy Cubitt", "Michael John Cahill"]
    assert names[-1] == "Roderic Broadhurst"


def test_article_in_volume_in_periodical_with_pages(dump: Graph) -> None:
    work = _work(dump, "The Surprising Decline")
    assert {SDO.ScholarlyArticle, BIBO.AcademicArticle} <= set(dump.objects(work, RDF.type))
    volume = dump.value(work, SDO.isPartOf)
    assert (volume, RDF.type, SDO.PublicationVolume) in dump
    assert (volume, SDO.volumeNumber, Literal("11")) in dump
    journal = dump.value(volume, SDO.isPartOf)
    assert (journal, RDF.type, SDO.Periodical) in dump
    assert (journal, SDO.name, Literal("Sociological Science")) in dump
    assert (work, SDO.pagination, Literal("934-964")) in dump
    assert (work, SDO.pageStart, Literal(934)) in dump
    assert (work, SDO.pageEnd, Literal(964)) in dump


def test_report_number_and_inferred_publisher(dump: Graph) -> None:
    work = _work(dump, "Ridesharing and Taxi Safety")
    assert (work, SDO.reportNumber, Literal("GAO-24-107093")) in dump
    (gao,) = _named(dump, "U.S. Government Accountability Office")
    assert (work, DCTERMS.publisher, gao) in dump
    assert (work, KG.inferredPublisher, gao) in dump


def test_places_and_topics_are_resources(dump: Graph) -> None:
    work = _work(dump, "Homicide of Aboriginal")
    place = dump.value(work, SDO.locationCreated)
    assert (place, RDF.type, SDO.Place) in dump
    assert (place, SDO.name, Literal("Canberra")) in dump
    topic = dump.value(work, DCTERMS.subject)
    assert (topic, RDF.type, SKOS.Concept) in dump
    assert dump.value(work, SDO.about) == topic
    assert dump.value(topic, SKOS.inScheme) is not None


def test_a_book_from_a_book_publisher(dump: Graph) -> None:
    work = _work(dump, "The Limits of Consent")
    assert {SDO.Book, BIBO.Book} <= set(dump.objects(work, RDF.type))


def test_provenance_names_file_line_and_build(dump: Graph, sample_build: Built) -> None:
    work = _work(dump, "Sexual Harassment of Teachers")
    source = dump.value(work, PROV.wasDerivedFrom)
    assert dump.value(source, KG.sourceFile) == Literal("data/000_8c7e17bedec4a9c3.txt")
    assert dump.value(source, KG.sourceLine) == Literal(180, datatype=XSD.integer)
    build = dump.value(work, PROV.wasGeneratedBy)
    assert str(build).endswith(sample_build.summary.release.build_id)
    assert (build, RDF.type, PROV.Activity) in dump


def _record(**changes: object) -> Record:
    base = Record(
        title="A Study",
        source=Source("data/x.txt", 3),
        contributors=(Contributor("Jane Doe", "person"), Contributor("Ann Lee", "person")),
        publishers=("Some Press",),
        year=2021,
        subject_places=("Philippines",),
        series=Series("Papers", "7"),
    )
    return base.with_changes(**changes)


def test_mapping_is_deterministic_and_free_of_blank_nodes() -> None:
    context = Context(Iris("http://example.org/"), Authority())
    first = map_record(_record(), context)
    again = map_record(_record(), context)
    assert first == again
    nodes = {n for t in (*first.catalogue, *first.provenance) for n in t}
    assert all(isinstance(n, URIRef | Literal) for n in nodes)


def test_subject_places_are_spatial_coverage() -> None:
    context = Context(Iris("http://example.org/"), Authority())
    mapped = map_record(_record(), context)
    graph = Graph()
    for triple in mapped.catalogue:
        graph.add(triple)
    place = graph.value(mapped.work, DCTERMS.spatial)
    assert graph.value(mapped.work, SDO.spatialCoverage) == place
    assert (place, SDO.name, Literal("Philippines")) in graph


def test_editors_are_contributors_not_authors() -> None:
    record = _record(contributors=(Contributor("Jane Doe", "person", role="editor"),))
    context = Context(Iris("http://example.org/"), Authority())
    graph = Graph()
    for triple in map_record(record, context).catalogue:
        graph.add(triple)
    (editor,) = graph.subjects(SDO.name, Literal("Jane Doe"))
    assert (None, SDO.editor, editor) in graph
    assert (None, DCTERMS.creator, editor) not in graph


def test_issue_level_of_a_journal() -> None:
    record = _record(journal=Journal("Security Journal", "37", "4", "1483–1508"), series=None)
    context = Context(Iris("http://example.org/"), Authority())
    graph = Graph()
    for triple in map_record(record, context).catalogue:
        graph.add(triple)
    work = map_record(record, context).work
    issue = graph.value(work, SDO.isPartOf)
    assert (issue, RDF.type, SDO.PublicationIssue) in graph
    volume = graph.value(issue, SDO.isPartOf)
    assert (volume, RDF.type, SDO.PublicationVolume) in graph
    assert (graph.value(volume, SDO.isPartOf), RDF.type, SDO.Periodical) in graph


def test_authority_ids_are_schema_same_as_and_curated_ones_owl_same_as() -> None:
    orcid, viaf = "https://orcid.org/0000-0002-1825-0097", "https://viaf.org/viaf/1"
    agent = Agent("jane-doe", "person", "Jane Doe", same_as=(viaf,), curated=(orcid,))
    context = Context(Iris("http://example.org/"), Authority([agent]))
    graph = Graph()
    for triple in map_record(_record(), context).catalogue:
        graph.add(triple)
    person = URIRef("http://example.org/id/person/jane-doe")
    assert set(graph.objects(person, SDO.sameAs)) == {URIRef(orcid), URIRef(viaf)}
    assert set(graph.objects(person, OWL.sameAs)) == {URIRef(orcid)}


@pytest.mark.parametrize(("pages", "start"), [("²-5", Literal("²")), ("٣-٥", Literal(3))])
def test_a_page_range_of_digits_that_are_no_numbers_is_text(pages: str, start: Literal) -> None:
    # `²` is a digit to str.isdigit but no number to int(): the range is kept as printed.
    record = _record(journal=Journal("Journal of X", "1", None, pages))
    context = Context(Iris("http://example.org/"), Authority())
    graph = Graph()
    for triple in map_record(record, context).catalogue:
        graph.add(triple)
    assert list(graph.objects(None, SDO.pageStart)) == [start]
