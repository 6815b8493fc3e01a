"""Journal citations of other publishers and styles: law reviews, double issues, articles
published online first, eprints citations, a journal printed as a book's imprint."""

from __future__ import annotations

import pytest

from kg.ingest import Lexicon
from kg.ingest.imprint import parse_imprint
from tests.conftest import PAGE_HEAD, fixture_lexicon, parse_page_text

LEX: Lexicon = fixture_lexicon()


def _known_journal(name: str) -> str | None:
    return name if name == "Fiat Iustitia" else None


@pytest.mark.parametrize(
    ("citation", "name", "volume", "issue", "pages", "year"),
    [
        # SAGE: the year before the volume, the pages after the issue's bracket
        ("Crime & Delinquency 2019, Vol. 65(3) 345–370", "Crime & Delinquency", "65", "3",
         "345–370", 2019),
        # a season and year, then the pages
        ("Juvenile and Family Court Journal, Spring 2019, pp. 5-22.",
         "Juvenile and Family Court Journal", None, None, "5-22", 2019),
        # Taylor & Francis: year, volume:issue, pages, DOI
        ("Global Crime, 2022, 23:4, 345-367, DOI: 10.1080/17440572.2022.2123456", "Global Crime",
         "23", "4", "345-367", 2022),
        # the year after the name, then volume(issue): pages, as many reference lists print it
        ("Journal of Crime and Justice, 2019, 42(3): 301-320", "Journal of Crime and Justice",
         "42", "3", "301-320", 2019),
        ("Journal of Crime and Justice, 2020, 15(2), 123-145", "Journal of Crime and Justice",
         "15", "2", "123-145", 2020),
        ("Annual Review of Criminology, 2023. 6:1-22", "Annual Review of Criminology", "6", None,
         "1-22", 2023),
        # an electronic article number for pages (PLOS), volume and article number (BMC)
        ("PLoS ONE 15(12): e0243823 (2020)", "PLoS ONE", "15", "12", "e0243823", 2020),
        ("Crime Science 9, 14 (2020). https://doi.org/10.1186/s40163-020-00124-1",
         "Crime Science", "9", None, "14", 2020),
        # Taylor & Francis without the year: volume:issue, pages
        ("Justice Quarterly, 38:5, 812-835, DOI: 10.1080/07418825.2019.1700298",
         "Justice Quarterly", "38", "5", "812-835", None),
        # the year between volume and pages; pages marked online
        # SAGE's pages of an article published online first
        ("Journal of Interpersonal Violence, 37(5-6), NP3045-NP3070",
         "Journal of Interpersonal Violence", "37", "5-6", "NP3045-NP3070", None),
        ("Youth Justice, 21(2), 2021, 179-198.", "Youth Justice", "21", "2", "179-198", 2021),
        ("Probation Journal 68(2) 2021, pp.150–168", "Probation Journal", "68", "2", "150–168",
         2021),
        ("Journal of Criminology, 2023, 56(1)", "Journal of Criminology", "56", "1", None, 2023),
        ("Journal of Policy Analysis and Management, Vol. 41, No. 1, 9–37 (2022)",
         "Journal of Policy Analysis and Management", "41", "1", "9–37", 2022),
        ("Victims & Offenders, 2023, Online ahead of print", "Victims & Offenders", None, None,
         None, 2023),
        # `pp.` after the issue, with or without the year after the pages
        ("Journal of Illicit Markets and Development, 5(3): pp. 1–17",
         "Journal of Illicit Markets and Development", "5", "3", "1–17", None),
        ("International Journal for Crime, Justice and Democracy, 9(1), pp. 139-149. 2020",
         "International Journal for Crime, Justice and Democracy", "9", "1", "139-149", 2020),
        # year, volume, pages, each after a comma (Oxford)
        ("Human Rights Law Review, 2023, 23, 1–25", "Human Rights Law Review", "23", None,
         "1–25", 2023),
        # `v.` for the volume, a page count in `pg`
        ("Annual Review of Criminology, v. 6. 2023, 24pg", "Annual Review of Criminology", "6",
         None, None, 2023),
        # an article number after the year; pages after the month of the issue
        ("Journal of Retailing and Consumer Services, Vol.70, 2023. 103145",
         "Journal of Retailing and Consumer Services", "70", None, "103145", 2023),
        ("CRIMINAL JUSTICE AND BEHAVIOR, 2022, Vol. 49, No. 7, July 2022, 951–970.",
         "CRIMINAL JUSTICE AND BEHAVIOR", "49", "7", "951–970", 2022),
        # an abbreviated name, the year, then volume:pages (Annual Reviews)
        ("Annu. Rev. Criminol. 2022. 5:299–320", "Annu. Rev. Criminol", "5", None, "299–320",
         2022),
    ],
)  # fmt: skip
def test_journal_citations_of_other_publishers(
    citation: str,
    name: str,
    volume: str | None,
    issue: str | None,
    pages: str | None,
    year: int | None,
) -> None:
    got = parse_imprint(citation, LEX.authority, LEX.places)
    assert got.journal is not None, got
    assert (got.journal.name, got.journal.volume, got.journal.issue, got.journal.pages) == (
        name,
        volume,
        issue,
        pages,
    )
    assert (got.year, got.places, got.publishers) == (year, [], [])


