"""Serialise query results under the row cap, saying when they were cut.

pyoxigraph serialises a whole result or nothing, so SELECT results are written here (the four
W3C result formats) from at most `max_rows` solutions; graphs go through `pyoxigraph.serialize`.
Truncation is signalled in-band where the format allows: a `link` in the JSON and XML heads
(https://www.w3.org/TR/sparql11-results-json/#select-link) and a comment in Turtle/N-Triples.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from kg.store import Outcome, Triples

RESULTS_JSON = "application/sparql-results+json"
RESULTS_XML = "application/sparql-results+xml"
CSV = "text/csv"
TSV = "text/tab-separated-values"
RESULT_MEDIA_TYPES = (RESULTS_JSON, RESULTS_XML, CSV, TSV)
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

T = TypeVar("T")
Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple


@dataclass(frozen=True, slots=True)
class Serialised:
    """A result body, its media type, and whether the row cap cut it."""

    body: bytes
    media_type: str
    truncated: bool
    rows: int


def capped(items: Iterable[T], max_rows: int) -> tuple[list[T], bool]:
    """At most `max_rows` items, and True when there were more."""
    rows = list(itertools.islice(items, max_rows + 1))
    return rows[:max_rows], len(rows) > max_rows


def serialise(
    result: Outcome | ox.QueryTriples,
    media_type: str,
    max_rows: int,
    link: str,
    prefixes: dict[str, str] | None = None,
) -> Serialised:
    """Any query result in `media_type` (a results type for SELECT/ASK, an RDF type for graphs)."""
    if isinstance(result, ox.QueryBoolean):
        fmt = ox.QueryResultsFormat.from_media_type(media_type) or ox.QueryResultsFormat.JSON
        return Serialised(result.serialize(format=fmt) or b"", media_type, False, 1)
    if isinstance(result, Triples | ox.QueryTriples):
        return _graph(result, media_type, max_rows, prefixes or {})
    variables = [v.value for v in result.variables]
    rows, truncated = capped(result, max_rows)
    writer = _WRITERS[media_type]
    body = writer(variables, rows, link if truncated else None)
    return Serialised(body, media_type, truncated, len(rows))


def _graph(
    triples: Iterable[ox.Triple], media_type: str, max_rows: int, prefixes: dict[str, str]
) -> Serialised:
    fmt = ox.RdfFormat.from_media_type(media_type) or ox.RdfFormat.N_TRIPLES
    rows, truncated = capped(triples, max_rows)
    if fmt == ox.RdfFormat.TURTLE:
        body = ox.serialize(rows, format=fmt, prefixes=prefixes) or b""
    else:
        body = ox.serialize(rows, format=fmt) or b""
    if truncated and fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.N_TRIPLES):
        body = f"# truncated: only the first {max_rows} triples\n".encode() + body
    return Serialised(body, media_type, truncated, len(rows))


def _json_term(term: Term) -> dict[str, object]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out: dict[str, object] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    return {
        "type": "triple",
        "value": {
            "subject": _json_term(term.subject),
            "predicate": _json_term(term.predicate),
            "object": _json_term(term.object),
        },
    }


# json.dumps(..., ensure_ascii=False) quotes strings with this (C-accelerated) function: the
# text writer below builds the same bytes as dumping dicts, in a third of the time.
_quote = json.encoder.encode_basestring


def _json_term_text(term: Term) -> str:
    """One term as SPARQL JSON text; the common kinds written directly, the rest dumped."""
    # Exact type tests: the hot loop of a 10,000-row result (pyoxigraph terms are final).
    if type(term) is ox.NamedNode:
        return '{"type":"uri","value":' + _quote(term.value) + "}"
    if type(term) is ox.Literal:
        text = '{"type":"literal","value":' + _quote(term.value)
        language = term.language
        if language:
            return text + ',"xml:lang":' + _quote(language) + "}"
        datatype = term.datatype.value
        if datatype == XSD_STRING:
            return text + "}"
        return text + ',"datatype":' + _quote(datatype) + "}"
    return json.dumps(_json_term(term), ensure_ascii=False, separators=(",", ":"))


def _json(variables: Sequence[str], rows: Sequence[ox.QuerySolution], link: str | None) -> bytes:
    keys = [_quote(name) + ":" for name in variables]
    bindings = []
    for row in rows:
        # A solution iterates its values in the order of the variables, None where unbound.
        parts = [
            key + _json_term_text(term)
            for key, term in zip(keys, row, strict=True)
            if term is not None
        ]
        bindings.append("{" + ",".join(parts) + "}")
    head: dict[str, object] = {"vars": list(variables)}
    if link:
        head["link"] = [link]
    head_text = json.dumps(head, ensure_ascii=False, separators=(",", ":"))
    body = '{"head":' + head_text + ',"results":{"bindings":[' + ",".join(bindings) + "]}}"
    return body.encode()


def _xml_term(term: Term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
        if term.datatype.value != XSD_STRING:
            dt = quoteattr(term.datatype.value)
            return f"<literal datatype={dt}>{escape(term.value)}</literal>"
        return f"<literal>{escape(term.value)}</literal>"
    parts = (
        ("subject", term.subject),
        ("predicate", term.predicate),
        ("object", term.object),
    )
    inner = "".join(f"<{k}>{_xml_term(v)}</{k}>" for k, v in parts)
    return f"<triple>{inner}</triple>"


def _xml(variables: Sequence[str], rows: Sequence[ox.QuerySolution], link: str | None) -> bytes:
    out = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">']
    out.append("<head>")
    out.extend(f"<variable name={quoteattr(name)}/>" for name in variables)
    if link:
        out.append(f"<link href={quoteattr(link)}/>")
    out.append("</head><results>")
    opening = [f"<binding name={quoteattr(name)}>" for name in variables]  # once, not per row
    for row in rows:
        out.append("<result>")
        for i, tag in enumerate(opening):
            term = row[i]
            if term is not None:
                out.append(tag + _xml_term(term) + "</binding>")
        out.append("</result>")
    out.append("</results></sparql>\n")
    return "".join(out).encode()


def _csv_value(term: Term | None) -> str:
    # https://www.w3.org/TR/sparql11-results-csv-tsv/#csv-terms: plain values, no datatypes.
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Triple):
        return str(term)
    return term.value


def _csv(variables: Sequence[str], rows: Sequence[ox.QuerySolution], _link: str | None) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(variables)
    for row in rows:
        writer.writerow([_csv_value(row[i]) for i in range(len(variables))])
    return out.getvalue().encode()


def _tsv(variables: Sequence[str], rows: Sequence[ox.QuerySolution], _link: str | None) -> bytes:
    # https://www.w3.org/TR/sparql11-results-csv-tsv/#tsv: terms in their Turtle/N-Triples form,
    # which pyoxigraph's str() gives with tabs and newlines escaped.
    lines = ["\t".join(f"?{name}" for name in variables)]
    for row in rows:
        terms = (row[i] for i in range(len(variables)))
        lines.append("\t".join("" if term is None else str(term) for term in terms))
    return ("\n".join(lines) + "\n").encode()


_WRITERS = {RESULTS_JSON: _json, RESULTS_XML: _xml, CSV: _csv, TSV: _tsv}
