"""What an imprint prints besides its place, publisher, year and count, taken aside as its note
before those are read: a court's appeal statement (`Appeal from the … Court`), a thesis statement
(`PhD dissertation, University of X, 2020.`), an edition before the year (`Urban Institute, 2nd
edition, 2021.`), an update or access date after the count (`45p. Updated June 2022`), a licence
(`Licence: CC BY-NC-SA 3.0 IGO.`) (a DOI goes); and the year of a reference list's author-date
form (`Urban Institute (2021). Washington, DC.`). A meeting's or a committee's statement is
taken aside by occasions.py."""

from __future__ import annotations

import re
from collections.abc import Callable

from kg.ingest.names import has_org_word
from kg.ingest.tail import YEAR
from kg.ingest.text import holds_a_word

_THESIS = re.compile(
    r"^(?P<note>(?:Unpublished\s+)?(?:Ph\.?\s?D\.?|Doctoral|Master'?s|Master’s|M\.?A\.?|M\.?Sc\.?|M\.?Phil\.?|"
    r"Honou?rs|Undergraduate|Senior|B\.?A\.?)\s+(?:dissertation|thesis)"
    r"|Thesis\s*\([^()]{2,24}\))\s*(?:[.,]|--?|—)\s*(?=[A-Z])",
    re.IGNORECASE,
)
_EDITION_BEFORE_YEAR = re.compile(
    r"[,.]?\s+(?P<note>(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|revised|new"
    rf"|updated)\s+(?:ed\.|edn\.?|edition)),?\s+(?={YEAR}\b)",
    re.IGNORECASE,
)
_UPDATE_AT_END = re.compile(
    r"(?<=[.,\s])\s*(?P<note>(?:last\s+)?(?:updated|revised|modified|accessed|retrieved|viewed)"
    rf"(?:\s+on)?:?\s+[^.:]{{0,24}}?{YEAR})\.?\s*$",
    re.IGNORECASE,
)
# `Retrieved from https://…`, `Retrieved March 3, 2022, from https://…` (a web page as APA
# cites it): the statement is the note, its link goes, and its date is no year of publication.
_RETRIEVED_FROM = re.compile(
    r"(?<=[.,\s])\s*(?P<note>(?:[Rr]etrieved|[Aa]ccessed|[Dd]ownloaded)(?:\s+(?:on\s+)?[^.:/]{1,30}?)?)"
    r",?\s+(?:from|at):?\s*(?:https?://|www\.)\S+$"
)
_LICENCE_AT_END = re.compile(
    r"(?<=[.,;\s])\s*(?P<note>(?:Licen[cs]e:\s*)?CC\s?(?:BY|0)[\w .-]{0,24}?)\.?\s*$"
)
# A court's opinion names the court it was appealed from, and that court's docket number
# (`Appeal from the United States District Court for … No. 6:20-CV-1438. 29p.`): no publisher.
_APPEAL = re.compile(
    r"^(?P<note>(?:On\s+)?(?:Appeals?|Petition\s+for\s+(?:a\s+)?Writ\s+of\s+Certiorari)"
    r"\s+(?:from|to)\s+.+?)(?=[.,]?\s+\d{1,5}\s*(?:p|pp|pages?)\b\.?\s*$|\.?\s*$)"
)
# Who distributed, commissioned or received the work, first (`Distributed by X.`,
# `Commissioned by the X Ministry.`, `Report to the X Parliament.`): no place or publisher.
_STATEMENT_FIRST = re.compile(
    r"^(?P<note>(?:Distributed|Commissioned|Funded|Sponsored)\s+by\s+[^.:;]{3,120}?"
    r"|(?:An?\s+)?(?:Report|Submission|Paper)\s+(?:to|for)\s+(?:the\s+)?[^.:;]{3,120}?)"
    r"\.\s+(?=[A-Z])",
    re.IGNORECASE,
)
# A DOI printed anywhere in the imprint (`DOI: 10.1234/abcd.5678. Washington, DC: …`).
_DOI = re.compile(
    r"(?P<note>(?:\bdoi:?\s*|https?://(?:dx\.)?doi\.org/)10\.\d{4,9}/\S+?)(?=[.,;]?(?:\s|$))",
    re.IGNORECASE,
)
# `Urban Institute (2021). …`: a body, its year in brackets, then the rest of the imprint.
_AUTHOR_DATE = re.compile(
    rf"^(?P<body>[A-Z][^()]{{2,80}}?)\.?\s+\((?P<year>{YEAR})\)\.\s+(?P<rest>.+)$"
)


