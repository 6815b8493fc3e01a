"""Preprints and papers a repository or a statistics office numbers: an arXiv identifier
(`arXiv:2101.01234 [cs.CY]`: the repository is the publisher, the identifier the report
number), a copy `Available at SSRN: <link>` (the repository is the publisher, the links go) and
a periodical with its catalogue number in brackets (`(Juristat, Catalogue no. 85-002-X)`: the
series, and the number is the report number, not the work's number in the series). Every line
is made up."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.ingest import Lexicon
from kg.ingest.imprint import Imprint, parse_imprint
from kg.records import Series
from tests.conftest import fixture_lexicon

LEX: Lexicon = fixture_lexicon()

Read = tuple[list[str], list[str], int | None, str | None]


def _imprint(text: str) -> Imprint:
    return parse_imprint(text, LEX.authority, LEX.places, LEX.periodicals.lookup)


def _read(text: str) -> Read:
    """(publishers, places, year, report number); no journal."""
    got = _imprint(text)
    assert got.journal is None, got
    return got.publishers, got.places, got.year, got.report_id


@pytest.mark.parametrize(
    ("imprint", "read"),
    [
        ("arXiv:2101.01234 [cs.CY]", (["arXiv"], [], None, "arXiv:2101.01234")),
        ("arXiv preprint arXiv:2103.04567, 2021.", (["arXiv"], [], 2021, "arXiv:2103.04567")),
        ("Preprint, arXiv:2012.03456v2 [stat.AP], 2020.",
         (["arXiv"], [], 2020, "arXiv:2012.03456v2")),
        ("arXiv:math/0701123, 2007.", (["arXiv"], [], 2007, "arXiv:math/0701123")),
        # the repository a copy is available at
        ("Available at SSRN: https://ssrn.com/abstract=1234567", (["SSRN"], [], None, None)),
        ("Available at SSRN: https://ssrn.com/abstract=1234567 or "
         "http://dx.doi.org/10.2139/ssrn.1234567", (["SSRN"], [], None, None)),
        ("2021. Available at SSRN: https://ssrn.com/abstract=7654321",
         (["SSRN"], [], 2021, None)),
    ],
)  # fmt: skip
def test_a_preprint_s_repository_is_its_publisher(imprint: str, read: Read) -> None:
    assert _read(imprint) == read


def test_a_publisher_printed_beside_the_identifier_stays_the_publisher() -> None:
    got = _imprint("Harbourtown: Harbour University, 2021. arXiv:2101.04321")
    assert (got.publishers, got.places, got.report_id) == (
        ["Harbour University"], ["Harbourtown"], "arXiv:2101.04321",
    )  # fmt: skip


@given(
    month=st.integers(7, 12),
    year=st.integers(7, 29),
    number=st.integers(1, 99999),
    version=st.integers(1, 9) | st.none(),
)
def test_every_arxiv_identifier_is_the_report_number(
    month: int, year: int, number: int, version: int | None
) -> None:
    identifier = f"arXiv:{year:02d}{month:02d}.{number:05d}" + (f"v{version}" if version else "")
    assert _read(f"{identifier} [cs.CY]") == (["arXiv"], [], None, identifier)


@pytest.mark.parametrize(
    ("imprint", "series", "report"),
    [
        ("Ottawa: Statistics Canada, 2022. 30p. (Juristat, Catalogue no. 85-002-X)",
         Series("Juristat", None), "85-002-X"),
        ("Statistics Canada, 2021. 25p. (Harbour Statistics Bulletin, Catalogue no. 12-345-X)",
         Series("Harbour Statistics Bulletin", None), "12-345-X"),
        ("(Harbour Health Reports, Catalogue no. 82-003-X)",
         Series("Harbour Health Reports", None), "82-003-X"),
        ("Harbour Health Reports, Cat. No. 82-003-X, 2020.",
         Series("Harbour Health Reports", None), "82-003-X"),
        # the periodical's ISSN after the catalogue number
        ("Ottawa: Marsh Statistics Office, 2023. 22p. (Juristat, Catalogue no. 85-002-X, "
         "ISSN 1205-8882)", Series("Juristat", None), "85-002-X"),
    ],
)  # fmt: skip
def test_a_catalogue_number_is_the_report_number_not_the_series_number(
    imprint: str, series: Series, report: str
) -> None:
    got = _imprint(imprint)
    assert (got.series, got.report_id) == (series, report)


def test_a_preprint_available_at_arxiv() -> None:
    assert _read("Preprint available at arXiv:2302.01111") == (
        ["arXiv"], [], None, "arXiv:2302.01111",
    )  # fmt: skip


def test_a_working_paper_s_label_before_an_arxiv_identifier_is_no_publisher() -> None:
    assert _read("Working paper, arXiv:2008.54321, 2020.") == (
        ["arXiv"], [], 2020, "arXiv:2008.54321",
    )  # fmt: skip
