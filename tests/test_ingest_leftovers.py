"""Shapes left over from the eighth session's reading rounds, as a listing prints them: a body
named by a word such as `Archive` in a byline; a thesis with its university's town; a paper in
a conference's proceedings; a statement after a copyright year; a periodical named without a
newspaper's word. Every line is made up (records lacking fields: test_ingest_bare_records.py)."""

from __future__ import annotations

import pytest

from kg.ingest.byline import parse_byline
from kg.ingest.citation_marks import citation_marks
from tests.conftest import PAGE_HEAD, parse_page_text
from tests.imprints import LEX, imprint_of, journal_of


def _kinds(byline: str) -> list[tuple[str, str]]:
    return [(c.name, c.kind) for c in parse_byline(byline, LEX.authority)]


@pytest.mark.parametrize(
    "byline",
    [
        "By Northland Data Archive",
        "By Northland Sound Archives",
        "By Eastmoor Policing Labs",
        "By Westland Data Commons",
        "By Harbour Prison Museum",
        "By Northland Offender Registry",
        "By Coastal Crime Clearinghouse",
        "By Eastmoor Data Platform",
        "By Harbour Housing Cooperative",
        "By Northland Youth Initiatives",
        "By Westvale Custody Inquiry",
        "By Northland Deaths Inquest",
        "By Harbour Prison Inquiries",
        "By Westvale Policing Review",
        "By Eastmoor Sentencing Review",
    ],
)
def test_a_byline_ending_in_a_bodys_word_is_a_body(byline: str) -> None:
    name = byline.removeprefix("By ")
    assert _kinds(byline) == [(name, "organization")]


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("By Tom Archer", ["Tom Archer"]),
        ("By Ann Lee and Ruth Archer", ["Ann Lee", "Ruth Archer"]),
        ("By Mara Chambers", ["Mara Chambers"]),
        ("By Ivo Museum-Vale", ["Ivo Museum-Vale"]),
        ("By Ann Review", ["Ann Review"]),
        ("By Tomas Review and Ann Lee", ["Tomas Review", "Ann Lee"]),
    ],
)
def test_a_person_whose_name_is_near_a_bodys_word_stays_a_person(
    byline: str, names: list[str]
) -> None:
    assert _kinds(byline) == [(n, "person") for n in names]


Read = tuple[list[str], list[str], int | None, int | None]


def _read(text: str) -> Read:
    """(publishers, places, year, page count), no journal."""
    got = imprint_of(text)
    assert got.journal is None, got.journal
    return got.publishers, got.places, got.year, got.page_count


@pytest.mark.parametrize(
    ("imprint", "read"),
    [
        (
            "PhD thesis, University of Eastmoor, Eastmoor, 2018.",
            (["University of Eastmoor"], ["Eastmoor"], 2018, None),
        ),
        (
            "Ph.D. dissertation, Northland University, Port Talbot, 2016. 244p.",
            (["Northland University"], ["Port Talbot"], 2016, 244),
        ),
        (
            "Master's thesis, University of Westland, Swansea, 2021. 88p.",
            (["University of Westland"], ["Swansea"], 2021, 88),
        ),
        (
            "Unpublished doctoral thesis, Harbour University, Glen Ora, 2019.",
            (["Harbour University"], ["Glen Ora"], 2019, None),
        ),
    ],
)
def test_a_thesis_names_its_universitys_town_after_it(imprint: str, read: Read) -> None:
    assert _read(imprint) == read


@pytest.mark.parametrize(
    ("imprint", "read"),
    [
        # already read right: a place before a colon, a unit after the university
        (
            "PhD thesis. Eastmoor: University of Eastmoor, 2018.",
            (["University of Eastmoor"], ["Eastmoor"], 2018, None),
        ),
        ("PhD thesis, University of Eastmoor, 2018.", (["University of Eastmoor"], [], 2018, None)),
        (  # a unit of the university is no town
            "PhD thesis, University of Eastmoor, School of Law, 2018.",
            (["University of Eastmoor, School of Law"], [], 2018, None),
        ),
    ],
)
def test_a_thesis_printed_otherwise_reads_as_before(imprint: str, read: Read) -> None:
    assert _read(imprint) == read


