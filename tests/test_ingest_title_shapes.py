"""Titles shaped like another field (an imprint, a journal's volume, a `By` line) and abstract
paragraphs shaped like an imprint (a book's contents, a note of an earlier edition): each is read
as what it is, and the records around it are read as before. Every line is made up."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from bench.variants import make_independent_page
from kg.ingest import Lexicon
from kg.ingest.evidence import two_sentences
from kg.records import Record
from tests.conftest import PAGE_HEAD, fixture_lexicon, parse_page_text

LEX: Lexicon = fixture_lexicon()

ABSTRACT = (
    "This report examines how river police record stop and search encounters. It draws on "
    "interviews with thirty officers."
)
BEFORE = (
    "Remand Reform in Fenwick County",
    "By Oskar Lindqvist",
    "Drawing on tribunal files, the authors describe how remand decisions changed after the "
    "reform. Remand fell by a quarter.",
    "New York: Quarry Justice Center, 2022. 28p.",
)
AFTER = (
    "Leaving Custody: Work and Desistance",
    "By Ines Varga",
    "The study follows one hundred young women released from custody in Westmark. It finds "
    "that stable work predicts desistance.",
    "London: Ministry of Justice, 2019. 30p.",
)
IMPRINT = "Chicago: Lakeside Policy Institute, 2021. 45p."


def _page(*paragraphs: str) -> str:
    return PAGE_HEAD + "\n\n".join(paragraphs) + "\n"


def _fields(record: Record) -> tuple[object, ...]:
    return (
        record.title,
        tuple(c.name for c in record.contributors),
        record.publishers,
        record.places,
        record.year,
        record.page_count,
        record.abstract,
    )


def _read(*middle: str) -> list[Record]:
    """The records of a page printing `middle` between two whole records."""
    return parse_page_text(_page(*BEFORE, *middle, *AFTER), LEX)


def _in_the_abstract(record: Record, paragraph: str) -> None:
    """`paragraph` ended the record's abstract; the imprint under it was read as the imprint."""
    assert record.abstract == f"{ABSTRACT}\n\n{paragraph}"
    assert (record.places, record.publishers, record.year) == (
        ("Chicago",),
        ("Lakeside Policy Institute",),
        2021,
    )


def _neighbours_unchanged(got: list[Record]) -> None:
    plain = parse_page_text(_page(*BEFORE, *AFTER), LEX)
    assert [_fields(r) for r in (got[0], got[-1])] == [_fields(r) for r in plain]


@pytest.mark.parametrize(
    "title",
    [
        "Berlin: 1933",
        "Dublin: 1916",
        "Chicago, IL: A City Under Siege, 1968",
        "Volume 3: Sentencing and Parole",
        "Crime and Justice, Volume 50: Sentencing",
    ],
)
def test_a_title_shaped_like_an_imprint_without_a_byline_is_the_records_title(title: str) -> None:
    # After a whole record and above an abstract of sentences: the abstract is no title, so
    # the line above it is, not more of the imprint before it.
    got = _read(title, ABSTRACT, IMPRINT)
    assert len(got) == 3
    assert got[1].title == title
    assert got[1].abstract == ABSTRACT
    assert (got[1].publishers, got[1].year, got[1].page_count) == (
        ("Lakeside Policy Institute",),
        2021,
        45,
    )
    _neighbours_unchanged(got)


@pytest.mark.parametrize(
    "title",
    [
        # guards: read right before, with and without a byline
        "Naples, 1944: Crime in an Occupied City",
        "Harbour Police Department, 1900-1950",
        "London: The Crime Capital?",
        "2022 Annual Report on Youth Custody",
        "Colt, Remington and the Frontier Gun Trade",
        "Journal of a Prison Visitor, 1890-1891",
        "Roe v. Wade and the Criminal Law",
        "No. 10 and the Police: Downing Street's Crime Agenda",
    ],
)
@pytest.mark.parametrize("byline", [(), ("By Mira Okonjo and Tal Brandt",)])
def test_titles_of_other_fields_shapes_keep_their_record(title: str, byline: tuple[str]) -> None:
    got = _read(title, *byline, ABSTRACT, IMPRINT)
    assert len(got) == 3
    assert got[1].title == title
    names = ["Mira Okonjo", "Tal Brandt"] if byline else []
    assert [c.name for c in got[1].contributors] == names
    assert got[1].abstract == ABSTRACT
    _neighbours_unchanged(got)


def test_a_title_starting_with_by_and_a_colon_without_a_byline_is_the_records_title() -> None:
    # `By Any Means: …` names no one: with no byline under it, it is the title (a byline would
    # leave the record with no title).
    got = _read("By Any Means: Policing Street Protest", ABSTRACT, IMPRINT)
    assert len(got) == 3
    assert got[1].title == "By Any Means: Policing Street Protest"
    assert got[1].contributors == ()
    assert got[1].abstract == ABSTRACT
    _neighbours_unchanged(got)


