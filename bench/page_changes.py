"""The real pages changed the way a copy of the site may change them, to measure how robust the
reader is beyond the pages it was developed on (`python bench/accuracy.py --changed`).

Each change keeps what a cataloguer reads from the page: the same records and fields are
expected. Lines are given their roles by the reader on the unchanged page, so a change aimed at
one field (an imprint broken over two lines, abstracts left out) touches only those lines.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from kg.ingest.decode import text_lines
from kg.ingest.gazetteer import names_a_region
from kg.ingest.page import read_page
from kg.ingest.segment import ABSTRACT, BYLINE, IMPRINT, TITLE

# One line, its role and the role of the next non-blank line (None: a blank line, or none;
# -1: the page header) → the lines it becomes.
LineChange = Callable[[str, int | None, int | None], list[str]]
_HEADER = -1


def _roles(page: Path) -> dict[int, int]:
    header, blocks = read_page(text_lines(page, lambda _message: None))
    roles = dict.fromkeys((unit.line for unit in header.lines), _HEADER)
    for block in blocks:
        roles.update((unit.line, role) for role, unit in block.lines)
    return roles


def _broken_imprint(pattern: str, keep: str = "") -> LineChange:
    breaks = re.compile(pattern)

    def change(line: str, role: int | None, _next: int | None) -> list[str]:
        parts = breaks.split(line, maxsplit=1) if role == IMPRINT else [line]
        return [parts[0] + keep, parts[1]] if len(parts) == 2 else [line]

    return change


def _after_record(*furniture: str) -> LineChange:
    """Lines a web page prints after each record (each its own paragraph)."""

    def change(line: str, role: int | None, after: int | None) -> list[str]:
        if role != IMPRINT or after == IMPRINT:
            return [line]
        return [line, *(part for extra in furniture for part in ("", extra))]

    return change


def _before_title(furniture: str) -> LineChange:
    return lambda line, role, _next: [furniture, "", line] if role == TITLE else [line]


def _lead_alone(lead: str) -> LineChange:
    """A byline's lead (`By`, `Edited by`) printed on a line of its own, the names on the next."""

    def change(line: str, role: int | None, _next: int | None) -> list[str]:
        if role == BYLINE and line.startswith(lead + " "):
            return [lead, line[len(lead) + 1 :]]
        return [line]

    return change


def _broken_field(field: int, pattern: str) -> LineChange:
    """A title or byline wrapped onto a second line at the first place `pattern` finds past
    its first 20 characters (a hard line break in the copy)."""
    breaks = re.compile(pattern)

    def change(line: str, role: int | None, _next: int | None) -> list[str]:
        found = breaks.search(line, 20) if role == field and len(line) > 30 else None
        return [line[: found.start()], line[found.end() :]] if found else [line]

    return change


# Titles and bylines wrapped onto a second line: after a word or mark no field ends with
# (`… in the` / `Twentieth Century`, `By Ann Lee and` / `John Doe`), or at any space.
BROKEN: dict[str, LineChange] = {
    "titles broken after `of`, `and`, `the`…, or a colon": _broken_field(
        TITLE,
        r"(?:(?<=\bof)|(?<=\band)|(?<=\bthe)|(?<=\bin)|(?<=\bon)|(?<=\bfor)|(?<=\bto)"
        r"|(?<=:)) (?=\S)",
    ),
    "bylines broken after `and` or a comma": _broken_field(BYLINE, r"(?:(?<=\band)|(?<=,)) (?=\S)"),
    "titles broken at any space": _broken_field(TITLE, r" (?=\S)"),
}

# Web-page furniture around records (comment counts, share links, tags, posting dates), none of
# which a cataloguer reads into a record.
FURNITURE: dict[str, LineChange] = {
    "`Download PDF` after each record": _after_record("Download PDF"),
    "`0 Comments` after each record": _after_record("0 Comments"),
    "share links after each record": _after_record("Share", "Facebook", "Twitter", "Email"),
    "a `Tags:` line after each record": _after_record("Tags: prisons, youth justice, policing"),
    "a posting date before each title": _before_title("Tuesday, March 12, 2024"),
    "`Read the report` after each record": _after_record("Read the report"),
    "a blog's post and page furniture after each record": _after_record(
        "Posted by admin", "5 min read", "12 Likes", "Read More →", "Older Posts", "Page 1 of 12"
    ),
    "a posting date without its weekday before each title": _before_title("March 12, 2024"),
    "an ISO posting date before each title": _before_title("2024-03-12"),
}
# The lead of a byline printed alone above the names (a line break after it in the HTML).
LEADS_ALONE: dict[str, LineChange] = {
    "`By` alone on its line": _lead_alone("By"),
    "`Edited by` alone on its line": _lead_alone("Edited by"),
}

