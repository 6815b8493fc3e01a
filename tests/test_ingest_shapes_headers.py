"""A page's header and furniture: scope lines with any dash or in title case, a section's
heading and description, result counts, posting dates, links and web page furniture after a
record, a post in its mobile form."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.ingest import Lexicon, read_source
from kg.records import Record
from tests.conftest import PAGE_HEAD, fixture_lexicon, parse_page_text

LEX: Lexicon = fixture_lexicon()


@pytest.mark.parametrize("dash", ["-", "–", "—"])
def test_a_scope_line_with_any_dash_is_the_header(dash: str) -> None:
    scope = dash.join(["VICTIMIZATION", "ABUSE", "WITNESSES", "VICTIM SURVEYS"])
    page = (
        f"The Open Access Publisher and Free Library\n09-victimization.jpg\n\nVICTIMIZATION\n\n"
        f"{scope}\n\nPosts in Diversity\nFamily violence and sexual harm: research report 2023\n\n"
        "By Gemma Hamilton, Alexandra Ridgway\n\n"
        "An abstract about harm. This publication examines the question in detail.\n\n"
        "Melbourne: RMIT University, 2023. 59p,\n"
    )
    (got,) = parse_page_text(page, LEX)
    assert got.title == "Family violence and sexual harm: research report 2023"
    assert [c.name for c in got.contributors] == ["Gemma Hamilton", "Alexandra Ridgway"]


@pytest.mark.parametrize(
    "link", ["Read the report", "Read the full report", "View the publication", "Full text"]
)
def test_a_link_to_the_report_after_a_record_is_junk(link: str) -> None:
    page = (
        f"{PAGE_HEAD}Guns in America\n\nBy Ann Lee\n\n"
        "An abstract about guns. This publication examines the question in detail.\n\n"
        f"Santa Barbara, CA: ABC-CLIO, 2012. 400p,\n\n{link}\n\n"
        "Courts in Crisis\n\nBy Jane Roe\n\n"
        "An abstract about the courts. This publication examines the question in detail.\n\n"
        f"London: Home Office, 2019. 30p.\n\n{link}\n"
    )
    first, second = parse_page_text(page, LEX)
    assert (first.publishers, first.year, first.page_count) == (("ABC-CLIO",), 2012, 400)
    assert (second.publishers, second.year, second.page_count) == (("Home Office",), 2019, 30)


@pytest.mark.parametrize(
    "furniture",
    [
        ["Older Posts", "Newer Posts"],
        ["Page 1 of 12", "Next →"],
        ["Load more"],
        ["Read More →"],
        ["Posted by admin"],
        ["Posted on March 3, 2024"],
        ["Back to top"],
        ["5 min read"],
        ["12 Likes"],
        ["« Previous", "Next »"],
    ],
)
def test_web_page_furniture_after_a_record_is_junk(furniture: list[str]) -> None:
    lines = "".join(f"\n\n{line}" for line in furniture)
    page = (
        f"{PAGE_HEAD}Guns in America\n\nBy Ann Lee\n\n"
        "An abstract about guns. This publication examines the question in detail.\n\n"
        f"Santa Barbara, CA: ABC-CLIO, 2012. 400p.{lines}\n\n"
        "Courts in Crisis\n\nBy Jane Roe\n\n"
        "An abstract about the courts. This publication examines the question in detail.\n\n"
        f"London: Home Office, 2019. 30p.{lines}\n"
    )
    first, second = parse_page_text(page, LEX)
    assert (first.publishers, first.year, first.page_count) == (("ABC-CLIO",), 2012, 400)
    assert (second.publishers, second.year, second.page_count) == (("Home Office",), 2019, 30)


@pytest.mark.parametrize("date", ["March 12, 2024", "12 March 2024", "2024-03-12", "Mar. 3, 2024"])
def test_a_posting_date_before_each_title_is_junk(date: str) -> None:
    page = (
        f"{PAGE_HEAD}{date}\n\nGuns in America\n\nBy Ann Lee\n\n"
        "An abstract about guns. This publication examines the question in detail.\n\n"
        f"Santa Barbara, CA: ABC-CLIO, 2012. 400p.\n\n{date}\n\n"
        "Courts in Crisis\n\nBy Jane Roe\n\n"
        "An abstract about the courts. This publication examines the question in detail.\n\n"
        "London: Home Office,\n\n2019-05-12.\n"
    )
    first, second = parse_page_text(page, LEX)
    assert (first.title, first.publishers, first.year) == ("Guns in America", ("ABC-CLIO",), 2012)
    assert (second.title, second.publishers, second.year) == (
        "Courts in Crisis",
        ("Home Office",),
        2019,
    )


def test_a_listing_s_result_count_and_sort_line_are_header_furniture() -> None:
    page = (
        "Open Access Publisher and Free Library\n04-punishment.jpg\n\nPUNISHMENT\n\n"
        "Showing 1–20 of 345 results\n\nSort by: Newest\n\nPosts in punishment\n"
        "Prisons Today\n\nBy Ann Lee\n\nAn abstract about prisons. This publication examines "
        "the question in detail.\n\nLondon: Home Office, 2019. 45p.\n\nPage 1 of 18\n\n"
        "Showing 21–40 of 345\n"
    )
    (record,) = parse_page_text(page, LEX)
    assert (record.title, record.publishers) == ("Prisons Today", ("Home Office",))
    assert "Punishment" in record.topics  # the `Posts in` line is still the header's


def test_a_title_over_two_lines_below_the_header_is_read_whole_and_said(
    tmp_path: Path,
) -> None:
    # Right below the header, a title's first half and a line the header does not know
    # (`Latest publications`) look the same: the two are read as one title, and said.
    page = tmp_path / "p.txt"
    page.write_text(
        "Open Access Publisher and Free Library\n04-punishment.jpg\n\nPUNISHMENT\n\n"
        "Making the Rounds: Illicit\nAmmunition in Ukraine\n\nBy Ann Lee\n\nAn abstract about "
        "arms. This publication examines the question in detail.\n\n"
        "Geneva: Small Arms Survey, 2021. 68p.\n",
        encoding="utf-8",
    )
    said: list[str] = []
    (record,) = read_source(page, LEX, said.append)
    assert isinstance(record, Record)
    assert record.title == "Making the Rounds: Illicit Ammunition in Ukraine"
    assert said == [
        f"{page}:6: a title printed over two lines is read as one — if its first line is no "
        "part of it, add a correction"
    ]


def test_a_heading_in_capitals_that_names_the_pages_image_is_the_section() -> None:
    page = (
        "Open Access Publisher and Free Library\n11-policing.jpg\n\nPOLICING\n\nKnife Crime\n\n"
        "Ann Lee and Bo Chan\n\nAn abstract about knife crime. This publication examines the "
        "question in detail.\n\nLondon: Home Office, 2020. 30p.\n"
    )
    (record,) = parse_page_text(page, LEX)
    assert (record.title, [c.name for c in record.contributors]) == (
        "Knife Crime",
        ["Ann Lee", "Bo Chan"],
    )


def test_a_title_in_sentence_case_left_open_by_a_comma_goes_on_after_a_junk_line() -> None:
    # Abstracts printed after their imprints, no bylines: `…review,` / `1990-2021` is one title
    # (a line left open by a comma goes on), not an abstract paragraph and a title after it.
    page = (
        f"{PAGE_HEAD}Prisons in Context\n\nLondon: Harbour Press, 2019. 25p.\n\n"
        "This report examines how local services respond to reports of harm.\n\ndownload\n\n"
        "Violence policing victims courts prisons youth in context 2: violence policing review,\n"
        "1990-2021\n\nGeneva: Harbour Research Council, 2020. 30p.\n\n"
        "This report examines how local services respond to reports of harm.\n"
    )
    first, second = parse_page_text(page, LEX)
    assert first.title == "Prisons in Context"
    assert second.title == (
        "Violence policing victims courts prisons youth in context 2: violence policing review, "
        "1990-2021"
    )


@pytest.mark.parametrize(
    ("image", "heading", "scope"),
    [
        # the scope in title case, words hyphen-joined as the heading's terms are
        ("HARBOUR+CRIME.jpeg", "CRIME",
         "Violent-Non-Violent-Cyber-Organized-Policing-Crime Prevention-Victimization"),
        ("TERRORISM.jpeg", "TERRORISM", "Terrorism-Domestic-Radicalization-War-Mass Shootings"),
        # in capitals, some dashes spaced
        ("07-environmental crime.jpg", "ENVIRONMENTAL CRIME",
         "ENVIRONMENTAL HARM -WILDLIFE-TRAFFICKING-OVER FISHING - LOGGING"),
    ],
)  # fmt: skip
@pytest.mark.parametrize("posts", ["", "Posts in Social Sciences\n"])
def test_a_scope_line_in_title_case_or_with_spaced_dashes_is_the_header(
    image: str, heading: str, scope: str, posts: str
) -> None:
    page = (
        f"Open Access Publisher and Free Library\n{image}\n\n{heading}\n\n{scope}\n\n"
        f"{posts}Rural Crime and Community Safety\n\nBy Gemma Hamilton.\n\n"
        "An abstract about harm. This publication examines the question in detail.\n\n"
        "Melbourne: RMIT University, 2023. 59p.\n"
    )
    (got,) = parse_page_text(page, LEX)  # and no block of the header left as a reject
    assert got.title == "Rural Crime and Community Safety"
    assert [c.name for c in got.contributors] == ["Gemma Hamilton"]
    assert got.section == heading


def test_a_first_title_hyphenated_like_a_scope_line_keeps_its_byline() -> None:
    title = "Cross-Border Anti-Money-Laundering Co-Operation"
    page = f"Open Access Publisher and Free Library\n01-crime.jpg\n\nCRIME\n\n{title}\n\n" + (
        "By Gemma Hamilton\n\nAn abstract about harm. This publication examines the question.\n\n"
        "Melbourne: RMIT University, 2023. 59p.\n"
    )
    (got,) = parse_page_text(page, LEX)
    assert (got.title, [c.name for c in got.contributors]) == (title, ["Gemma Hamilton"])


@pytest.mark.parametrize(
    ("under_heading", "posts"),
    [
        # the section described in a paragraph of its own
        ("Social sciences examine human behaviour, social structures and interactions. Fields "
         "such as sociology and economics study social relationships and cultural patterns.",
         "Posts in Criticism\n"),
        ("Social sciences examine human behaviour, social structures and interactions. Fields "
         "such as sociology and economics study social relationships and cultural patterns.", ""),
        # the scope line and a pointer to more of the collection
        ("PUNISHMENT-PRISON-HISTORY-PAROLE-ALTERNATIVES. MORE in the Harbour Library Collection",
         "Posts in rule of law\n"),
    ],
)  # fmt: skip
def test_a_section_described_under_its_heading_is_the_header(
    under_heading: str, posts: str
) -> None:
    page = (
        f"Open Access Publisher and Free Library\n13-punishment.jpg\n\nPUNISHMENT\n\n"
        f"{under_heading}\n\n{posts}Origins of Parole\n\nBy Robert C. Olby\n\n"
        "An abstract about parole. This publication examines the question in detail.\n\n"
        "Melbourne: RMIT University, 2023. 59p.\n"
    )
    (got,) = parse_page_text(page, LEX)  # and no block of the header left as a reject
    assert (got.title, [c.name for c in got.contributors]) == (
        "Origins of Parole",
        ["Robert C. Olby"],
    )


def test_a_keyword_line_naming_the_site_by_its_domain_is_the_header() -> None:
    page = (
        "policing -- enforcement -- crime prevention -- arrest — Read-Me.Org -Open Access to "
        "All\nOpen Access Publisher and Free Library\n03-crime prevention.jpg\n\nCRIME "
        "PREVENTION\n\nPosts in Crime Prevention\nStreet Lighting and Crime\n\nBy Ann Lee\n\n"
        "An abstract about lighting. This publication examines the question in detail.\n\n"
        "Leeds: Harbour Press, 2020. 30p.\n"
    )
    (got,) = parse_page_text(page, LEX)
    assert (got.title, got.section) == ("Street Lighting and Crime", "CRIME PREVENTION")


def test_a_single_post_in_its_mobile_form() -> None:
    page = (
        "Read-Me.Org\n\nView Original\n\nDrug Dealing in Open-Air Markets\n\n"
        "Open-air markets represent the lowest level of the drug distribution network. This "
        "guide examines the question in detail.\n\n"
        "Read more at the Center for Problem Oriented Policing\n"
    )
    (got,) = parse_page_text(page, LEX)
    assert (got.title, got.contributors) == ("Drug Dealing in Open-Air Markets", ())
    assert (got.publishers, got.year) == (("Center for Problem Oriented Policing",), None)
