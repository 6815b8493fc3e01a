"""N-Triples lines for literals: every character that must be escaped is, and nothing else."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef

from kg.publish import ntriples
from kg.publish.ntriples import line, term

# The escapes N-Triples requires inside a string literal (what `term` must produce).
REFERENCE = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=200)


@given(text=TEXT)
def test_literals_are_escaped_as_the_grammar_requires(text: str) -> None:
    assert term(Literal(text)) == f'"{text.translate(REFERENCE)}"'


@given(text=TEXT)
def test_a_literal_line_reads_back_as_the_same_text(text: str) -> None:
    statement = line(
        (URIRef("http://example.org/s"), URIRef("http://example.org/p"), Literal(text))
    )
    graph = Graph().parse(data=statement + "\n", format="nt")
    assert next(iter(graph.objects())) == Literal(text)


class _Subclassed(URIRef):
    """A URIRef subclass (as some rdflib code makes): its form must not come from the memo."""


IRI_TEXT = st.text(st.sampled_from('ab/:#<>"{}|^`\\ \té'), max_size=12).map(
    lambda tail: "http://example.org/" + tail
)


@given(iris=st.lists(IRI_TEXT, max_size=40))
def test_remembered_iri_forms_are_the_escaped_iris(iris: list[str]) -> None:
    # The memo is cleared when full: a tiny bound makes that happen within one example.
    ntriples._MEMO, saved = 3, ntriples._MEMO
    try:
        for iri in iris + iris:
            expected = f"<{iri.translate(ntriples._IRI_ESCAPES)}>"
            assert term(URIRef(iri)) == expected
            assert term(_Subclassed(iri)) == expected
            assert len(ntriples._iris) <= 3
    finally:
        ntriples._MEMO = saved


@given(tails=st.lists(IRI_TEXT, min_size=1, max_size=30))
def test_forms_remembered_by_identity_belong_to_their_nodes(tails: list[str]) -> None:
    # Nodes made and dropped one after another get the same ids: the memo holds every node it
    # remembers, so an id found there is still that node's.
    ntriples._HELD, saved = 4, ntriples._HELD
    try:
        for tail in tails + tails:
            node = URIRef(tail) if tail.endswith("é") else Literal(tail)
            assert ntriples.held_term(node) == term(node)
            del node
            assert len(ntriples._held) <= 4
    finally:
        ntriples._HELD = saved
