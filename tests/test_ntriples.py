"""N-Triples lines for literals: every character that must be escaped is, and nothing else."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef

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
