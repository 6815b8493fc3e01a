"""Imprint (citation) lines → place, publisher, year, pages, series, journal, report number."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.ingest.authority import Authority
from kg.ingest.text import clean, strip_trailing_period
from kg.records import Journal, Series

_YEAR = r"(?:19|20)\d\d"
_PAGES = re.compile(r"[.,:]?\s*(\d+)\s*(?:p\b\.?|pages?\b|pp\b\.?)\s*\.?\s*$", re.IGNORECASE)
_YEAR_END = re.compile(rf"[\s.,:]*\b({_YEAR})\s*\.?\s*$")
_JOURNAL_PATTERNS = (
    # Security Journal (2024) 37:1483–1508
    re.compile(
        rf"^(?P<name>.+?)\s*\((?P<year>{_YEAR})\)\s*(?P<volume>\d+)\s*:\s*(?P<pages>[\d–-]+)$"
    ),
    # Sociological Science 11: 934-964, 2024.
    re.compile(
        rf"^(?P<name>\D+?)\s+(?P<volume>\d+)\s*:\s*(?P<pages>[\d–-]+),?\s*(?P<year>{_YEAR})?$"
    ),
    # Annual Review of Criminology, Vol. 3 (2020), pp. 139–163
    re.compile(
        rf"^(?P<name>.+?),?\s*Vol(?:ume|\.)?\s*(?P<volume>\d+)\s*(?:\((?P<year>{_YEAR})\))?,?"
        r"\s*(?:(?:Issue|No\.?)\s*(?P<issue>\d+),?)?\s*(?:pp?\.?|Pages?)?\s*(?P<pages>[\d–-]+)?$",
        re.IGNORECASE,
    ),
)
_SERIES_NO = re.compile(
    r"^(?P<name>[^:]+?)\s+no\.?\s+(?P<number>[\w-]+)[.,]?\s*(?P<rest>.*)$", re.IGNORECASE
)
_SERIES_NUM = re.compile(
    r"^(?P<name>(?:[A-Z][a-z]+\s){1,3}(?:Bulletin|Paper|Report|Brief))\s+(?P<number>\d+)\s+"
    r"(?P<rest>.*)$"
)
_REPORT_ID = re.compile(r"^(?P<id>[A-Z]{2,}(?:-[A-Z0-9]+)*-\d+)\b[.,]?\s*(?P<rest>.*)$")
_ACRONYM_PAREN = re.compile(r"^(?P<name>.+?)\s*\((?P<acr>[A-Za-z][\w ]{1,14})\)$")
_ACRONYM_DASH = re.compile(r"^(?P<name>.+?)\s+-\s+(?P<acr>[A-Z][A-Za-z]{1,9})$")
_ACRONYM_PIPE = re.compile(r"^(?P<acr>[A-Z]{2,10})\s*\|\s*(?P<name>.+)$")


@dataclass(slots=True)
class Imprint:
    """What an imprint line says; every field optional."""

    publishers: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    year: int | None = None
    page_count: int | None = None
    series: Series | None = None
    journal: Journal | None = None
    report_id: str | None = None
    publisher_acronym: str | None = None
    publisher_unit: str | None = None


def parse_imprint(line: str, authority: Authority) -> Imprint:
    """Parse one imprint line (already joined if it was split over paragraphs)."""
    text = clean(line)
    out = Imprint()
    journal = _journal(text)
    if journal is not None:
        out.journal, out.year = journal
        return out
    text = _take_pages(text, out)
    text = _take_year(text, out)
    text = _take_series(text, out)
    _take_place_publisher(text, out, authority)
    return out


def _journal(text: str) -> tuple[Journal, int | None] | None:
    if re.search(r"\d+\s*p\.?$|pages$", text):
        return None
    for pattern in _JOURNAL_PATTERNS:
        m = pattern.match(strip_trailing_period(text))
        if m and not re.search(r":\s*\D", m["name"]):
            groups = m.groupdict()
            journal = Journal(
                name=clean(m["name"]).rstrip(","),
                volume=groups.get("volume"),
                issue=groups.get("issue"),
                pages=groups.get("pages"),
            )
            return journal, int(m["year"]) if groups.get("year") else None
    return None


def _take_pages(text: str, out: Imprint) -> str:
    m = _PAGES.search(text)
    if m:
        out.page_count = int(m[1])
        text = text[: m.start()]
    return text


def _take_year(text: str, out: Imprint) -> str:
    m = _YEAR_END.search(text)
    if m:
        out.year = int(m[1])
        text = text[: m.start()]
    return text.strip(" ,.:")


def _take_series(text: str, out: Imprint) -> str:
    m = _REPORT_ID.match(text)
    if m:
        out.report_id = m["id"]
        return m["rest"]
    m = re.match(r"^WORKING PAPER\s+No\.?\s*(?P<number>[\w-]+),\s*(?P<rest>.*)$", text, re.I)
    if m:
        out.series = Series("Working Paper", m["number"])
        out.report_id = m["number"]
        return m["rest"]
    for pattern in (_SERIES_NO, _SERIES_NUM):
        m = pattern.match(text)
        if m:
            out.series = Series(clean(m["name"]), m["number"])
            return m["rest"]
    return text


def _take_place_publisher(text: str, out: Imprint, authority: Authority) -> None:
    text = text.strip(" ,.:")
    if not text:
        return
    place, sep, publisher = text.partition(":")
    if not sep:
        place, publisher = "", text
    publisher = strip_trailing_period(publisher.strip())
    publisher, out.publisher_unit = _split_unit(publisher)
    name, acronym = _split_acronym(publisher)
    known = authority.lookup(name) or (authority.lookup(acronym) if acronym else None)
    if known is not None:
        if name != known.name and authority.is_acronym(name):
            acronym = acronym or name
        name = known.name
    out.publishers = [name] if name else []
    out.publisher_acronym = acronym
    if place.strip():
        out.places = [clean(place)]


def _split_unit(publisher: str) -> tuple[str, str | None]:
    head, sep, tail = publisher.rpartition(",")
    if sep and re.search(r"\b(Division|Department|Unit|Office|Section|Branch)\b", tail):
        return head.strip(), clean(tail)
    return publisher, None


def _split_acronym(publisher: str) -> tuple[str, str | None]:
    publisher = re.sub(r"^the\s+", "", publisher.strip(), flags=re.IGNORECASE)
    for pattern in (_ACRONYM_PAREN, _ACRONYM_DASH, _ACRONYM_PIPE):
        m = pattern.match(publisher)
        if m:
            return clean(m["name"]), clean(m["acr"])
    return publisher, None
