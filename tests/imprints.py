"""Imprint lines read with the test authority file, as the imprint and citation tests read them."""

from __future__ import annotations

from kg.ingest import Lexicon
from kg.ingest.imprint import Imprint, parse_imprint
from tests.conftest import fixture_lexicon

LEX: Lexicon = fixture_lexicon()

# (name, volume, issue, pages, year) of the journal a line cites
JournalRead = tuple[str, str | None, str | None, str | None, int | None]


def imprint_of(text: str) -> Imprint:
    """The imprint line read as `kg parse` reads it."""
    return parse_imprint(text, LEX.authority, LEX.places, LEX.periodicals.lookup)


def main_fields(got: Imprint) -> tuple[list[str], list[str], int | None, int | None]:
    """An imprint's publishers, places, year and page count."""
    return got.publishers, got.places, got.year, got.page_count


ReportRead = tuple[list[str], list[str], int | None, int | None, str | None]


def report_read(text: str) -> ReportRead:
    """(publishers, places, year, page count, report number) of an imprint line."""
    got = imprint_of(text)
    return got.publishers, got.places, got.year, got.page_count, got.report_id


def journal_of(text: str) -> JournalRead | None:
    """(name, volume, issue, pages, year) of the journal a line cites, or None; a citation
    names no place or publisher."""
    got = imprint_of(text)
    if got.journal is None:
        return None
    journal = got.journal
    assert (got.places, got.publishers) == ([], []), got
    return journal.name, journal.volume, journal.issue, journal.pages, got.year