def test_a_by_line_with_a_colon_under_a_title_is_still_its_byline() -> None:
    got = _read("Policing Street Protest", "By Westmark Police: Research Unit", ABSTRACT, IMPRINT)
    assert got[1].title == "Policing Street Protest"
    assert [c.name for c in got[1].contributors] != []


@pytest.mark.parametrize(
    "paragraph",
    [
        "Contents: 1. Introduction; 2. Methods; 3. Findings; 4. Recommendations.",
        "Contents: Foreword / Ana Ruiz -- The river / Jo Ferris -- Courts / Tal Brandt.",
        "CONTENTS: Part one, the river; Part two, the courts.",
        "Table of Contents: 1. The river unit; 2. The harbour.",
        "(Originally published London: Home Office, 1999.)",
        "(First published Chicago: Lakeside Press, 2004.)",
    ],
)
def test_a_contents_or_earlier_edition_paragraph_stays_in_the_abstract(paragraph: str) -> None:
    got = _read("Stop and Search on the River", "By Mira Okonjo", ABSTRACT, paragraph, IMPRINT)
    _in_the_abstract(got[1], paragraph)
    _neighbours_unchanged(got)


_PLACES = ["Berlin", "Dublin", "Chicago, IL", "Naples", "Lagos", "Vienna, Austria", "Perth"]
_WORDS = ["Crime", "Siege", "Police", "Courts", "Riots", "Parole", "Prisons", "Justice", "Terror"]
_YEARS = st.integers(1800, 2024).map(str)
_PHRASE = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=4).map(" ".join)
IMPRINT_LIKE_TITLES = st.one_of(
    st.builds(lambda p, y: f"{p}: {y}", st.sampled_from(_PLACES), _YEARS),
    st.builds(
        lambda p, w, y: f"{p}: A City of {w}, {y}", st.sampled_from(_PLACES), _PHRASE, _YEARS
    ),
    st.builds(lambda n, w: f"Volume {n}: {w}", st.integers(1, 60), _PHRASE),
    st.builds(lambda a, n, w: f"{a}, Volume {n}: {w}", _PHRASE, st.integers(1, 60), _PHRASE),
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=IMPRINT_LIKE_TITLES, byline=st.booleans())
def test_any_imprint_shaped_title_above_an_abstract_is_read_as_the_title(
    title: str, byline: bool
) -> None:
    got = _read(title, *(["By Mira Okonjo"] if byline else []), ABSTRACT, IMPRINT)
    assert len(got) == 3
    assert got[1].title == title
    assert got[1].abstract == ABSTRACT
    assert (got[1].publishers, got[1].year) == (("Lakeside Policy Institute",), 2021)
    _neighbours_unchanged(got)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.integers(0, 10**6),
    title=st.one_of(IMPRINT_LIKE_TITLES, st.just("By Any Means: Policing Street Protest")),
)
@example(seed=69405, title="By Any Means: Policing Street Protest")  # bylines after abstracts
def test_an_imprint_shaped_title_after_a_generated_page_changes_none_of_its_records(
    seed: int, title: str
) -> None:
    # A generated page (any of the site's variants) whose last record ends with its imprint;
    # a record after it with an imprint-shaped title, no byline, an abstract and an imprint.
    rng = random.Random(seed)
    text, _expected = make_independent_page(rng, rng.randint(1, 6), 1, "p.txt")
    plain = parse_page_text(text, LEX)
    last = plain[-1].as_printed.imprint
    assume(bool(last) and text.rstrip().endswith(last.splitlines()[-1].rstrip()))
    got = parse_page_text(f"{text.rstrip()}\n\n{title}\n\n{ABSTRACT}\n\n{IMPRINT}\n", LEX)
    assert [_fields(r) for r in got[:-1]] == [_fields(r) for r in plain]
    assert (got[-1].title, got[-1].abstract) == (title, ABSTRACT)


def test_a_by_title_after_a_page_of_bylines_after_abstracts_keeps_its_order() -> None:
    # `By Any Means: …` above an abstract is a title or a byline: no vote for an order that
    # puts bylines above abstracts, which would break the page's records before it.
    page = _page(
        "Tides of the Harbour Courts",
        ABSTRACT,
        "By Jonas Cohen",
        "London: Northland Press. 2020. 256p.",
        "By Any Means: Policing Street Protest",
        ABSTRACT,
        IMPRINT,
    )
    got = parse_page_text(page, LEX)
    assert [(r.title, [c.name for c in r.contributors], r.publishers) for r in got] == [
        ("Tides of the Harbour Courts", ["Jonas Cohen"], ("Northland Press",)),
        ("By Any Means: Policing Street Protest", [], ("Lakeside Policy Institute",)),
    ]


