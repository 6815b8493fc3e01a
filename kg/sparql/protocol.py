"""SPARQL 1.1 Protocol for queries, as pure functions over the parts of an HTTP request.

https://www.w3.org/TR/sparql11-protocol/#query-operation: GET with `query=`, POST form-encoded,
POST `application/sparql-query` (UTF-8); `default-graph-uri` / `named-graph-uri` (repeatable);
kg adds `timeout` (seconds, may only lower the limit) and `format=` for clients that cannot set
Accept. Every problem is a BadQuery (400) or ForbiddenQuery (403) with a one-line message.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pyoxigraph as ox
from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_options_header

from kg.errors import BadQuery, ForbiddenQuery, UnsupportedMediaType
from kg.formats import FORMATS
from kg.sparql.guard import QueryForm
from kg.sparql.results import CSV, RESULT_MEDIA_TYPES, RESULTS_JSON, RESULTS_XML, TSV

FORM = "application/x-www-form-urlencoded"
DIRECT = "application/sparql-query"
GRAPH_MEDIA_TYPES = tuple(f.media_type for f in FORMATS if f.rdflib_format)

# `format=` values and Accept aliases, for each kind of result.
_RESULT_NAMES = {
    "json": RESULTS_JSON,
    "xml": RESULTS_XML,
    "csv": CSV,
    "tsv": TSV,
    "application/json": RESULTS_JSON,
    "application/xml": RESULTS_XML,
    "text/xml": RESULTS_XML,
}
_GRAPH_NAMES = {f.suffix: f.media_type for f in FORMATS if f.rdflib_format} | {
    "turtle": "text/turtle",
    "ntriples": "application/n-triples",
    "n-triples": "application/n-triples",
    "rdfxml": "application/rdf+xml",
    "xml": "application/rdf+xml",
    "json": "application/ld+json",
    "json-ld": "application/ld+json",
    "text/plain": "application/n-triples",
    "application/json": "application/ld+json",
    "application/xml": "application/rdf+xml",
    "text/xml": "application/rdf+xml",
}


@dataclass(frozen=True, slots=True)
class QueryRequest:
    """A protocol request, checked: the query text and its parameters."""

    query: str
    default_graphs: tuple[str, ...] | None
    named_graphs: tuple[str, ...] | None
    timeout_s: float | None
    format: str | None


def parse_request(
    method: str,
    content_type: str | None,
    args: Mapping[str, Sequence[str]],
    form: Mapping[str, Sequence[str]],
    body: bytes,
) -> QueryRequest | None:
    """The query request, or None for a GET without a query (the service description)."""
    content_type, options = parse_options_header(content_type or "")
    charset = options.get("charset", "utf-8").lower()
    if "update" in args or "update" in form or content_type == "application/sparql-update":
        raise ForbiddenQuery(
            "SPARQL Update is refused: this endpoint is read-only",
            fix="send a SELECT, ASK, CONSTRUCT or DESCRIBE query",
        )
    if method == "GET":
        params: Mapping[str, Sequence[str]] = args
        if "query" not in args:
            return None
        query = _one(args, "query")
    elif content_type == FORM:
        params = {**args, **form}
        query = _one(form, "query")
    elif content_type == DIRECT:
        params = args
        if charset not in ("utf-8", "utf8"):
            raise BadQuery(
                f"the query body is declared as {charset}; the protocol requires UTF-8",
                fix="send the query encoded as UTF-8",
            )
        query = _utf8(body)
    elif not content_type:
        raise BadQuery(
            "a POST needs a Content-Type",
            fix=f"send {FORM} with query=… or {DIRECT} with the query as the body",
        )
    else:
        raise UnsupportedMediaType(
            f"POST with Content-Type {content_type} is not a SPARQL query request",
            fix=f"send {FORM} with query=… or {DIRECT} with the query as the body",
        )
    return QueryRequest(
        query=query,
        default_graphs=_graphs(params, "default-graph-uri"),
        named_graphs=_graphs(params, "named-graph-uri"),
        timeout_s=_timeout(params),
        # Clients send `format` (and `output`) in their own dialects, SPARQLWrapper twice:
        # the first value kg knows wins, else Accept decides.
        format=next(iter(params.get("format") or params.get("output") or []), None),
    )


def _one(params: Mapping[str, Sequence[str]], name: str) -> str:
    values = params.get(name) or []
    if len(values) != 1:
        raise BadQuery(
            f"expected exactly one `{name}` parameter, got {len(values)}",
            fix=f"send one `{name}`",
        )
    if not values[0].strip():
        raise BadQuery(f"the `{name}` parameter is empty", fix="send a SPARQL query")
    return values[0]


def _optional(params: Mapping[str, Sequence[str]], name: str) -> str | None:
    values = params.get(name) or []
    if len(values) > 1:
        raise BadQuery(f"`{name}` given {len(values)} times", fix=f"send one `{name}`")
    return values[0] if values else None


def _utf8(body: bytes) -> str:
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as err:
        raise BadQuery(
            f"the query body is not UTF-8 (byte {err.start})",
            fix="send the query encoded as UTF-8",
        ) from None
    if not text.strip():
        raise BadQuery("the query body is empty", fix="send a SPARQL query as the body")
    return text


def _graphs(params: Mapping[str, Sequence[str]], name: str) -> tuple[str, ...] | None:
    values = params.get(name)
    if not values:
        return None
    for value in values:
        try:
            ox.NamedNode(value)
        except ValueError as err:
            raise BadQuery(f"`{name}` {value!r} is not an IRI: {err}", fix="send an IRI") from None
    return tuple(values)


def _timeout(params: Mapping[str, Sequence[str]]) -> float | None:
    raw = _optional(params, "timeout")
    if raw is None:
        return None
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not value > 0 or value != value or value == float("inf"):
        raise BadQuery(f"`timeout` {raw!r} is not a positive number of seconds", fix="timeout=5")
    return value


def result_media_type(form: QueryForm, accept: MIMEAccept, fmt: str | None) -> str:
    """The media type to answer a query of `form` in, from `format=` or else Accept."""
    graph = form in (QueryForm.CONSTRUCT, QueryForm.DESCRIBE)
    offered = GRAPH_MEDIA_TYPES if graph else RESULT_MEDIA_TYPES
    names = _GRAPH_NAMES if graph else _RESULT_NAMES
    if fmt is not None:
        chosen = fmt if fmt in offered else names.get(fmt.lower())
        if chosen is not None:
            return chosen
    best = accept.best_match([*offered, *(n for n in names if "/" in n)]) if accept else None
    if best is None:
        # Nothing acceptable: answer in the default format rather than 406, as clients that
        # send a results type for a CONSTRUCT (rdflib's SPARQLStore does) expect.
        return offered[0]
    return best if best in offered else names[best]
