"""The query guard: only read-only queries pass; update, LOAD and SERVICE are refused."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.errors import ForbiddenQuery
from kg.sparql.guard import QueryForm, check_query

P = "PREFIX ex: <http://example.org/>\nBASE <http://example.org/base/>\n"


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("SELECT * WHERE { ?s ?p ?o }", QueryForm.SELECT),
        (P + "select ?s { ?s ex:p 1 }", QueryForm.SELECT),
        ("ASK {}", QueryForm.ASK),
        ("# a comment with SERVICE and INSERT\nASK {}", QueryForm.ASK),
        (P + "CONSTRUCT WHERE { ?s ex:service ?o }", QueryForm.CONSTRUCT),
        ("DESCRIBE <http://example.org/LOAD>", QueryForm.DESCRIBE),
        ('SELECT ?service WHERE { ?service ?p "SERVICE <http://x/>" }', QueryForm.SELECT),
        ("SELECT * { ?s ?p '''multi\nSERVICE\nline''' }", QueryForm.SELECT),
        ('SELECT * { ?s ?p "x"@service }', QueryForm.SELECT),
        ("PREFIX service: <http://example.org/>\nSELECT * { ?s service:p ?o }", QueryForm.SELECT),
        ("SELEC nope", None),  # left to the engine, which reports its parser's message
    ],
)
def test_queries_pass_with_their_form(text: str, form: QueryForm | None) -> None:
    assert check_query(text) is form


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("INSERT DATA { <http://a> <http://b> <http://c> }", "Update (INSERT)"),
        (P + "DELETE WHERE { ?s ?p ?o }", "Update (DELETE)"),
        ("LOAD <http://example.org/data.ttl>", "Update (LOAD)"),
        ("load silent <http://example.org/data.ttl> INTO GRAPH <http://g>", "Update (LOAD)"),
        ("CLEAR ALL", "Update (CLEAR)"),
        ("DROP GRAPH <http://g>", "Update (DROP)"),
        ("WITH <http://g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", "Update (WITH)"),
        ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", "SERVICE"),
        ("SELECT * WHERE { service silent ?endpoint { ?s ?p ?o } }", "SERVICE"),
        ("ASK { ?s ?p ?o . SERVICE<http://169.254.169.254/>{?a ?b ?c} }", "SERVICE"),
    ],
)
def test_updates_load_and_service_are_refused(text: str, word: str) -> None:
    with pytest.raises(ForbiddenQuery) as raised:
        check_query(text)
    assert word in raised.value.detail
    assert raised.value.status == 403


_SAFE_TEXT = st.text(
    alphabet=st.characters(blacklist_characters='"\\\n\r', blacklist_categories=("Cs",)),
    max_size=40,
)


@given(_SAFE_TEXT)
def test_anything_inside_a_string_or_comment_is_not_a_keyword(inner: str) -> None:
    text = f'SELECT * WHERE {{ ?s ?p "{inner} SERVICE LOAD" }} # {inner} SERVICE\n'
    assert check_query(text) is QueryForm.SELECT


@given(st.sampled_from(["SERVICE", "service", "Service"]), _SAFE_TEXT)
def test_a_service_keyword_anywhere_in_the_pattern_is_refused(word: str, inner: str) -> None:
    text = f'SELECT * WHERE {{ ?s ?p "{inner}" . {word} <http://x/> {{ ?a ?b ?c }} }}'
    with pytest.raises(ForbiddenQuery):
        check_query(text)