@pytest.mark.parametrize(
    ("citation", "journal", "year"),
    [
        ("Crime & Delinquency. 2021;67(6-7):1051-1078. doi:10.1177/0011128720950030",
         ("Crime & Delinquency", "67", "6-7", "1051-1078"), 2021),
        ("Feminist Criminology, first published online March 12, 2021",
         ("Feminist Criminology", None, None, None), 2021),
    ],
)  # fmt: skip
def test_a_double_issue_and_an_article_published_online_first(
    citation: str, journal: tuple[str, str | None, str | None, str | None], year: int
) -> None:
    got = parse_imprint(citation, LEX.authority, LEX.places, LEX.periodicals.lookup)
    assert got.journal is not None, got
    assert (got.journal.name, got.journal.volume, got.journal.issue, got.journal.pages) == journal
    assert (got.year, got.publishers, got.places) == (year, [], [])


@pytest.mark.parametrize(
    "citation",
    [
        "Justice Quarterly, 2022, 41(4), 680-689",
        "Justice Quarterly, 2022, 41(4): 680-689",
        "Justice Quarterly 15(12): e0243823 (2020)",
        "Crime Science 9, 14 (2020)",
    ],
)
def test_a_journal_citation_ends_its_record_before_one_without_a_byline(citation: str) -> None:
    page = (
        f"{PAGE_HEAD}Violence in Context\n\nBy Chen Rossi\n\n"
        "An abstract about violence. This publication examines the question in detail.\n\n"
        f"{citation}\n\nEvidence Risk in Context: A Review\n\n"
        "An abstract about risk. This publication examines the question in detail.\n\n"
        "London: Harbour Press, 2019. 25p.\n"
    )
    first, second = parse_page_text(page, LEX)
    assert first.journal is not None and first.journal.name in (
        "Justice Quarterly",
        "Crime Science",
    )
    assert (second.title, second.publishers) == (
        "Evidence Risk in Context: A Review",
        ("Harbour Press",),
    )


@pytest.mark.parametrize(
    ("citation", "name", "volume", "issue", "count"),
    [
        ("Security Journal (2025), pp. 23", "Security Journal", None, None, 23),
        ("Journal of International Wildlife Law & Policy, Volume 26, 2023 - Issue 2, pp. 32",
         "Journal of International Wildlife Law & Policy", "26", "2", 32),
        ("Fiat Iustitia, Issue Year: 2/2023, pp. 16", "Fiat Iustitia", None, "2", 16),
    ],
)  # fmt: skip
def test_pp_and_one_number_at_the_end_of_a_citation_is_its_page_count(
    citation: str, name: str, volume: str | None, issue: str | None, count: int
) -> None:
    # `pp.` is plural: pages, not the page an article starts on (that is `p. 23` or a range).
    got = parse_imprint(citation, LEX.authority, LEX.places, _known_journal)
    assert got.journal is not None, got
    assert (got.journal.name, got.journal.volume, got.journal.issue, got.journal.pages) == (
        name,
        volume,
        issue,
        None,
    )
    assert got.page_count == count