@pytest.mark.parametrize(
    ("imprint", "read"),
    [
        (
            "In: Proceedings of the Fifth Harbour Conference on Policing, Wellington, 2019,"
            " pp. 210-218",
            ([], ["Wellington"], 2019, None),
        ),
        (
            "In: Proceedings of the 12th Northland Symposium on Crime Data, Oslo, 2021, pp. 33-41.",
            ([], ["Oslo"], 2021, None),
        ),
        (
            "In Proceedings of the Eastmoor Workshop on Security Technology, Glen Ora, 2022,"
            " 101-109.",
            ([], ["Glen Ora"], 2022, None),
        ),
        (
            "In: Proceedings of the Annual Harbour Congress on Prisons, Lisbon, Portugal,"
            " 3-5 May 2017, pp. 12-20.",
            ([], ["Lisbon, Portugal"], 2017, None),
        ),
    ],
)
def test_a_paper_in_a_meetings_proceedings_is_no_journal_article(imprint: str, read: Read) -> None:
    assert _read(imprint) == read
    assert "Proceedings of the" in (imprint_of(imprint).note or "")


@pytest.mark.parametrize(
    ("imprint", "name"),
    [
        (
            "Proceedings of the Harbour Academy of Sciences 118 (2021): 45-60.",
            "Proceedings of the Harbour Academy of Sciences",
        ),
        (
            "Proceedings of the Northland Society 12(3): 101-120, 2019.",
            "Proceedings of the Northland Society",
        ),
    ],
)
def test_a_journal_named_proceedings_stays_a_journal(imprint: str, name: str) -> None:
    journal = imprint_of(imprint).journal
    assert journal is not None and journal.name == name


def test_a_chapter_in_a_proceedings_volume_with_its_publisher_keeps_the_publisher() -> None:
    got = imprint_of(
        "In: Proceedings of the Harbour Conference on Youth Justice. Wellington: Harbour"
        " Press, 2020, pp. 40-52."
    )
    assert (got.publishers, got.places, got.year, got.journal) == (
        ["Harbour Press"], ["Wellington"], 2020, None,
    )  # fmt: skip


# A statement after a (copyright) year with no stop after it: a count of what is not pages.
UNSTOPPED_STATEMENTS = [
    "Wellington: Harbour Justice Trust, c2015. 12 slides",
    "Cardiff: Northland Media Centre, c2018. 45 min",
    "London: Harbour Archive Press, c2012. 3 vols",
    "Leeds: Harbour Trust, ©2016. 20 slides",
    "Glen Ora: Eastmoor Films, c2019. 1 DVD",
    "Wellington: Harbour Justice Trust, 2015. 12 slides",
]
_GLUED_ABSTRACT = (
    "The briefing sums up what the trial found in four towns. It was written for officers and"
    " for the public who asked."
)
_BARE_ABSTRACT = "This note describes how small ports were policed. It ends with lessons."


@pytest.mark.parametrize("imprint", UNSTOPPED_STATEMENTS)
def test_a_statement_after_the_year_with_no_stop_is_a_citations_end(imprint: str) -> None:
    assert citation_marks(imprint, False) == 2


@pytest.mark.parametrize("imprint", UNSTOPPED_STATEMENTS)
def test_such_an_imprint_glued_to_an_abstract_keeps_the_next_record(imprint: str) -> None:
    page = (
        f"{PAGE_HEAD}Stop and Search Briefing\n\nBy Ada Brook\n\n{_GLUED_ABSTRACT}{imprint}\n\n"
        f"Quiet Harbours\n\n{_BARE_ABSTRACT}\n\nLeeds: Harbour Trust, 2020. 40p.\n"
    )
    got = parse_page_text(page, LEX)
    assert [(r.title, r.abstract) for r in got] == [
        ("Stop and Search Briefing", _GLUED_ABSTRACT),
        ("Quiet Harbours", _BARE_ABSTRACT),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "The number of arrests fell sharply after 2015. 12 towns",  # running text, no citation
        "Crime Trends, 2010. Twelve cities",
    ],
)
def test_a_count_after_a_year_alone_makes_no_citation(line: str) -> None:
    assert citation_marks(line, False) < 2


def test_a_count_of_pages_after_the_year_stays_the_imprints_count() -> None:
    imprint = "Harbour Books, Oct 23, 2002, 207 pages"
    page = f"{PAGE_HEAD}Stop and Search Briefing\n\nBy Ada Brook\n\n{_GLUED_ABSTRACT}{imprint}\n"
    (got,) = parse_page_text(page, LEX)
    assert (got.publishers, got.year, got.page_count) == (("Harbour Books",), 2002, 207)


def _periodical(text: str) -> tuple[tuple[str, str | None] | None, list[str], int | None]:
    """((the periodical's name, the article's pages) or None, publishers, year)."""
    got = imprint_of(text)
    journal = (got.journal.name, got.journal.pages) if got.journal else None
    return journal, got.publishers, got.year


