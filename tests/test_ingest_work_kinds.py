"""Works that are no printed report, as a listing prints them: a statement of the work's kind
(`Video, 45 min.`, `Podcast episode, 2021.`, `Dataset, version 2.`, `Conference proceedings.`),
its edition or a legal citation before the place and publisher; a thesis marked unpublished;
a recording's byline (`Hosted by`, `Directed by`). The statement is the imprint's note, never
a place or a publisher. Every line is made up."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.ingest.byline import parse_byline
from tests.conftest import PAGE_HEAD, parse_page_text
from tests.imprints import LEX, ReportRead, imprint_of, report_read


@pytest.mark.parametrize(
    ("imprint", "read"),
    [
        # the kind of work, its length or version, before the publisher
        (
            "Video, 45 min. Harbour Justice Project, 2021.",
            (["Harbour Justice Project"], [], 2021, None, None),
        ),
        ("Website. Coastal Data Lab, 2023.", (["Coastal Data Lab"], [], 2023, None, None)),
        (
            "Podcast episode, 2021. Northland Public Radio.",
            (["Northland Public Radio"], [], 2021, None, None),
        ),
        (
            "Documentary film, 52 min. Wellington: Harbour Films, 2019.",
            (["Harbour Films"], ["Wellington"], 2019, None, None),
        ),
        (
            "Webinar recording. Washington, DC: Center for Coastal Justice, 2022.",
            (["Center for Coastal Justice"], ["Washington, DC"], 2022, None, None),
        ),
        (
            "Dataset, version 2, 2022. Ann Arbor, MI: Northland Data Archive.",
            (["Northland Data Archive"], ["Ann Arbor, MI"], 2022, None, None),
        ),
        (
            "Conference proceedings. Canberra: Coastal Institute of Criminology, 2020. 88p.",
            (["Coastal Institute of Criminology"], ["Canberra"], 2020, 88, None),
        ),
        (
            "Proceedings of the Harbour Symposium on Youth Justice. Wellington: Harbour Institute, "
            "2018. 156p.",
            (["Harbour Institute"], ["Wellington"], 2018, 156, None),
        ),
        # an edition before the place
        (
            "2nd ed. New York: Lakeside Press, 2020. 310p.",
            (["Lakeside Press"], ["New York"], 2020, 310, None),
        ),
        (
            "Revised edition. Oxford: Northland University Press, 2019. 244p.",
            (["Northland University Press"], ["Oxford"], 2019, 244, None),
        ),
        # a law's or a judgment's citation before the place: the report number
        (
            "Public Law 117-58. Washington, DC: Coastal Printing Office, 2021. 1039p.",
            (["Coastal Printing Office"], ["Washington, DC"], 2021, 1039, "Public Law 117-58"),
        ),
        (
            "[2019] UKSC 12. London: Supreme Court of Northland, 2019. 40p.",
            (["Supreme Court of Northland"], ["London"], 2019, 40, "[2019] UKSC 12"),
        ),
        # a translation's statement before the place, its translator's initials too
        (
            "Translated from the French by Ann A. Lee. London: Harbour Press, 2018. 220p.",
            (["Harbour Press"], ["London"], 2018, 220, None),
        ),
        # the kind after the year, a link to it after the kind
        (
            "Northland Data Archive, 2021. Dataset. https://doi.org/10.5555/nda.2021.3",
            (["Northland Data Archive"], [], 2021, None, None),
        ),
        (
            "Harbour Justice Project, 2022. Podcast episode. https://doi.org/10.5555/hjp.12",
            (["Harbour Justice Project"], [], 2022, None, None),
        ),
        # an ISBN or a link to the copy before the place or the publisher
        (
            "ISBN: 978-0-12345-678-9. Sydney: Coastal Books, 2019. 150p.",
            (["Coastal Books"], ["Sydney"], 2019, 150, None),
        ),
        (
            "Available at: https://coastal.example.org/r.pdf. Coastal Institute, 2021. 30p.",
            (["Coastal Institute"], [], 2021, 30, None),
        ),
        # a neutral citation with the court's division
        (
            "[2021] EWCA Crim 45. London: Court of Appeal, 2021. 22p.",
            (["Court of Appeal"], ["London"], 2021, 22, "[2021] EWCA Crim 45"),
        ),
        # a thesis marked unpublished: the university is the publisher
        (
            "Unpublished PhD thesis, University of Southgate, 2016.",
            (["University of Southgate"], [], 2016, None, None),
        ),
    ],
)
def test_a_works_kind_before_its_publisher_is_its_note(imprint: str, read: ReportRead) -> None:
    assert report_read(imprint) == read


def test_the_kind_is_kept_as_the_note() -> None:
    assert imprint_of("Video, 45 min. Harbour Justice Project, 2021.").note == "Video, 45 min"


@pytest.mark.parametrize(
    ("imprint", "read"),
    [
        # guards: a body or a place that starts like a kind stays what it is
        (
            "Video Justice Collective, 2021. 12p.",
            (["Video Justice Collective"], [], 2021, 12, None),
        ),
        ("Website Press. London, 2020. 30p.", (["Website Press"], ["London"], 2020, 30, None)),
        (
            "Washington, DC: Urban Institute, 2021. 30p.",
            (["Urban Institute"], ["Washington, DC"], 2021, 30, None),
        ),
    ],
)
def test_a_name_that_starts_like_a_kind_is_kept(imprint: str, read: ReportRead) -> None:
    assert report_read(imprint) == read


_KINDS = ["Video", "Podcast episode", "Webinar recording", "Website", "Dataset", "Documentary film"]
_PLACES = ["London", "Wellington", "Canberra", "Oxford"]


@given(
    kind=st.sampled_from(_KINDS),
    detail=st.sampled_from(["", ", 45 min", ", 12 min", ", version 3"]),
    place=st.sampled_from(_PLACES),
    year=st.integers(1990, 2029),
)
def test_any_kind_before_a_place_and_publisher_is_no_place(
    kind: str, detail: str, place: str, year: int
) -> None:
    got = imprint_of(f"{kind}{detail}. {place}: Harbour Press, {year}.")
    assert (got.places, got.publishers, got.year) == ([place], ["Harbour Press"], year)


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("Hosted by Mei Tanaka", ["Mei Tanaka"]),
        ("Directed by Karl Weber", ["Karl Weber"]),
        ("Presented by Rolf Hagen and Ann Lee", ["Rolf Hagen", "Ann Lee"]),
        ("Produced by Harbour Films", ["Harbour Films"]),
    ],
)
def test_a_video_or_podcast_byline_names_its_makers(byline: str, names: list[str]) -> None:
    assert [c.name for c in parse_byline(byline, LEX.authority)] == names


_ABSTRACT = "This book examines how courts punish. It draws on forty years of cases."


def test_a_translations_imprint_under_an_abstract_is_no_byline() -> None:
    page = (
        f"{PAGE_HEAD}Punishment and the Citizen\n\nBy Marie Dupont\n\n{_ABSTRACT}\n\n"
        "Translated from the French by Ann Lee. London: Harbour Press, 2018. 220p.\n\n"
        f"Understanding Youth Crime\n\nBy Bo Chan\n\n{_ABSTRACT}\n\n"
        "New York: Lakeside Press, 2020. 310p.\n"
    )
    got = parse_page_text(page, LEX)
    assert [(r.title, r.publishers, r.year) for r in got] == [
        ("Punishment and the Citizen", ("Harbour Press",), 2018),
        ("Understanding Youth Crime", ("Lakeside Press",), 2020),
    ]


@pytest.mark.parametrize(
    "byline",
    ["Translated from the French by Ann Lee", "Edited by Ann Lee. With a preface by Bo Chan"],
)
def test_a_translators_byline_stays_a_byline(byline: str) -> None:
    page = (
        f"{PAGE_HEAD}Punishment and the Citizen\n\n{byline}\n\n{_ABSTRACT}\n\n"
        "London: Harbour Press, 2018. 220p.\n"
    )
    (got,) = parse_page_text(page, LEX)
    assert got.contributors[0].name == "Ann Lee"


JournalRead = tuple[tuple[str, str | None] | None, list[str], int | None]


def _journal(text: str) -> JournalRead:
    """((journal's name, its pages) or None, publishers, year)."""
    got = imprint_of(text)
    journal = (got.journal.name, got.journal.pages) if got.journal else None
    return journal, got.publishers, got.year


@pytest.mark.parametrize(
    ("imprint", "read"),
    [
        # a newspaper's or a magazine's article: its name, the day's date, its pages
        ("The Northland Times, 3 March 2021, p. 4", (("The Northland Times", "4"), [], 2021)),
        (
            "Harbour Weekly Magazine, 12 June 2020, pp. 22-25.",
            (("Harbour Weekly Magazine", "22-25"), [], 2020),
        ),
        ("The Coastal Herald, March 3, 2019, p. A12.", (("The Coastal Herald", "A12"), [], 2019)),
        # a monthly's issue: the month without its day
        ("Northland Monthly, October 2021, pp. 30-34.", (("Northland Monthly", "30-34"), [], 2021)),
        (
            "Eastmoor Evening Post. 14 February 2022. pp. 8–9",
            (("Eastmoor Evening Post", "8–9"), [], 2022),
        ),
    ],
)
def test_a_newspapers_article_is_read_as_its_periodicals(imprint: str, read: JournalRead) -> None:
    assert _journal(imprint) == read


@pytest.mark.parametrize(
    ("imprint", "read"),
    [
        # guards: a publisher and a count, a report dated to the day, stay so
        ("London: Harbour Times Ltd, 2021. 45p.", (None, ["Harbour Times Ltd"], 2021)),
        ("Coastal Institute, 3 March 2021. 12p.", (None, ["Coastal Institute"], 2021)),
    ],
)
def test_a_publisher_dated_to_the_day_is_no_newspaper(imprint: str, read: JournalRead) -> None:
    assert _journal(imprint) == read


@given(
    name=st.sampled_from(["The Northland Times", "Harbour Weekly Magazine", "The Coastal Herald"]),
    day=st.integers(1, 28),
    month=st.sampled_from(["January", "March", "June", "October"]),
    year=st.integers(1990, 2029),
    first=st.integers(1, 60),
)
def test_any_newspaper_date_and_page_reads_so(
    name: str, day: int, month: str, year: int, first: int
) -> None:
    got = _journal(f"{name}, {day} {month} {year}, p. {first}")
    assert got == ((name, str(first)), [], year)
