"""A record's block of lines + its page header → a Record, or a Rejected with the reason."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.ingest.authority import Authority
from kg.ingest.byline import parse_byline
from kg.ingest.imprint import Imprint, parse_imprint
from kg.ingest.names import is_acronym, is_shouting, title_case
from kg.ingest.page import Block, PageHeader, Unit, looks_like_imprint
from kg.ingest.places import Places
from kg.ingest.text import clean
from kg.records import AsPrinted, Contributor, Record, Rejected, Series, Source

_EDITION_NOTE = re.compile(r"\s*\[(?P<note>[^\]]+)\]\s*$")
_BULLET_SERIES = re.compile(
    r"^[•●▪◦*-]\s*(?P<name>[A-Z][^.:;]{2,80}?(?:Report|Paper|Brief|Bulletin|Series|Note))\s+"
    r"(?:no\.?\s*)?(?P<number>[\w-]*\d[\w-]*)\.?$",
    re.IGNORECASE,
)
_BULLETS = frozenset("•●▪◦*-")  # what _BULLET_SERIES starts with
MAX_IMPRINT_UNITS = 3


@dataclass(frozen=True, slots=True)
class Lexicon:
    """What ingest looks names up in: the agent authority file and the place list."""

    authority: Authority
    places: Places


def assemble(block: Block, header: PageHeader, file: str, lex: Lexicon) -> Record | Rejected:
    """The record a block describes, or why it cannot be one."""
    source = Source(file, block.line)
    abstract_units, imprint_units = _split_imprint(block.rest)
    reason = _missing(block, imprint_units)
    if reason is not None or block.title is None or block.byline is None:
        printed = tuple(u.raw for u in (block.title, block.byline, *block.rest) if u is not None)
        return Rejected(source, reason or "", printed)
    # A byline that names no one still makes a record: the build's shapes quarantine it.
    contributors = parse_byline(block.byline.raw, lex.authority)
    title, edition_note = _title(block.title.text)
    imprint = parse_imprint(" ".join([u.text for u in imprint_units]), lex.authority, lex.places)
    _resolve_acronym(imprint, contributors, block.byline.text)
    if imprint.series is None and abstract_units:
        imprint.series = _bullet_series(abstract_units[-1].text)
    topics, subject_places = _topics(header, lex.places)
    printed_imprint = "\n".join([u.raw for u in imprint_units])
    return Record(
        title=title,
        source=source,
        contributors=contributors,
        section=header.section,
        abstract="\n\n".join([u.text for u in abstract_units]) or None,
        topics=topics,
        subject_places=subject_places,
        edition_note=edition_note,
        as_printed=AsPrinted(block.title.raw, block.byline.raw, printed_imprint),
        publishers=tuple(imprint.publishers),
        places=tuple(imprint.places),
        year=imprint.year,
        year_as_printed=imprint.year_as_printed,
        page_count=imprint.page_count,
        series=imprint.series,
        journal=imprint.journal,
        report_id=imprint.report_id,
        publisher_acronym=imprint.publisher_acronym,
        publisher_unit=imprint.publisher_unit,
        publisher_as_printed=imprint.publisher_as_printed,
    )


def _missing(block: Block, imprint_units: list[Unit]) -> str | None:
    """Why a block cannot be a record (`what is wrong — what to do`), or None."""
    if block.title is None:
        return "a byline with no title before it — add the title line"
    if block.byline is None:
        return "a title and imprint with no byline between them — add the By line"
    if not imprint_units:
        return "no imprint line (place: publisher, year) — add the citation line"
    return None


def _split_imprint(rest: list[Unit]) -> tuple[list[Unit], list[Unit]]:
    """(abstract, imprint): the imprint is the trailing run of citation-like lines.

    A last line that is short and not prose counts as an imprint even without the marks of one
    (a journal name alone); a record whose last line is prose has no imprint.
    """
    n = 0
    while n < min(len(rest), MAX_IMPRINT_UNITS) and looks_like_imprint(rest[-1 - n].text):
        n += 1
    if n == 0 and rest and _short_non_prose(rest[-1].text) and len(rest) > 1:
        n = 1
    return rest[: len(rest) - n], rest[len(rest) - n :]


def _short_non_prose(text: str) -> bool:
    return len(text) <= 120 and len(text.split()) <= 14 and not text.startswith(("•", "-"))


def _title(text: str) -> tuple[str, str | None]:
    m = _EDITION_NOTE.search(text) if "]" in text else None
    note = None
    if m and m.start() > 0:
        text, note = text[: m.start()].strip(), m["note"]
    if is_shouting(text):
        text = title_case(text)
    return text, note


def _resolve_acronym(imprint: Imprint, contributors: tuple[Contributor, ...], byline: str) -> None:
    """`Vienna: ABC, 2024.` when the byline spells out `Alliance for Better Cities (ABC)`."""
    if len(imprint.publishers) != 1 or not is_acronym(imprint.publishers[0]):
        return
    acronym = imprint.publishers[0]
    for c in contributors:
        initials = "".join(w[0] for w in c.name.split() if w[0].isupper())
        if c.kind == "organization" and (initials == acronym or f"({acronym})" in byline):
            imprint.publishers = [c.name]
            imprint.publisher_acronym = imprint.publisher_acronym or acronym
            return


def _bullet_series(text: str) -> Series | None:
    """A series hidden as the abstract's last bullet: `• Research Report no. 12`."""
    m = _BULLET_SERIES.match(text) if text[:1] in _BULLETS else None
    return Series(clean(m["name"]), m["number"]) if m else None


@lru_cache(maxsize=1_024)
def _topics(header: PageHeader, places: Places) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Topics (section heading, category or tag) and the tags that are places (the same for
    every record of a page: cached)."""
    topics: list[str] = [header.section] if header.section else []
    subject_places: list[str] = []
    for value in (header.category, header.tag):
        if not value:
            continue
        place = places.lookup(value)
        if place is not None:
            subject_places.append(place.name)
        else:
            topics.append(normalise_topic(value))
    return tuple(dict.fromkeys(topics)), tuple(subject_places)


def normalise_topic(value: str) -> str:
    """`violence and oppression` → `Violence and Oppression` (site tags vary in case)."""
    value = clean(value)
    return title_case(value) if value.islower() or value.isupper() else value
