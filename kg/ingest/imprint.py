"""Imprint (citation) lines → place, publisher, year, pages, series, journal, report number.

Read in stages, each taking what it knows off the text: a journal citation (journal.py) is read
whole; otherwise the end (tail.py: page count, date, a note), then a series statement or report
number (series.py), then places and publishers (publisher.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.ingest.authority import Authority
from kg.ingest.catalogue_forms import plain_catalogue_forms, whole_in_brackets
from kg.ingest.chapter import take_chapter
from kg.ingest.gazetteer import Gazetteer, names_a_known_place
from kg.ingest.glued_places import split_places
from kg.ingest.imprint_notes import take_author_date, take_imprint_notes
from kg.ingest.imprint_statements import (
    count_and_rest,
    plain_statements,
    series_or_report_after_count,
    splits_before_its_end,
    swallowed_a_date,
    take_kind_after_year,
)
from kg.ingest.journal import Known, parse_journal, status_as_printed
from kg.ingest.newspapers import newspaper_article
from kg.ingest.occasions import presents_an_occasion, take_occasion
from kg.ingest.places import Places
from kg.ingest.preprints import take_preprint
from kg.ingest.publisher import publisher_names, read_places_and_publishers, without_label
from kg.ingest.series import (
    body_and_series,
    is_identifier,
    series_alone,
    series_within_its_year,
    take_bracketed_note,
    take_bracketed_series,
    take_series,
    without_catalogue_number,
)
from kg.ingest.tail import (
    read_tail,
    report_number_alone,
    take_edition_after_year,
    take_report_after_count,
    take_report_after_year,
    take_series_after_count,
    take_series_after_year,
    take_symbol_in_brackets,
)
from kg.ingest.text import clean, sub_found
from kg.ingest.work_kinds import take_work_statement
from kg.records import Journal, Series

# `Copyright © 1966, 1966 by Robert C. Olby.` before the imprint: who holds the rights, not who
# published (a stop after an initial does not end the name).
_COPYRIGHT = re.compile(
    r"^(?:Copyright\s*)?(?:©\s*)?(?:1[5-9]|20)\d\d(?:,\s*(?:1[5-9]|20)\d\d)*\s+by\s+"
    r"(?:[^.]|(?<=\b[A-Z])\.)+\.\s+(?=[A-Z])"
)
# `44p.SOC Evidence Review Paper 4.`: what follows the count glued to it; `100[p.`, `18.p.`: a
# bracket or a stop typed inside the count.
_GLUED_AFTER_COUNT = re.compile(r"(\d\s?p\.)(?=[A-Z])")
# The year first, then a place and its publisher (`2021. Washington, DC: Urban Institute`).
_YEAR_FIRST = re.compile(r"(?P<year>(?:19|20)\d\d)[.,]\s+(?=[A-Z][^:]{1,60}:\s)")
# `2021, Harbour Institute. 45p.`: the year first before a body, when no other year follows.
_YEAR_BEFORE_A_BODY = re.compile(r"(?P<year>(?:19|20)\d\d)[.,]\s+(?=[A-Z])")
_ANOTHER_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _year_first(text: str) -> re.Match[str] | None:
    """The year printed first, before a place and its publisher or before a body alone."""
    if not text[:1].isdigit():
        return None
    m = _YEAR_FIRST.match(text)
    if m is None:
        m = _YEAR_BEFORE_A_BODY.match(text)
        if m is not None and _ANOTHER_YEAR.search(text, m.end()):
            return None
    return m


# `2017. 64o`: the count typed with `o` for `p` (the keys are neighbours), after a year.
_COUNT_TYPED_AS_O = re.compile(r"(?<=\d\d\d\d[.,] )(\d{1,4})o[.,]?$")
_TYPED_IN_COUNT = re.compile(r"(\d)[\[.]p\.")  # `100[p.`, `18.p.`


def _may_have_a_typed_in_count(text: str) -> bool:
    """False only where `_TYPED_IN_COUNT` cannot match (a cheap test: most counts are typed
    right)."""
    return "[p." in text or ".p." in text


# `Rio de Janeiro - RJ - Brasil, Igarapé Institute`: a city, its state's code and its country
# joined by dashes, before the publisher.
_DASHED_PLACE = re.compile(
    r"(?P<city>[A-Z][^-:,;.]{1,40}?) - (?:[A-Z]{2} - )?(?P<country>[A-Z][^\W\d_]+)[:,]\s*"
)


def _dashed_place(text: str) -> str:
    """`City - ST - Country, Publisher…` → `City, Country: Publisher…` when the city is one."""
    m = _DASHED_PLACE.match(text)
    if m is None or not names_a_known_place(m["city"]):
        return text
    return f"{m['city']}, {m['country']}: {text[m.end() :]}"


# A repository's breadcrumb after the body (`Allard School of Law, Allard Research Commons …,
# Faculty Publications …`): where the copy was found, not who published it.
_REPOSITORY_WORDS = re.compile(r"Commons|Faculty|Repository")
_REPOSITORY = re.compile(
    r",\s*[^,]*\b(?:Research Commons|Digital Commons|Faculty (?:Publications|Scholarship)|"
    r"(?:Institutional|Scholarly|Scholarship) Repository)\b.*$"
)
_LT_TYPO = re.compile(r"(?<=\w)\s*<\s*(?=[A-Z])")
_STATUS = re.compile(
    r"^(?P<status>forthcoming|in press|online first|pre-?print)[.,]?\s*"
    r"(?:[“\"‘'][^”\"’']+[”\"’']\.?\s*)?",
    re.IGNORECASE,
)
_STATUS_PAIRS = frozenset(["fo", "in", "on", "pr"])  # what each status starts with


def _may_start_with_a_status(text: str) -> bool:
    """False only where `_STATUS` cannot match: an ASCII start that is no status's first two
    letters (beyond ASCII, case folding is the pattern's to decide: `ı` is an `i` to it)."""
    head = text[:2]
    return head.lower() in _STATUS_PAIRS or not head.isascii()


@dataclass(slots=True)
class Imprint:
    """What an imprint line says; every field optional."""

    publishers: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    year: int | None = None
    year_as_printed: str | None = None
    page_count: int | None = None
    series: Series | None = None
    journal: Journal | None = None
    report_id: str | None = None
    publisher_acronym: str | None = None
    publisher_unit: str | None = None
    publisher_as_printed: str | None = None
    note: str | None = None


_GAZETTEERS: dict[int, Gazetteer] = {}


def gazetteer_for(places: Places) -> Gazetteer:
    """One gazetteer per place list (its tests are cached)."""
    found = _GAZETTEERS.get(id(places))
    if found is None or found.places is not places:
        found = _GAZETTEERS[id(places)] = Gazetteer(places)
    return found


def _series_after_count(text: str) -> tuple[str, Series | None]:
    """The imprint without the series statement after its page count, when it is one."""
    rest, statement = take_series_after_count(text)
    series = series_alone(statement) if statement is not None else None
    return (rest, series) if series is not None else (text, None)


def parse_imprint(
    line: str, authority: Authority, places: Places, known_journal: Known | None = None
) -> Imprint:
    """Parse one imprint (its lines joined)."""
    read = _read_imprint(line, authority, places, known_journal)
    if swallowed_a_date(_names_read(read)):
        return _read_up_to_the_date(line, authority, places, known_journal) or read
    return read


def _names_read(read: Imprint) -> list[str]:
    """The publishers', places', the series' and the publisher-as-printed's names an imprint
    reads: a date in one of them was read as a name."""
    series = [read.series.name] if read.series is not None and read.series.name else []
    printed = [read.publisher_as_printed] if read.publisher_as_printed else []
    return [*read.publishers, *read.places, *series, *printed]


def _read_up_to_the_date(
    line: str, authority: Authority, places: Places, known_journal: Known | None
) -> Imprint | None:
    """The imprint read up to its last page count or the date after its body, what followed
    its note (or its series or report number, when it is one alone): the reading where a
    statement the tail does not know (`2021. PDF, 45p.`, `2021. 45p. $25.00`) would have ended
    in the publisher's name."""
    for head, after in splits_before_its_end(clean(line)):
        read = _read_imprint(head, authority, places, known_journal)
        if read.year is not None and not swallowed_a_date(_names_read(read)):
            return _with_its_end(read, after)
    return None


def _with_its_end(read: Imprint, after: str) -> Imprint:
    """The imprint read up to its end and what followed: a page count, a series statement or
    report number, else a note."""
    count, rest = count_and_rest(after) if read.page_count is None else (None, after)
    read.page_count = read.page_count or count
    series, report_id = series_or_report_after_count(rest)
    if series is None and report_id is None:
        read.note = "; ".join(filter(None, [read.note, after.strip(" .,;")])) or None
    read.series, read.report_id = read.series or series, read.report_id or report_id
    return read


def _read_imprint(
    line: str, authority: Authority, places: Places, known_journal: Known | None
) -> Imprint:
    """Read one imprint in stages (the module's docstring)."""
    text = clean(line)
    if "<" in text:
        text = _LT_TYPO.sub(": ", text)  # `Perth< Coastal Trust`
    out = Imprint()
    if not text:
        return out
    text = without_label(text)
    if "p." in text:
        if _may_have_a_typed_in_count(text):
            text = sub_found(_TYPED_IN_COUNT, r"\1p.", text)
        text = sub_found(_GLUED_AFTER_COUNT, r"\1 ", text)
    if text[-2:].rstrip(".,")[-1:] == "o":
        text = sub_found(_COUNT_TYPED_AS_O, r"\1p.", text)
    if text[:1] in "C©":
        text = _COPYRIGHT.sub("", text)
    if " - " in text[:60]:
        text = _dashed_place(text)
    if text[:1] == "(" and text.rstrip(". ")[-1:] == ")":
        text = whole_in_brackets(text)  # a journal's citation too: `(Security Journal, 2021. 23p.)`
    status = _STATUS.match(text) if _may_start_with_a_status(text) else None
    if status:  # `Forthcoming. “Policing the Coast.” Journal of …`
        out.year_as_printed = status["status"]
        text = text[status.end() :]
    preprint = take_preprint(text)
    if preprint.repository is not None:  # `arXiv:2101.01234 [cs.CY]`, `Available at SSRN: …`
        text, out.report_id = preprint.rest, preprint.identifier
        if not text:
            out.publishers = [preprint.repository]
            return out
    number = report_number_alone(text) if len(text) <= 32 else None
    if number is not None:  # `NCJ 305102` as a line of its own
        out.report_id = number
        return out
    alone = series_within_its_year(text) if ":" in text or "/" in text else None
    if alone is not None:
        out.series = alone
        return out
    article = newspaper_article(text) if ", p" in text or ". p" in text else None
    if article is not None:  # `The Northland Times, 3 March 2021, p. 4`
        out.journal, out.year = article
        out.year_as_printed = str(out.year)
        return out
    # `Paper presented to the X Criminology Conference, …`: a meeting, whatever its name says
    journal = None if presents_an_occasion(text) else parse_journal(text, known_journal)
    if journal is not None:
        out.journal, out.year, out.page_count = journal
        out.year_as_printed = (
            str(out.year) if out.year else out.year_as_printed or status_as_printed(text)
        )
        return out
    year_first = _year_first(text)
    if year_first:  # `2021. Washington, DC: Urban Institute. 30p.`
        text = text[year_first.end() :]
    text, year_in_brackets = take_author_date(text)
    text, _chapter_pages = take_chapter(text)
    occasion = take_occasion(text)  # `Paper presented at …, Chicago, 2019`
    text, notes = take_imprint_notes(plain_statements(occasion.rest))
    notes = [occasion.note, *notes] if occasion.note else notes
    work = take_work_statement(text)  # `Video, 45 min. Harbour Films, 2021.`
    text, notes = work.rest, [*notes, work.note] if work.note else notes
    text, symbol = take_symbol_in_brackets(plain_catalogue_forms(text))
    text, bracketed = take_bracketed_series(text)
    text, bracketed_note = take_bracketed_note(text) if bracketed is None else (text, None)
    report_in_brackets = report_number_alone(bracketed_note) if bracketed_note else None
    if report_in_brackets:  # `… 2021. 60p. (GAO-21-123)`: a report number, not a note
        bracketed_note = None
    text, report_after_count = take_report_after_count(text)
    text, series_after_count = _series_after_count(text)
    text, report_after_year = take_report_after_year(text)
    text, edition = take_edition_after_year(text)
    text, series_after_year = take_series_after_year(text)
    text, kind = take_kind_after_year(text)
    tail = read_tail(text)
    out.page_count, out.year, out.year_as_printed, out.note = (
        tail.page_count, tail.year, tail.year_as_printed, tail.note,
    )  # fmt: skip
    last_note = out.note or edition or bracketed_note
    out.note = "; ".join(filter(None, [*notes, kind, last_note])) or None
    lead_year = int(year_first["year"]) if year_first else year_in_brackets
    if lead_year is not None and out.year is None:
        out.year = lead_year
        out.year_as_printed = out.year_as_printed or str(lead_year)
    rest, out.series, out.report_id = take_series(tail.rest)
    out.report_id = (
        out.report_id or preprint.identifier or report_after_year or report_after_count
        or report_in_brackets or symbol or work.citation
    )  # fmt: skip
    if out.series is None and series_after_year is not None:
        out.series = series_alone(series_after_year)
    out.series = out.series or series_after_count
    if bracketed is not None and out.series is None:
        out.series = bracketed
        if bracketed.number and is_identifier(bracketed.number):
            out.report_id = out.report_id or bracketed.number
    if out.series is not None and out.series.number:
        out.series, catalogue = without_catalogue_number(out.series)
        out.report_id = catalogue or out.report_id
    found = read_places_and_publishers(rest, gazetteer_for(places))
    out.places = found.places
    if occasion.note:  # a meeting or a committee publishes nothing; where it met is the place
        out.places = split_places(occasion.places, gazetteer_for(places)) if occasion.places else []
        found.publishers = []
    out.publisher_as_printed = found.printed
    publisher = found.publishers[0] if found.publishers else None
    if publisher is None and preprint.repository is not None:
        publisher = out.publisher_as_printed = preprint.repository
    if publisher is None and out.series is not None:
        # `CEPR Press Discussion Paper No. 17608`: the series names the body that issues it
        body, out.series = body_and_series(out.series)
        if body is not None:  # `Vatican City, The X Academy …`: a place may be printed before it
            named = read_places_and_publishers(body, gazetteer_for(places))
            out.places = out.places or named.places
            publisher = out.publisher_as_printed = named.printed
    if publisher and _REPOSITORY_WORDS.search(publisher):
        publisher = _REPOSITORY.sub("", publisher) or publisher
    if publisher:
        names, out.publisher_acronym, out.publisher_unit = publisher_names(publisher, authority)
        out.publishers = names
    return out
