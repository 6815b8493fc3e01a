"""A book chapter's imprint: the host book before the place and publisher, the chapter's page
range at the end (`In: Ann Lee (ed.), Handbook of Policing. London: Routledge, 2021. pp. 35-62`,
`Pedagogies of Punishment: The Ethics of Discipline.. Bloomsbury Academic. 2023. pp. 35-62`).

What is left is read as any imprint: the host's title is no place, its editors no publisher,
and the range is no page count (the chapter's pages are not the book's).
"""

from __future__ import annotations

import re

from kg.ingest.gazetteer import names_a_known_place

# The chapter's pages at the end: `pp. 35-62`, `p. 35–62`, `pages 35-62`.
_CHAPTER_PAGES = re.compile(r"[.,;]?\s*(?:pp?\.|pages)\s*(?P<range>\d+\s*[-–]\s*\d+)\.?\s*$")
# `In: …`, `In …`, `Chapter 3 in …`, `Ch. 3 in …`: a host book named first.
# After a host book named first, the range alone at the end is the chapter's too (`…, 2017,
# 145-167.`).
_BARE_PAGES = re.compile(r"[.,;]\s*(?P<range>\d+\s*[-–]\s*\d+)\.?\s*$")
_IN_HOST = re.compile(r"(?:In:?|(?:Chapter|Ch\.)\s+\d+,?\s+in:?)\s+(?=\S)")
_SENTENCE_BREAK = re.compile(r"(?<=[\w)])\.{1,2}\s+(?=[A-Z])")


def take_chapter(text: str) -> tuple[str, str | None]:
    """(the imprint without its host book and chapter pages, the pages), or (text, None) when
    the imprint is no chapter's."""
    end = text[-14:]
    dashed = "-" in end or "–" in end  # a cheap test first: most imprints end with no range
    pages = _CHAPTER_PAGES.search(text) if dashed else None
    host = _IN_HOST.match(text) if text[:2] in ("In", "Ch") else None
    if pages is None and host is not None and dashed:
        pages = _BARE_PAGES.search(text)
    if pages is None and host is None:
        return text, None
    rest = text[: pages.start()] + "." if pages is not None else text
    segments = _SENTENCE_BREAK.split(rest)
    if host is not None and len(segments) > 1:
        rest = ". ".join(segments[_place_segment(segments) :])
    elif pages is not None and len(segments) > 1 and _titled(segments[0]):
        rest = ". ".join(segments[1:])  # the host's title and subtitle, no `In`
    return rest, pages["range"] if pages is not None else None


def _place_segment(segments: list[str]) -> int:
    """The last segment after the host's that names a place before a colon, else the second."""
    for i in range(len(segments) - 1, 0, -1):
        if ": " in segments[i]:
            return i
    return 1


def _titled(segment: str) -> bool:
    """`Pedagogies of Punishment: The Ethics of Discipline`: a title and subtitle, not a place
    and its publisher."""
    before, colon, _after = segment.partition(": ")
    return bool(colon) and not names_a_known_place(before) and "," not in before
