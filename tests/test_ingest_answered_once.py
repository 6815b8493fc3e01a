"""What the reader works out once and hands on (instead of working it out again for the same
line or the same citation) is what working it out again gives.

Each test asks the remembering code about generated lines in a generated order, the same
string object again and again among others, and compares every answer with the plain code.
"""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from kg.ingest import byline, catalogue_forms, journal
from kg.ingest.byline_leads import OTHER_LEAD_STARTS, leads_names
from kg.ingest.locators import PAGES

BYLINE_TOKENS = ["By", "by", "BY", "Edited by", "Por", "Par", "Jane Roe", "Ana García", "and",
                 "the", "Justice", "Lee", ",", ":", " ", "report", "This", "x" * 90]  # fmt: skip


def _plain_looks_like_byline(text: str) -> bool:
    """`byline.looks_like_byline` with nothing remembered."""
    return byline._by_prefixed(text) or (text[:1] in OTHER_LEAD_STARTS and leads_names(text))


_LINES = st.lists(
    st.lists(st.sampled_from(BYLINE_TOKENS), min_size=1, max_size=8).map(" ".join),
    min_size=1,
    max_size=4,
)


_ASKS = st.lists(st.tuples(st.integers(min_value=0, max_value=3), st.booleans()), max_size=12)


@given(_LINES, _ASKS)
@example(["By Jane Roe", "This report"], [(0, False), (0, False), (1, False), (1, False)])
@example(["This report", "By Jane Roe"], [(0, False), (1, True), (1, False), (0, False)])
def test_a_line_asked_about_again_gets_the_plain_answer(
    lines: list[str], asks: list[tuple[int, bool]]
) -> None:
    for i, another_object in asks:
        text = lines[i % len(lines)]  # the same object again, as a page's line is asked about
        if another_object:
            text = "".join(list(text))  # an equal line that is another object
        assert byline.looks_like_byline(text) == _plain_looks_like_byline(text)


PAGE_TOKENS = ["pp.", "p.", "Pages", "S.", "12", "345", "-", "–", "367", ":", ",", " ", "(3)",
               "2021", "e0123", "No. 1", ")", "Vol. 65(3)", "x"]  # fmt: skip


@given(st.lists(st.sampled_from(PAGE_TOKENS), max_size=14).map("".join))
@example("pp. 12-34, pp. 345-367")  # two page ranges: the first gives the pages
@example(", 38:5, 812-835 and Pages 1-2")
def test_the_pages_found_in_one_pass_are_the_first_search_s(tail: str) -> None:
    pages, marks = journal.page_locators(tail)
    assert pages == journal._first(PAGES.search(tail))
    assert [m.span() for m in marks] == [m.span() for m in PAGES.finditer(tail)]


FORM_TOKENS = ["300 S.", "210 págs.", "96 blz.", "[2019]", "2021-05-12", "pp. 12", "ca. 1990",
               "c1980", " - ", "Updated", " : ill. ; 24 cm", "(Studies in X)", "London:", " ",
               ".", "Harbour Press,", "45p."]  # fmt: skip


@given(
    st.lists(st.lists(st.sampled_from(FORM_TOKENS), max_size=6).map("".join), min_size=1),
    st.lists(st.integers(min_value=0, max_value=9), max_size=12),
    st.integers(min_value=1, max_value=3),
)
@example(["300 S.", "London: X, 2021. 300 S."], [0, 1, 0, 1], 1)  # rewritten, asked again
def test_a_citation_rewritten_again_gets_the_plain_forms(
    texts: list[str], order: list[int], memo: int
) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(catalogue_forms, "PLAIN_FORMS_MEMO", memo)  # full and cleared often
        patch.setattr(catalogue_forms, "_PLAIN_FORMS", {})
        for i in [*range(len(texts)), *order]:
            text = texts[i % len(texts)]
            assert catalogue_forms.plain_catalogue_forms(text) == (
                catalogue_forms._plain_catalogue_forms(text)
            )
            assert len(catalogue_forms._PLAIN_FORMS) <= memo
