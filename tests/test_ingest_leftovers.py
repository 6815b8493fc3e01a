"""Shapes left over from the eighth session's reading rounds, as a listing prints them: a body
named by a word such as `Archive` in a byline; a thesis with its university's town; a paper in
a conference's proceedings; a statement after a copyright year; records that lack a byline and
an imprint, or an abstract, between whole records. Every line is made up."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bench.generate import _title_case
from bench.variants import SITE, make_record
from kg.ingest.byline import parse_byline
from kg.ingest.citation_marks import citation_marks
from tests.conftest import PAGE_HEAD, parse_page_text
from tests.imprints import LEX, imprint_of


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


def _late_record(title: str, byline: str, imprint: str) -> str:
    """A whole record as a page printing each abstract after its imprint prints it."""
    return f"{title}\n\n{byline}\n\n{imprint}\n\n{_GLUED_ABSTRACT}\n\n"


_LATE_BEFORE = _late_record(
    "Remand in Rural Courts", "By Nora Quist", "Perth: Westmark Law, 2022. 28p."
)
_LATE_AFTER = _late_record(
    "Bail Hostels Reconsidered", "By Ivo Marsh", "Leeds: Harbour Trust, 2020. 40p."
)


@pytest.mark.parametrize(
    ("title", "abstract"),
    [
        ("Night Courts in Port Towns", _BARE_ABSTRACT),
        ("Restorative Circles", "A brief overview of restorative circles in schools and clubs."),
        ("WHO WATCHES THE WARDENS", _BARE_ABSTRACT),
    ],
)
def test_a_bare_record_on_a_page_printing_abstracts_last_is_its_own(
    title: str, abstract: str
) -> None:
    page = f"{PAGE_HEAD}{_LATE_BEFORE}{title}\n\n{abstract}\n\n{_LATE_AFTER}"
    got = parse_page_text(page, LEX)
    assert [(r.as_printed.title, r.abstract, r.year) for r in got] == [
        ("Remand in Rural Courts", _GLUED_ABSTRACT, 2022),
        (title, abstract, None),
        ("Bail Hostels Reconsidered", _GLUED_ABSTRACT, 2020),
    ]


@pytest.mark.parametrize(
    "heading", ["Key findings", "Key points", "Methods", "RESULTS:", "Summary"]
)
def test_a_headed_abstract_on_a_page_printing_abstracts_last_stays_whole(heading: str) -> None:
    points = "  • Arrests fell.\n\n  • Trust rose."
    page = f"{PAGE_HEAD}{_LATE_BEFORE}{heading}\n\n{points}\n\n{_LATE_AFTER}"
    got = parse_page_text(page, LEX)
    assert [r.title for r in got] == ["Remand in Rural Courts", "Bail Hostels Reconsidered"]
    assert heading in (got[0].abstract or "")


def test_a_sentences_end_wrapped_onto_its_own_line_is_no_title() -> None:
    page = (
        f"{PAGE_HEAD}Harbour Gangs and Their Rivals\n\nBy Harbour Crisis Group\n\n"
        "What is new? The older gang has gained ground on its rival and named a new\n\n"
        "leader in 2021.\n\nWhy does it matter? The towns of the coast pay for the feud.\n"
    )
    (got,) = parse_page_text(page, LEX)
    assert "leader in 2021." in (got.abstract or "")


_BARE_TITLES = ["Night Courts in Port Towns", "Restorative Circles", "WHO WATCHES THE WARDENS",
                "Quiet Streets", "The Bail Ladder", "Harbour Patrols After Dark"]  # fmt: skip


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32), bare=st.sampled_from(_BARE_TITLES), count=st.integers(2, 5))
def test_a_bare_record_among_generated_records_printing_abstracts_last_is_its_own(
    seed: int, bare: str, count: int
) -> None:
    rng = random.Random(seed)
    at = rng.randint(1, count - 1)
    lines, titles = [SITE, "", "04-punishment.jpg", "", "PUNISHMENT", ""], []
    for i in range(count):
        if i == at:
            lines += [bare, "", _BARE_ABSTRACT, ""]
            titles.append(_title_case(bare) if bare.isupper() else bare)
        paragraphs, truth = make_record(rng, i + 1, "PUNISHMENT", late=True)
        titles.append(truth["title"])
        lines += [line for p in paragraphs for line in (*p.split("\n"), "")]
    got = parse_page_text("\n".join(lines) + "\n", LEX)
    assert [r.title for r in got] == titles


def _byline_late_record(title: str, byline: str, imprint: str) -> str:
    """A whole record as a page printing each byline after its abstract prints it."""
    return f"{title}\n\n{_GLUED_ABSTRACT}\n\n{byline}\n\n{imprint}\n\n"


_BYLINE_LATE_BEFORE = _byline_late_record(
    "Remand in Rural Courts", "By Nora Quist", "Perth: Westmark Law, 2022. 28p."
)
_BYLINE_LATE_AFTER = _byline_late_record(
    "Bail Hostels Reconsidered", "By Ivo Marsh", "Leeds: Harbour Trust, 2020. 40p."
)


@pytest.mark.parametrize("junk", ["download", "Guest User", "USED BOOK", "Read More"])
@pytest.mark.parametrize(
    "next_title",
    ["Bail Hostels Reconsidered", "Bail hostels reconsidered: a review of the evidence"],
)
def test_a_bare_record_then_junk_on_a_page_printing_bylines_last_keeps_the_next_title(
    junk: str, next_title: str
) -> None:
    after = _BYLINE_LATE_AFTER.replace("Bail Hostels Reconsidered", next_title)
    page = f"{PAGE_HEAD}{_BYLINE_LATE_BEFORE}Quiet Streets\n\n{_BARE_ABSTRACT}\n\n{junk}\n\n{after}"
    got = parse_page_text(page, LEX)
    assert [(r.as_printed.title, r.abstract, r.year) for r in got] == [
        ("Remand in Rural Courts", _GLUED_ABSTRACT, 2022),
        ("Quiet Streets", _BARE_ABSTRACT, None),
        (next_title, _GLUED_ABSTRACT, 2020),
    ]


@pytest.mark.parametrize("junk", ["MAY CONTAIN MARKUP", "download"])
def test_junk_between_abstract_paragraphs_on_a_page_printing_bylines_last_stays_inside(
    junk: str,
) -> None:
    page = (
        f"{PAGE_HEAD}{_BYLINE_LATE_BEFORE}Quiet Streets\n\n{_BARE_ABSTRACT}\n\n{junk}\n\n"
        f"{_GLUED_ABSTRACT}\n\nBy Ada Brook\n\nLeeds: Harbour Trust, 2021. 12p.\n"
    )
    got = parse_page_text(page, LEX)
    assert [(r.title, r.year) for r in got] == [
        ("Remand in Rural Courts", 2022),
        ("Quiet Streets", 2021),
    ]
    assert got[1].abstract is not None and got[1].abstract.endswith(_GLUED_ABSTRACT)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.integers(0, 2**32),
    bare=st.sampled_from(_BARE_TITLES),
    junk=st.sampled_from(["download", "Guest User", "USED BOOK", "Read More"]),
    count=st.integers(2, 5),
)
# the next title wrapped onto a second line that starts in lower case (`…: courts` / `children
# review`)
@example(seed=271, bare="Night Courts in Port Towns", junk="download", count=3)
def test_a_bare_record_and_junk_among_generated_records_printing_bylines_last_is_its_own(
    seed: int, bare: str, junk: str, count: int
) -> None:
    rng = random.Random(seed)
    at = rng.randint(1, count - 1)
    lines, titles = [SITE, "", "04-punishment.jpg", "", "PUNISHMENT", ""], []
    for i in range(count):
        if i == at:
            lines += [bare, "", _BARE_ABSTRACT, "", junk, ""]
            titles.append(_title_case(bare) if bare.isupper() else bare)
        paragraphs, truth = make_record(rng, i + 1, "PUNISHMENT", byline_late=True)
        titles.append(truth["title"])
        lines += [line for p in paragraphs for line in (*p.split("\n"), "")]
    got = parse_page_text("\n".join(lines) + "\n", LEX)
    assert [r.title for r in got] == titles


_WHOLE_BEFORE = (
    f"Remand in Rural Courts\n\nBy Nora Quist\n\n{_GLUED_ABSTRACT}\n\n"
    "Perth: Westmark Law, 2022. 28p.\n\n"
)
_WHOLE_AFTER = (
    f"Bail Hostels Reconsidered\n\nBy Ivo Marsh\n\n{_GLUED_ABSTRACT}\n\n"
    "Leeds: Harbour Trust, 2020. 40p.\n"
)


@pytest.mark.parametrize("title", ["Warsaw: 1944", "Lisbon: 1974.", "Glen Ora, NSW: 1931"])
@pytest.mark.parametrize(
    "sentence",
    [
        "This paper traces the uprising's courts over nine weeks of street fighting.",
        "A short account of how the city's police changed sides in a single night.",
    ],
)
def test_a_place_and_year_title_above_one_sentence_is_the_records_title(
    title: str, sentence: str
) -> None:
    page = (
        f"{PAGE_HEAD}{_WHOLE_BEFORE}{title}\n\n{sentence}\n\n"
        f"Wellington: Harbour History Trust, 2021. 36p.\n\n{_WHOLE_AFTER}"
    )
    got = parse_page_text(page, LEX)
    assert [(r.as_printed.title, r.abstract, r.year) for r in got] == [
        ("Remand in Rural Courts", _GLUED_ABSTRACT, 2022),
        (title, sentence, 2021),
        ("Bail Hostels Reconsidered", _GLUED_ABSTRACT, 2020),
    ]
    assert got[0].places == ("Perth",)


@pytest.mark.parametrize(
    "imprint",
    ["Harbour Research Council.\n\nLondon: 2019.", "Harbour Research Council\n\nLondon: 2019"],
)
def test_a_place_and_year_line_ending_an_imprint_stays_the_imprints(imprint: str) -> None:
    page = (
        f"{PAGE_HEAD}Remand in Rural Courts\n\nBy Nora Quist\n\n{_GLUED_ABSTRACT}\n\n"
        f"{imprint}\n\n{_WHOLE_AFTER}"
    )
    got = parse_page_text(page, LEX)
    assert [(r.title, r.year) for r in got] == [
        ("Remand in Rural Courts", 2019),
        ("Bail Hostels Reconsidered", 2020),
    ]


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
    ],
)
def test_a_publisher_dated_to_the_day_stays_a_publisher(
    imprint: str, read: tuple[tuple[str, str | None] | None, list[str], int | None]
) -> None:
    assert _periodical(imprint) == read
