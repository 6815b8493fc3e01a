"""The build's literal forms are exactly the lines rdflib Literals give (kg/mapping/forms.py).

The build maps records with `form` (a literal made as its N-Triples text); the plain path makes
rdflib Literals and `kg.publish.ntriples.term` writes them. Whatever the text (control
characters, quotes, backslashes, line breaks, non-BMP and XML-illegal characters, lone
surrogates), the language tag or the datatype, both must give the same line, or the same error.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import cache
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Literal

from kg.iris import Iris
from kg.mapping import Context, map_record
from kg.mapping import forms as forms_module
from kg.mapping.forms import Form, form
from kg.namespaces import RDF, XSD
from kg.publish.ntriples import line, term
from kg.records import AsPrinted, Contributor, Journal, Record, Series, Source
from kg.vocab.publish import load_build_vocabularies
from tests.conftest import ROOT, fixture_lexicon

# Every character, surrogates included, and often one N-Triples escapes or a reader trips on.
TRICKY = st.sampled_from('\\"\n\r\t\x00\x08\x0b\x1f\x7f\x85\u2028\ufffe\ud800é😀\U0010ffff')
CHARACTER = st.one_of(TRICKY, st.characters(exclude_categories=()))
TEXT = st.text(CHARACTER, max_size=60)
LANGUAGE = st.one_of(
    st.none(),
    st.just(""),
    st.from_regex(r"\A[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8}){0,2}\Z"),
    st.text(max_size=6),  # mostly ill-formed: both must refuse it alike
)
DATATYPE = st.one_of(
    st.none(), st.sampled_from([XSD.string, XSD.integer, XSD.gYear, XSD.date, RDF.langString])
)
VALUE = st.one_of(
    TEXT,
    st.integers(),
    st.integers(-99999, 99999).map(lambda y: f"{y:04d}"),  # a year as the mapping writes it
    st.booleans(),  # an int to Python, not to rdflib
    st.floats(),
)


def _outcome(make: Callable[[], str]) -> tuple[str, Any]:
    """The line made, or the type of the error raised instead."""
    try:
        return "made", str(make())
    except Exception as err:  # the same error is what is compared
        return "raised", type(err)


@given(value=VALUE, lang=LANGUAGE, datatype=DATATYPE)
def test_a_form_is_the_line_of_the_equal_literal(value: Any, lang: Any, datatype: Any) -> None:
    plain = _outcome(lambda: term(Literal(value, lang=lang, datatype=datatype)))
    assert _outcome(lambda: term(form(value, lang=lang, datatype=datatype))) == plain


@given(text=TEXT, lang=LANGUAGE)
def test_a_text_form_is_the_line_of_the_equal_literal(text: str, lang: str | None) -> None:
    # The hot path of the mapping (titles, names, abstracts): text, maybe a language.
    made = _outcome(lambda: form(text, lang=lang))
    assert made == _outcome(lambda: term(Literal(text, lang=lang)))
    if made[0] == "made":
        assert type(form(text, lang=lang)) is Form


def test_remembered_slow_forms_are_cleared_when_full() -> None:
    forms_module._MEMO, saved = 2, forms_module._MEMO
    try:
        for year in ("1999", "2000", "2001", "1999"):
            assert form(year, datatype=XSD.gYear) == term(Literal(year, datatype=XSD.gYear))
            assert len(forms_module._slow_forms) <= 2
    finally:
        forms_module._MEMO = saved


@cache
def _context() -> Context:
    iris = Iris("http://kg.invalid/")
    vocab = load_build_vocabularies(ROOT / "vocab", iris.id_base)
    return Context(iris, fixture_lexicon().authority, {}, "en", iris.build("b"), vocab.index)


NAME = st.text(CHARACTER, min_size=1, max_size=20)
PAGES = st.one_of(
    NAME, st.sampled_from(["12-34", "007–9", "xii-7", "١٢-٣٤", "²-3", "1 - 2", "e12-e19"])
)
RECORD = st.builds(
    Record,
    title=NAME,
    source=st.builds(Source, file=NAME, line=st.integers(0, 10**6)),
    contributors=st.lists(
        st.builds(
            Contributor,
            name=NAME,
            kind=st.sampled_from(["person", "organization"]),
            role=st.one_of(st.none(), st.sampled_from(["ed.", "trans.", ""])),
        ),
        max_size=3,
    ).map(tuple),
    publishers=st.lists(NAME, max_size=2).map(tuple),
    places=st.lists(NAME, max_size=2).map(tuple),
    year=st.one_of(st.none(), st.integers(-9999, 99999)),
    page_count=st.one_of(st.none(), st.integers(0, 10**6)),
    series=st.one_of(st.none(), st.builds(Series, name=NAME, number=st.none() | NAME)),
    journal=st.one_of(
        st.none(),
        st.builds(Journal, name=NAME, volume=st.none() | NAME, issue=st.none() | NAME, pages=PAGES),
    ),
    report_id=st.none() | NAME,
    abstract=st.none() | TEXT,
    topics=st.lists(NAME, max_size=2).map(tuple),
    subject_places=st.lists(NAME, max_size=2).map(tuple),
    edition_note=st.none() | NAME,
    as_printed=st.builds(AsPrinted, title=st.none() | TEXT, byline=st.none() | TEXT),
    corrected=st.lists(NAME, max_size=2).map(tuple),
)


def _lines(record: Record, context: Context) -> tuple[list[str], list[str]]:
    mapped = map_record(record, context)
    return [line(t) for t in mapped.catalogue], [line(t) for t in mapped.provenance]


@settings(max_examples=150)
@given(record=RECORD)
def test_a_record_mapped_with_forms_gives_the_lines_of_the_plain_mapping(record: Record) -> None:
    context = _context()
    plain = _outcome(lambda: repr(_lines(record, context)))
    assert _outcome(lambda: repr(_lines(record, replace(context, literal=form)))) == plain
