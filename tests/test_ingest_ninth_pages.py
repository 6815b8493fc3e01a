"""Page shapes the ninth session's reading left unread or risky, as a listing prints them: a
title numbered as a volume with its imprint alone; a sentence-case title wrapped over two lines
after a title and its abstract alone; a lead into a list, ending with no stop, between abstract
paragraphs; a heading's word as a record's title. Every line is made up (the bylines and
imprints of these rounds: test_ingest_ninth_leftovers.py)."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bench.variants import SITE, make_record
from tests.conftest import PAGE_HEAD, parse_page_text
from tests.imprints import LEX

_ABSTRACT = (
    "The briefing sums up what the trial found in four towns. It was written for officers and"
    " for the public who asked."
)
_BARE = "This note describes how small ports were policed. It ends with lessons."
_PERTH, _LEEDS = "Perth: Westmark Law, 2022. 28p.", "Leeds: Harbour Trust, 2020. 40p."
_BEFORE = f"Remand in Rural Courts\n\nBy Nora Quist\n\n{_ABSTRACT}\n\n{_PERTH}\n\n"
_AFTER = f"Bail Hostels Reconsidered\n\nBy Ivo Marsh\n\n{_ABSTRACT}\n\n{_LEEDS}\n"


@pytest.mark.parametrize(
    "title", ["Volume 3: Sentencing", "Volume 12: Courts and Juries", "Book 2: Remand"]
)
def test_a_volumes_title_and_its_imprint_alone_after_a_whole_record_are_a_record(
    title: str,
) -> None:
    page = f"{PAGE_HEAD}{_BEFORE}{title}\n\nToronto: Harbour Press, 2019. 80p.\n\n{_AFTER}"
    got = parse_page_text(page, LEX)
    assert [(r.as_printed.title, r.year, r.places) for r in got] == [
        ("Remand in Rural Courts", 2022, ("Perth",)),
        (title, 2019, ("Toronto",)),
        ("Bail Hostels Reconsidered", 2020, ("Leeds",)),
    ]


@pytest.mark.parametrize("line", ["Volume 3: 45-60", "Volume 12: Issue 3, 2021"])
def test_a_journals_volume_between_two_citations_stays_the_imprints(line: str) -> None:
    page = (
        f"{PAGE_HEAD}Remand in Rural Courts\n\nBy Nora Quist\n\n{_ABSTRACT}\n\n"
        f"Perth: Westmark Law, 2022. 28p.\n\n{line}\n\nISBN 978-1-00000-000-0.\n\n{_AFTER}"
    )
    got = parse_page_text(page, LEX)
    assert [r.title for r in got] == ["Remand in Rural Courts", "Bail Hostels Reconsidered"]


# Pages printing each byline after its abstract, and pages printing each abstract last.
_BYLINE_LATE = (
    f"Remand in Rural Courts\n\n{_ABSTRACT}\n\nBy Nora Quist\n\n{_PERTH}\n\n",
    f"{_ABSTRACT}\n\nBy Ivo Marsh\n\n{_LEEDS}\n",
)
_LATE = (
    f"Remand in Rural Courts\n\nBy Nora Quist\n\n{_PERTH}\n\n{_ABSTRACT}\n\n",
    f"By Ivo Marsh\n\n{_LEEDS}\n\n{_ABSTRACT}\n",
)
_WRAPPED = [
    "Bail hostels and night shelters in three port towns: a review of\nthe evidence from courts",
    "Bail hostels and night shelters in three port towns: a review\nof the evidence",
    "Bail hostels and night shelters in context 5: victims drugs\nreform",
    "Bail hostels and night shelters: a review of the evidence from\nthree port towns",
]


@pytest.mark.parametrize("order", [_BYLINE_LATE, _LATE], ids=["bylines last", "abstracts last"])
@pytest.mark.parametrize("title", _WRAPPED)
def test_a_wrapped_sentence_case_title_after_a_bare_record_keeps_its_record(
    order: tuple[str, str], title: str
) -> None:
    assert _read_after_a_bare_record(order, title) == _as_catalogued(title)


def _read_after_a_bare_record(order: tuple[str, str], title: str) -> list[tuple[object, ...]]:
    """A whole record, a bare record (`Quiet Streets` and its abstract), then `title` with the
    fields of a whole record, read: each record's title and year."""
    before, after = order
    page = f"{PAGE_HEAD}{before}Quiet Streets\n\n{_BARE}\n\n{title}\n\n{after}"
    return [(r.title, r.year) for r in parse_page_text(page, LEX)]


def _as_catalogued(title: str) -> list[tuple[object, ...]]:
    """What a cataloguer reads from that page."""
    return [
        ("Remand in Rural Courts", 2022),
        ("Quiet Streets", None),
        (title.replace("\n", " "), 2020),
    ]


