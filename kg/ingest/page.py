"""Catalogue listing pages (text) → blocks of lines, one block per record, streamed.

A page is an optional header (keyword line, site name, image, section heading, scope line,
"Posts in / tagged / by" line), then records: title · optional junk line · byline · abstract
paragraph(s) · imprint line(s). Fields are separated by blank lines, or not at all on a single-post
page, so the unit here is the non-blank line. Only one record is held in memory at a time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain, islice
from typing import NamedTuple

from kg.ingest.byline import BY_STARTS, looks_like_byline, split_glued
from kg.ingest.names import has_org_word, is_person_like, words
from kg.ingest.text import (
    clean,
    ends_with_initial,
    is_clean,
    page_count_start,
    search_end,
    search_end_count,
)

SITE_NAME = r"(?:the\s+)?open access publisher and free library"
_SITE = re.compile(rf"^{SITE_NAME}$", re.IGNORECASE)
_KEYWORDS = re.compile(rf"^.*\s[—–-]\s*{SITE_NAME}$", re.IGNORECASE)
_IMAGE = re.compile(r"^(?P<stem>.{1,80})\.(?:jpe?g|png|gif|webp)$", re.IGNORECASE)
_POSTS = re.compile(r"^Posts\s+(?P<kind>in|tagged|by)\s+(?P<value>.+)$", re.IGNORECASE)
_JUNK = re.compile(r"^(?:may contain markup|used book|download|read more|pdf|share)$", re.I)
JUNK_MAX = len("may contain markup")  # the longest junk line
_BULLET = re.compile(r"^[•●▪◦*-]\s")
_PAGE_COUNT_END = re.compile(r"\b\d+\s*(?:p|pp|pages?)\.?$", re.IGNORECASE)
_IMPRINT_START = re.compile(r"^[A-Z][\w .,'’<-]{1,40}[:<]\s*\S")
_OPENING = re.compile(
    r"^(?:from the (?:document|cover|report|introduction|summary)|abstract|summary)\b", re.I
)
_IMPRINT_MARK = re.compile(
    r"(?=[\dfvpno])"  # what every branch starts with (a fast test at each position)
    r"(?:\b(?:19|20)\d\d\b\.?$|\bforthcoming\b|Vol(?:ume|\.)\s*\d|\d+\s*:\s*\d|\bPages?\s+\d+"
    r"|\b(?:no|nr)\.?\s*[\w-]*\d[\w-]*\.?$|\bOnline First\b)",
    re.IGNORECASE,
)
# An imprint line that ends a record beyond doubt: a page count after a year.
_FULL_IMPRINT = re.compile(r"\b(?:19|20)\d\d\b[.,:]?\s*\d+\s*(?:p|pp|pages?)\.?$", re.IGNORECASE)
_SERIES_END = re.compile(r"\b(?:no|nr)\.?\s*[\w-]*\d[\w-]*\.?$", re.IGNORECASE)
_REPORT_START = re.compile(r"^[A-Z]{2,}[A-Z0-9]*(?:-[A-Z0-9]+)*-\d+\b")
HEADER_MAX = 8
# The site's sections (docs/inputs.md); other ALL-CAPS headings are recognised by position.
SECTIONS = frozenset(
    ["CRIME", "CRIMINOLOGY", "CRIME PREVENTION", "TERRORISM", "CRIMINAL JUSTICE",
     "ENVIRONMENTAL CRIME", "GLOBAL CRIME", "VICTIMIZATION", "WEAPONS", "PUNISHMENT"]
)  # fmt: skip

# Patterns of the helpers below, compiled once.
_HYPHEN = re.compile(r"\s*-\s*")
_NOT_HEADING = re.compile(r"\d|\s-\s")
_IMAGE_NUMBER = re.compile(r"^\d+[\s_-]*")
_IMAGE_JOINERS = re.compile(r"[+_-]+")
_CAMEL_BOUNDARY = re.compile(r"(?<=[a-z])(?=[A-Z“\"‘'])")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_DIGIT = re.compile(r"\d")
_DIGIT_OR_COLON = re.compile(r"\d|:")
# The lookahead names what every match starts with: a fast test at each position.
_NAME_SEPARATORS = re.compile(r"(?=[\s,;a&|·w])\s*(?:,|;|\band\b|&|\||·|\s-\s|\bwith\b)\s*")


class Unit(NamedTuple):
    """One non-blank line: its 1-based number, the text as printed, and cleaned (a named
    tuple: one is made for every line of a catalogue, and a tuple is the cheapest to make)."""

    line: int
    raw: str
    text: str


@dataclass(frozen=True, slots=True)
class PageHeader:
    """What the top of a page says about all its records."""

    section: str | None = None
    scope: tuple[str, ...] = ()
    category: str | None = None
    tag: str | None = None
    author: str | None = None


@dataclass(slots=True)
class Block:
    """The lines of one record: title (None when missing), byline, and everything after."""

    title: Unit | None
    byline: Unit | None
    rest: list[Unit] = field(default_factory=list)

    @property
    def line(self) -> int:
        first = self.title or self.byline or self.rest[0]
        return first.line


def units(lines: Iterable[str]) -> Iterator[Unit]:
    """Non-blank lines with their numbers; junk lines (`USED BOOK`, `download`) dropped."""
    for number, raw in enumerate(lines, start=1):
        if not raw:
            continue  # a blank line (the most common line), spared the call
        text = raw if is_clean(raw) else clean(raw)  # most lines are clean already
        if text and not (len(text) <= JUNK_MAX and _JUNK.match(text)):
            yield Unit(number, raw.rstrip("\r\n"), text)


def read_page(lines: Iterable[str]) -> tuple[PageHeader, Iterator[Block]]:
    """The page header and a lazy stream of record blocks."""
    stream = units(lines)
    top = list(islice(stream, HEADER_MAX))
    header, used = read_header(top)
    return header, blocks(chain(top[used:], stream))


def read_header(top: list[Unit]) -> tuple[PageHeader, int]:
    """The header fields and how many units they take."""
    section = image_section = None
    scope: tuple[str, ...] = ()
    posts: dict[str, str] = {}
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
                top[i] = Unit(top[i].line, glued, clean(glued))
                break
        else:
            break
        i += 1
    header = PageHeader(
        section=section or image_section,
        scope=scope,
        category=posts.get("in"),
        tag=posts.get("tagged"),
        author=posts.get("by"),
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
    return not (_is_name_list(nxt) and not _is_scope(nxt) and not is_prose(nxt))


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


def blocks(stream: Iterable[Unit]) -> Iterator[Block]:
    """Group units into records: every byline (after its title) starts one."""
    current: Block | None = None
    pending: list[Unit] = []
    for unit in stream:
        # The first tests of both kinds of byline, inline: most lines fail them.
        first = unit.text[:1]
        byline = (first in BY_STARTS or first.isspace()) and looks_like_byline(unit.text)
        if not byline and (len(pending) == 1 if current is None else len(pending) >= 2):
            byline = _bare_byline(unit, pending, current is None)
        if not byline:
            pending.append(unit)
            continue
        title = pending.pop() if pending and _can_be_title(pending[-1]) else None
        if current is not None:
            yield from _close(current, pending)
        head, glued = split_glued(unit.text)
        current = Block(title, unit if glued is None else Unit(unit.line, head, head))
        pending = [] if glued is None else [Unit(unit.line, glued, glued)]
    if current is not None:
        yield from _close(current, pending)


def _close(block: Block, rest: list[Unit]) -> Iterator[Block]:
    """The block with its lines, then any record printed without a byline inside them.

    `… Canberra: AIC, 2021. 40p.` · `Another Title` · `abstract` · `London: X, 2020. 9p.`: a
    title after a full imprint line, ending in an imprint itself, is a record of its own (with
    no byline, so it is rejected and counted rather than swallowed by the record before it).
    """
    cut = _orphan_start(rest)
    block.rest = rest[:cut]
    yield block
    while cut < len(rest):
        orphan_rest = rest[cut + 1 :]
        nxt = _orphan_start(orphan_rest)
        yield Block(rest[cut], None, orphan_rest[:nxt])
        rest, cut = orphan_rest, nxt


def _orphan_start(rest: list[Unit]) -> int:
    """Index of a title that follows a complete imprint and starts a record; len(rest) if none."""
    for i in range(len(rest) - 2):
        if (
            page_count_start(rest[i].text) >= 0
            and _FULL_IMPRINT.search(rest[i].text)
            and _can_be_title(rest[i + 1])
            and not looks_like_imprint(rest[i + 1].text)
            and not is_prose(rest[i + 1].text)
            and looks_like_imprint(rest[-1].text)
        ):
            return i + 1
    return len(rest)


def _can_be_title(unit: Unit) -> bool:
    """Not a bullet, not prose, not the previous record's imprint line."""
    text = unit.text
    if _BULLET.match(text) or len(text) > 400:
        return False
    return not (search_end_count(_PAGE_COUNT_END, text) and _YEAR.search(text))


