"""Properties of the record mappings: whatever text the graph holds, every format is well-formed
XML without a character XML forbids, and says the text back minus exactly those characters."""

from __future__ import annotations

import io
import re
import sys

import pymarc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from rdflib import Graph, URIRef

from kg.harvest.facts import work_facts
from kg.harvest.graph import TYPE, WorkGraph, context_triples, linked
from kg.harvest.lines import LinesLookup
from kg.harvest.marc import record_xml
from kg.harvest.marcmap import RecordContext, invert, to_marc
from kg.harvest.payloads import dublin_core, rdf_xml
from kg.harvest.terms import _LITERAL as LITERAL
from kg.harvest.terms import Lit, literal, n3, parse_nt
from kg.harvest.terms import _unescape as unescape
from kg.harvest.xmlsafe import attribute, clean, legal, text
from kg.namespaces import BIBO, DCTERMS, RDF, SDO, XSD
from tests.harvest_support import marc_schema

BASE = "http://example.org/id/"
WORK = BASE + "work/abc0123456"
AUTHOR = BASE + "person/someone"
ILLEGAL = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# Any text at all, lone surrogates and C0 controls included.
ANY_TEXT = st.text(st.characters(codec=None, categories=None), min_size=1, max_size=40)


def _graph(title: str, abstract: str, name: str) -> tuple[WorkGraph, LinesLookup]:
    lookup = LinesLookup()
    lookup.add(AUTHOR, TYPE, str(SDO.Person))
    lookup.add(AUTHOR, str(SDO.name), literal(name))
    own = (
        (WORK, TYPE, str(SDO.CreativeWork)),
        (WORK, TYPE, str(SDO.Report)),
        (WORK, str(DCTERMS.title), literal(title, "en")),
        (WORK, str(DCTERMS.abstract), literal(abstract, "en")),
        (WORK, str(DCTERMS.creator), AUTHOR),
        (WORK, str(BIBO.authorList), WORK + "#authors"),
        (WORK + "#authors", str(RDF) + "_1", AUTHOR),
    )
    context = context_triples(linked(WORK, own, BASE + "work/"), lookup)
    return WorkGraph(WORK, own, context), lookup


@settings(max_examples=100, deadline=None)
@given(name=ANY_TEXT)
def test_the_characters_removed_from_a_series_name_are_counted_once(name: str) -> None:
    # The series is read for the record and for its OAI set: one count, as it is one text.
    series = BASE + "series/s1"
    graph, lookup = _graph("Title", "Abstract", "Ann Lee")
    own = (*graph.own, (WORK, str(DCTERMS.isPartOf), series))
    context = (*graph.context, (series, TYPE, str(SDO.CreativeWorkSeries)),
               (series, str(SDO.name), literal(name)))  # fmt: skip
    facts = work_facts(WorkGraph(WORK, own, context), lookup, BASE)
    assert [s.name for s in facts.series] == [legal(name)]
    assert facts.removed == len(ILLEGAL.findall(name))


@settings(max_examples=200, deadline=None)
@given(title=ANY_TEXT, abstract=ANY_TEXT, name=ANY_TEXT)
def test_every_format_is_well_formed_whatever_the_text(
    title: str, abstract: str, name: str
) -> None:
    graph, lookup = _graph(title, abstract, name)
    facts = work_facts(graph, lookup, BASE)
    assert facts.title == legal(title) and facts.abstract == legal(abstract)
    assert facts.removed == len(ILLEGAL.findall(title + abstract + name))
    marc = record_xml(to_marc(facts, RecordContext("kg", WORK, "n", "260101")))
    assert not ILLEGAL.search(marc)
    root = etree.fromstring(marc.encode())
    assert marc_schema().validate(root), marc_schema().error_log
    (record,) = pymarc.parse_xml_to_array(io.BytesIO(marc.encode()))
    assert record.title == (legal(title) or None)
    dc = etree.fromstring(dublin_core(facts).encode())
    assert dc.findtext("{http://purl.org/dc/elements/1.1/}title") in (legal(title), None)
    rdf = rdf_xml(graph)
    assert not ILLEGAL.search(rdf)
    parsed = Graph().parse(data=rdf, format="xml")
    assert {str(t) for t in parsed.objects(URIRef(WORK), DCTERMS.title)} == {legal(title)}


def test_every_printable_character_is_legal_in_xml() -> None:
    """`xmlsafe` skips the scan for illegal characters in a printable text."""
    printable = (chr(c) for c in range(sys.maxunicode + 1) if chr(c).isprintable())
    assert not [c for c in printable if ILLEGAL.match(c)]


@given(ANY_TEXT)
def test_escaped_text_and_attributes_read_back_as_the_legal_text(value: str) -> None:
    cleaned, removed = clean(value)
    assert removed == len(ILLEGAL.findall(value)) and not ILLEGAL.search(cleaned)
    element = etree.fromstring(f'<e a="{attribute(value)}">{text(value)}</e>'.encode())
    assert element.get("a") == cleaned
    assert (element.text or "") == cleaned


# What may follow a literal's closing quote: the tails kg writes, and some it never writes.
TAILS = ["", "@en", "@fr-CA", f"^^<{XSD.int}>", f"^^<{XSD.date}>", f"^^<{XSD.string}>"]
TAILS += ["@", "@e n", "^^<a>b>", "^^<a", '"', "\n", "@en\n", "x"]


@given(ANY_TEXT, st.sampled_from(TAILS))
def test_literals_read_as_the_full_n_triples_pattern_reads_them(body: str, tail: str) -> None:
    statement = f'"{body}"{tail}'
    match = LITERAL.match(statement)
    if match is None:
        with pytest.raises(ValueError):
            parse_nt(statement)
        return
    value, lang, datatype = match.groups()
    expected = literal(unescape(value) if "\\" in value else value, lang or "", datatype or "")
    assert parse_nt(statement) == expected


@given(ANY_TEXT, st.sampled_from(["", "en", "fr-CA"]))
def test_literals_round_trip_through_n_triples(value: str, lang: str) -> None:
    term = literal(value, lang)
    assert parse_nt(n3(term)) == term
    assert isinstance(parse_nt("<" + WORK + ">"), str)
    assert isinstance(term, Lit)


_WORD = st.text(st.characters(categories=["L"]), min_size=1, max_size=12)


@given(st.lists(_WORD, min_size=2, max_size=4))
def test_an_inverted_name_puts_the_same_words_back(words: list[str]) -> None:
    name = " ".join(words)
    heading, inverted = invert(name)
    assert inverted
    surname, forenames = heading.split(", ", 1)[0], heading.split(", ", 2)[1]
    assert f"{forenames} {surname}".split() == name.split()
