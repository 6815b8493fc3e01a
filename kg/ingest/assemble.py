"""A record's block of lines + its page header → a Record, or a Rejected with the reason."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from kg.ingest.authority import Authority
from kg.ingest.byline import parse_byline, strip_by
from kg.ingest.cited_in_full import without_authors_and_title
from kg.ingest.imprint import Imprint, gazetteer_for, parse_imprint
from kg.ingest.lines import Unit
from kg.ingest.names import is_acronym, is_shouting, title_case
from kg.ingest.page import PageHeader
from kg.ingest.periodicals import Periodicals
from kg.ingest.places import Places
from kg.ingest.segment import ABSTRACT, BYLINE, IMPRINT, Block
from kg.ingest.series import LANGUAGE_NOTE, series_alone
from kg.ingest.tail import report_number_alone
from kg.ingest.text import clean, has_digit
from kg.records import AsPrinted, Contributor, Record, Rejected, Series, Source

_EDITION_NOTE = re.compile(r"\s*\[(?P<note>[^\]]+)\]\s*$")
# What a web listing prints around a title: the file's format and size (`(PDF)`, `[PDF, 2.3
# MB]`) after it, a `Title:` label before it.
_FILE_NOTE = re.compile(
    r"\s*[(\[](?:pdf|docx?|html?|epub|rtf)(?:\s*[,;–-]\s*[\d.,]+\s*[kmg]i?b)?[)\]]$", re.IGNORECASE
)
# A language note in brackets after a title (`(En español)`, `(French version)`).
_BRACKETED_END = re.compile(r"\s*\((?P<note>[^()]{2,40})\)$")
_TITLE_LABEL = re.compile(r"^title\s*:\s*(?=\S)", re.IGNORECASE)
_BULLET_SERIES = re.compile(
    r"^[•●▪◦*-]\s*(?P<name>[A-Z][^.:;]{2,80}?(?:Report|Paper|Brief|Bulletin|Series|Note))\s+"
    r"(?:no\.?\s*)?(?P<number>[\w-]*\d[\w-]*)\.?$",
    re.IGNORECASE,
)
_BULLETS = frozenset("•●▪◦*-")  # what _BULLET_SERIES starts with


@dataclass(frozen=True, slots=True)
class Lexicon:
    """What ingest looks names up in: the agent authority file, the place list and the
    periodical list."""

    authority: Authority
    places: Places
    periodicals: Periodicals = field(default_factory=lambda: Periodicals({}))


def assemble(block: Block, header: PageHeader, file: str, lex: Lexicon) -> Record | Rejected:
    """The record a block describes, or why it cannot be one."""
    source = Source(file, block.line)
    title, bylines = block.title, block.units(BYLINE)
    reason = block.reason()
    if reason is not None or title is None:
        return Rejected(source, reason or _NO_TITLE, tuple(u.raw for _r, u in block.lines))
    abstract_units, imprint_units = block.units(ABSTRACT), block.units(IMPRINT)
    # A record without a byline is read without contributors (some works name none).
    contributors = _contributors(bylines, lex) if bylines else ()
    text, edition_note = _title(title.text)
    # A series statement printed as an imprint line of its own (after the imprint, say).
    series_lines = (
        [u for u in imprint_units if series_alone(u.text) is not None]
        if len(imprint_units) > 1
        else []
    )
    # A report number printed as a line of its own (`NCJ 305102` under the imprint).
    report_lines = (
        [u for u in imprint_units if report_number_alone(u.text) is not None]
        if len(imprint_units) > 1
        else []
    )
    aside = series_lines + report_lines
    lines = [u for u in imprint_units if u not in aside] or imprint_units
    cut = without_authors_and_title(_joined(lines), text)
    cited = _without_title(cut.rest, text)
    imprint = parse_imprint(cited, lex.authority, lex.places, lex.periodicals.lookup)
    if imprint.year is None and cut.year is not None:  # `Roe, J. (2021). Title. …`
        imprint.year, imprint.year_as_printed = cut.year, str(cut.year)
    if report_lines and lines is not imprint_units:
        imprint.report_id = imprint.report_id or report_number_alone(report_lines[0].text)
    if imprint.series is None and series_lines and lines is not imprint_units:
        imprint.series = series_alone(series_lines[0].text)
    _resolve_acronym(imprint, contributors, " ".join(u.text for u in bylines))
    if imprint.series is None and abstract_units:
        imprint.series = _bullet_series(abstract_units[-1].text)
    if imprint.series is None:
        imprint.series = _title_series(text)
    topics, subject_places = _topics(header, lex.places)
    printed_imprint = "\n".join([u.raw for u in imprint_units])
    return Record(
        title=text,
        source=source,
        contributors=contributors,
        section=header.section,
        abstract="\n\n".join([u.text for u in abstract_units]) or None,
        topics=topics,
        subject_places=subject_places,
        edition_note=edition_note,
        as_printed=AsPrinted(title.raw, "\n".join(u.printed for u in bylines), printed_imprint),
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


def _joined(units: list[Unit]) -> str:
    """An imprint's lines as one text, each line ending a sentence (`… N°183` / `Brussels: …`)."""
    texts = [u.text for u in units]
    return " ".join(t if t.endswith((".", ",", ":", ";")) or i == len(texts) - 1 else t + "."
                    for i, t in enumerate(texts))  # fmt: skip


