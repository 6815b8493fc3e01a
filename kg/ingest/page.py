"""Catalogue listing pages (text) → the page header and blocks of lines, one per record, streamed.

A page is an optional header (keyword line, site name, image, section heading, scope line,
"Posts in / tagged / by" line), then records: title · optional junk line · byline · abstract
paragraph(s) · imprint line(s). Fields are separated by blank lines, or not at all on a
single-post page, so the unit here is the non-blank line. The header is read by position (it is
the top of the page); the records by the shape of their lines (segment.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import chain, islice

from kg.ingest.byline import looks_like_byline, split_glued
from kg.ingest.evidence import is_prose, lead_alone, name_list
from kg.ingest.lines import Unit, units
from kg.ingest.segment import Block, segment
from kg.ingest.text import clean

SITE_NAME = r"(?:the\s+)?open access publisher and free library"
_SITE = re.compile(rf"^{SITE_NAME}$", re.IGNORECASE)
_KEYWORDS = re.compile(rf"^.*\s[—–-]\s*{SITE_NAME}$", re.IGNORECASE)
_IMAGE = re.compile(r"^(?P<stem>.{1,80})\.(?:jpe?g|png|gif|webp)$", re.IGNORECASE)
_POSTS = re.compile(r"^Posts\s+(?P<kind>in|tagged|by)\s+(?P<value>.+)$", re.IGNORECASE)
HEADER_MAX = 8
# The site's sections (docs/inputs.md); other ALL-CAPS headings are recognised by position.
SECTIONS = frozenset(
    ["CRIME", "CRIMINOLOGY", "CRIME PREVENTION", "TERRORISM", "CRIMINAL JUSTICE",
     "ENVIRONMENTAL CRIME", "GLOBAL CRIME", "VICTIMIZATION", "WEAPONS", "PUNISHMENT",
     "JUVENILE JUSTICE", "SOCIAL SCIENCES", "HUMAN RIGHTS"]
)  # fmt: skip

# Patterns of the helpers below, compiled once.
_HYPHEN = re.compile(r"\s*-\s*")
_NOT_HEADING = re.compile(r"\d|\s-\s")
_IMAGE_NUMBER = re.compile(r"^\d+[\s_-]*")
_IMAGE_JOINERS = re.compile(r"[+_-]+")
_CAMEL_BOUNDARY = re.compile(r"(?<=[a-z])(?=[A-Z“\"‘'])")


@dataclass(frozen=True, slots=True)
class PageHeader:
    """What the top of a page says about all its records."""

    section: str | None = None
    scope: tuple[str, ...] = ()
    category: str | None = None
    tag: str | None = None
    author: str | None = None
    lines: tuple[Unit, ...] = ()  # the header's own lines


def read_page(lines: Iterable[str]) -> tuple[PageHeader, Iterator[Block]]:
    """The page header and a lazy stream of record blocks (every line after the header is in
    exactly one block)."""
    stream = units(lines)
    top = list(islice(stream, HEADER_MAX))
    header, used = read_header(top)
    return header, segment(_split_glued(chain(top[used:], stream)))


_JUNK_PREFIX = re.compile(
    r"^(?i:read-me\.org|guest\s+user|used\s+book\.?|may\s+contain\s+mark-?\s?up\.?|download)"
    r"\s*(?=[A-Z“\"‘'])"
)


_JUNK_STARTS = frozenset("RrGgUuMmDd")  # what _JUNK_PREFIX can start with


def _split_glued(stream: Iterable[Unit]) -> Iterator[Unit]:
    """Two fields glued on one line become two units of that line: a byline and the abstract's
    first sentence, a junk word and the next title (`Read-Me.OrgPrisons Without Walls`). And a
    byline's lead printed alone (`By`, `Edited by`) is read with the line after it, which keeps
    its own number and printed text (the lead stays a junk line of its own)."""
    lead = None
    for unit in stream:
        if lead is not None and not looks_like_byline(unit.text):
            unit = Unit(unit.line, unit.raw, f"{lead} {unit.text}", lead)
        lead = unit.text.rstrip(": ") if lead_alone(unit.text) else None
        junk = _JUNK_PREFIX.match(unit.text) if unit.text[:1] in _JUNK_STARTS else None
        if junk and len(unit.text) - junk.end() >= 3:
            head = unit.text[: junk.end()].rstrip()
            yield Unit(unit.line, head, head)
            rest = unit.text[junk.end() :]
            unit = Unit(unit.line, rest, rest)
        if len(unit.text) >= 80 and looks_like_byline(unit.text):
            head, glued = split_glued(unit.text)
            if glued is not None:
                yield Unit(unit.line, head, head)
                yield Unit(unit.line, glued, glued)
                continue
        yield unit


def read_header(top: list[Unit]) -> tuple[PageHeader, int]:
    """The header fields and how many units they take."""
    section = image_section = None
    scope: tuple[str, ...] = ()
    posts: dict[str, str] = {}
    own: list[Unit] = []
    i = 0
    while i < len(top):
        text = top[i].text
        nxt = top[i + 1].text if i + 1 < len(top) else ""
        if _SITE.match(text) or _KEYWORDS.match(text):
            pass  # the site name or the keyword line
        elif (image := _IMAGE.match(text)) and i < 4:
            image_section = _section_from_image(image["stem"])
        elif _is_scope(text):
            scope = tuple(clean(t) for t in _HYPHEN.split(text) if t.strip())
        elif _is_heading(text, nxt) and section is None:
            section = text
        elif posts_match := _POSTS.match(text):
            value, glued = _split_glued_title(posts_match["value"])
            posts[posts_match["kind"].casefold()] = value
            if glued is not None:
                printed = top[i].text[: len(top[i].text) - len(glued)].rstrip()
                own.append(Unit(top[i].line, printed, printed))
                top[i] = Unit(top[i].line, glued, clean(glued))
                break
        else:
            break
        own.append(top[i])
        i += 1
    header = PageHeader(
        section=section or image_section,
        scope=scope,
        category=posts.get("in"),
        tag=posts.get("tagged"),
        author=posts.get("by"),
        lines=tuple(own),
    )
    return header, i


def _is_scope(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    if not letters or not all(ch.isupper() for ch in letters) or _NOT_HEADING.search(text):
        return False
    return text.count("-") >= 2


def _is_heading(text: str, nxt: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    if not letters or not all(ch.isupper() for ch in letters) or len(text) > 60:
        return False
    if text in SECTIONS:
        return True
    if any(ch.isdigit() for ch in text) or looks_like_byline(nxt):
        return False  # an ALL-CAPS title (on a page with no heading), then its byline
    # A line of names after an ALL-CAPS line that is no known section: a title and a byline
    # printed without `By`.
    return not (name_list(nxt) and not _is_scope(nxt) and not is_prose(nxt))


def _section_from_image(stem: str) -> str | None:
    """`09-victimization` / `13 Criminal+Justice` → `VICTIMIZATION` / `CRIMINAL JUSTICE`."""
    name = _IMAGE_NUMBER.sub("", stem)
    name = clean(_IMAGE_JOINERS.sub(" ", name))
    return name.upper() or None


def _split_glued_title(value: str) -> tuple[str, str | None]:
    """`Violence and OppressionHomicide of …` → (`Violence and Oppression`, `Homicide of …`)."""
    m = _CAMEL_BOUNDARY.search(value)
    if m and len(value) - m.start() > 15:
        return value[: m.start()].strip(), value[m.start() :].strip()
    return value.strip(), None
