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

from kg.ingest.byline import looks_like_byline
from kg.ingest.evidence import (
    BYLINE,
    JUNK,
    TITLE,
    ends_a_sentence,
    is_prose,
    line_scores,
)
from kg.ingest.glued import glued_parts
from kg.ingest.junk import LEAD_MAX, is_furniture, lead_alone
from kg.ingest.lines import Unit, units
from kg.ingest.namelist import name_list
from kg.ingest.segment import Block, segment
from kg.ingest.text import clean

SITE_NAME = r"(?:the\s+)?open access publisher and free library"
_SITE = re.compile(rf"^{SITE_NAME}$", re.IGNORECASE)
# A line of the page's keywords ending in the site's name (or its domain and motto:
# `… — Read-Me.Org -Open Access to All`).
_KEYWORDS = re.compile(rf"^.*\s[—–-]\s*(?:{SITE_NAME}|read-me\.org\b.*)$", re.IGNORECASE)
_IMAGE = re.compile(r"^(?P<stem>.{1,80})\.(?:jpe?g|png|gif|webp)$", re.IGNORECASE)
# A pointer printed after the scope line (`…-ALTERNATIVES. MORE in the Toch Library Collection`).
_MORE = re.compile(r"\.\s+MORE\b.*$")
_POSTS = re.compile(r"^Posts\s+(?P<kind>in|tagged|by)\s+(?P<value>.+)$", re.IGNORECASE)
HEADER_MAX = 8
# The site's sections (docs/inputs.md); other ALL-CAPS headings are recognised by position.
SECTIONS = frozenset(
    ["CRIME", "CRIMINOLOGY", "CRIME PREVENTION", "TERRORISM", "CRIMINAL JUSTICE",
     "ENVIRONMENTAL CRIME", "GLOBAL CRIME", "VICTIMIZATION", "WEAPONS", "PUNISHMENT",
     "JUVENILE JUSTICE", "SOCIAL SCIENCES", "HUMAN RIGHTS"]
)  # fmt: skip

# Patterns of the helpers below, compiled once.
_DASH = re.compile(r"\s*[-–—]\s*")  # between a scope line's parts (a copy may print any dash)
_NOT_HEADING = re.compile(r"\d|\s[-–—]\s")
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
    unknown: tuple[Unit, ...] = ()  # of them, labels no header line is known to look like


def read_page(lines: Iterable[str]) -> tuple[PageHeader, Iterator[Block]]:
    """The page header and a lazy stream of record blocks (every line after the header is in
    exactly one block)."""
    stream = units(lines)
    top = list(islice(stream, HEADER_MAX))
    header, used = read_header(top)
    return header, segment(_split_glued(chain(top[used:], stream)))


def _split_glued(stream: Iterable[Unit]) -> Iterator[Unit]:
    """Two fields glued on one line become two units of that line: a title and its byline
    (`…seizuresBy Mark Shaw`), a byline and the abstract's first sentence, an abstract and the
    imprint (`…practitioners.Geneva: …`), a junk word and the next title
    (`Read-Me.OrgPrisons Without Walls`). And a byline's lead printed alone (`By`, `Edited
    by`) is read with the line after it, which keeps its own number and printed text (the lead
    stays a junk line of its own)."""
    lead = None
    for unit in stream:
        if lead is not None and not looks_like_byline(unit.text):
            unit = Unit(unit.line, unit.raw, f"{lead} {unit.text}", lead)
        text = unit.text
        lead = text.rstrip(": ") if len(text) <= LEAD_MAX and lead_alone(text) else None
        parts = _GLUED.get(text, _UNSEEN)
        if parts is _UNSEEN:
            if len(_GLUED) >= GLUED_MEMO:
                _GLUED.clear()
            parts = _GLUED[text] = glued_parts(text)
        if parts is None:
            yield unit
        else:
            for part in parts:
                yield _part(unit, part)


# The fields of lines a page prints again (a record cross-posted, its furniture), found once; a
# catalogue reprints a line hundreds of records later too (a body's byline), so the memo holds
# many lines (a few MB).
_GLUED: dict[str, tuple[str, ...] | None] = {}
GLUED_MEMO = 65_536
_UNSEEN: tuple[str, ...] = ()  # `glued_parts` never answers an empty tuple


def _part(unit: Unit, text: str) -> Unit:
    """A part of a line that glues two fields (its text is its printed form)."""
    return Unit(unit.line, text, text)


