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
    oxigraph: ox.RdfFormat | None = None  # None for HTML, citation and record formats
    citation: bool = False  # a bibliographic export (works and lists of works only)
    record: bool = False  # a catalogue record (a work's MARC 21 record, kg/harvest)

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
# Bibliographic exports of a work, or of a list of works (kg/cite), for reference managers.
CITATION_FORMATS: tuple[Format, ...] = (
    Format("ris", "application/x-research-info-systems", None, "RIS", citation=True),
    Format("bib", "application/x-bibtex", None, "BibTeX", citation=True),
    Format("csl.json", "application/vnd.citationstyles.csl+json", None, "CSL-JSON", citation=True),
)
# A work's MARC 21 record, as library catalogues load it (kg/harvest/marcmap.py).
RECORD_FORMATS: tuple[Format, ...] = (
    Format("marcxml", "application/marcxml+xml", None, "MARCXML", record=True),
)
WORK_FORMATS = FORMATS + CITATION_FORMATS + RECORD_FORMATS
# The documents of every type (HTML and RDF); WORK_BY_SUFFIX adds the citation exports.
BY_SUFFIX = {f.suffix: f for f in FORMATS}
WORK_BY_SUFFIX = {f.suffix: f for f in WORK_FORMATS}
BY_MEDIA_TYPE = {f.media_type: f for f in WORK_FORMATS}
# Extra media types that select a format (rdflib sends text/plain for N-Triples).
ALIASES = {
    "text/plain": "nt",
    "application/xhtml+xml": "html",
    "application/json": "jsonld",
    "application/x-turtle": "ttl",
    "application/xml": "rdf",
    "text/n3": "ttl",
    "text/x-bibtex": "bib",
}
# ?format= accepts a suffix, a media type or one of these names.
FORMAT_NAMES = {
    "marc": "marcxml",
    "marc21": "marcxml",
    "bibtex": "bib",
    "csl-json": "csl.json",
    "csljson": "csl.json",
    "turtle": "ttl",
    "json-ld": "jsonld",
    "rdfxml": "rdf",
    "xml": "rdf",
    "ntriples": "nt",
    "n-triples": "nt",
}
OFFERED = ", ".join(f.media_type for f in FORMATS)


def formats_for(type_: str) -> tuple[Format, ...]:
    """The formats a document of a resource type is offered in (works can also be cited, and
    have a MARC 21 record)."""
    return WORK_FORMATS if type_ == "work" else FORMATS


def offered(formats: tuple[Format, ...]) -> str:
    return ", ".join(f.media_type for f in formats)


def negotiate(accept_header: str | None, formats: tuple[Format, ...] = FORMATS) -> Format | None:
    """The best format for an Accept header; HTML when there is none; None when nothing fits.

    Werkzeug's `best_match` honours q-values and wildcards; among equal qualities the order
    of FORMATS wins, so `*/*` gives HTML (what a browser or a person expects).
    """
    if not accept_header or not accept_header.strip():
        return BY_SUFFIX["html"]
    accept = parse_accept_header(accept_header, MIMEAccept)
    media_types = [f.media_type for f in formats]
    media_types += [alias for alias, s in ALIASES.items() if WORK_BY_SUFFIX[s] in formats]
    best = accept.best_match(media_types)
    if best is None:
        return None
    return BY_MEDIA_TYPE.get(best) or WORK_BY_SUFFIX[ALIASES[best]]


def named_format(name: str, formats: tuple[Format, ...] = FORMATS) -> Format | None:
    """The format a `?format=` value names (suffix, media type or common name)."""
    name = name.strip().lower()
    suffix = FORMAT_NAMES.get(name) or ALIASES.get(name) or name
    found = WORK_BY_SUFFIX.get(suffix) or BY_MEDIA_TYPE.get(name)
    return found if found in formats else None


def split_suffix(key: str, formats: tuple[Format, ...] = FORMATS) -> tuple[str, Format | None]:
    """A document key and the format its suffix names (`abc.ttl` → `abc`, Turtle;
    `abc.csl.json` → `abc`, CSL-JSON)."""
    for fmt in sorted(formats, key=lambda f: -len(f.suffix)):
        stem = key.removesuffix("." + fmt.suffix)
        if stem and stem != key:
            return stem, fmt
    return key, None
