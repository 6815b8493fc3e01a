"""The document formats kg offers: one table of suffix ↔ media type ↔ serializer.

Used by content negotiation (kg/web/conneg.py), the SPARQL endpoint's graph results, the
pre-rendered documents and the store's graph results alike.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox


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
