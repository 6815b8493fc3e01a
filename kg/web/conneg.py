"""Content negotiation: one format table (suffix ↔ media type ↔ serializer), pure functions."""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox
from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header


@dataclass(frozen=True, slots=True)
class Format:
    """One representation a document is offered in."""

    suffix: str
    media_type: str
    rdflib_format: str | None  # None for HTML
    label: str
    oxigraph: ox.RdfFormat | None = None  # None for HTML

    @property
    def content_type(self) -> str:
        return f"{self.media_type}; charset=utf-8"


FORMATS: tuple[Format, ...] = (
    Format("html", "text/html", None, "HTML"),
    Format("ttl", "text/turtle", "turtle", "Turtle", ox.RdfFormat.TURTLE),
    Format("jsonld", "application/ld+json", "json-ld", "JSON-LD", ox.RdfFormat.JSON_LD),
    Format("rdf", "application/rdf+xml", "xml", "RDF/XML", ox.RdfFormat.RDF_XML),
    Format("nt", "application/n-triples", "nt", "N-Triples", ox.RdfFormat.N_TRIPLES),
)
BY_SUFFIX = {f.suffix: f for f in FORMATS}
BY_MEDIA_TYPE = {f.media_type: f for f in FORMATS}
# Extra media types that select a format (rdflib sends text/plain for N-Triples).
ALIASES = {
    "text/plain": "nt",
    "application/xhtml+xml": "html",
    "application/json": "jsonld",
    "application/x-turtle": "ttl",
    "application/xml": "rdf",
    "text/n3": "ttl",
}
# ?format= accepts a suffix, a media type or one of these names.
FORMAT_NAMES = {
    "turtle": "ttl",
    "json-ld": "jsonld",
    "rdfxml": "rdf",
    "xml": "rdf",
    "ntriples": "nt",
    "n-triples": "nt",
}
OFFERED = ", ".join(f.media_type for f in FORMATS)


def negotiate(accept_header: str | None) -> Format | None:
    """The best format for an Accept header; HTML when there is none; None when nothing fits.

    Werkzeug's `best_match` honours q-values and wildcards; among equal qualities the order
    of FORMATS wins, so `*/*` gives HTML (what a browser or a person expects).
    """
    if not accept_header or not accept_header.strip():
        return BY_SUFFIX["html"]
    accept = parse_accept_header(accept_header, MIMEAccept)
    offered = [f.media_type for f in FORMATS] + list(ALIASES)
    best = accept.best_match(offered)
    if best is None:
        return None
    return BY_MEDIA_TYPE.get(best) or BY_SUFFIX[ALIASES[best]]


def named_format(name: str) -> Format | None:
    """The format a `?format=` value names (suffix, media type or common name)."""
    name = name.strip().lower()
    suffix = FORMAT_NAMES.get(name) or ALIASES.get(name) or name
    return BY_SUFFIX.get(suffix) or BY_MEDIA_TYPE.get(name)


def split_suffix(key: str) -> tuple[str, Format | None]:
    """A document key and the format its suffix names (`abc.ttl` → `abc`, Turtle)."""
    stem, dot, suffix = key.rpartition(".")
    if dot and stem and suffix in BY_SUFFIX:
        return stem, BY_SUFFIX[suffix]
    return key, None