def read_header(top: list[Unit]) -> tuple[PageHeader, int]:
    """The header fields and how many units they take."""
    section = image_section = None
    scope: tuple[str, ...] = ()
    posts: dict[str, str] = {}
    own: list[Unit] = []
    unknown: list[Unit] = []
    i = 0
    while i < len(top):
        text = top[i].text
        nxt = top[i + 1].text if i + 1 < len(top) else ""
        if _SITE.match(text) or _KEYWORDS.match(text):
            pass  # the site name or the keyword line
        elif (image := _IMAGE.match(text)) and i < 4:
            image_section = _section_from_image(image["stem"])
        elif _is_scope(terms := _MORE.sub("", text)) and (
            terms.isupper() or not looks_like_byline(nxt)
        ):
            scope = tuple(clean(t) for t in _DASH.split(terms) if t.strip())
        elif section is None and (
            _is_heading(text, nxt) or _names_image(text, image_section, top, i)
        ):
            section = text
        elif is_furniture(text) and not _POSTS.match(text):
            pass  # a listing's result count or sort line (`Showing 1–20 of 345`)
        elif posts_match := _POSTS.match(text):
            value, glued = _split_glued_title(posts_match["value"])
            posts[posts_match["kind"].casefold()] = value
            if glued is not None:
                printed = top[i].text[: len(top[i].text) - len(glued)].rstrip()
                own.append(Unit(top[i].line, printed, printed))
                top[i] = Unit(top[i].line, glued, clean(glued))
                break
        elif section is not None and _describes_section(top, i):
            pass
        elif _above_first_record(top, i):
            unknown.append(top[i])
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
        unknown=tuple(unknown),
    )
    return header, i


def _names_image(text: str, image_section: str | None, top: list[Unit], i: int) -> bool:
    """The heading in capitals right under the page's image that names it (`11-policing.jpg`,
    `POLICING`): the section, whatever follows it."""
    return (
        image_section is not None
        and i > 0
        and _IMAGE.match(top[i - 1].text) is not None
        and text.isupper()
        and text.casefold() == image_section.casefold()
    )


def _describes_section(top: list[Unit], i: int) -> bool:
    """A paragraph under the section's heading that describes the section (`Social sciences
    examine …`), then the listing's `Posts in` line or a title and its `By` line: no record
    starts with a paragraph."""
    text = top[i].text
    if len(text) < 100 or not ends_a_sentence(text) or not is_prose(text) or i + 2 >= len(top):
        return False  # a paragraph of sentences, not a long title
    return bool(_POSTS.match(top[i + 1].text)) or looks_like_byline(top[i + 2].text)


_SHORT_LINE = 60  # characters: a listing's label (`Recent Posts`), not a sentence


def _above_first_record(top: list[Unit], i: int) -> bool:
    """A short line the header does not know, above a short line that looks like a list of
    names and then a `By` line, blank lines between: `Recent Posts` / `Knife Crime` / `By Ann
    Lee`. A record has one byline, so the line under it is the title and it is a label."""
    if i + 2 >= len(top):
        return False
    line, title, byline = top[i], top[i + 1], top[i + 2]
    if not (
        len(line.text) <= _SHORT_LINE >= len(title.text)
        and title.line > line.line + 1
        and byline.line > title.line + 1
        and byline.text[:3].casefold() in ("by ", "by:")  # an author's: no `Edited by`
        and looks_like_byline(byline.text)
    ):
        return False
    label, names = line_scores(line.text), line_scores(title.text)
    # Both plain short lines (no junk, date or `By` line), the second like a list of names.
    return label[TITLE] == names[TITLE] == 0 and label[JUNK] is None and (names[BYLINE] or 0) > 0


_JOINED = re.compile(r"\w[-–—]\w")  # a dash between two terms, not spaced


def _is_scope(text: str) -> bool:
    """The section's terms joined by dashes: `VICTIMIZATION-ABUSE-WITNESSES`, some dashes
    spaced where at least two are not (`POLLUTION -WILDLIFE-TRAFFICKING - LOGGING`), or in title
    case when five or more terms each start with a capital (`Violent-Non-Violent-Cyber-…`; the
    header takes it only when no byline follows, since a title can hyphenate that much)."""
    if any(ch.isdigit() or ch in _SENTENCE_MARKS for ch in text):
        return False
    letters = [ch for ch in text if ch.isalpha()]
    joined = len(_JOINED.findall(text))
    if letters and all(ch.isupper() for ch in letters):
        return joined >= 2 if _NOT_HEADING.search(text) else len(_DASH.findall(text)) >= 2
    terms = _DASH.split(text)
    return joined >= 4 and all(t[:1].isupper() for t in terms)


_SENTENCE_MARKS = frozenset(".,:;?!")


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
