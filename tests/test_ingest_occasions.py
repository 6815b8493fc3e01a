"""Where a work was presented rather than published: a paper read at a meeting, testimony
before a committee. The statement is the imprint's note (a meeting or a committee publishes
nothing); the place and date after it are read as any imprint's. Every line is made up."""

from __future__ import annotations

import pytest

from tests.conftest import PAGE_HEAD, parse_page_text
from tests.imprints import LEX, imprint_of

Read = tuple[str | None, list[str], list[str], int | None, int | None]


def _read(text: str) -> Read:
    """(note, publishers, places, year, page count)."""
    got = imprint_of(text)
    return got.note, got.publishers, got.places, got.year, got.page_count


@pytest.mark.parametrize(
    ("imprint", "read"),
    [
        # a paper, a poster, a talk presented at a meeting
        ("Paper presented at the Annual Meeting of the Coastal Society of Criminology, "
         "Chicago, 2019",
         ("Paper presented at the Annual Meeting of the Coastal Society of Criminology", [],
          ["Chicago"], 2019, None)),
        ("Paper presented at the 12th Harbour Conference on Policing, Lisbon, Portugal, "
         "14-16 June 2022.",
         ("Paper presented at the 12th Harbour Conference on Policing", [], ["Lisbon, Portugal"],
          2022, None)),
        ("Presented at the annual meeting of the Coastal Criminology Society, Atlanta, GA, "
         "November 2018. 25p.",
         ("Presented at the annual meeting of the Coastal Criminology Society", [],
          ["Atlanta, GA"], 2018, 25)),
        ("Poster presented at the Harbour Forensic Science Symposium, Boston, MA, 2021.",
         ("Poster presented at the Harbour Forensic Science Symposium", [], ["Boston, MA"],
          2021, None)),
        # testimony and statements before a committee
        ("Testimony before the Subcommittee on Harbour Crime, Committee on the Judiciary, "
         "U.S. House of Representatives, March 3, 2021",
         ("Testimony before the Subcommittee on Harbour Crime, Committee on the Judiciary, "
          "U.S. House of Representatives", [], [], 2021, None)),
        ("Statement before the Senate Committee on Harbour Affairs, Washington, DC, "
         "May 12, 2020. 12p.",
         ("Statement before the Senate Committee on Harbour Affairs", [], ["Washington, DC"],
          2020, 12)),
        ("Written testimony submitted to the Harbour State Legislature Joint Committee on Public "
         "Safety, 2022. 8p.",
         ("Written testimony submitted to the Harbour State Legislature Joint Committee on Public "
          "Safety", [], [], 2022, 8)),
    ],
)  # fmt: skip
def test_a_meeting_or_a_committee_is_the_note_not_the_publisher(imprint: str, read: Read) -> None:
    assert _read(imprint) == read


@pytest.mark.parametrize(
    ("imprint", "publishers"),
    [
        # a body that presents its own report publishes it
        ("Washington, DC: Harbour Policy Center, 2021. 30p.", ["Harbour Policy Center"]),
        ("Presentations Unlimited Press, 2019. 40p.", ["Presentations Unlimited Press"]),
    ],
)
def test_what_presents_nothing_keeps_its_publisher(imprint: str, publishers: list[str]) -> None:
    assert imprint_of(imprint).publishers == publishers


def test_a_paper_presented_is_the_record_s_imprint_on_a_page() -> None:
    page = (
        f"{PAGE_HEAD}Policing the Harbour\n\nBy Ann Lee\n\n"
        "An abstract about the harbour. This paper examines the question in detail.\n\n"
        "Paper presented at the Annual Meeting of the Coastal Society of Criminology, "
        "Chicago, 2019\n"
    )
    (record,) = parse_page_text(page, LEX)
    assert (list(record.publishers), list(record.places), record.year) == ([], ["Chicago"], 2019)


def test_a_meeting_named_like_a_journal_is_still_the_note() -> None:
    # `Criminology` names journals too; the statement before it says it is a meeting
    assert _read(
        "Paper presented to the Shore Criminology Conference, Wellington, New Zealand, 2018. 20p."
    ) == (
        "Paper presented to the Shore Criminology Conference", [], ["Wellington, New Zealand"],
        2018, 20,
    )  # fmt: skip


def test_a_town_the_gazetteer_does_not_know_right_before_the_date_is_the_place() -> None:
    imprint = "Testimony before the Shore State Senate Judiciary Committee, Shoreville, 2020."
    assert _read(imprint) == (
        "Testimony before the Shore State Senate Judiciary Committee", [], ["Shoreville"], 2020,
        None,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("imprint", "read"),
    [
        # a place with its region's abbreviation (`Vic.`)
        ("Paper presented at the River Society of Criminology Annual Conference, Melbourne, "
         "Vic., 5 December 2019. 18p.",
         ("Paper presented at the River Society of Criminology Annual Conference", [],
          ["Melbourne, Vic."], 2019, 18)),
        # a keynote address
        ("Keynote address delivered at the River Justice Summit, Cape Town, South Africa, 2022.",
         ("Keynote address delivered at the River Justice Summit", [],
          ["Cape Town, South Africa"], 2022, None)),
    ],
)  # fmt: skip
def test_a_region_s_abbreviation_and_a_keynote(imprint: str, read: Read) -> None:
    assert _read(imprint) == read


@pytest.mark.parametrize(
    ("imprint", "read"),
    [
        ("Written evidence submitted to the River Affairs Committee, London, 2020. 7p.",
         ("Written evidence submitted to the River Affairs Committee", [], ["London"], 2020, 7)),
        ("Submission to the Inquiry into River Policing, Canberra, 2019.",
         ("Submission to the Inquiry into River Policing", [], ["Canberra"], 2019, None)),
    ],
)  # fmt: skip
def test_evidence_and_submissions_to_an_inquiry(imprint: str, read: Read) -> None:
    assert _read(imprint) == read
