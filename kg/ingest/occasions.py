"""Where a work was presented rather than published: a paper read at a meeting (`Paper presented
at the Annual Meeting of the X Society, Chicago, 2019`), testimony before a committee
(`Testimony before the Subcommittee on Crime, …, March 3, 2021`), a paper in a meeting's
proceedings (`In: Proceedings of the X Conference on Y, Wellington, 2019, pp. 210-218`: no
journal, as a chapter is no article; the proceedings' name is the note). The statement is the
imprint's note (a meeting or a committee publishes nothing); the place and date printed after it
are left to be read as any imprint's.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from kg.ingest.gazetteer import names_a_known_place
from kg.ingest.names import has_org_word
from kg.ingest.tail import MONTH, YEAR

_OCCASION = re.compile(
    r"(?:(?:Paper|Poster|Presentation|Keynote(?:\s+(?:address|speech|lecture))?|Talk|Lecture"
    r"|Address)\s+)?"
    r"(?:presented|delivered|given|read)\s+(?:at|to|before)\s+\S"
    r"|(?:(?:(?:Written|Oral|Prepared)\s+)?(?:Testimony|Statement|Remarks|Submission)"
    r"|(?:Written|Oral)\s+evidence)\s+"
    r"(?:(?:submitted|presented|given|delivered)\s+)?(?:before|to)\s+\S"
    r"|In:?\s+(?:the\s+)?Proceedings\s+of\s+\S",
    re.IGNORECASE,
)
# A segment of the date after the statement: `March 3`, or a year and what follows it, perhaps
# after its day and month (`14-16 June 2022.`, `2020. 12p.`).
_DAYS = r"\d{1,2}(?:[-–]\d{1,2})?"
_MONTH_DAY = re.compile(rf"(?:{_DAYS}\s+)?{MONTH}\.?(?:\s+{_DAYS})?", re.IGNORECASE)
_FROM_THE_YEAR = re.compile(
    rf"^(?:(?:{_DAYS}\s+)?{MONTH}\.?\s+(?:{_DAYS},?\s+)?)?(?P<year>{YEAR})\b", re.IGNORECASE
)
# `In: ` before a host's name: the host is the note, not the `In`.
_IN_HOST = re.compile(r"^In:?\s+")
_REGION_CODE = re.compile(r"[A-Z]{2}\.?|[A-Z]\.[A-Z]\.")


def presents_an_occasion(text: str) -> bool:
    """The imprint starts with a meeting's or a committee's statement (`Paper presented at …`)."""
    head = text[:2]
    return (
        text[:1].isupper()
        # a cheap test: the first two letters of one of the statement's first words (beyond
        # ASCII, case folding is the pattern's to decide)
        and (head.lower() in _OCCASION_PAIRS or not head.isascii())
        and _OCCASION.match(text) is not None
    )


# The first two letters of each word `_OCCASION` can start with, in lower case.
_OCCASION_PAIRS = frozenset(
    ["pa", "po", "pr", "ke", "ta", "le", "ad", "de", "gi", "re", "wr", "or", "te", "st", "su", "in"]
)


class Occasion(NamedTuple):
    """The imprint's date and count after the statement, the statement, the places printed."""

    rest: str
    note: str | None = None
    places: str = ""


def take_occasion(text: str) -> Occasion:
    """The statement a paper presented or testimony starts with, the places after it and the
    rest (date, count); the text as it is when it starts with none."""
    if not presents_an_occasion(text):
        return Occasion(text)
    segments = text.split(", ")
    start = len(segments)
    while start > 1 and _place_or_date(segments[start - 1]):
        start -= 1
    if start > 1 and _a_town_before_the_date(segments, start):
        start -= 1  # `…, Shoreville, 2020.`: a town the gazetteer does not know
    if start == len(segments):
        return Occasion(text)  # nothing after the statement: the statement is all there is
    note = _IN_HOST.sub("", ", ".join(segments[:start]).rstrip(" ."))
    places = ", ".join(s for s in segments[start:] if not _dated(s))
    dates = ", ".join(d for d in map(_from_the_year, segments[start:]) if d)
    return Occasion(dates, note, places)


def _place_or_date(segment: str) -> bool:
    """A place (`Chicago`, `Portugal`, `GA`) or a part of a date (`March 3`, `2019. 12p.`)."""
    segment = segment.strip()
    if _MONTH_DAY.fullmatch(segment) or _FROM_THE_YEAR.match(segment):
        return True
    return _REGION_CODE.fullmatch(segment) is not None or names_a_known_place(segment)


def _a_town_before_the_date(segments: list[str], start: int) -> bool:
    """The segment before `start` is a name of one or two capitalised words that names no body,
    and only a date follows it (no place was found after it)."""
    if not all(
        _MONTH_DAY.fullmatch(s.strip()) or _FROM_THE_YEAR.match(s.strip()) for s in segments[start:]
    ):
        return False
    words = segments[start - 1].split()
    plain = all(w[:1].isupper() and w.isalpha() for w in words)
    return 1 <= len(words) <= 2 and plain and not has_org_word(segments[start - 1])


def _dated(segment: str) -> bool:
    """A part of a date (`March 3`, `2019. 12p.`)."""
    segment = segment.strip()
    return bool(_MONTH_DAY.fullmatch(segment) or _FROM_THE_YEAR.match(segment))


def _from_the_year(segment: str) -> str:
    """A date's segment from its year on (`14-16 June 2022.` → `2022.`); none for a place or a
    date without a year (`March 3`)."""
    dated = _FROM_THE_YEAR.match(segment.strip())
    return segment.strip()[dated.start("year") :] if dated else ""