# What a copy of the page's HTML source carries that a browser does not show as printed: soft
# hyphens and zero-width joiners inside words, character references for `&`, quotes and accents.
UNSEEN: dict[str, LineChange] = {
    "soft hyphens and zero-width joiners inside words": lambda line, role, _next: [
        re.sub(r"(\w{3})(?=\w{3})", "\\1\u200d", re.sub(r"(\w{5})(?=\w{4})", "\\1\u00ad", line))
    ],
    "HTML character references (`&amp;`, `&#8217;`)": lambda line, role, _next: [
        line.replace("&", "&amp;").replace("’", "&#8217;").replace("é", "&eacute;")
    ],
}
# Labels other listings print: `Authors:` for `By`, `Published by` before the imprint, en dashes
# in the header's scope line.
LABELS: dict[str, LineChange] = {
    "`Authors:` for `By`": lambda line, role, _next: [
        re.sub(r"^By:? ", "Authors: ", line) if role == BYLINE else line
    ],
    "`Published by` before each imprint": lambda line, role, after: [
        "Published by " + line if role == IMPRINT and after != IMPRINT else line
    ],
    "en dashes in the scope line": lambda line, role, _next: [
        line.replace("-", "–") if role == _HEADER and line.isupper() else line
    ],
}

_MONTH = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)", re.IGNORECASE)
# How some web listings print an imprint's date and count: an ISO date for the year, the count
# after `pp.`.
WEB_FORMS: dict[str, LineChange] = {
    "ISO dates for the imprints' years": lambda line, role, _next: [
        re.sub(r"\b((?:19|20)\d\d)\.", r"\1-05-12.", line, count=1)
        if role == IMPRINT and not _MONTH.search(line)  # `2 MAY, 2024.` has its date
        else line
    ],
    "page counts after `pp.`": lambda line, role, _next: [
        re.sub(r"\b(\d+)\s*p\.?$", r"pp. \1", line.rstrip()) if role == IMPRINT else line
    ],
}


def _under_title(*lines: str) -> LineChange:
    """Paragraphs a post prints between its title and its byline."""

    def change(line: str, role: int | None, after: int | None) -> list[str]:
        if role != TITLE or after != BYLINE:
            return [line]
        return [line, *(part for extra in lines for part in ("", extra))]

    return change


def _place_alone(line: str, role: int | None, _next: int | None) -> list[str]:
    """An imprint's place beyond doubt (a city and its region) in a paragraph of its own,
    without its colon: `Washington, DC` / `Urban Institute, 2021. 45p.`."""
    found = _CITY_REGION_COLON.match(line) if role == IMPRINT else None
    if found is None or not names_a_region(found["region"]):  # `Wellington, ZN`: a typo
        return [line]
    return [found["place"], "", line[found.end() :]]


_CITY_REGION_COLON = re.compile(
    r"^(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+)?, (?P<region>[A-Z]{2})): (?=\S)"
)

# How other listings arrange a post's paragraphs: link labels and posting dates around the
# fields, an imprint's place in a paragraph of its own.
PAGE_STRUCTURES: dict[str, LineChange] = {
    "link labels after each record": _after_record("Share this:", "Print this page"),
    "a link's label before each title": _before_title("Free PDF"),
    "a link's label and a posting date under each title": _under_title(
        "Open access", "3 March 2021"
    ),
    "an imprint's city and region in a paragraph of its own": _place_alone,
}

