"""SPARQL 1.1 Protocol request parsing and result-format choice (pure functions)."""

from __future__ import annotations

import pytest
from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header

from kg.errors import ForbiddenQuery, KgError
from kg.sparql.guard import QueryForm
from kg.sparql.protocol import QueryRequest, parse_request, result_media_type
from kg.sparql.results import RESULTS_JSON

Q = "ASK {}"


def _parse(
    method: str = "GET",
    content_type: str | None = None,
    args: dict[str, list[str]] | None = None,
    form: dict[str, list[str]] | None = None,
    body: bytes = b"",
) -> QueryRequest | None:
    return parse_request(method, content_type, args or {}, form or {}, body)


def test_get_with_dataset_and_timeout() -> None:
    parsed = _parse(
        args={
            "query": [Q],
            "default-graph-uri": ["http://a/", "http://b/"],
            "named-graph-uri": ["http://c/"],
            "timeout": ["2.5"],
        }
    )
    assert parsed == QueryRequest(Q, ("http://a/", "http://b/"), ("http://c/",), 2.5, None)


def test_get_without_query_asks_for_the_description() -> None:
    assert _parse() is None


def test_post_form_and_post_direct() -> None:
    form = _parse("POST", "application/x-www-form-urlencoded", form={"query": [Q]})
    assert form is not None and form.query == Q
    direct = _parse(
        "POST",
        "application/sparql-query; charset=utf-8",
        args={"default-graph-uri": ["http://a/"]},
        body=Q.encode(),
    )
    assert direct is not None and direct.query == Q and direct.default_graphs == ("http://a/",)


@pytest.mark.parametrize(
    ("kwargs", "status"),
    [
        ({"args": {"query": [Q, "SELECT * {}"]}}, 400),
        ({"args": {"query": [Q], "timeout": ["1", "2"]}}, 400),
        ({"args": {"query": [""]}}, 400),
        ({"method": "POST", "content_type": "text/plain", "body": Q.encode()}, 415),
        ({"method": "POST", "body": Q.encode()}, 400),
        (
            {
                "method": "POST",
                "content_type": "application/sparql-query; charset=UTF-16",
                "body": Q.encode("utf-16"),
            },
            400,
        ),
        ({"method": "POST", "content_type": "application/sparql-query", "body": b"\xff\xfe"}, 400),
        ({"args": {"query": [Q], "default-graph-uri": ["not an iri"]}}, 400),
        ({"args": {"query": [Q], "timeout": ["-1"]}}, 400),
        ({"args": {"query": [Q], "timeout": ["nan"]}}, 400),
        ({"args": {"update": ["CLEAR ALL"]}}, 403),
        (
            {"method": "POST", "content_type": "application/sparql-update", "body": b"CLEAR ALL"},
            403,
        ),
    ],
)
def test_bad_requests_are_4xx_with_a_message(kwargs: dict[str, object], status: int) -> None:
    with pytest.raises(KgError) as raised:
        _parse(**kwargs)  # type: ignore[arg-type]
    assert raised.value.status == status
    assert raised.value.detail
    if status == 403:
        assert isinstance(raised.value, ForbiddenQuery)


def _accept(header: str) -> MIMEAccept:
    return parse_accept_header(header, MIMEAccept)


@pytest.mark.parametrize(
    ("form", "accept", "fmt", "expected"),
    [
        (QueryForm.SELECT, "", None, "application/sparql-results+json"),
        (
            QueryForm.SELECT,
            "application/sparql-results+xml",
            None,
            "application/sparql-results+xml",
        ),
        (
            QueryForm.SELECT,
            "text/csv;q=0.5, text/tab-separated-values",
            None,
            "text/tab-separated-values",
        ),
        (QueryForm.SELECT, "application/json", None, "application/sparql-results+json"),
        (QueryForm.SELECT, "*/*", None, "application/sparql-results+json"),
        (QueryForm.ASK, "text/html", "xml", "application/sparql-results+xml"),
        (QueryForm.SELECT, "", "csv", "text/csv"),
        (QueryForm.CONSTRUCT, "", None, "text/turtle"),
        (QueryForm.CONSTRUCT, "application/rdf+xml", None, "application/rdf+xml"),
        (QueryForm.DESCRIBE, "application/ld+json", None, "application/ld+json"),
        (QueryForm.DESCRIBE, "text/plain", None, "application/n-triples"),
        (QueryForm.CONSTRUCT, "", "nt", "application/n-triples"),
        (QueryForm.CONSTRUCT, "", "json", "application/ld+json"),
        (QueryForm.CONSTRUCT, "", "text/turtle", "text/turtle"),
    ],
)
def test_result_media_type(form: QueryForm, accept: str, fmt: str | None, expected: str) -> None:
    assert result_media_type(form, _accept(accept), fmt) == expected


def test_unknown_format_and_unacceptable_accept_get_the_default() -> None:
    assert result_media_type(QueryForm.SELECT, _accept(""), "pdf") == RESULTS_JSON
    assert result_media_type(QueryForm.ASK, _accept("text/csv"), "ttl") == "text/csv"
    assert result_media_type(QueryForm.CONSTRUCT, _accept("image/png"), None) == "text/turtle"
    json_only = _accept("application/sparql-results+json")
    assert result_media_type(QueryForm.DESCRIBE, json_only, None) == "text/turtle"
