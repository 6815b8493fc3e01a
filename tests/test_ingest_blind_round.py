"""Forms found by a blind round of made-up listing pages of sections the dev pages do not cover:
a journal article cited in full (its authors, year and title before the journal, in the APA,
Chicago and Vancouver styles), a series and its number without `no.` on a line of its own
between abstract and imprint. Every line is made up."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.records import Record
from tests.conftest import PAGE_HEAD, parse_page_text
from tests.imprints import LEX


def _one(title: str, *paragraphs: str) -> Record:
    """The one record of a page printing `title`, a byline and the paragraphs after it."""
    page = PAGE_HEAD + "\n\n".join([title, "By Tessa Imrie", *paragraphs]) + "\n"
    (got,) = parse_page_text(page, LEX)
    return got


_ABSTRACT = "An article on bail hearings in island courts. It draws on court files from ten years."

# --- a journal article cited in full: the authors, year and title before the journal

_CITED = [
    (  # APA
        "Imrie, T., & Lowe, R. (2021). Bail in the islands. "
        "Westvale Journal of Courts, 9(1), 12–30.",
        ("Westvale Journal of Courts", "9", "1", "12–30"), 2021,
    ),
    (  # Chicago, author-date
        'Imrie, Tessa. 2020. "Bail in the Islands." Westvale Journal of Courts 9 (1): 12–30.',
        ("Westvale Journal of Courts", "9", "1", "12–30"), 2020,
    ),
    (  # Chicago, the title's stop inside its quotes, a question mark
        "Imrie, Tessa, and Rhona Lowe. 2019. “Bail in the Islands?” "
        "Harbour Law Quarterly 31 (2): 5-22.",
        ("Harbour Law Quarterly", "31", "2", "5-22"), 2019,
    ),
    (  # Vancouver
        "Imrie T, Lowe R. Bail in the islands. Westvale Law Review. 2022;45(2):133-160.",
        ("Westvale Law Review", "45", "2", "133-160"), 2022,
    ),
    (  # Vancouver, one author
        "Imrie T. Bail in the islands. Westvale Law Review. 2022;45(2):133-160.",
        ("Westvale Law Review", "45", "2", "133-160"), 2022,
    ),
]  # fmt: skip


@pytest.mark.parametrize(("imprint", "journal", "year"), _CITED)
def test_an_article_cited_in_full_reads_its_journal_and_year(
    imprint: str, journal: tuple[str, str, str, str], year: int
) -> None:
    got = _one("Bail in the Islands", _ABSTRACT, imprint)
    assert got.journal is not None
    assert (got.journal.name, got.journal.volume, got.journal.issue, got.journal.pages) == journal
    assert got.year == year
    assert (got.publishers, got.places) == ((), ())


def test_a_book_cited_in_full_reads_its_place_and_publisher() -> None:
    got = _one(
        "Bail in the Islands",
        _ABSTRACT,
        "Imrie, T. (2018). Bail in the islands. Wellington: Harbour University Press.",
    )
    assert (got.publishers, got.places, got.year) == (
        ("Harbour University Press",), ("Wellington",), 2018,
    )  # fmt: skip


@given(
    family=st.sampled_from(["Imrie", "Lowe", "Okonkwo", "van Dijk"]),
    initial=st.sampled_from("ABCDKMRT"),
    year=st.integers(1990, 2029),
    volume=st.integers(1, 99),
    issue=st.integers(1, 12),
    first=st.integers(1, 500),
)
def test_any_apa_citation_of_the_record_s_title_reads_its_journal(
    family: str, initial: str, year: int, volume: int, issue: int, first: int
) -> None:
    imprint = (
        f"{family}, {initial}. ({year}). Bail in the islands. "
        f"Westvale Journal of Courts, {volume}({issue}), {first}-{first + 20}."
    )
    got = _one("Bail in the Islands", _ABSTRACT, imprint)
    assert got.journal is not None
    assert (got.journal.name, got.journal.volume, got.year) == (
        "Westvale Journal of Courts", str(volume), year,
    )  # fmt: skip


# Guards: what is read as it was.
@pytest.mark.parametrize(
    ("imprint", "name"),
    [
        (
            "Bail in the Islands. Westvale Journal of Courts, 9(1), 12–30.",
            "Westvale Journal of Courts",
        ),
        ("Westvale Journal of Courts (2021) 9:12–30", "Westvale Journal of Courts"),
        ("Harbour Law Review. 2019;54(1):201-221.", "Harbour Law Review"),
    ],
)
def test_a_journal_citation_without_its_authors_reads_as_before(imprint: str, name: str) -> None:
    got = _one("Bail in the Islands", _ABSTRACT, imprint)
    assert got.journal is not None and got.journal.name == name


def test_a_body_s_author_date_imprint_reads_as_before() -> None:
    got = _one("Bail in the Islands", _ABSTRACT, "Harbour Institute (2021). Wellington. 45p.")
    assert (got.publishers, got.places, got.year, got.page_count) == (
        ("Harbour Institute",), ("Wellington",), 2021, 45,
    )  # fmt: skip


# --- a series and its number without `no.`, a paragraph of its own before the imprint


@pytest.mark.parametrize(
    ("line", "series"),
    [
        ("Research Report 88", ("Research Report", "88")),
        ("Discussion Paper 14", ("Discussion Paper", "14")),
        ("Westvale Policy Brief 7.", ("Westvale Policy Brief", "7")),
        ("Crime and Justice Bulletin 231", ("Crime and Justice Bulletin", "231")),
    ],
)
def test_a_series_line_without_no_before_the_imprint_is_the_series(
    line: str, series: tuple[str, str]
) -> None:
    got = _one(
        "Night Courts in Coastal Towns",
        _ABSTRACT,
        line,
        "Southgate: Southgate Home Office, 2020. 54p.",
    )
    assert got.series is not None and (got.series.name, got.series.number) == series
    assert got.abstract == _ABSTRACT
    assert (got.publishers, got.year, got.page_count) == (("Southgate Home Office",), 2020, 54)


def test_a_short_abstract_paragraph_naming_a_study_stays_abstract() -> None:
    got = _one(
        "Night Courts in Coastal Towns",
        _ABSTRACT,
        "The second part reports Study 2.",
        "Southgate: Southgate Home Office, 2020. 54p.",
    )
    assert got.series is None
    assert got.abstract == _ABSTRACT + "\n\nThe second part reports Study 2."


# --- a series without a number, first in the imprint before the place and its colon


@pytest.mark.parametrize(
    ("imprint", "series", "read"),
    [
        (
            "Westvale Justice Analytical Series. "
            "Southgate: Westvale Ministry of Justice, 2018. 26p.",
            "Westvale Justice Analytical Series",
            (("Westvale Ministry of Justice",), ("Southgate",), 2018, 26),
        ),
        (
            "Harbour Research Series. London: Harbour Press, 2020. 40p.",
            "Harbour Research Series",
            (("Harbour Press",), ("London",), 2020, 40),
        ),
    ],
)
def test_a_series_without_a_number_before_the_place_is_the_series(
    imprint: str, series: str, read: tuple[tuple[str, ...], tuple[str, ...], int, int]
) -> None:
    got = _one("Night Courts in Coastal Towns", _ABSTRACT, imprint)
    assert got.series is not None and (got.series.name, got.series.number) == (series, None)
    assert (got.publishers, got.places, got.year, got.page_count) == read


def test_a_publisher_named_series_before_a_place_reads_as_before() -> None:
    got = _one(
        "Night Courts in Coastal Towns",
        _ABSTRACT,
        "London: Harbour Series Press, 2020. 40p.",
    )
    assert got.series is None
    assert (got.publishers, got.places) == (("Harbour Series Press",), ("London",))


# --- more of an article cited in full: MLA (no year before the title, the title in quotes), a
# subtitle the listing's title leaves out


@pytest.mark.parametrize(
    ("imprint", "journal", "year"),
    [
        (
            'Imrie, Tessa. "Bail in the Islands." '
            "Westvale Law Review, vol. 9, no. 1, 2021, pp. 12-30.",
            ("Westvale Law Review", "9", "1", "12-30"), 2021,
        ),
        (
            "Imrie T. Bail in the islands: a review. Westvale J Courts. 2023;8(2):55-70.",
            ("Westvale J Courts", "8", "2", "55-70"), 2023,
        ),
        (
            "Imrie, T. (2021). Bail in the islands: Evidence from ten years. "
            "Westvale Journal of Courts, 9(1), 12–30.",
            ("Westvale Journal of Courts", "9", "1", "12–30"), 2021,
        ),
    ],
)  # fmt: skip
def test_an_article_cited_in_mla_or_with_a_subtitle_reads_its_journal(
    imprint: str, journal: tuple[str, str, str, str], year: int
) -> None:
    got = _one("Bail in the Islands", _ABSTRACT, imprint)
    assert got.journal is not None
    assert (got.journal.name, got.journal.volume, got.journal.issue, got.journal.pages) == journal
    assert (got.year, got.publishers, got.places) == (year, (), ())


# --- a record without a byline whose abstract is one short sentence opening `A`/`An`


@pytest.mark.parametrize(
    "sentence",
    [
        "A quarterly release of bail outcomes for each court.",
        "An annual count of remand places by region.",
        "A short guide for volunteers at the court.",
    ],
)
def test_a_short_sentence_under_a_title_without_a_byline_is_the_abstract(sentence: str) -> None:
    imprint = "Westvale Courts Office, 2023. 15p."
    page = f"{PAGE_HEAD}Bail Statistics Quarterly\n\n{sentence}\n\n{imprint}\n"
    (got,) = parse_page_text(page, LEX)
    assert got.contributors == ()
    assert got.abstract == sentence


@pytest.mark.parametrize(
    ("byline", "name"),
    [
        ("Harbour Centre for the Study of Courts", "Harbour Centre for the Study of Courts"),
        ("An Garda Research Unit", "An Garda Research Unit"),
    ],
)
def test_a_body_s_byline_without_by_reads_as_before(byline: str, name: str) -> None:
    page = (
        f"{PAGE_HEAD}Bail Statistics Quarterly\n\n{byline}\n\n{_ABSTRACT}\n\n"
        "Westvale Courts Office, 2023. 15p.\n"
    )
    (got,) = parse_page_text(page, LEX)
    assert [c.name for c in got.contributors] == [name]