_QUOTES = "‘’'\"“” "


def _without_title(cited: str, title: str) -> str:
    """A citation without the work's title printed again at its start (`Title. Journal, 15 (2).
    (2021) pp. 1–20.`, as repositories cite an article): what follows is the journal."""
    bare, cited_bare = title.strip(_QUOTES), cited.lstrip(_QUOTES)
    short = _SHORT_TITLE.match(cited_bare) if "rint" in cited_bare else None
    if short and len(short["head"]) >= 8 and bare.casefold().startswith(short["head"].casefold()):
        return cited_bare[short.end("head") :].lstrip()  # `Sweet Spots Pre-Print 2020-07`
    if len(bare) < 12 or cited_bare[: len(bare)].casefold() != bare.casefold():
        return cited
    rest = cited_bare[len(bare) :]
    return rest[2:].lstrip() if rest[:2] in (". ", "? ", "! ") else cited


# The title's first words, then a preprint's status: a short title, not a publisher.
_SHORT_TITLE = re.compile(r"(?P<head>[^.:;,]+?)\s+(?=Pre-?print\b)", re.IGNORECASE)

_NO_TITLE = "a record with no title line — add the title line"


def _contributors(bylines: list[Unit], lex: Lexicon) -> tuple[Contributor, ...]:
    """Every byline line's contributors, in order, each name once."""
    if len(bylines) == 1:
        return _without_places(parse_byline(bylines[0].printed, lex.authority), lex)
    seen: dict[str, Contributor] = {}
    for unit in bylines:
        for c in _without_places(parse_byline(unit.printed, lex.authority), lex):
            seen.setdefault(c.name.casefold(), c)
    return tuple(seen.values())


def _without_places(found: tuple[Contributor, ...], lex: Lexicon) -> tuple[Contributor, ...]:
    """`By Center for Court Innovation, New York`: a place after a body is where it is, no
    person."""
    kept = [
        c
        for i, c in enumerate(found)
        if not (i and found[i - 1].kind == "organization" and _a_place(c, lex))
    ]
    return found if len(kept) == len(found) else tuple(kept)


def _a_place(contributor: Contributor, lex: Lexicon) -> bool:
    return contributor.kind == "person" and gazetteer_for(lex.places).is_place(contributor.name)


def _title(text: str) -> tuple[str, str | None]:
    if text[-1:] in ")]" and (file_note := _FILE_NOTE.search(text)) is not None:
        text = text[: file_note.start()]
    if text[:1] in "Tt" and (label := _TITLE_LABEL.match(text)) is not None:
        text = text[label.end() :]
    m = _EDITION_NOTE.search(text) if "]" in text else None
    note = None
    if m and m.start() > 0:
        text, note = text[: m.start()].strip(), m["note"]
    elif text[-1:] == ")":
        text, note = _language_note(text)
    if is_shouting(text):
        text = title_case(text)
    return text, note


