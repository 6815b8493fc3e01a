"""How a listing page arranges a post's paragraphs: web-page furniture the reader was never shown
(`Share this:`, `Free PDF`, `Open access`) around and inside records, an imprint whose place or
publisher is a paragraph of its own, a language note after a title or an imprint. Every page
here is made up in the shape of the site's listings."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.page_changes import PAGE_STRUCTURES, changed_page
from kg.ingest import Lexicon, read_source
from kg.ingest.imprint import parse_imprint
from kg.records import Record
from tests.conftest import PAGE_HEAD, ROOT, fixture_lexicon, parse_page_text

LEX: Lexicon = fixture_lexicon()

# Three records as the site prints them: title, byline, abstract, imprint (one paragraph each).
RECORDS = (
    (
        "Stop and Search on the Waterfront",
        "By Ann Lee and Bo Chan",
        "This report examines how harbour police record stop and search encounters. It draws on "
        "interviews with forty officers.",
        "Washington, DC: Urban Institute, 2021. 45p.",
    ),
    (
        "Leaving Custody: Housing and Desistance",
        "By Cy Diaz",
        "The study follows two hundred young people released from custody in Northland. It finds "
        "that stable housing predicts desistance.",
        "London: Home Office, 2019. 30p.",
    ),
    (
        "Does Bail Reform Work?",
        "Edited by Dana Roe",
        "Drawing on court files, the authors describe how bail decisions changed after the "
        "reform. Detention fell by a third.",
        "New York: Vera Institute of Justice, 2022. 28p.",
    ),
)


def _page(paragraphs: list[str]) -> str:
    return PAGE_HEAD + "\n\n".join(paragraphs) + "\n"


def _fields(record: Record) -> tuple[object, ...]:
    """What a cataloguer reads from a record (its source line aside)."""
    return (
        record.title,
        [(c.name, c.role) for c in record.contributors],
        record.publishers,
        record.places,
        record.year,
        record.page_count,
        record.series,
        record.abstract,
        record.edition_note,
    )


PLAIN = [_fields(r) for r in parse_page_text(_page([p for r in RECORDS for p in r]), LEX)]

# Furniture lines the reader has no phrase for as a whole: a junk word with the words a link's
# label puts around it (`this`, `page`, `free`), access and language notes of the post.
UNKNOWN_FURNITURE = [
    "Share this:",
    "Share this page",
    "Print this page",
    "Print this article",
    "Email this story",
    "Free PDF",
    "Download the free PDF",
    "Open access",
    "Open Access",
    "Also available in Spanish",
    "Available in French and English",
    "Printer-friendly version",
    "Like this:",
    "Related posts",
    "Leave a comment",
    "Comments are closed.",
    "No Comments",
    "Continue reading →",
    "Permalink",
    "Cite this",
    "Email a friend",
    "Share on Facebook",
    "Download (PDF, 2.3 MB)",
    "Read the full report (PDF)",
    "Posted: March 3, 2021",
    "Published: 3 March 2021",
    "Topics: Policing; Courts",
    "Read online for free",
    "Save to my library",
    "Listen to the podcast",
    "Watch the video",
]
# A posting date under a title or a byline, not only before a title or after a record.
DATES = ["March 3, 2021", "3 March 2021", "2021-03-03"]


@pytest.mark.parametrize("furniture", [*UNKNOWN_FURNITURE, *DATES])
@pytest.mark.parametrize(
    "where", [0, 1, 2, 3, 4], ids=["before", "title", "byline", "abstract", "after"]
)
def test_furniture_around_the_fields_of_each_record_is_junk(furniture: str, where: int) -> None:
    paragraphs = [p for r in RECORDS for p in (*r[:where], furniture, *r[where:])]
    got = parse_page_text(_page(paragraphs), LEX)
    assert [_fields(r) for r in got] == PLAIN


# Furniture a post may print: known junk, the lines above, tag and posting lines, dates.
FURNITURE = st.sampled_from(
    [
        *UNKNOWN_FURNITURE,
        *DATES,
        "Download PDF",
        "Read more »",
        "Tags: police, courts",
        "Posted in Reports",
        "Filed under: Juvenile Justice",
        "12 comments",
        "Full text",
    ]
)


# The shapes a record may print its paragraphs in: whole, without an abstract, without a
# byline, a title and an imprint alone, an author's and an editor's byline.
SHAPES: dict[str, Callable[[tuple[str, ...]], list[str]]] = {
    "whole": lambda r: list(r),
    "no abstract": lambda r: [r[0], r[1], r[3]],
    "no byline": lambda r: [r[0], r[2], r[3]],
    "title and imprint": lambda r: [r[0], r[3]],
    "two bylines": lambda r: [r[0], r[1], "Edited by Eve Moss", r[2], r[3]],
}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    records=st.lists(
        st.tuples(st.sampled_from(RECORDS), st.sampled_from(sorted(SHAPES))), min_size=1, max_size=4
    ),
    inserts=st.lists(st.tuples(st.integers(0, 20), FURNITURE), min_size=1, max_size=4),
)
def test_furniture_inserted_between_any_two_paragraphs_changes_no_record(
    records: list[tuple[tuple[str, ...], str]], inserts: list[tuple[int, str]]
) -> None:
    paragraphs = [p for record, shape in records for p in SHAPES[shape](record)]
    plain = [_fields(r) for r in parse_page_text(_page(paragraphs), LEX)]
    assert [f[0] for f in plain] == [record[0] for record, _shape in records]
    for at, furniture in sorted(inserts, reverse=True):
        paragraphs.insert(min(at, len(paragraphs)), furniture)
    got = parse_page_text(_page(paragraphs), LEX)
    assert [_fields(r) for r in got] == plain


@pytest.mark.parametrize(
    ("head", "rest", "places", "publishers"),
    [
        (
            "Washington, DC",
            "Urban Institute, 2021. 45p.",
            ("Washington, DC",),
            ("Urban Institute",),
        ),
        ("New York", "Urban Institute, 2021. 45p.", ("New York",), ("Urban Institute",)),
        (
            "Ottawa, Ontario",
            "Public Safety Canada, 2021. 45p.",
            ("Ottawa, Ontario",),
            ("Public Safety Canada",),
        ),
        (
            "Geneva, Switzerland",
            "Small Arms Survey, 2021. 45p.",
            ("Geneva, Switzerland",),
            ("Small Arms Survey",),
        ),
        ("Urban Institute", "2021. 45p.", (), ("Urban Institute",)),
        (
            "Washington, DC: Urban Institute",
            "2021. 45p.",
            ("Washington, DC",),
            ("Urban Institute",),
        ),
        ("London: Home Office", "May 2021. 45p.", ("London",), ("Home Office",)),
        (
            "Washington, DC\n\nUrban Institute",
            "2021. 45p.",
            ("Washington, DC",),
            ("Urban Institute",),
        ),
    ],
)
def test_an_imprint_whose_place_or_publisher_is_a_paragraph_of_its_own(
    head: str, rest: str, places: tuple[str, ...], publishers: tuple[str, ...]
) -> None:
    title, byline, abstract, _imprint = RECORDS[0]
    page = _page([title, byline, abstract, head, rest, *RECORDS[1]])
    first, second = parse_page_text(page, LEX)
    assert (first.places, first.publishers, first.year, first.page_count) == (
        places,
        publishers,
        2021,
        45,
    )
    assert first.abstract == abstract
    assert _fields(second) == PLAIN[1]


@pytest.mark.parametrize(
    ("title", "byline"),
    [
        ("London", "By Ann Lee"),  # a title that names a place, with its byline
        ("Harbour Youth Panels", None),  # a record with no byline after a record's abstract
    ],
)
def test_a_short_paragraph_before_an_imprint_that_is_a_title_stays_one(
    title: str, byline: str | None
) -> None:
    second = [title, *([byline] if byline else []), "Urban Institute, 2021. 45p."]
    page = _page([*RECORDS[1], *second])
    first, got = parse_page_text(page, LEX)
    assert _fields(first) == PLAIN[1]
    assert (got.title, got.publishers, got.year) == (title, ("Urban Institute",), 2021)


@pytest.mark.parametrize("at", [1, 2], ids=["middle", "last"])
def test_a_record_of_a_title_and_an_imprint_after_a_whole_record_is_a_record(at: int) -> None:
    records = [list(r) for r in RECORDS]
    title, _byline, _abstract, imprint = records[at]
    records[at] = [title, imprint]
    got = parse_page_text(_page([p for r in records for p in r]), LEX)
    assert [r.title for r in got] == [r[0] for r in RECORDS]
    assert (got[at].contributors, got[at].abstract) == ((), None)
    assert _fields(got[at])[2:6] == PLAIN[at][2:6]


LANGUAGE_NOTES = [
    "En español",
    "In Spanish",
    "French version",
    "Version française",
    "Spanish translation",
    "Also available in Portuguese",
    "Versión en español",
    "Version in English",
]


@pytest.mark.parametrize("note", LANGUAGE_NOTES)
def test_a_language_note_after_a_title_is_its_edition_note(note: str) -> None:
    title, *rest = RECORDS[0]
    first, second = parse_page_text(_page([f"{title} ({note})", *rest, *RECORDS[1]]), LEX)
    assert (first.title, first.edition_note) == (title, note)
    assert _fields(first)[1:8] == PLAIN[0][1:8]
    assert _fields(second) == PLAIN[1]


@pytest.mark.parametrize("note", LANGUAGE_NOTES)
def test_a_language_note_after_an_imprint_is_no_series(note: str) -> None:
    *fields, imprint = RECORDS[0]
    first, second = parse_page_text(_page([*fields, f"{imprint} ({note})", *RECORDS[1]]), LEX)
    assert _fields(first) == PLAIN[0]
    assert _fields(second) == PLAIN[1]


@pytest.mark.parametrize(
    ("title", "bracketed"),
    [("Youth Courts (In Brief)", None), ("Crime Statistics (Second Edition)", None)],
)
def test_other_brackets_after_a_title_stay_in_it(title: str, bracketed: None) -> None:
    first, _second = parse_page_text(_page([title, *RECORDS[0][1:], *RECORDS[1]]), LEX)
    assert (first.title, first.edition_note) == (title, bracketed)


@pytest.mark.parametrize(
    "title",
    [
        "Follow the Money",
        "Leave No One Behind",
        "Open Justice",
        "Read Between the Lines",
        "Save Our Sons",
        "Comment on the Bill",
        "Related Offences",
        "No Way Out",
    ],
)
def test_a_title_that_starts_like_a_link_s_label_stays_a_title(title: str) -> None:
    first, second = parse_page_text(_page([title, *RECORDS[0][1:], *RECORDS[1]]), LEX)
    assert first.title == title
    assert _fields(first)[1:] == PLAIN[0][1:]
    assert _fields(second) == PLAIN[1]


@pytest.mark.parametrize(
    "paragraph",
    [
        "By Ann Lee and Bo Chan, this report is the second in a series on ports. It compares two.",
        "By Ann Lee, one of the officers interviewed, the forms are slow. The report agrees.",
        "By 2040, the prison population of Northland will have doubled unless sentencing changes.",
        "By examining case files from six courts, this study shows how backlogs grew in two years.",
    ],
)
@pytest.mark.parametrize("at", [2, 3], ids=["first", "last"])
def test_running_text_that_starts_with_by_inside_an_abstract_is_abstract(
    paragraph: str, at: int
) -> None:
    title, byline, abstract, imprint = RECORDS[0]
    paragraphs = [title, byline, abstract, imprint]
    paragraphs.insert(at, paragraph)
    first, second = parse_page_text(_page([*paragraphs, *RECORDS[1]]), LEX)
    assert _fields(first)[:7] == PLAIN[0][:7]
    assert paragraph in (first.abstract or "")
    assert _fields(second) == PLAIN[1]


@pytest.mark.parametrize(
    ("imprint", "series"),
    [
        ("London: Home Office, Trends and issues no. 20, 2019. 30p.", ("Trends and issues", "20")),
        (
            "London: Home Office, Crime & Justice Notes no. 20, 2019. 30p.",
            ("Crime & Justice Notes", "20"),
        ),
        ("London: Home Office, Research Report 20, 2019. 30p.", ("Research Report", "20")),
        ("London: Home Office, Research Report no. 20, 2019. 30p.", ("Research Report", "20")),
    ],
)
def test_a_series_glued_after_the_publisher_is_the_series(
    imprint: str, series: tuple[str, str]
) -> None:
    got = parse_imprint(imprint, LEX.authority, LEX.places)
    assert (got.publishers, got.places, got.year, got.page_count) == (
        ["Home Office"],
        ["London"],
        2019,
        30,
    )
    assert got.series is not None
    assert (got.series.name, got.series.number) == series


@pytest.mark.parametrize("furniture", ["Share this:", "March 3, 2021", "Download PDF"])
def test_furniture_between_an_author_s_and_an_editor_s_byline_is_junk(furniture: str) -> None:
    title, byline, abstract, imprint = RECORDS[0]
    paragraphs = [title, byline, furniture, "Edited by Eve Moss", abstract, imprint, *RECORDS[1]]
    first, second = parse_page_text(_page(paragraphs), LEX)
    assert [(c.name, c.role) for c in first.contributors] == [
        ("Ann Lee", None),
        ("Bo Chan", None),
        ("Eve Moss", "editor"),
    ]
    assert _fields(first)[2:] == PLAIN[0][2:]
    assert _fields(second) == PLAIN[1]


@pytest.mark.parametrize("furniture", ["March 3, 2021", "Share this:"])
@pytest.mark.parametrize("where", ["before", "after"])
def test_furniture_around_the_title_of_a_record_of_a_title_and_an_imprint(
    furniture: str, where: str
) -> None:
    title, _byline, _abstract, imprint = RECORDS[1]
    bare = [furniture, title, imprint] if where == "before" else [title, furniture, imprint]
    got = parse_page_text(_page([*RECORDS[0], *bare, *RECORDS[2]]), LEX)
    assert [r.title for r in got] == [r[0] for r in RECORDS]
    assert _fields(got[1])[2:6] == PLAIN[1][2:6]
    assert (_fields(got[0]), _fields(got[2])) == (PLAIN[0], PLAIN[2])


REAL_PAGES = sorted((ROOT / "tests" / "fixtures" / "real" / "pages").glob("page-*.txt"))


def _read(page: Path) -> list[tuple[object, ...]]:
    return [_fields(r) for r in read_source(page, LEX) if isinstance(r, Record)]


@pytest.mark.parametrize("kind", PAGE_STRUCTURES, ids=list(PAGE_STRUCTURES))
def test_the_dev_pages_read_alike_when_their_posts_are_arranged_so(
    kind: str, tmp_path: Path
) -> None:
    for page in REAL_PAGES:
        changed = tmp_path / page.name
        changed.write_text(changed_page(page, PAGE_STRUCTURES[kind]), encoding="utf-8")
        assert _read(changed) == _read(page), page.name


@pytest.mark.parametrize("repeated", ["byline", "byline and imprint"])
def test_a_byline_repeated_among_the_abstract_s_paragraphs_is_abstract_text(repeated: str) -> None:
    title, byline, abstract, imprint = RECORDS[0]
    again = [byline, imprint] if repeated == "byline and imprint" else [byline]
    later = "The second part sets out the costs of each form. Costs vary by port."
    first, second = parse_page_text(
        _page([title, byline, abstract, *again, later, imprint, *RECORDS[1]]), LEX
    )
    assert _fields(first)[:7] == PLAIN[0][:7]
    assert (first.abstract or "").endswith(later)
    assert _fields(second) == PLAIN[1]
