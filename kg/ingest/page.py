"""Catalogue listing pages (text) → records.

A page is a header, then records: title · byline · abstract paragraph(s) · imprint line.
Paragraphs are separated by blank lines; every record keeps the line number of its title.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from kg.ingest.authority import Authority
from kg.ingest.byline import looks_like_byline, parse_byline
from kg.ingest.imprint import parse_imprint
from kg.ingest.text import clean, is_blank
from kg.records import AsPrinted, Record, Source

_SITE_NAME = re.compile(r"^(?:the\s+)?open access publisher and free library$", re.IGNORECASE)
_IMAGE = re.compile(r"\.(?:jpe?g|png|gif)$", re.IGNORECASE)
_EDITION_NOTE = re.compile(r"\s*\[(?P<note>[^\]]+)\]\s*$")


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A run of non-blank lines; `line` is the 1-based number of its first line."""

    line: int
    raw: str

    @property
    def text(self) -> str:
        return clean(self.raw)


@dataclass(frozen=True, slots=True)
class PageHeader:
    section: str | None
    scope: tuple[str, ...]
    body_start: int


def paragraphs(lines: Iterable[str]) -> Iterator[Paragraph]:
    """Group lines into paragraphs, remembering where each starts."""
    buffer: list[str] = []
    start = 0
    for number, line in enumerate(lines, start=1):
        if is_blank(line):
            if buffer:
                yield Paragraph(start, "\n".join(buffer))
                buffer = []
            continue
        if not buffer:
            start = number
        buffer.append(line.rstrip("\r\n"))
    if buffer:
        yield Paragraph(start, "\n".join(buffer))


def read_header(paras: list[Paragraph]) -> PageHeader:
    """Site name, image, section heading and scope line at the top of a page."""
    section: str | None = None
    scope: tuple[str, ...] = ()
    for para in paras[:6]:
        text = para.text
        if _SITE_NAME.match(text) or _IMAGE.search(text):
            continue
        if text.isupper() and "-" in text and section is not None:
            scope = tuple(t.strip() for t in text.split("-") if t.strip())
            continue
        if text.isupper() and len(text) < 60 and section is None:
            section = text
            continue
        break
    else:
        return PageHeader(section, scope, len(paras[:6]))
    return PageHeader(section, scope, paras.index(para))


def parse_page(lines: Iterable[str], file: str, authority: Authority) -> Iterator[Record]:
    """Every record on one page, in page order."""
    paras = list(paragraphs(lines))
    header = read_header(paras)
    body = paras[header.body_start :]
    starts = [i for i in range(len(body) - 1) if looks_like_byline(body[i + 1].text)]
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(body)
        yield _record(body[start:end], file, header, authority)


def _record(block: list[Paragraph], file: str, header: PageHeader, auth: Authority) -> Record:
    title_para, byline_para, *rest = block
    imprint_para = rest[-1] if rest else None
    abstract = "\n\n".join(p.text for p in rest[:-1]) or None
    title, edition_note = _title(title_para.text)
    imprint = parse_imprint(imprint_para.raw, auth) if imprint_para else None
    record = Record(
        title=title,
        source=Source(file, title_para.line),
        contributors=parse_byline(byline_para.raw, auth),
        section=header.section,
        abstract=abstract,
        topics=(header.section,) if header.section else (),
        edition_note=edition_note,
        as_printed=AsPrinted(
            title=title_para.raw,
            byline=byline_para.raw,
            imprint=imprint_para.raw if imprint_para else None,
        ),
    )
    if imprint is None:
        return record
    return record.with_changes(
        publishers=tuple(imprint.publishers),
        places=tuple(imprint.places),
        year=imprint.year,
        page_count=imprint.page_count,
        series=imprint.series,
        journal=imprint.journal,
        report_id=imprint.report_id,
        publisher_acronym=imprint.publisher_acronym,
        publisher_unit=imprint.publisher_unit,
    )


def _title(text: str) -> tuple[str, str | None]:
    m = _EDITION_NOTE.search(text)
    if m and m.start() > 0:
        return text[: m.start()].strip(), m["note"]
    return text, None