def take_imprint_notes(text: str) -> tuple[str, list[str]]:
    """The imprint without its thesis or appeal statement, edition before the year, update or
    access date, licence, appendices and DOI, and those but the DOI as printed (in that order)."""
    notes: list[str] = []
    for pattern, hint in _NOTE_FORMS:
        if hint(text):
            found = pattern.search(text)
            if found is not None and _keeps_a_year(pattern, text, found):
                if pattern is not _DOI:  # a DOI goes, as a link after the count does
                    notes.append(found["note"])
                text = (text[: found.start()] + _JOINS.get(pattern, "")
                        + text[found.end() :].lstrip(".,; ")).strip()  # fmt: skip
                if pattern is _THESIS:
                    text = _town_before_its_university(text)
    return text, notes


# What stands where a note was taken out of the middle of an imprint.
_JOINS = {_EDITION_BEFORE_YEAR: ", "}


def _keeps_a_year(pattern: re.Pattern[str], text: str, found: re.Match[str]) -> bool:
    """An update date is a note only where the year of publication is printed before it."""
    return pattern is not _UPDATE_AT_END or re.search(YEAR, text[: found.start()]) is not None


# After a thesis statement: `University of X, Town, 2018.` (a university, then its town, then
# the year; no colon).
_UNIVERSITY_TOWN = re.compile(
    r"^(?P<body>[^,:;]{3,80}), (?P<town>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}),? (?=(?:19|20)\d\d\b)"
)


def _town_before_its_university(text: str) -> str:
    """`University of X, Town, 2018.` → `Town: University of X, 2018.`: a thesis names the
    university that grants it and the town it is in; the town is the place, as before a colon."""
    found = _UNIVERSITY_TOWN.match(text)
    if found is None or not has_org_word(found["body"]) or has_org_word(found["town"]):
        return text
    return f"{found['town']}: {found['body']}, {text[found.end() :]}"


def _may_be_thesis(text: str) -> bool:
    head = text[:48]
    return "hesis" in head or "issertation" in head


def _may_be_edition(text: str) -> bool:
    return " ed" in text or " Ed" in text


def _may_be_update(text: str) -> bool:
    # Each word ends in `ed`: the words are looked for only where the end has those letters.
    end = text[max(0, len(text) - 64) :]
    return "ed" in end and holds_a_word(end, _UPDATE_WORD, _UPDATE_WORDS)


_UPDATE_WORD = re.compile(r"(?:updat|revis|modifi|access|retriev|view)ed", re.IGNORECASE)
_UPDATE_WORDS = ("updated", "revised", "modified", "accessed", "retrieved", "viewed")


def _may_be_appeal(text: str) -> bool:
    return text[:3] in ("App", "On ", "Pet")


def _may_be_statement(text: str) -> bool:
    return text[:3].casefold() in _STATEMENT_STARTS


_STATEMENT_STARTS = frozenset(["dis", "com", "fun", "spo", "rep", "sub", "pap", "a r", "a s",
                               "a p", "an "])  # fmt: skip


def _may_be_doi(text: str) -> bool:
    return "10." in text and ("doi" in text or "DOI" in text)


def _may_be_retrieved(text: str) -> bool:
    return "etrieved" in text or "ccessed" in text or "ownloaded" in text


def _may_be_licence(text: str) -> bool:
    return "CC" in text[-48:]


# Appendices after the page count (`45p., appendices`, `307p + 12p. appendix`).
_APPENDIX_AT_END = re.compile(
    r"(?<=[\dp.s])[,;]?\s*(?P<note>\+?\s*(?:\d{1,4}\s*p{1,2}\.?\s+)?(?:appendix|appendices|annex"
    r"|annexes))\.?\s*$",
    re.IGNORECASE,
)


def _may_be_appendix(text: str) -> bool:
    return "ppend" in text[-24:] or "nnex" in text[-24:]


# Each form and a cheap test that it may be printed (most imprints print none).
_NOTE_FORMS: tuple[tuple[re.Pattern[str], Callable[[str], bool]], ...] = (
    (_THESIS, _may_be_thesis),
    (_APPEAL, _may_be_appeal),
    (_STATEMENT_FIRST, _may_be_statement),
    (_EDITION_BEFORE_YEAR, _may_be_edition),
    (_RETRIEVED_FROM, _may_be_retrieved),
    (_UPDATE_AT_END, _may_be_update),
    (_LICENCE_AT_END, _may_be_licence),
    (_APPENDIX_AT_END, _may_be_appendix),
    (_DOI, _may_be_doi),
)


