"""Imprint (citation) lines → place, publisher, year, pages, series, journal, report number.

Families (docs/inputs.md): `Place: Publisher, Year. Np.` with its defects,
publisher only or first, books (`NY. Bantam House. 1994. 301p.`), journals (journal.py), series
and report numbers first, months, missing, truncated or forthcoming years.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.ingest.authority import Authority
from kg.ingest.journal import YEAR, parse_journal
from kg.ingest.names import has_org_word, is_acronym, is_org_like
from kg.ingest.places import Places
from kg.ingest.text import (
    clean,
    ends_like_number,
    ends_with_initial,
    extend_led,
    last_mark,
    search_end,
    search_end_count,
    search_end_led,
    strip_trailing_period,
)
from kg.records import Journal, Series

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|Spring|Summer|Autumn|Fall|Winter)"
)
# Separators before a year or page count; a full stop after an initial (`D.C.`) stays.
_LEAD = r"(?:\s|[,:;]|(?<!\b[A-Z])\.)*"
_PAGE_COUNT = r"\b(\d+)\s*(?:p|pp|pgs?|pages?)\b\.?\s*$"
_PAGES = re.compile(_LEAD + _PAGE_COUNT, re.IGNORECASE)
_PAGES_CORE = re.compile(_PAGE_COUNT, re.IGNORECASE)  # without the separators before it
_BARE_PAGES = re.compile(rf"(\b{YEAR}\b\)?)[.,]?\s+(\d{{1,4}})\.?\s*$")
_YEAR_END_CORE = (
    r"(?=[JFMASONDW(12])"  # a month, a bracket or a year: a fast test at each position
    rf"(?:\b{_MONTH}\.?\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?)?\(?(?P<year>{YEAR})\)?[\s.]*$"
)
_YEAR_END = re.compile(_LEAD + _YEAR_END_CORE)
_NO_YEAR_CORE = r"\b(?P<printed>forthcoming|in press|n\.\s?d\.?|(?:19|20)\d\b)[\s.]*$"
_NO_YEAR = re.compile(_LEAD + _NO_YEAR_CORE, re.IGNORECASE)
# The same without the separators before them, to find where they start (search_end_led).
_CORES = {
    _YEAR_END: re.compile(_YEAR_END_CORE),
    _NO_YEAR: re.compile(_NO_YEAR_CORE, re.IGNORECASE),
}
_WORKING_PAPER = re.compile(
    r"^(?P<name>working paper|discussion paper)\s+No\.?\s*(?P<number>[\w./-]+)[,.:]?\s*"
    r"(?P<rest>.*)$",
    re.IGNORECASE,
)
_SERIES_NO = re.compile(
    r"^(?P<name>[^:]+?),?\s+(?:no|nr|number)\.?\s*(?P<number>[\w./-]*\d[\w./-]*)[.,:;]?\s*"
    r"(?P<rest>.*)$",
    re.IGNORECASE,
)
# What _SERIES_NO and _SERIES_WORD cannot match without: cheap tests before them.
_NUMBER_WORD = re.compile(r"\s(?:no|nr|number)", re.IGNORECASE)
_SERIES_WORDS = ("Bulletin", "Paper", "Report", "Brief", "Series", "Note", "Monograph", "Book",
                 "Volume")  # fmt: skip
_SERIES_WORD = re.compile(
    r"^(?P<name>(?:(?:[A-Z][\w&'’-]*|of|on|and|for|the|in|&)\s+){0,6}?"
    r"(?:Bulletin|Paper|Papers|Report|Reports|Brief|Briefs|Series|Notes?|Monograph|Book|Volume))"
    r"\s+(?P<number>[A-Z]{0,4}-?\d[\w-]*)\b[.,:;]?\s*(?P<rest>.*)$"
)
_REPORT_ID = re.compile(
    r"^(?P<id>[A-Z]{2,}[A-Z0-9]*(?:-[A-Z0-9]+)*-\d+[A-Z]?)\b[.,:;]?\s*(?P<rest>.*)$"
)
_ACRONYM_PAREN = re.compile(
    r"^(?P<name>.+?)\s*\((?P<acr>[A-Za-z][\w &.-]{0,14})\)\.?(?:\s+(?P<unit>.+))?$"
)
_ACRONYM_DASH = re.compile(r"^(?P<name>.+?)\s+[-–]\s+(?P<acr>[A-Z][A-Za-z]{1,9})$")
_ACRONYM_PIPE = re.compile(r"^(?P<acr>[A-Z][A-Za-z]{1,9})\s*\|\s*(?P<name>.+)$")
_UNIT = re.compile(r"\b(?:Division|Department|Unit|Office|Section|Branch|Programme|Program)\b")
_BRACKETED_SERIES = re.compile(r"\s*\((?P<inner>[^()]{3,80})\)\.?\s*$")
_SERIES_NAME = re.compile(r"\b(?:Paper|Report|Brief|Briefing|Series|Bulletin|Notes?|Monograph)s?\b")
_SENTENCE_BREAK = re.compile(r"(?<=[a-z0-9)\]])\.\s+(?=[A-Z])")

# Patterns of the helpers below, compiled once.
_LT_TYPO = re.compile(r"(?<=\w)\s*<\s*(?=[A-Z])")
_NUMBER_LABEL = re.compile(r"\s+(?:Book|Volume)$")
_LETTER = re.compile(r"[A-Za-z]")
_DIGIT = re.compile(r"\d")
_ABBREVIATED_PLACE = re.compile(r"^([A-Z]{2,3}\.)\s+(.*)$")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)


@dataclass(slots=True)
class Imprint:
    """What an imprint line says; every field optional."""

    publishers: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    year: int | None = None
    year_as_printed: str | None = None
    page_count: int | None = None
    series: Series | None = None
    journal: Journal | None = None
    report_id: str | None = None
    publisher_acronym: str | None = None
    publisher_unit: str | None = None
    publisher_as_printed: str | None = None


def parse_imprint(line: str, authority: Authority, places: Places) -> Imprint:
    """Parse one imprint (already joined if it was split over paragraphs)."""
    text = clean(line)
    if "<" in text:
        text = _LT_TYPO.sub(": ", text)  # `Perth< Coastal Trust`
    out = Imprint()
    journal = parse_journal(text)
    if journal is not None:
        out.journal, out.year = journal
        out.year_as_printed = str(out.year) if out.year else None
        return out
    text = _take_trailing_series(text, out)
    text = _take_pages(text, out)
    text = _take_year(text, out)
    text = _take_series(text, out)
    _take_place_publisher(text, out, authority, places)
    return out


def _take_trailing_series(text: str, out: Imprint) -> str:
    """`… 2023. 15p. (Statistical Report no. 45)`: a series in brackets after the imprint."""
    m = _BRACKETED_SERIES.search(text) if last_mark(text) == ")" else None
    if m is None:
        return text
    inner = _SERIES_NO.match(m["inner"]) or _SERIES_WORD.match(m["inner"])
    if inner is not None:
        out.series = Series(clean(inner["name"]).rstrip(" ,."), inner["number"].rstrip(".,"))
    elif _SERIES_NAME.search(m["inner"]):
        out.series = Series(clean(m["inner"]).rstrip(" ,."), None)  # `(Briefing Paper)`
    else:
        return text
    return text[: m.start()].rstrip()


def _take_pages(text: str, out: Imprint) -> str:
    core = search_end_count(_PAGES_CORE, text)
    m = extend_led(_PAGES, core, text) if core else None
    if m:
        out.page_count = int(m[1]) or None
        return text[: m.start()]
    m = search_end(_BARE_PAGES, text) if ends_like_number(text) else None
    if m:  # `2003, 57`: a bare number after the year is the page count
        out.page_count = int(m[2]) or None
        return text[: m.start()] + m[1]
    return text


def _take_year(text: str, out: Imprint) -> str:
    m = _search_led(_YEAR_END, text) if ends_like_number(text) else None
    if m:
        out.year = int(m["year"])
        out.year_as_printed = m["year"]
        return _trim(text[: m.start()])
    m = _search_led(_NO_YEAR, text)
    if m:
        out.year_as_printed = m["printed"]
        return _trim(text[: m.start()])
    return _trim(text)


def _search_led(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    return search_end_led(pattern, _CORES[pattern], text)


def _trim(text: str) -> str:
    """Strip separators, keeping the full stop of a final initial (`Washington D.C.`)."""
    trimmed = text.strip(" ,:;")
    return trimmed if ends_with_initial(trimmed) else trimmed.strip(" ,.:;")


def _take_series(text: str, out: Imprint) -> str:
    m = _REPORT_ID.match(text)
    if m:
        out.report_id = m["id"]
        return m["rest"]
    m = _WORKING_PAPER.match(text)
    if m:
        out.series = Series(m["name"].title(), m["number"].rstrip(".,"))
        out.report_id = m["number"] if _is_identifier(m["number"]) else None
        return m["rest"]
    m = _SERIES_NO.match(text) if _NUMBER_WORD.search(text) else None
    if m is None and any(word in text for word in _SERIES_WORDS):
        m = _SERIES_WORD.match(text)
    if m:
        name = _NUMBER_LABEL.sub("", clean(m["name"]).rstrip(" ,."))
        number = m["number"].rstrip(".,")
        out.series = Series(name, number)
        if _is_identifier(number):
            out.report_id = number
        return m["rest"]
    return text


def _is_identifier(number: str) -> bool:
    return bool(_LETTER.search(number) and _DIGIT.search(number) and "-" in number)


def _take_place_publisher(text: str, out: Imprint, authority: Authority, places: Places) -> None:
    text = _trim(text)
    if not text:
        return
    place, publisher = _place_and_publisher(text, places)
    if place:
        # `London; New York: Routledge`: several places of publication.
        out.places = [places.expand(p) for p in place.split(";") if p.strip()]
    if publisher:
        _set_publisher(strip_trailing_period(publisher), out, authority)


def _place_and_publisher(text: str, places: Places) -> tuple[str, str]:
    if ":" in text:
        place, _, publisher = text.partition(":")
        again, sep, rest = publisher.partition(":")
        if sep and (places.is_place(again) or again.strip() == place.strip()):
            publisher = rest  # the place printed twice
        return place.strip(), publisher.strip()
    parts = [p.strip() for p in _split_sentences(text) if p.strip()]
    if len(parts) >= 2:
        return _two_parts(parts, places)
    trailing = _trailing_place(text, places) if "," in text else None
    if trailing is not None:
        return trailing
    leading = places.split_leading(text)
    if leading and not has_org_word(leading[1].split()[0]) and len(leading[1].split()) >= 2:
        return leading
    return "", text


def _trailing_place(text: str, places: Places) -> tuple[str, str] | None:
    """`RAND Corporation, Santa Monica, CA` → (`Santa Monica, CA`, `RAND Corporation`)."""
    pieces = [p.strip() for p in text.split(",")]
    for cut in range(1, len(pieces)):
        head, tail = ", ".join(pieces[:cut]), ", ".join(pieces[cut:])
        known = places.is_place(tail) or places.is_place(pieces[cut])
        if known and is_org_like(head) and len(tail.split()) <= 5:
            return tail, head
    return None


def _split_sentences(text: str) -> list[str]:
    """Split on `. ` but not after initials (`U.S. Army`, `Washington D.C.`); `NY.` splits."""
    head = _ABBREVIATED_PLACE.match(text)
    if head:
        return [head[1], *_SENTENCE_BREAK.split(head[2])]
    return _SENTENCE_BREAK.split(text)


def _two_parts(parts: list[str], places: Places) -> tuple[str, str]:
    first, second = parts[0], ". ".join(parts[1:])
    if places.is_place(first) or (
        not has_org_word(first)
        and has_org_word(parts[1])
        and len(parts) == 2
        and len(first.split()) <= 3
    ):
        return first, second
    if places.is_place(parts[-1]) or (
        is_org_like(first) and not has_org_word(parts[-1]) and len(parts[-1].split()) <= 4
    ):
        return parts[-1], ". ".join(parts[:-1])
    return "", ". ".join(parts)


def _set_publisher(printed: str, out: Imprint, authority: Authority) -> None:
    out.publisher_as_printed = printed
    name = _LEADING_THE.sub("", printed.strip())
    name, acronym, unit = _split_acronym(name)
    if unit is None:
        head, sep, tail = name.rpartition(",")
        if sep and _UNIT.search(tail) and is_org_like(head):
            name, unit = head.strip(), clean(tail)
    known = authority.lookup(name) or (authority.lookup(acronym) if acronym else None)
    if known is not None:
        if known.name != name and authority.is_acronym(name):
            acronym = acronym or name
        name = known.name
    out.publishers = [name] if name else []
    out.publisher_acronym = acronym
    out.publisher_unit = unit


def _split_acronym(name: str) -> tuple[str, str | None, str | None]:
    m = _ACRONYM_PAREN.match(name) if ")" in name else None
    if m and (is_acronym(m["acr"]) or len(m["acr"].split()) <= 2):
        return clean(m["name"]), clean(m["acr"]), clean(m["unit"]) if m["unit"] else None
    m = _ACRONYM_DASH.match(name) if "-" in name or "–" in name else None
    m = m or (_ACRONYM_PIPE.match(name) if "|" in name else None)
    if m:
        return clean(m["name"]), clean(m["acr"]), None
    return name, None, None