CHANGES: dict[str, LineChange] = {
    "no blank lines": lambda line, role, _next: [line] if line.strip() else [],
    "two blank lines between fields": lambda line, role, _next: (
        [line] if line.strip() else [line, ""]
    ),
    "ends padded with no-break spaces": lambda line, role, _next: [
        line + " \u00a0 " if line else line
    ],
    "tab indents": lambda line, role, _next: ["\t" + line if line else line],
    "`By:` for `By`": lambda line, role, _next: [re.sub(r"^By ", "By: ", line)],
    "`by` for `By`": lambda line, role, _next: [re.sub(r"^By ", "by ", line)],
    "bylines in capitals": lambda line, role, _next: [line.upper() if role == BYLINE else line],
    "no header": lambda line, role, _next: [] if role == _HEADER else [line],
    "no abstracts": lambda line, role, _next: [] if role == ABSTRACT else [line],
    **UNSEEN,
    **LABELS,
    **WEB_FORMS,
    **FURNITURE,
    **LEADS_ALONE,
    "imprints broken after the place": _broken_imprint(r"(?<=:) (?=\S)"),
    "imprints broken before the year": _broken_imprint(r"(?<!\d), (?=(?:19|20)\d\d\b)", ","),
    **BROKEN,
    **PAGE_STRUCTURES,
}


# Two fields printed with no line break between them (the paragraphs of the HTML glued together
# in the copy, as the real pages already glue a junk word to a title): (first role, next role).
GLUED: dict[str, tuple[int, int]] = {
    "title glued to byline": (TITLE, BYLINE),  # `…cocaine seizuresBy Mark Shaw`
    "abstract glued to imprint": (ABSTRACT, IMPRINT),  # `…practitioners.Geneva: Small Arms…`
}


def glued_page(page: Path, roles_glued: tuple[int, int]) -> str:
    """The text of `page` with each line of the first role joined to the next non-blank line
    when that line has the second role."""
    first, second = roles_glued
    roles = _roles(page)
    lines = page.read_text(encoding="utf-8").split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        line, after = lines[i], i + 1
        while after < len(lines) and not lines[after].strip():
            after += 1
        if (
            line.strip()
            and roles.get(i + 1) == first
            and after < len(lines)
            and roles.get(after + 1) == second
        ):
            out.append(line.rstrip() + lines[after].strip())
            i = after + 1
            continue
        out.append(line)
        i += 1
    return "\n".join(out)


def abstract_after_imprint_page(page: Path) -> str:
    """The text of `page` with each record's abstract printed after its imprint (the order some
    listings use), each line a paragraph of its own."""
    header, blocks = read_page(text_lines(page, lambda _message: None))
    out = [unit.raw for unit in header.lines]
    for block in blocks:
        last = max(
            (i for i, (role, _unit) in enumerate(block.lines) if role == IMPRINT), default=-1
        )
        head: list[str] = []
        moved: list[str] = []
        rest: list[str] = []
        for i, (role, unit) in enumerate(block.lines):
            if role == ABSTRACT and i < last:
                moved.append(unit.raw)
            else:
                (head if i <= last else rest).append(unit.raw)
        out += head + moved + rest
    return "\n\n".join(out) + "\n"


def byline_after_abstract_page(page: Path) -> str:
    """The text of `page` with each record's byline printed after its abstract (the order some
    listings use: title, abstract, byline, imprint), each line a paragraph of its own."""
    header, blocks = read_page(text_lines(page, lambda _message: None))
    out = [unit.raw for unit in header.lines]
    for block in blocks:
        bylines = [unit.raw for role, unit in block.lines if role == BYLINE]
        rest = [(role, unit.raw) for role, unit in block.lines if role != BYLINE]
        last = max((i for i, (role, _raw) in enumerate(rest) if role == ABSTRACT), default=-1)
        if last < 0:
            out += [unit.raw for _role, unit in block.lines]
            continue
        for i, (_role, raw) in enumerate(rest):
            out += [raw, *bylines] if i == last else [raw]
    return "\n\n".join(out) + "\n"


def changed_page(page: Path, change: LineChange) -> str:
    """The text of `page` with `change` made to every line (CRLF line ends kept as they were)."""
    roles = _roles(page)
    lines = page.read_text(encoding="utf-8").split("\n")
    role_of = [roles.get(n) if line.strip() else None for n, line in enumerate(lines, start=1)]
    out: list[str] = []
    for i, line in enumerate(lines):
        after = next((r for r in role_of[i + 1 :] if r is not None), None)
        out += change(line, role_of[i], after)
    return "\n".join(out)
