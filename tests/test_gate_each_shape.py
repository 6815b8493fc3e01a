"""A record that breaks any one constraint of our shapes fails in a batch of good records with
the violations and report it has judged alone: the batch's gate (units, lines given once, type
statements of classes the shapes never name left out) misses no failure."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.term import Node

from kg.ingest import read_records
from kg.ingest.authority import load_authority
from kg.iris import Iris
from kg.mapping import Context, Mapped, Triple, map_record
from kg.namespaces import DCTERMS, FOAF, RDF, SDO, SKOS, XSD
from kg.publish.ntriples import line
from kg.publish.pipeline import _check, _prepare, judge_mapped
from kg.validate import Gate, check, load_shapes
from tests.conftest import ROOT, SAMPLE

ID = "http://example.org/id/"
Change = Callable[[Mapped], Iterable[Triple]]


def _subject_of(mapped: Mapped, kind: Node) -> Node:
    return next(s for s, p, o in mapped.catalogue if p == RDF.type and o == kind)


def _without(mapped: Mapped, test: Callable[[Triple], bool]) -> list[Triple]:
    kept = [t for t in mapped.catalogue if not test(t)]
    assert len(kept) < len(mapped.catalogue), "the change must remove something"
    return kept


def _with(mapped: Mapped, *added: Triple) -> list[Triple]:
    return [*mapped.catalogue, *added]


def _drop(subject_kind: Node, predicate: Node, value: Node | None = None) -> Change:
    def change(mapped: Mapped) -> list[Triple]:
        subject = _subject_of(mapped, subject_kind)
        return _without(
            mapped, lambda t: t[0] == subject and t[1] == predicate and value in (None, t[2])
        )

    return change


def _add(predicate: Node, value: Node) -> Change:
    return lambda mapped: _with(mapped, (mapped.work, predicate, value))


def _typed(node: str, kind: Node) -> Change:
    return lambda mapped: _with(mapped, (URIRef(ID + node), RDF.type, kind))


RESPONSIBLE = (DCTERMS.creator, DCTERMS.contributor, DCTERMS.publisher)
KINDS = (SDO.Report, SDO.Book, SDO.ScholarlyArticle, SDO.Chapter)
CHANGES: dict[str, Change] = {
    "no title": _drop(SDO.CreativeWork, DCTERMS.title),
    "no name": _drop(SDO.CreativeWork, SDO.name),
    "nobody responsible": lambda m: _without(m, lambda t: t[1] in RESPONSIBLE),
    "no kind of work": lambda m: _without(m, lambda t: t[1] == RDF.type and t[2] in KINDS),
    "a title without language": _add(DCTERMS.title, Literal("Plain")),
    "an author's name for an author": _add(DCTERMS.creator, Literal("Somebody")),
    "a publisher not catalogued": _add(DCTERMS.publisher, URIRef(ID + "organization/none")),
    "two years": _add(DCTERMS.issued, Literal("1901", datatype=XSD.gYear)),
    "a year as text": _add(DCTERMS.issued, Literal("1901")),
    "two abstracts": _add(DCTERMS.abstract, Literal("Another.", lang="en")),
    "no pages": _add(SDO.numberOfPages, Literal(0)),
    "a place not catalogued": _add(DCTERMS.spatial, URIRef(ID + "place/nowhere")),
    "a word for a topic": _add(DCTERMS.subject, Literal("policing")),
    "an article in no journal": _add(RDF.type, SDO.ScholarlyArticle),
    "a nameless person": _drop(SDO.Person, SDO.name),
    "a person only schema.org knows": _drop(SDO.Person, RDF.type, FOAF.Person),
    "a nameless organisation": _drop(SDO.Organization, SDO.name),
    "an organisation only schema.org knows": _drop(SDO.Organization, RDF.type, FOAF.Organization),
    "a nameless place": _typed("place/unnamed", SDO.Place),
    "a nameless journal": _typed("periodical/unnamed", SDO.Periodical),
    "a volume without number": _typed("periodical/unnamed#volume-1", SDO.PublicationVolume),
    "an issue without number": _typed("periodical/unnamed#issue-1", SDO.PublicationIssue),
    "a nameless series": _typed("series/unnamed", SDO.CreativeWorkSeries),
    "a topic without label": _typed("topic/unlabelled", SKOS.Concept),
}


@pytest.fixture(scope="module")
def mapped() -> list[Mapped]:
    authority = load_authority(ROOT / "vocab" / "agents.ttl", ID)
    context = Context(Iris("http://example.org/"), authority)
    return [map_record(record, context) for record in read_records(SAMPLE, authority)]


def _parsed(turtle: str) -> Graph:
    return Graph().parse(data=turtle, format="turtle")


def _judged_alone(gate: Gate, mapped: Mapped) -> tuple[object, str]:
    graph = Graph()
    for triple in mapped.catalogue:
        graph.add(triple)
    reference = check(graph, load_shapes(ROOT / "shapes"))
    verdict = gate.verdict(sorted({line(t) for t in mapped.catalogue}))
    assert verdict.violations == reference.violations
    return verdict.violations, verdict.report_ttl


def _first_broken(mapped: list[Mapped], change: Change) -> tuple[int, Mapped]:
    """The first record that has what the change removes (a person, a publisher…), changed."""
    for index, record in enumerate(mapped):
        try:
            catalogue = tuple(change(record))
        except (StopIteration, AssertionError):
            continue
        return index, Mapped(record.work, catalogue, record.provenance)
    raise AssertionError("no sample record to break")


@pytest.mark.parametrize("name", sorted(CHANGES))
def test_a_record_breaking_one_constraint_fails_as_alone(mapped: list[Mapped], name: str) -> None:
    gate = Gate(load_shapes(ROOT / "shapes"))
    index, broken = _first_broken(mapped, CHANGES[name])
    batch = [*mapped[:index], broken, *mapped[index + 1 :]]
    judged = judge_mapped(batch, gate, set())
    violations, report = _judged_alone(gate, broken)
    assert violations, f"{name!r} breaks no constraint"
    assert judged[index].verdict.violations == violations
    # The same report (its blank nodes named afresh each time).
    assert isomorphic(_parsed(judged[index].verdict.report_ttl), _parsed(report))
    assert [j.verdict.passed for j in judged] == [j is not broken for j in batch]
    # A node failing where it should not would not show in the verdicts (its record is judged
    # again alone, and passes): the batch's check must fail exactly the nodes the plain check
    # of every line fails.
    units = [unit for m in batch for unit in _prepare(m, gate).units.values()]
    focus = set().union(*(unit.owned for unit in units))
    plain = gate.check([x for unit in units for x in unit.lines], focus).failed_nodes()
    assert _check(gate, units, focus, subclassing=False) == plain


def test_a_type_the_shapes_never_name_breaks_nothing(mapped: list[Mapped]) -> None:
    gate = Gate(load_shapes(ROOT / "shapes"))
    thesis = URIRef("http://purl.org/ontology/bibo/Thesis")
    batch = [Mapped(m.work, (*m.catalogue, (m.work, RDF.type, thesis)), ()) for m in mapped]
    assert all(j.verdict.passed for j in judge_mapped(batch, gate, set()))
