"""A work's own description: types, title, abstract, dates, extent, numbers, and what it is
part of (a series, or an issue → volume → periodical)."""

from __future__ import annotations

import re

from rdflib import URIRef
from rdflib.term import Node

from kg.mapping.context import Context, Triple
from kg.mapping.fingerprints import periodical_ref, series_ref
from kg.mapping.terms import BIBO, DCMITYPE, DCTERMS, RDF, SDO, XSD
from kg.records import Journal, Record

# Publishers whose imprint makes a work a book rather than a report (the record has no kind).
_BOOK_PUBLISHER = re.compile(
    r"\b(press|books?|publish\w*|springer|routledge|palgrave|wiley|elsevier|sage|bloomsbury"
    r"|penguin|macmillan|harpercollins|bantam|house)\b",
    re.IGNORECASE,
)
_PAGE_RANGE = re.compile(r"^\s*(\w+)\s*[-‐-―]\s*(\w+)\s*$")


def work_kind(record: Record) -> str:
    """`article` in a journal, `book` from a book publisher, else `report`."""
    if record.journal is not None:
        return "article"
    if any(_BOOK_PUBLISHER.search(p) for p in record.publishers) and not record.report_id:
        return "book"
    return "report"


_TYPES: dict[str, tuple[Node, ...]] = {
    "article": (SDO.ScholarlyArticle, BIBO.AcademicArticle),
    "book": (SDO.Book, BIBO.Book),
    "report": (SDO.Report, BIBO.Report),
}


def work_triples(work: URIRef, record: Record, context: Context) -> list[Triple]:
    """The work's types and literal properties, in both vocabularies."""
    lang = getattr(record, "language", None) or context.lang
    out: list[Triple] = [
        (work, RDF.type, t) for t in (SDO.CreativeWork, *_TYPES[work_kind(record)])
    ]
    out.append((work, DCTERMS.type, DCMITYPE.Text))
    title = context.literal(record.title, lang=lang)
    out += [(work, DCTERMS.title, title), (work, SDO.name, title)]
    if record.abstract:
        abstract = context.literal(record.abstract, lang=lang)
        out += [(work, DCTERMS.abstract, abstract), (work, SDO.abstract, abstract)]
    if record.year is not None:
        year = context.literal(f"{record.year:04d}", datatype=XSD.gYear)
        out += [(work, DCTERMS.issued, year), (work, SDO.datePublished, year)]
    if record.page_count is not None:
        pages = context.literal(record.page_count, datatype=XSD.integer)
        extent = context.literal(f"{record.page_count} pages")
        out += [(work, SDO.numberOfPages, pages), (work, BIBO.numPages, pages)]
        out.append((work, DCTERMS.extent, extent))
    if record.report_id:
        number = context.literal(record.report_id)
        out += [(work, SDO.reportNumber, number), (work, DCTERMS.identifier, number)]
    if record.edition_note:
        out.append((work, BIBO.edition, context.literal(record.edition_note)))
    citation = _citation(record)
    if citation:
        out.append((work, DCTERMS.bibliographicCitation, context.literal(citation)))
    out += _series(work, record, context)
    if record.journal is not None:
        out += _journal(work, record.journal, context)
    return out


def _citation(record: Record) -> str:
    """The record's lines as the page printed them (title, byline, imprint)."""
    printed = record.as_printed
    lines = [printed.title or record.title, printed.byline, printed.imprint]
    return "\n".join(line.strip() for line in lines if line and line.strip())


def _series(work: URIRef, record: Record, context: Context) -> list[Triple]:
    ref = series_ref(record)
    if ref is None or record.series is None:
        return []
    series = context.iri(ref)
    name = context.literal(ref.label)
    out: list[Triple] = [
        (series, RDF.type, SDO.CreativeWorkSeries),
        (series, RDF.type, BIBO.Series),
        (series, SDO.name, name),
        (series, DCTERMS.title, name),
        (work, SDO.isPartOf, series),
        (work, DCTERMS.isPartOf, series),
        (series, SDO.hasPart, work),
    ]
    if record.series.number:
        number = context.literal(record.series.number)
        out += [(work, SDO.position, number), (work, BIBO.number, number)]
    return out


def _journal(work: URIRef, journal: Journal, context: Context) -> list[Triple]:
    """Article → issue → volume → periodical; missing levels are skipped, not invented."""
    ref = periodical_ref(journal.name, context.periodicals)
    periodical = context.iri(ref)
    name = context.literal(ref.label)
    out: list[Triple] = [
        (periodical, RDF.type, SDO.Periodical),
        (periodical, RDF.type, BIBO.Journal),
        (periodical, SDO.name, name),
        (periodical, DCTERMS.title, name),
    ]
    parent = periodical
    if journal.volume:
        volume = context.iris.part(periodical, f"volume-{journal.volume}")
        out += _level(volume, _VOLUME, journal.volume, parent, context)
        parent = volume
    if journal.issue:
        prefix = f"volume-{journal.volume}-" if journal.volume else ""
        issue = context.iris.part(periodical, f"{prefix}issue-{journal.issue}")
        out += _level(issue, _ISSUE, journal.issue, parent, context)
        parent = issue
    out += [(work, SDO.isPartOf, parent), (work, DCTERMS.isPartOf, parent)]
    return out + _pages(work, journal.pages, context)


# A level of a periodical: its schema.org and BIBO classes, and its number's two properties.
_VOLUME = ((SDO.PublicationVolume, BIBO.Volume), (SDO.volumeNumber, BIBO.volume))
_ISSUE = ((SDO.PublicationIssue, BIBO.Issue), (SDO.issueNumber, BIBO.issue))


def _level(
    node: URIRef,
    terms: tuple[tuple[URIRef, URIRef], tuple[URIRef, URIRef]],
    number: str,
    parent: URIRef,
    context: Context,
) -> list[Triple]:
    """A volume or an issue: typed in both vocabularies, numbered, and part of its parent."""
    classes, number_properties = terms
    out: list[Triple] = [(node, RDF.type, cls) for cls in classes]
    out += [(node, prop, context.literal(number)) for prop in number_properties]
    return [*out, (node, SDO.isPartOf, parent), (node, DCTERMS.isPartOf, parent)]


def _pages(work: URIRef, pages: str | None, context: Context) -> list[Triple]:
    if not pages:
        return []
    literal = context.literal
    out: list[Triple] = [(work, SDO.pagination, literal(pages)), (work, BIBO.pages, literal(pages))]
    match = _PAGE_RANGE.match(pages)
    if match:
        # isdecimal, not isdigit: `²` is a digit int() cannot read (the build stopped on it).
        start, end = (literal(int(p)) if p.isdecimal() else literal(p) for p in match.groups())
        out += [(work, SDO.pageStart, start), (work, BIBO.pageStart, start)]
        out += [(work, SDO.pageEnd, end), (work, BIBO.pageEnd, end)]
    return out