@pytest.mark.parametrize(
    ("imprint", "read"),
    [
        ("Le Clairon, 3 March 2021, p. 4", (("Le Clairon", "4"), [], 2021)),
        ("The Eastmoor Clarion, 4 May 2020, p. 12", (("The Eastmoor Clarion", "12"), [], 2020)),
        ("Harbour Voice, June 9, 2018, pp. 2-3.", (("Harbour Voice", "2-3"), [], 2018)),
        # small words inside the name
        ("La Voz del Muelle, 12 May 2021, p. 9", (("La Voz del Muelle", "9"), [], 2021)),
        ("Voice of the Quays, 2 April 2019, p. 7", (("Voice of the Quays", "7"), [], 2019)),
    ],
)
def test_a_periodical_named_without_a_newspapers_word_is_read_by_its_day_and_page(
    imprint: str, read: tuple[tuple[str, str | None] | None, list[str], int | None]
) -> None:
    assert _periodical(imprint) == read


@pytest.mark.parametrize(
    ("imprint", "read"),
    [
        # a body dated to the day with a page count, a place and its publisher, stay so
        ("Coastal Institute, 3 March 2021, p. 4", (None, ["Coastal Institute"], 2021)),
        ("Eastmoor Clarion Books, 4 May 2020. 12p.", (None, ["Eastmoor Clarion Books"], 2020)),
        ("London: Harbour Voice, 4 May 2020. 12p.", (None, ["Harbour Voice"], 2020)),
        (
            "Office of the Harbour Ombudsman, 2 April 2019, p. 7",
            (None, ["Office of the Harbour Ombudsman"], 2019),
        ),
    ],
)
def test_a_publisher_dated_to_the_day_stays_a_publisher(
    imprint: str, read: tuple[tuple[str, str | None] | None, list[str], int | None]
) -> None:
    assert _periodical(imprint) == read


@pytest.mark.parametrize(
    "citation",
    [
        "Northland Policing Studies, 2023. Early view.",
        "Northland Policing Studies, 2023. Early access.",
        "Northland Policing Studies, 2023. Ahead of print.",
        "Northland Policing Studies, 2023. Online ahead of print.",
        "Northland Policing Studies (2023). Advance online publication.",
        "Northland Policing Studies (2023). Early view.",
        "Northland Policing Studies (2023), Ahead of print.",
    ],
)
def test_a_journal_named_with_no_journals_word_before_an_online_status_is_a_journal(
    citation: str,
) -> None:
    assert journal_of(citation) == ("Northland Policing Studies", None, None, None, 2023)


@pytest.mark.parametrize(
    ("imprint", "read"),
    [
        ("Northland Books, forthcoming.", (["Northland Books"], [], None, None)),
        ("Harbour Press (2023). In press.", (["Harbour Press"], [], 2023, None)),
        ("London: Northland Books, 2023. 40p.", (["Northland Books"], ["London"], 2023, 40)),
    ],
)
def test_a_book_forthcoming_or_in_press_stays_a_books_imprint(imprint: str, read: Read) -> None:
    assert _read(imprint) == read


# An imprint of 120 characters or more that ends in its page count and prints a fiscal or a
# copyright year (`FY1987`, `c1987`): a long line's count needs a year to be a citation's.
_LONG_IMPRINT = (
    "Brussels: Harbour University Press / Les Presses de l’Université Harbour on behalf of the "
    "Coastal Ministry of Justice, {year}. 264p"
)


@pytest.mark.parametrize(
    "imprint",
    [
        *(_LONG_IMPRINT.format(year=year) for year in ("FY1987", "FY 1987", "c1987", "©1987")),
        _LONG_IMPRINT.format(year="FY1987")
        + " ISBN 978-1-62567-154-1 (Harbour Studies in Crime and Society)",
    ],
)
def test_a_long_imprint_with_a_fiscal_or_copyright_year_ends_its_record(imprint: str) -> None:
    assert len(imprint) >= 120
    page = (
        f"{PAGE_HEAD}Courts in Context\n\nThe study uses a survey of courts. It concludes with "
        f"recommendations.\n\n{imprint}\n\n"
        "Drugs reform and trafficking in context 3: justice safety reform\n\n"
        "The findings suggest that early intervention reduces harm. It draws on interviews.\n\n"
        "By Coastal University\n\nSecurity Journal, 1991, 50(5): 373-403\n"
    )
    got = parse_page_text(page, LEX)
    assert [(r.title, r.year) for r in got] == [
        ("Courts in Context", 1987),
        ("Drugs reform and trafficking in context 3: justice safety reform", 1991),
    ]
