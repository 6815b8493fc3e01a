"""Content negotiation: one format table (suffix ↔ media type ↔ serializer), pure functions."""

from __future__ import annotations

from dataclasses import dataclass

from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header


@dataclass(frozen=True, slots=True)
class Format:
    """One representation a document is offered in."""

    suffix: str
    media_type: str
    rdflib_format: str | None  # None for HTML
    label: str


FORMATS: tuple[Format, ...] = (
    Format("html", "text/html", None, "HTML"),
    Format("ttl", "text/turtle", "turtle", "Turtle"),
    Format("jsonld", "application/ld+json", "json-ld", "JSON-LD"),
    Format("rdf", "application/rdf+xml", "xml", "RDF/XML"),
    Format("nt", "application/n-triples", "nt", "N-Triples"),
)
BY_SUFFIX = {f.suffix: f for f in FORMATS}
BY_MEDIA_TYPE = {f.media_type: f for f in FORMATS}
# Extra media types that select a format (rdflib sends text/plain for N-Triples).
ALIASES = {"text/plain": "nt", "application/xhtml+xml": "html", "application/json": "jsonld"}


def negotiate(accept_header: str | None) -> Format | None:
    """The best format for an Accept header; HTML when there is none; None when nothing fits."""
    if not accept_header or not accept_header.strip():
        return BY_SUFFIX["html"]
    accept = parse_accept_header(accept_header, MIMEAccept)
    offered = [f.media_type for f in FORMATS] + list(ALIASES)
    best = accept.best_match(offered)
    if best is None:
        return None
    return BY_MEDIA_TYPE.get(best) or BY_SUFFIX[ALIASES[best]]