# The notes an imprint may end with after its page count (a DOI is left: it marks a citation).
_END_FORMS = (
    (_APPENDIX_AT_END, _may_be_appendix),
    (_UPDATE_AT_END, _may_be_update),
    (_LICENCE_AT_END, _may_be_licence),
)


def may_end_in_a_note(text: str) -> bool:
    """False only where `without_notes_at_end` takes no note of these forms off the line's end
    (appendices, an update date, a licence): the cheap tests of each."""
    return any(hint(text) for _, hint in _END_FORMS)


# A short statement after a page count that follows a year (`…, 2002. 76 pages $25.00`, `…
# 76p. 12 slides.`): what the reader does not know after an imprint's end.
_STATEMENT_AFTER_COUNT = re.compile(
    r"(?:19|20)\d\d\]?[.,;]\s[^\n]{0,16}?\b\d{1,5}\]?\s?(?:p|pp|pages)\b[.,]?"
    # `: ill. ; 24 cm.`, `: ill., maps`
    r"(?:\s?[:;]?\s?(?:ill\.|illus\.|maps|col\.|\d{1,3}\s?cm\.?)[.,]?)*"
    r"(?P<statement>\s+[$\dA-Z]\S*(?:\s\S+){0,3})$"
)


# A word (and one in lower case), a count of something not pages, or a price after the year
# (or a full date, `2025-07-25`) that ends an imprint (`…, 2017. PDF.`, `…, 2017. Free
# download.`, `…, 2017. 12 slides.`, `…, 2017. $25.00`; a price needs no stop after it, nor
# does a statement out of the imprint's brackets, `(…, 2017. 12 slides)`).
_WORD_AFTER_YEAR = re.compile(
    r"(?:19|20)\d\d(?:-[01]\d-[0-3]\d)?\]?[.,](?P<statement>\s(?:\$\s?\d[\d.,]*"
    r"|(?:[A-Z][A-Za-z-]{1,15}|\d{1,4})(?:\s(?:[a-z]{2,12}|[A-Z]{2,5}s?))?\.?))$"
)
# A count of something not pages that ends a line with no stop (`… c2015. 12 slides`, `… 1 DVD`):
# `_WORD_AFTER_YEAR` is tried on such a line too (a count of pages is the imprint's own).
_COUNT_AT_END = re.compile(
    r"(?<![\d.,])\d{1,4}\s(?!pages?$|pp$|pgs$|leaves$)(?:[a-z]{2,12}|[A-Z]{2,5}s?)$"
)


def _count_before_last_word(text: str) -> bool:
    """A digit before the line's last word (a cheap test before `_COUNT_AT_END`)."""
    return text.rpartition(" ")[0][-1:].isdigit()


def without_notes_at_end(text: str) -> str:
    """The imprint without appendices, an update date, a licence or another short statement
    printed after its end (`… 45p. Licence: CC BY 4.0.`, `… 2002. 76 pages $25.00`): what tells
    whether a line is a citation is before them."""
    for pattern, hint in _END_FORMS:
        if hint(text):
            found = pattern.search(text)
            if found is not None and _keeps_a_year(pattern, text, found):
                text = text[: found.start()].rstrip(" ,;")
    end = text[-90:]
    if "19" not in end and "20" not in end:
        return text  # a cheap test: both patterns below start with a year of these centuries
    statement = _STATEMENT_AFTER_COUNT.search(text, max(0, len(text) - 90))
    if statement is None and (
        text[-1:] == "."
        or "$" in text[-12:]
        or (_count_before_last_word(text) and _COUNT_AT_END.search(text, len(text) - 20))
    ):
        statement = _WORD_AFTER_YEAR.search(text, max(0, len(text) - 40))
    return text[: statement.start("statement")] if statement else text


def take_author_date(text: str) -> tuple[str, int | None]:
    """`Urban Institute (2021). Washington, DC. 45p.` → (`Urban Institute, Washington, DC.
    45p.`, 2021); `Urban Institute (2021). Washington, DC: Urban Institute. 45p.` → (the rest,
    2021): the year is then read from the brackets."""
    found = _AUTHOR_DATE.match(text) if "(" in text[:90] else None
    if found is None:
        return text, None
    rest = found["rest"]
    placed = ":" in rest.replace("://", "")  # a place's colon, not a link's
    return (rest if placed else f"{found['body']}, {rest}"), int(found["year"])