_PARTS = st.lists(
    st.builds(
        lambda n, w, who: f"{n}{w}{who}",
        st.sampled_from(["", "1. ", "2. ", "Part 3, ", "Chapter 4: "]),
        _PHRASE,
        st.sampled_from(["", " / Ana Ruiz", " / Jo Ferris, 2019", " (pp. 12-40)"]),
    ),
    min_size=1,
    max_size=5,
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    label=st.sampled_from(["Contents:", "CONTENTS:", "Table of contents:", "Table of Contents:"]),
    parts=_PARTS,
    separator=st.sampled_from(["; ", " -- ", ". "]),
)
def test_any_contents_paragraph_stays_in_the_abstract(
    label: str, parts: list[str], separator: str
) -> None:
    paragraph = f"{label} {separator.join(parts)}."
    got = _read("Stop and Search on the River", "By Mira Okonjo", ABSTRACT, paragraph, IMPRINT)
    _in_the_abstract(got[1], paragraph)


@pytest.mark.parametrize(
    ("first", "second", "title"),
    [
        (
            "Policing the River",
            "A History of the Water Guard",
            "Policing the River: A History of the Water Guard",
        ),
        (
            "Knife Crime",
            "A Review of the Evidence, 2010-2020",
            "Knife Crime: A Review of the Evidence, 2010-2020",
        ),
        ("POLICING THE RIVER", "A HISTORY", "Policing the River: A History"),
        # guards: the first part ends with a mark of its own, or goes on by its last word
        (
            "Does Remand Work?",
            "Evidence from Ten Courts",
            "Does Remand Work? Evidence from Ten Courts",
        ),
        (
            "Policing the River:",
            "A History of the Water Guard",
            "Policing the River: A History of the Water Guard",
        ),
        (
            "Policing the River in the",
            "Twentieth Century",
            "Policing the River in the Twentieth Century",
        ),
    ],
)
def test_a_subtitle_in_a_paragraph_of_its_own_follows_a_colon(
    first: str, second: str, title: str
) -> None:
    # A title's parts in two paragraphs are a title and its subtitle, as a cataloguer writes
    # them; a part left open (`…in the`) or ended by a mark of its own is joined as printed.
    got = _read(first, second, "By Mira Okonjo", ABSTRACT, IMPRINT)
    assert len(got) == 3
    assert got[1].title == title
    assert [c.name for c in got[1].contributors] == ["Mira Okonjo"]
    _neighbours_unchanged(got)


def test_a_title_wrapped_onto_the_line_under_it_is_joined_by_a_space() -> None:
    page = _page(
        *BEFORE,
        "Making the Rounds: Illicit\nAmmunition in the Delta",
        "By Mira Okonjo",
        ABSTRACT,
        IMPRINT,
        *AFTER,
    )
    assert (
        parse_page_text(page, LEX)[1].title == "Making the Rounds: Illicit Ammunition in the Delta"
    )


_TITLE_WORDS = st.lists(
    st.sampled_from(["River", "Courts", "Police", "Remand", "Youth", "Justice", "Reform"]),
    min_size=1,
    max_size=4,
).map(" ".join)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(first=_TITLE_WORDS, second=_TITLE_WORDS, article=st.sampled_from(["", "A ", "The "]))
def test_any_title_and_subtitle_in_paragraphs_of_their_own_are_one_title(
    first: str, second: str, article: str
) -> None:
    got = _read(f"{article}{first}", f"{second} in Westmark", "By Mira Okonjo", ABSTRACT, IMPRINT)
    assert len(got) == 3
    assert got[1].title == f"{article}{first}: {second} in Westmark"
    _neighbours_unchanged(got)


def _plain_two_sentences(text: str) -> bool:
    return any(
        text[i : i + 2] == ". "
        and (text[i - 1].islower() or text[i - 1].isdigit())
        and text[i + 2].isupper()
        for i in range(1, len(text) - 2)
    )


@settings(max_examples=300)
@given(
    st.lists(st.sampled_from(["a", "Z", "9", ". ", ".", " ", "é", "É", "_", "U.S. "]), max_size=12)
)
def test_the_sentence_test_reads_as_the_plain_pattern(pieces: list[str]) -> None:
    text = "".join(pieces)
    # `two_sentences` finds `. ` in C before it looks at the letters around it; the plain
    # reading looks at every character: a small letter or digit, `. `, a capital.
    assert two_sentences(text) == _plain_two_sentences(text)