def test_an_eprints_citation_repeating_the_title_names_the_journal() -> None:
    title = "‘Harbour Clans: A Framework for Cross-Border Policing"
    page = (
        f"{PAGE_HEAD}{title}\n\nMarsh, Elena\n\n"
        "An abstract about clans. This publication examines the question in detail.\n\n"
        f"{title[1:]}. Policing: A Journal of Policy and Practice, 15 (2). (2021) pp. 1522-1536.\n"
    )
    (got,) = parse_page_text(page, LEX)
    assert got.journal is not None, got
    assert (got.journal.name, got.journal.volume, got.journal.issue, got.journal.pages) == (
        "Policing: A Journal of Policy and Practice",
        "15",
        "2",
        "1522-1536",
    )
    assert (got.year, list(got.places), list(got.publishers)) == (2021, [], [])
    assert [c.name for c in got.contributors] == ["Elena Marsh"]


@pytest.mark.parametrize(
    ("citation", "name", "volume", "pages", "year"),
    [
        ("42 Colum. J. Gender & L. 183 (2022).", "Colum. J. Gender & L.", "42", "183", 2022),
        ("75 Stan. L. Rev. 1021 (2023)", "Stan. L. Rev.", "75", "1021", 2023),
        ("110 J. Crim. L. & Criminology 1 (2020).", "J. Crim. L. & Criminology", "110", "1",
         2020),
    ],
)  # fmt: skip
def test_a_law_review_cited_as_lawyers_cite_it(
    citation: str, name: str, volume: str, pages: str, year: int
) -> None:
    got = parse_imprint(citation, LEX.authority, LEX.places, LEX.periodicals.lookup)
    assert got.journal is not None, got
    assert (got.journal.name, got.journal.volume, got.journal.pages, got.year) == (
        name,
        volume,
        pages,
        year,
    )
    assert (got.publishers, got.places) == ([], [])


@pytest.mark.parametrize(
    ("citation", "name", "year", "pages"),
    [
        ("Geopolitics, Feb. 2022.", "Geopolitics", 2022, None),
        ("Health Affairs, 2022. 10p.", "Health Affairs", 2022, 10),
        ("Oñati Socio-Legal Series, 2021. 22p.", "Oñati Socio-Legal Series", 2021, 22),
    ],
)
def test_real_journals_whose_names_do_not_say_so_are_known_by_name(
    citation: str, name: str, year: int, pages: int | None
) -> None:
    # The periodical list of vocab/, not the test fixtures': what a new user's reading knows.
    from kg.ingest import load_lexicon
    from tests.conftest import ROOT

    lex = load_lexicon(ROOT / "vocab", "http://example.org/id/")
    got = parse_imprint(citation, lex.authority, lex.places, lex.periodicals.lookup)
    assert got.journal is not None, got
    assert (got.journal.name, got.year, got.page_count, got.publishers) == (name, year, pages, [])


def test_a_case_number_is_no_journal_citation() -> None:
    imprint = "Appeal from the United States District Court USDC No. 6:20-CV-1438. 29p."
    got = parse_imprint(imprint, LEX.authority, LEX.places, LEX.periodicals.lookup)
    assert (got.journal, got.page_count) == (None, 29)


def test_a_vancouver_citation_without_a_space_before_the_year() -> None:
    got = parse_imprint(
        "American  Journal of   Public Health.2020;110:1546–1552. doi:10.2105/AJPH.2020.305822",
        LEX.authority,
        LEX.places,
        LEX.periodicals.lookup,
    )
    assert got.journal is not None, got
    assert (got.journal.name, got.journal.volume, got.journal.pages, got.year) == (
        "American Journal of Public Health",
        "110",
        "1546–1552",
        2020,
    )


def test_a_vancouver_citation_with_the_month_and_day_of_the_issue() -> None:
    got = parse_imprint(
        "MMWR Morbidity and Mortality Weekly Report 2018 Nov 9;67(44):1233-1237",
        LEX.authority,
        LEX.places,
        LEX.periodicals.lookup,
    )
    assert got.journal is not None, got
    assert (got.journal.name, got.journal.volume, got.journal.issue, got.journal.pages) == (
        "MMWR Morbidity and Mortality Weekly Report",
        "67",
        "44",
        "1233-1237",
    )
    assert (got.year, got.publishers, got.places) == (2018, [], [])


def test_a_journal_printed_as_a_book_imprint_after_a_city_and_region() -> None:
    imprint = "Canterbury, UK: Journal of Interpersonal Violence, 2023. 26p."
    got = parse_imprint(imprint, LEX.authority, LEX.places, LEX.periodicals.lookup)
    assert got.journal is not None, got
    assert (got.journal.name, got.year, got.page_count, got.publishers) == (
        "Journal of Interpersonal Violence",
        2023,
        26,
        [],
    )