_LEADS = [
    "It makes four recommendations, namely",
    "The review found gaps in three areas, including",
    "The review lists the steps as follows",
    "The authors propose three reforms, such as",
    "The main findings of the review were",  # a verb that wants its list
    "The steps the ministry should now take are",
]


_WHOLE_WITH_A_LEAD = {  # the record's fields in the page's order
    "bylines last": "Quiet Streets\n\n{bare}\n\n{lead}\n\n{abstract}\n\n{by}\n\n{imprint}\n",
    "abstracts last": "Quiet Streets\n\n{by}\n\n{imprint}\n\n{bare}\n\n{lead}\n\n{abstract}\n",
}


@pytest.mark.parametrize("lead", _LEADS)
@pytest.mark.parametrize("order", ["bylines last", "abstracts last"])
def test_a_lead_into_a_list_between_abstract_paragraphs_stays_inside(order: str, lead: str) -> None:
    before = _BYLINE_LATE[0] if order == "bylines last" else _LATE[0]
    record = _WHOLE_WITH_A_LEAD[order].format(
        bare=_BARE, lead=lead, abstract=_ABSTRACT, by="By Ada Brook", imprint=_LEEDS
    )
    got = parse_page_text(f"{PAGE_HEAD}{before}{record}", LEX)
    assert [(r.title, r.year) for r in got] == [
        ("Remand in Rural Courts", 2022),
        ("Quiet Streets", 2020),
    ]
    assert lead in (got[1].abstract or "")


@pytest.mark.parametrize("title", ["Who We Are", "What Prison Is", "Bail Hostels Reconsidered"])
@pytest.mark.parametrize("order", [_BYLINE_LATE, _LATE], ids=["bylines last", "abstracts last"])
def test_a_short_title_ending_in_a_verb_after_a_bare_record_keeps_its_record(
    order: tuple[str, str], title: str
) -> None:
    assert _read_after_a_bare_record(order, title) == _as_catalogued(title)


@pytest.mark.parametrize("title", ["Results", "Summary", "Key Findings"])
def test_a_headings_word_as_a_title_with_its_imprint_alone_after_a_whole_record_is_a_record(
    title: str,
) -> None:
    page = f"{PAGE_HEAD}{_BEFORE}{title}\n\nLeeds: Harbour Trust, 2021. 12p.\n\n{_AFTER}"
    got = parse_page_text(page, LEX)
    assert [(r.title, r.year) for r in got] == [
        ("Remand in Rural Courts", 2022),
        (title, 2021),
        ("Bail Hostels Reconsidered", 2020),
    ]


@pytest.mark.parametrize("title", ["Results", "Summary"])
def test_a_headings_word_as_a_title_with_a_byline_or_an_abstract_is_a_record(title: str) -> None:
    for fields in ("By Ada Brook", _BARE):
        record = f"{title}\n\n{fields}\n\nLeeds: Harbour Trust, 2021. 12p.\n\n"
        page = f"{PAGE_HEAD}{_BEFORE}{record}{_AFTER}"
        got = parse_page_text(page, LEX)
        assert [(r.title, r.year) for r in got] == [
            ("Remand in Rural Courts", 2022),
            (title, 2021),
            ("Bail Hostels Reconsidered", 2020),
        ]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.integers(0, 2**32),
    count=st.integers(2, 4),
    late=st.booleans(),
    sentence_case=st.booleans(),
    cut=st.floats(0.2, 0.9),
)
# a title wrapped after two words, its second line running text (`Prevention drugs` / `children
# prisons harm trafficking in context 3: harm violence review`)
@example(seed=12339, count=3, late=False, sentence_case=False, cut=0.203125)
def test_a_wrapped_title_after_a_bare_record_among_generated_records_keeps_its_record(
    seed: int, count: int, late: bool, sentence_case: bool, cut: float
) -> None:
    rng = random.Random(seed)
    at = rng.randint(1, count - 1)
    lines, titles = [SITE, "", "04-punishment.jpg", "", "PUNISHMENT", ""], []
    for i in range(count):
        paragraphs, truth = make_record(rng, i + 1, "PUNISHMENT", late=late, byline_late=not late)
        title = truth["title"]
        if i == at:  # a bare record, then this record's title wrapped onto a second line
            lines += ["Quiet Streets", "", _BARE, ""]
            titles.append("Quiet Streets")
            words = (title[:1] + title[1:].lower() if sentence_case else title).split()
            if "\n" in paragraphs[0] or len(words) < 4:
                return
            k = max(2, min(len(words) - 1, round(len(words) * cut)))
            title = " ".join(words)
            paragraphs = [" ".join(words[:k]) + "\n" + " ".join(words[k:]), *paragraphs[1:]]
        titles.append(title)
        lines += [line for p in paragraphs for line in (*p.split("\n"), "")]
    got = parse_page_text("\n".join(lines) + "\n", LEX)
    assert [r.title for r in got] == titles