def looks_like_imprint(text: str) -> bool:
    """A short line with the marks of a citation (year, page count, `Place:`, volume, series)."""
    if len(text) > 300 or _BULLET.match(text):
        return False
    if (
        search_end_count(_PAGE_COUNT_END, text)
        or (_last_token_has_digit(text) and search_end(_SERIES_END, text))
        or _REPORT_START.match(text)
    ):
        return True
    if is_prose(text):
        return False
    return bool(
        _IMPRINT_MARK.search(text) or (_IMPRINT_START.match(text) and not _OPENING.match(text))
    )


def _last_token_has_digit(text: str) -> bool:
    """Whether the last word has a digit: `… no. 12` must end in one (see _SERIES_END)."""
    words = text.rsplit(None, 1)
    return bool(words) and _DIGIT.search(words[-1]) is not None


def is_prose(text: str) -> bool:
    """Running text: ten or more words, at least half of them lower case."""
    tokens = text.split()
    if len(tokens) < 10:
        return False
    return sum(map(str.islower, [t[0] for t in tokens])) * 2 >= len(tokens)


def _bare_byline(unit: Unit, pending: list[Unit], first: bool) -> bool:
    """A byline printed without `By`: names after a title, after an imprint or the header."""
    # The cheapest tests first: most lines fail on what comes before them.
    if len(pending) != 1 if first else len(pending) < 2:
        return False
    title = pending[-1].text
    if len(title) > 250 or title.endswith("."):
        return False
    if not _is_name_list(unit.text) or not _can_be_title(pending[-1]):
        return False
    return first or looks_like_imprint(pending[-2].text)


def _is_name_list(text: str) -> bool:
    if (
        len(text) > 200
        or _DIGIT_OR_COLON.search(text)
        or (text.endswith((".", "?", "!")) and not ends_with_initial(text))
    ):
        return False
    parts = [p for p in _NAME_SEPARATORS.split(text) if p]
    return bool(parts) and all(
        is_person_like(p) or (has_org_word(p) and len(words(p)) <= 8) for p in parts
    )