def _language_note(text: str) -> tuple[str, str | None]:
    """The title without a language note in brackets at its end (`(En español)`), and the note."""
    m = _BRACKETED_END.search(text)
    if m and m.start() > 0 and LANGUAGE_NOTE.match(m["note"]):
        return text[: m.start()].strip(), m["note"]
    return text, None


def _resolve_acronym(imprint: Imprint, contributors: tuple[Contributor, ...], byline: str) -> None:
    """A publisher printed short, spelled out in the byline: `Vienna: ABC, 2024.` after
    `By Alliance for Better Cities (ABC)`; `New York: MTA` after `…, Metropolitan Transportation
    Authority`; `Washington, DC: The Commission` after `By the U.S. Commission on Civil Rights`;
    `The Authors` are the byline's."""
    if len(imprint.publishers) != 1:
        return
    printed = imprint.publishers[0]
    if _the_authors(printed) and contributors:
        imprint.publishers = [c.name for c in contributors]  # published by its authors
    elif is_acronym(printed):
        for c in contributors:
            if c.kind == "organization" and (
                _initials(c.name) == printed or f"({printed})" in byline
            ):
                imprint.publishers = [c.name]
                imprint.publisher_acronym = imprint.publisher_acronym or printed
                return
        for phrase in _PHRASES.split(strip_by(byline)[0]):
            phrase = _LEADING_THE.sub("", phrase.strip(" ."))
            if len(phrase.split()) > 1 and _initials(phrase) == printed:
                imprint.publishers = [phrase]
                imprint.publisher_acronym = imprint.publisher_acronym or printed
                return
    elif _back_reference(imprint.publisher_as_printed or printed):
        phrase = f" {printed.casefold()} "  # `Task Force`, `Commission`
        bodies = [c for c in contributors if c.kind == "organization"]
        named = [c for c in bodies if phrase in f" {c.name.casefold()} "]
        if len(named) == 1:
            imprint.publishers = [named[0].name]


_THE_AUTHORS = re.compile(r"^(?:the\s+)?authors?(?:\s*\(s\))?$", re.IGNORECASE)
_PHRASES = re.compile(r"\s*(?:[,;|()·]|\band\b|&)\s*")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_BACK_REFERENCE = re.compile(r"^the\s+(?:[A-Z][a-z]+\s+){0,2}[A-Z][a-z]+$", re.IGNORECASE)
# (No letter but `t`, `T`, `a` and `A` is a `t` or an `a` to the patterns' case folding: their
# first letters tell them before the patterns, which most publishers' names fail.)


def _the_authors(name: str) -> bool:
    """`The Authors`, `Author(s)`: the publisher is the byline's, told by its first letter first."""
    return name[:1] in "TtAa" and _THE_AUTHORS.match(name) is not None


def _back_reference(name: str) -> bool:
    """`The Commission`: a body named before, told by its `The` first."""
    return name[:1] in "Tt" and _BACK_REFERENCE.match(name) is not None


def _initials(name: str) -> str:
    """`Metropolitan Transportation Authority` → `MTA` (capitalised words only)."""
    return "".join(w[0] for w in name.replace("-", " ").split() if w[0].isupper())


_TITLE_SERIES = re.compile(
    r":\s*(?P<name>[^:]{3,80}?),?\s+(?:vol\.?|volume|book|part)\s*(?P<number>[IVXLC]+|\d+)\.?$",
    re.IGNORECASE,
)


def _title_series(title: str) -> Series | None:
    """`Judicial tribunals …: The trial in history, vol. I`: the series named in the title."""
    m = _TITLE_SERIES.search(title) if ":" in title else None
    return Series(m["name"].strip(), m["number"]) if m else None


def _bullet_series(text: str) -> Series | None:
    """A series hidden as the abstract's last bullet: `• Research Report no. 12`."""
    # The number is in the last word: a digit there first (a cheap test before the pattern).
    may = text[:1] in _BULLETS and has_digit(text.rsplit(None, 1)[-1])
    m = _BULLET_SERIES.match(text) if may else None
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
