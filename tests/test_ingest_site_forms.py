"""More forms of the site's own pages: journal citations with the issue's month, a journal's
name after its locator or after a place, series named after the body that issues them, bodies
named without an organisation word. Every line is made up in the shape of a real one."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.ingest import Lexicon, load_lexicon
from kg.ingest.byline import parse_byline
from kg.ingest.imprint import Imprint, parse_imprint
from tests.conftest import PAGE_HEAD, ROOT, fixture_lexicon, parse_page_text, record_with_byline

LEX: Lexicon = fixture_lexicon()
# The vocabularies of vocab/: what a new user's reading knows (real periodicals).
VOCAB: Lexicon = load_lexicon(ROOT / "vocab", "http://example.org/id/")
_PAGE_HEAD = PAGE_HEAD


def _imprint(text: str, lex: Lexicon = LEX) -> Imprint:
    return parse_imprint(text, lex.authority, lex.places, lex.periodicals.lookup)


def _names(byline: str, lex: Lexicon = LEX) -> list[tuple[str, str]]:
    return [(c.name, c.kind) for c in parse_byline(byline, lex.authority)]


@pytest.mark.parametrize(
    ("citation", "name", "volume", "issue", "pages", "year"),
    [
        # the issue's month and year before volume(issue), pages or not
        ("Harbour Crime Science, February 2022, 41(2)", "Harbour Crime Science", "41", "2",
         None, 2022),
        ("Harbour Crime Science, February 2022, 41(2), 100-120", "Harbour Crime Science", "41",
         "2", "100-120", 2022),
        ("Harbour Crime Science, Spring 2019, 12(1): 5-22", "Harbour Crime Science", "12", "1",
         "5-22", 2019),
        # the issue's month before `Vol.` and `Issue`
        ("Harbour Crime Science, March 2021, Vol. 12, Issue 3", "Harbour Crime Science", "12",
         "3", None, 2021),
        # the year in brackets, then volume(issue)
        ("Harbour Crime Science (2022) 41(2)", "Harbour Crime Science", "41", "2", None, 2022),
        # a name with a colon that no place starts, then `Volume`
        ("Forensic Harbour Studies: Animals and Environments. Volume 3, December 2023",
         "Forensic Harbour Studies: Animals and Environments", "3", None, None, 2023),
        # a season and year, then the pages, after a dash
        ("Northland Congress on Coastal Affairs (NCCA) — Fall 2020 . 289-295",
         "Northland Congress on Coastal Affairs (NCCA)", None, None, "289-295", 2020),
    ],
)  # fmt: skip
def test_journal_citations_with_the_issue_s_date(
    citation: str,
    name: str,
    volume: str | None,
    issue: str | None,
    pages: str | None,
    year: int,
) -> None:
    got = _imprint(citation)
    assert got.journal is not None, got
    journal = (got.journal.name, got.journal.volume, got.journal.issue, got.journal.pages)
    assert journal == (name, volume, issue, pages)
    assert (got.year, got.places, got.publishers) == (year, [], [])


@pytest.mark.parametrize(
    ("citation", "name", "volume", "issue", "year", "pages"),
    [
        # a known journal's name after its locator
        ("February 2022 41:2 Health Affairs", "Health Affairs", "41", "2", 2022, None),
        ("Spring 2021 12(3) Geopolitics", "Geopolitics", "12", "3", 2021, None),
        # a place before a known journal, as if it were a publisher
        ("Brazil: Oñati Socio-Legal Series, 2021. 22p.", "Oñati Socio-Legal Series", None, None,
         2021, 22),
        # the article's type printed after the journal's name
        ("Cureus  Open Access Review Article 2021. 11p", "Cureus", None, None, 2021, 11),
        ("Cureus. Original Research Article, 2022. 9p.", "Cureus", None, None, 2022, 9),
    ],
)  # fmt: skip
def test_known_journals_after_their_locator_a_place_or_before_an_article_type(
    citation: str, name: str, volume: str | None, issue: str | None, year: int, pages: int | None
) -> None:
    got = _imprint(citation, VOCAB)
    assert got.journal is not None, got
    assert (got.journal.name, got.journal.volume, got.journal.issue) == (name, volume, issue)
    assert (got.year, got.page_count, got.places, got.publishers) == (year, pages, [], [])


@pytest.mark.parametrize(
    "citation",
    [
        "Zeitschrift für Harbourkunde, 2021. 22p.",
        "Revista Harbour de Criminología, 2021. 22p.",
        "Revue Harbour de Criminologie, 2021. 22p.",
        "Harbour Bilimleri Dergisi, 2021. 22p.",
        "Tijdschrift voor Harbourkunde, 2021. 22p.",
        "Rivista Harbour di Criminologia, 2021. 22p.",
        "Cadernos Harbour de Segurança, 2021. 22p.",
    ],
)
def test_journals_named_so_in_other_languages(citation: str) -> None:
    got = _imprint(citation)
    assert got.journal is not None, got
    assert got.journal.name == citation.split(",")[0]
    assert (got.year, got.page_count, got.publishers) == (2021, 22, [])


@pytest.mark.parametrize(
    ("imprint", "places", "publishers", "series", "number"),
    [
        # the issuing body's name starts the series' name: it is the publisher
        ("Washington, DC: Harbour Institution Working Paper No. 17. 2022. 46p.",
         ["Washington, DC"], ["Harbour Institution"], "Harbour Institution Working Paper", "17"),
        ("Harbour Press Discussion Paper No. 17608. 2022. 46p.", [], ["Harbour Press"],
         "Harbour Press Discussion Paper", "17608"),
        ("Brussels: Harbour Crisis Group Asia Briefing N°183, 2020. 30p.", ["Brussels"],
         ["Harbour Crisis Group"], "Harbour Crisis Group Asia Briefing", "183"),
        # a series after the publisher and a comma
        ("Washington, DC: Harbour Institute, Research Report No. 5, 2020. 30p.",
         ["Washington, DC"], ["Harbour Institute"], "Research Report", "5"),
        # a series that names no body keeps the imprint without a publisher
        ("Research Report No. 5. 2020. 30p.", [], [], "Research Report", "5"),
    ],
)  # fmt: skip
def test_series_named_after_their_body_or_after_the_publisher(
    imprint: str, places: list[str], publishers: list[str], series: str, number: str
) -> None:
    got = _imprint(imprint)
    assert got.series is not None, got
    assert (got.places, got.publishers, got.series.name, got.series.number) == (
        places,
        publishers,
        series,
        number,
    )
    assert (got.journal, got.year) == (None, 2020 if "2020" in imprint else 2022)


@pytest.mark.parametrize(
    "byline",
    [
        "By Color Of Change and the Campaign for Smart Justice",
        "By Harbour Solutions and the Northland Retail Federation",
    ],
)
def test_bodies_named_with_of_or_solutions_are_organisations(byline: str) -> None:
    got = record_with_byline(byline, LEX)
    assert {c.kind for c in got.contributors} == {"organization"}, got
    assert len(got.contributors) == byline.count(",") + byline.count(" and ") + 1


def test_links_to_download_each_part_are_junk() -> None:
    page = (
        f"{_PAGE_HEAD}Cyber Fraud Trends\n\nBy Ann Lee\n\n"
        "An abstract about fraud. This publication examines the question in detail.\n\n"
        "Oxford: Harbour Press, 1923. 240p.\n\n"
        "Read/Download Part 1\nRead/Download Part 2\n\nRead/Download Part 3\n"
    )
    (got,) = parse_page_text(page, LEX)
    assert (got.publishers, got.year, got.page_count) == (("Harbour Press",), 1923, 240)


@pytest.mark.parametrize(
    ("citation", "name"),
    [
        # volume (issue) after the name's colon
        ("Harbour Bilimleri Dergisi: 12 (3). 22p.", "Harbour Bilimleri Dergisi"),
        # the repository a copy was found in, before the journal
        ("Academia EDU. Harbour Bilimleri Dergisi: 12 (3). 22p.", "Harbour Bilimleri Dergisi"),
        ("ResearchGate: Harbour Studies Quarterly, 12 (3). 22p.", "Harbour Studies Quarterly"),
    ],
)
def test_volume_and_issue_after_a_colon_or_a_repository_s_name(citation: str, name: str) -> None:
    got = _imprint(citation)
    assert got.journal is not None, got
    assert (got.journal.name, got.journal.volume, got.journal.issue) == (name, "12", "3")
    assert (got.page_count, got.places, got.publishers) == (22, [], [])


def test_a_place_before_volume_and_issue_is_no_journal() -> None:
    got = _imprint("London: 12 (3)")
    assert (got.journal, got.places) == (None, ["London"])


@pytest.mark.parametrize(
    "imprint",
    [
        "Working Paper, 2022: 11 Mexico City: Harbour Bank 2022. 53p.",
        "Working Paper 2022: 11. Mexico City: Harbour Bank, 2022. 53p.",
        "Working Paper 2022/11. Mexico City: Harbour Bank, 2022. 53p.",
    ],
)
def test_a_paper_numbered_within_its_year_is_a_series_not_a_journal(imprint: str) -> None:
    got = _imprint(imprint)
    assert got.series is not None, got
    number = imprint.split("Paper")[1].strip(" ,").split(" Mexico")[0].rstrip(".")
    assert (got.series.name, got.series.number) == ("Working Paper", number)
    assert (got.journal, got.places, got.publishers) == (None, ["Mexico City"], ["Harbour Bank"])


@pytest.mark.parametrize(
    ("citation", "name", "volume", "issue", "pages", "year"),
    [
        # MDPI: the year after the name, volume (issue), the article's number
        ("Int. J. Harbour Res. Public Health 2021, 18, 1234.",
         "Int. J. Harbour Res. Public Health", "18", None, "1234", 2021),
        ("Harbour Sciences 2021, 10(4), 123", "Harbour Sciences", "10", "4", "123", 2021),
        ("Harbour Laws 2022, 11(3), 45; https://doi.org/10.3390/laws11030045", "Harbour Laws",
         "11", "3", "45", 2022),
        # volume:issue, the year, then the pages
        ("Harbour Victims & Offenders, 17:3, 2022, 345-367", "Harbour Victims & Offenders",
         "17", "3", "345-367", 2022),
    ],
)  # fmt: skip
def test_journal_citations_as_mdpi_and_taylor_and_francis_print_them(
    citation: str, name: str, volume: str, issue: str | None, pages: str, year: int
) -> None:
    got = _imprint(citation)
    assert got.journal is not None, got
    journal = (got.journal.name, got.journal.volume, got.journal.issue, got.journal.pages)
    assert journal == (name, volume, issue, pages)
    assert (got.year, got.places, got.publishers) == (year, [], [])


def test_a_publisher_a_year_and_two_numbers_is_no_journal() -> None:
    got = _imprint("Harbour Press, 2021, 12, 30")
    assert got.journal is None


def test_a_european_parliament_document_number_after_the_count() -> None:
    imprint = "Brussels: Harbour Parliamentary Research Service, 2022. 12p. PE 729.123"
    got = _imprint(imprint)
    assert (got.publishers, got.year, got.page_count, got.report_id) == (
        ["Harbour Parliamentary Research Service"],
        2022,
        12,
        "PE 729.123",
    )


@pytest.mark.parametrize(
    ("imprint", "places", "publishers", "year"),
    [
        # the host book first (with `In`, its editors, `Chapter N in`), the chapter's pages last
        ("In: Ann Lee (ed.), Handbook of Harbour Policing. London: Harbour Press, 2021. "
         "pp. 35-62", ["London"], ["Harbour Press"], 2021),
        ("In Handbook of Harbour Policing, edited by Ann Lee, 35-62. London: Harbour Press, 2021.",
         ["London"], ["Harbour Press"], 2021),
        ("Chapter 3 in Handbook of Harbour Policing. London: Harbour Press, 2021. 20p.",
         ["London"], ["Harbour Press"], 2021),
        ("In: Harbour Justice, Vol. 3. Chicago: Harbour University Press, 2020. pp. 1-40",
         ["Chicago"], ["Harbour University Press"], 2020),
        # after the host, the chapter's range without `pp.`
        ("Chapter 4 in B. Roe (ed.), Shore Policing. Bristol: Harbour University Press, 2018, "
         "77-99.", ["Bristol"], ["Harbour University Press"], 2018),
        # the host's title and subtitle without `In`, stops doubled
        ("Pedagogies of Harbours: The Ethics of Discipline in Education.. Harbour Academic. "
         "2023. pp. 35-62", [], ["Harbour Academic"], 2023),
        # a chapter's range after an ordinary imprint
        ("London: Harbour Press, 2021. pp. 35-62", ["London"], ["Harbour Press"], 2021),
        ("Washington, DC: Harbour Institute. 2023. pp. 35-62", ["Washington, DC"],
         ["Harbour Institute"], 2023),
    ],
)  # fmt: skip
def test_a_book_chapter_s_host_and_pages_are_no_place_publisher_or_count(
    imprint: str, places: list[str], publishers: list[str], year: int
) -> None:
    got = _imprint(imprint)
    count = 20 if imprint.endswith("20p.") else None
    assert (got.places, got.publishers, got.year, got.page_count, got.journal) == (
        places,
        publishers,
        year,
        count,
        None,
    )


def test_a_journal_s_year_then_the_article_s_pages() -> None:
    got = _imprint("Journal of Harbours, 2021. pp. 35-62")
    assert got.journal is not None, got
    assert (got.journal.name, got.journal.pages, got.year) == ("Journal of Harbours", "35-62", 2021)


_SUMMARY_HEAD = (
    "Open Access Publisher and Free Library\n03-crime prevention.jpg\n\nCRIME PREVENTION\n\n"
    "CRIME PREVENTION-POLICING-CRIME REDUCTION-POLITICS\n\nPosts in inclusion\n"
)


@pytest.mark.parametrize(
    "second", ["Graffiti", "Street Graffiti", "Responses to Graffiti in Cities"]
)
def test_a_listing_summary_of_several_posts_is_one_record_a_post(second: str) -> None:
    # A listing in summary view prints each post's title and the start of its abstract only:
    # no byline and no imprint anywhere, so a title after an abstract starts the next post.
    page = (
        f"{_SUMMARY_HEAD}Homeless Encampments\n\nThis guide addresses homeless encampments, "
        "also known as transient camps. It begins by describing the problem.\n\n"
        f"{second}\n\nThis guide addresses effective responses to the problem of graffiti, "
        "the markings that deface public or private property.\n\n"
        "Open-Air Drug Markets\n\nThis guide describes the problem of open-air drug markets and "
        "reviews the factors that increase its risks.\n"
    )
    got = parse_page_text(page, LEX)
    assert [r.title for r in got] == ["Homeless Encampments", second, "Open-Air Drug Markets"]
    assert all(r.abstract and r.abstract.startswith("This guide") for r in got)


def test_a_heading_inside_an_abstract_is_no_title_where_records_have_bylines() -> None:
    page = (
        f"{_PAGE_HEAD}Prisons of the North\n\nBy Ann Lee\n\n"
        "An abstract about prisons. This publication examines the question in detail.\n\n"
        "Key Findings\n\nMost prisons are full. Most prisoners are young.\n\n"
        "Leeds: Harbour Press, 2021. 40p.\n"
    )
    (got,) = parse_page_text(page, LEX)
    assert (got.title, got.publishers) == ("Prisons of the North", ("Harbour Press",))
    assert "Key Findings" in (got.abstract or "")


@pytest.mark.parametrize(
    ("byline", "people"),
    [
        ("By Ann Lee, Tom Court and Mary Banks", ["Ann Lee", "Tom Court", "Mary Banks"]),
        ("By Geoffrey C. Roe | Jesse Parmar | Paul House | Stephen A. Brown",
         ["Geoffrey C. Roe", "Jesse Parmar", "Paul House", "Stephen A. Brown"]),
    ],
)  # fmt: skip
def test_a_family_name_that_is_an_organisation_word_among_people(
    byline: str, people: list[str]
) -> None:
    assert _names(byline) == [(p, "person") for p in people]


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        # one person beside it: a body
        ("By Ann Lee and Harbour House",
         [("Ann Lee", "person"), ("Harbour House", "organization")]),
        # a body the authority file knows, after people and a comma: their affiliation
        ("By Ann Lee, Bo Chan, Chatham House", [("Ann Lee", "person"), ("Bo Chan", "person")]),
    ],
)  # fmt: skip
def test_a_body_named_like_a_person_stays_a_body(byline: str, names: list[tuple[str, str]]) -> None:
    assert _names(byline, VOCAB) == names


@pytest.mark.parametrize(
    ("imprint", "places", "publishers"),
    [
        ("[S.l.]: [s.n.], 2022. 20p.", [], []),
        ("S.l.: Harbour Project, 2022. 20p.", [], ["Harbour Project"]),
        ("n.p.: Harbour Project, 2022. 20p.", [], ["Harbour Project"]),
        ("London: [s.n.], 2022. 20p.", ["London"], []),
        ("Place of publication not identified: Harbour Project, 2022. 20p.", [],
         ["Harbour Project"]),
    ],
)  # fmt: skip
def test_no_place_or_no_publisher_as_catalogues_print_it(
    imprint: str, places: list[str], publishers: list[str]
) -> None:
    got = _imprint(imprint)
    assert (got.places, got.publishers, got.year, got.page_count) == (places, publishers, 2022, 20)


def test_a_list_and_a_table_of_contents_in_an_abstract_are_no_imprint() -> None:
    page = (
        f"{_PAGE_HEAD}Youth Courts in Transition\n\nBy Bo Chan and Carl Dee\n\n"
        "The youth courts of the region have changed. In 2019, a new law came in.\n\n"
        "Key recommendations:\n\n1. Fund the courts.\n\n2. Train the judges.\n\n"
        "London: Northland Institute, 2020. 22p.\n\n"
        "Policing Protest\n\nEdited by Dana Roe\n\n"
        "This volume brings together essays on policing protest.\n\n"
        "Table of contents: Introduction; Chapter 1: History; Chapter 2: Law.\n\n"
        "Bristol: Policy Harbour Press, 2022. 300p.\n"
    )
    first, second = parse_page_text(page, LEX)
    assert (first.places, first.publishers) == (("London",), ("Northland Institute",))
    assert (second.places, second.publishers) == (("Bristol",), ("Policy Harbour Press",))
    assert "2. Train the judges." in (first.abstract or "")
    assert "Table of contents" in (second.abstract or "")


@pytest.mark.parametrize(
    ("imprint", "publishers", "year", "pages"),
    [
        ("Harbour Library of Ethics, Law and Technology Book 21", [], None, None),
        ("The Harbour Library of Ethics, Law and Technology, Book 21", [], None, None),
        ("The Harbour Library of Ethics, Law and Technology Book 21 (2020) 388 pages.", [], 2020,
         388),
        ("Cham: Harbour Press, 2019. 300p. Harbour Library of Ethics, Law and Technology Book 21",
         ["Harbour Press"], 2019, 300),
    ],
)  # fmt: skip
def test_a_series_named_with_commas_before_its_number(
    imprint: str, publishers: list[str], year: int | None, pages: int | None
) -> None:
    got = _imprint(imprint)
    assert got.series is not None, got
    name = "Harbour Library of Ethics, Law and Technology"
    assert (got.series.name.removeprefix("The "), got.series.number) == (name, "21")
    assert (got.publishers, got.year, got.page_count) == (publishers, year, pages)


def test_a_publisher_then_the_volume_of_a_book_in_several_is_no_series() -> None:
    got = _imprint("Harbour & Lee Group, Volume II, Justice, Mercy")
    assert got.series is None, got


@pytest.mark.parametrize("name", ["Ann Clements", "Laura Sessions", "Jo Stations"])
def test_family_names_that_end_like_plural_abstract_nouns_are_people(name: str) -> None:
    assert _names(f"By {name} and Bo Chan") == [(name, "person"), ("Bo Chan", "person")]


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        # `And` in title case joins two people as `and` does
        ("By Ann Lee And Bo Chan", [("Ann Lee", "person"), ("Bo Chan", "person")]),
        ("By Ann Lee, Bo Chan And Carl Dee",
         [("Ann Lee", "person"), ("Bo Chan", "person"), ("Carl Dee", "person")]),
        # a body's name in title case is one body
        ("By Friends Of The Harbour", [("Friends Of The Harbour", "organization")]),
    ],
)  # fmt: skip
def test_bylines_in_title_case(byline: str, names: list[tuple[str, str]]) -> None:
    assert _names(byline) == names


_WORD = st.sampled_from(
    ["Crime", "Harbour", "Policing", "Youth", "Courts", "Prisons", "Drug", "Markets", "Urban",
     "Violence", "Safety", "Northland", "Justice", "Graffiti", "Cities", "Reform"]
)  # fmt: skip
_LOWER = st.sampled_from(
    ["the", "guide", "addresses", "problem", "of", "and", "reviews", "factors", "that", "increase",
     "risks", "in", "public", "places", "describes", "responses", "local", "police"]
)  # fmt: skip
_POST = st.tuples(
    st.lists(_WORD, min_size=1, max_size=7).map(" ".join),
    st.lists(_LOWER, min_size=12, max_size=30).map(lambda ws: "This " + " ".join(ws) + "."),
)


@settings(max_examples=80, deadline=None)
@given(posts=st.lists(_POST, min_size=2, max_size=8))
def test_a_listing_summary_reads_every_post_and_keeps_every_line(
    posts: list[tuple[str, str]],
) -> None:
    page = _SUMMARY_HEAD + "".join(f"{title}\n\n{abstract}\n\n" for title, abstract in posts)
    got = parse_page_text(page, LEX)
    assert [(r.title, r.abstract) for r in got] == posts


@pytest.mark.parametrize(
    ("imprint", "place"),
    [
        ("Rio de Janeiro - RJ - Brasil, Harbour Institute, 2020. 30p.", "Rio de Janeiro, Brasil"),
        ("Rio de Janeiro - RJ - Brasil: Harbour Institute, 2020. 30p.", "Rio de Janeiro, Brasil"),
        ("Bogotá - Colombia: Harbour Institute, 2020. 30p.", "Bogotá, Colombia"),
    ],
)
def test_a_city_its_state_and_its_country_joined_by_dashes(imprint: str, place: str) -> None:
    got = _imprint(imprint)
    assert (got.places, got.publishers, got.year) == ([place], ["Harbour Institute"], 2020)


def test_a_body_and_its_part_of_the_world_after_a_dash_stay_the_publisher() -> None:
    got = _imprint("Urban Harbour Network - Africa, 2019. 44p.")
    assert (got.places, got.publishers) == ([], ["Urban Harbour Network - Africa"])


@pytest.mark.parametrize(
    "imprint",
    [
        "Harbour School of Law, Harbour Research Commons Harbour Research Commons, Faculty "
        "Publications Harbour Faculty Publications, 2019, 19p.",
        "Harbour School of Law, Digital Commons @ Harbour Law, 2019. 19p.",
        "Harbour School of Law, Harbour Law Digital Commons, Faculty Scholarship, 2019. 19p.",
    ],
)
def test_a_repository_s_breadcrumb_after_the_body_is_no_publisher(imprint: str) -> None:
    got = _imprint(imprint)
    assert (got.publishers, got.year, got.page_count) == (["Harbour School of Law"], 2019, 19)


def test_a_preprint_s_short_title_before_its_status_is_no_publisher() -> None:
    page = (
        f"{_PAGE_HEAD}Harbour Spots of Residual Deterrence: A Crossover Experiment\n\n"
        "By Ann Lee | Bo Chan\n\n"
        "In this article, we examine how communities can maximise deterrence of crime.\n\n"
        "Harbour Spots Pre-Print 2020-07\n"
    )
    (got,) = parse_page_text(page, LEX)
    assert (got.publishers, got.places, got.year) == ((), (), 2020)


@pytest.mark.parametrize("imprint", ["Pre-print. 2020. 20p.", "Preprint, 2020. 20p."])
def test_a_preprint_s_status_is_no_publisher(imprint: str) -> None:
    got = _imprint(imprint)
    assert (got.publishers, got.year, got.page_count) == ([], 2020, 20)
