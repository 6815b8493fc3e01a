"""A statement printed before an imprint's place and publisher that says what kind of work it
is: a recording, a website or a data set (`Video, 45 min.`, `Podcast episode, 2021.`, `Dataset,
version 2.`), a volume of proceedings (`Conference proceedings.`, `Proceedings of the Harbour
Symposium.`), an edition (`2nd ed.`, `Revised edition.`), a translation (`Translated from the
French by Ann Lee.`), an ISBN, a link to the copy (`Available at: https://….`, which goes) or a
law's or a judgment's citation (`Public Law 117-58.`, `[2021] EWCA Crim 45.`). It is the
imprint's note (the citation its report number), never a place or a publisher's name."""

from __future__ import annotations

import re
from typing import NamedTuple

from kg.ingest.tail import YEAR

_MEDIUM = (
    r"(?:Documentary(?:\s+(?:film|video))?|Video|Film|Podcast|Webinar|Audio|Website|Web\s+page|Dataset"
    r"|Data\s+set|Database)(?:\s+(?:episode|recording|film|series|file))?"
    r"(?:,\s*[^.:,]{1,24}){0,2}"  # its length, version or year: `, 45 min`, `, version 2`
)
_PROCEEDINGS = r"(?:Conference|Symposium|Workshop)\s+proceedings|Proceedings\s+of\s+[^.:]{3,120}"
_EDITION = (
    r"(?:\d{1,2}(?:st|nd|rd|th)|First|Second|Third|Fourth|Fifth|Revised|New|Updated|Expanded)"
    r"\s+(?:ed\.|edn\.?|edition)"
)
# `Translated from the French by Ann A. Lee.`: up to the stop before the place and its colon.
_TRANSLATION = r"Translated\s+from\s+(?:the\s+)?[A-Z][a-z]+\s+by\s+[^:]{2,60}?(?=\.\s+[A-Z][^.:]*:)"
_ISBN = r"IS[BS]N:?\s?[\dX][\dX -]{7,16}[\dX]"
# `Reprint of the 1998 edition.`, `Originally published 1998.`, `Reprinted 2019.`
_REPRINT = (
    r"(?:Reprint(?:ed)?(?:\s+of\s+the\s+[^.:]{3,40}?|\s+(?:19|20)\d\d)?"
    r"|(?:Originally|First)\s+published(?:\s+in)?\s+(?:19|20)\d\d)"
)
# `Available at: https://….pdf.`: a link to the copy, which goes (as a DOI does).
_LINK = r"Available\s+(?:at|from|online)\s?:?\s?https?://\S+?"
# `Public Law 117-58`, `[2019] UKSC 12`, `[2021] EWCA Crim 45` (a court, its division, a number).
_CITATION = (
    r"Public\s+Law\s+\d{2,3}-\d{1,4}"
    r"|\[\d{4}\]\s+[A-Z][A-Za-z]{1,6}(?:\s+[A-Z][a-z]{1,5})?\s+\d{1,5}"
)
# The statement, its full stop, then the rest of the imprint from a capital.
_STATEMENT = re.compile(
    rf"(?:(?P<note>{_MEDIUM}|{_PROCEEDINGS}|{_EDITION}|{_TRANSLATION}|{_ISBN}|{_REPRINT})"
    rf"|(?P<citation>{_CITATION})|(?P<link>{_LINK}))"
    r"(?:\.\s+|(?<=\.)\s+)(?=[A-Z])"
)
# `Working paper, 2022. 41p.`: a document's kind without a number, first, then its year and a
# stop (`Working Paper, 2022: 11` is a series and its number, read as such).
_KIND_FIRST = re.compile(
    r"(?P<kind>(?:Working|Discussion|Research|Occasional|Background|Conference)\s+[Pp]aper"
    rf"|Policy\s+[Bb]rief|Technical\s+[Rr]eport),\s*(?={YEAR}\.(?:\s|$))"
)
_KIND_FIRST_STARTS = frozenset(["Wor", "Dis", "Res", "Occ", "Bac", "Con", "Pol", "Tec"])
_YEAR_AT_END = re.compile(rf",\s*(?P<year>{YEAR})$")
_ANY_YEAR = re.compile(rf"\b{YEAR}\b")
# The first three letters every statement starts with: a cheap test before the pattern (most
# imprints start with a place or a body, `New York` too).
_STARTS = frozenset(
    ["Doc", "Vid", "Fil", "Pod", "Web", "Aud", "Dat", "Con", "Sym", "Wor", "Pro", "Rev", "Upd",
     "Exp", "Fir", "Sec", "Thi", "Fou", "Fif", "Tra", "ISB", "ISS", "Ava", "Pub", "[19", "[20",
     "Ori", "Rep"]
)  # fmt: skip
_ORDINALS = frozenset(["st", "nd", "rd", "th"])


def _may_state_a_kind(text: str) -> bool:
    """Whether the imprint starts as a statement may (`Video`, `New edition`, `2nd ed.`)."""
    head = text[:3]
    if head in _STARTS:
        return True
    if head == "New":
        return text[4:6] == "ed"
    return text[:1].isdigit() and (text[1:3] in _ORDINALS or text[2:4] in _ORDINALS)


class WorkStatement(NamedTuple):
    """The imprint without the statement, the statement as its note, a citation's number."""

    rest: str
    note: str | None = None
    citation: str | None = None


def take_work_statement(text: str) -> WorkStatement:
    """The imprint without a statement of the work's kind, edition or citation before its place
    and publisher (the module's docstring); a year the statement ends in stays the imprint's."""
    kind = _KIND_FIRST.match(text) if text[:3] in _KIND_FIRST_STARTS else None
    if kind is not None:  # `Working paper, 2022. Available at SSRN: …`
        return WorkStatement(text[kind.end() :], kind["kind"])
    if not _may_state_a_kind(text):
        return WorkStatement(text)
    m = _STATEMENT.match(text)
    if m is None:
        return WorkStatement(text)
    rest = text[m.end() :]
    if m["link"] is not None:
        return WorkStatement(rest)
    if m["citation"] is not None:
        return WorkStatement(rest, citation=m["citation"])
    note = m["note"].rstrip(".")
    year = _YEAR_AT_END.search(note)
    if year is not None:  # `Podcast episode, 2021. Northland Public Radio.`
        note = note[: year.start()]
        if _ANY_YEAR.search(rest) is None:
            rest = f"{rest.rstrip(' .')}, {year['year']}."
    return WorkStatement(rest, note)
