"""Journal citations in their many shapes → journal name, volume, issue, pages and year.

Shapes (docs/inputs.md): `Journal of X (2023) 12:301–322`, `Journal of X 9: 10-30, 2022.`,
`Annual Review of X, Vol. 4 (2021), pp. 11–33`, `Annual Review of XVol. 4:11-3, 2021.` (glued),
`Annual Review of X, Volume 6, Page 100 - 120`, `Journal of XVolume 600, Issue 1, March 2022,
Pages 10-20`, `Journal of X Volume 40, Issue 2, May 2023, 100123` (article number), `X Online
First, March 3, 2024`, and a journal name alone.
"""

from __future__ import annotations

import re

from kg.ingest.names import has_org_word
from kg.ingest.text import search_end_count
from kg.records import Journal

YEAR = r"(?:19|20)\d\d"
_LOCATOR = re.compile(
    r"(?=[,\s(Vv])"  # what every branch starts with (a fast test at each position)
    rf"(?:,?\s*\((?={YEAR}\)\s*\d)"  # (2023) 12:301
    r"|,?\s*(?<=[A-Za-z,.\s])[Vv]ol(?:ume|\.)?\s*(?=\d)"  # , Vol. 4 / XVolume 600 / volume 9
    r"|,?\s+(?=\d+\s*(?:\(\d+\))?\s*:\s*\d)"  # 9: 10-30 / 12(3): 45
    r"|,\s*(?=\d+\s*\(\d+\)\s*,\s*\d)"  # , 22(1), 45-67 (APA)
    r"|,?\s+(?=Online First\b))"
)
_NAME_ONLY = re.compile(
    r"\b(?:Journal|Review|Quarterly|Annals|Proceedings|Letters|Law Review|Bulletin of)\b"
)
_COUNT_AT_END = re.compile(r"\b\d+\s*(?:p|pp|pages?)\.?$", re.IGNORECASE)
_VOLUME = re.compile(
    r"[Vv]ol(?:ume|\.)?\s*(\d+)|^[\s,]*(?:\(\d{4}\)\s*)?(\d+)\s*(?:\(\d+\))?\s*:"
    r"|^[\s,]*(\d+)\s*\(\d+\)\s*,"
)
_ISSUE = re.compile(
    r"(?:Issue|Iss\.|No\.?|Number)\s*(\d+)|\d\s*\((\d{1,3})\)\s*[:,]", re.IGNORECASE
)
_PAGES = re.compile(
    r"(?:\bpp?\.?|\bPages?)\s*(\d+(?:\s*[-–]\s*\d*)?)|:\s*(\d+(?:\s*[-–]\s*\d*)?)"
    r"|\)\s*,\s*(\d+\s*[-–]\s*\d+)",
    re.IGNORECASE,
)
_ARTICLE = re.compile(r",\s*(e?\d{4,})\.?$")
_YEAR = re.compile(rf"\b({YEAR})\b")

# Patterns of the helpers below, compiled once.
_PAGE_RANGE = re.compile(r"\bPages?\s+\d+\s*[-–]")
_SERIES_NUMBER = re.compile(r"\bno\.?\s*\d", re.IGNORECASE)
_DASH_SPACES = re.compile(r"\s*([-–])\s*")
_DIGIT = re.compile(r"\d")
_NAME_AND_YEAR = re.compile(rf"^(?P<name>[^:]+?)[\s,.]*(?:\(?(?P<year>{YEAR})\)?)?$")


def parse_journal(text: str) -> tuple[Journal, int | None] | None:
    """The journal and year of a citation line, or None when it is not a journal citation."""
    text = text.strip().rstrip(".")
    if search_end_count(_COUNT_AT_END, text) and not ("Page" in text and _PAGE_RANGE.search(text)):
        return None
    m = _LOCATOR.search(text)
    if m is None:
        return _name_only(text)
    name, tail = text[: m.start()].strip(" ,.;"), text[m.start() :]
    if not name or _SERIES_NUMBER.search(name):
        return None
    if ":" in name and not _NAME_ONLY.search(name.partition(":")[2]):
        return None  # `Place: Publisher`, unless `Policing: An International Journal`
    volume = _first(_VOLUME.search(tail))
    pages = _first(_PAGES.search(tail))
    if pages is None:
        article = _ARTICLE.search(tail)
        if article and not _YEAR.fullmatch(article[1]):
            pages = article[1]
    issue = _first(_ISSUE.search(tail))
    years = _YEAR.findall(_PAGES.sub(" ", tail))
    if volume is None and pages is None and "Online First" not in tail and not years:
        return None
    pages = _DASH_SPACES.sub(r"\1", pages) if pages else None
    return Journal(name, volume, issue, pages), int(years[-1]) if years else None


def _name_only(text: str) -> tuple[Journal, int | None] | None:
    """`Journal of X` alone, or with a year (`Journal of X, 2023`)."""
    m = _NAME_AND_YEAR.match(text)
    if not m or not _NAME_ONLY.search(m["name"]) or _DIGIT.search(m["name"]):
        return None
    if has_org_word(m["name"]) and not m["name"].startswith("Journal"):
        return None  # `Child Safeguarding Practice Review Panel` publishes; it is no journal
    return Journal(m["name"].strip(" ,.")), int(m["year"]) if m["year"] else None


def _first(m: re.Match[str] | None) -> str | None:
    if m is None:
        return None
    return next((g for g in m.groups() if g), None)
