"""More forms of the site's own pages: listing summaries of several posts, headings and tables
of contents inside an abstract, family names that are organisation words, bylines in title case,
places joined by dashes, repositories' breadcrumbs and preprints. Every line is made up in the
shape of a real one."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.ingest import Lexicon, load_lexicon
from kg.ingest.byline import parse_byline
from kg.ingest.imprint import Imprint, parse_imprint
from tests.conftest import PAGE_HEAD, ROOT, fixture_lexicon, parse_page_text

LEX: Lexicon = fixture_lexicon()
# The vocabularies of vocab/: what a new user's reading knows (real periodicals).
VOCAB: Lexicon = load_lexicon(ROOT / "vocab", "http://example.org/id/")


def _imprint(text: str, lex: Lexicon = LEX) -> Imprint:
    return parse_imprint(text, lex.authority, lex.places, lex.periodicals.lookup)


def _names(byline: str, lex: Lexicon = LEX) -> list[tuple[str, str]]:
    return [(c.name, c.kind) for c in parse_byline(byline, lex.authority)]


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
        f"{PAGE_HEAD}Prisons of the North\n\nBy Ann Lee\n\n"
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
        f"{PAGE_HEAD}Youth Courts in Transition\n\nBy Bo Chan and Carl Dee\n\n"
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
        f"{PAGE_HEAD}Harbour Spots of Residual Deterrence: A Crossover Experiment\n\n"
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
