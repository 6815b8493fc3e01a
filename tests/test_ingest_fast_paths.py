"""The parser's fast paths give exactly what the plain code they stand in for gives.

Each shortcut (a cheap test before a regular expression, a cached table, a pruned search) is
compared with the straightforward version on generated text built from the characters that
matter to it.
"""

from __future__ import annotations

import io
import itertools
import json
import re
import unicodedata
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from kg.ingest import (
    citation_marks,
    evidence,
    journal,
    locators,
    pieces,
    publisher,
    segment,
    series,
    tail,
)
from kg.ingest.authority import MEMO_SIZE, Agent, Authority, ascii_last_word, name_key
from kg.ingest.lines import units
from kg.ingest.names import words
from kg.ingest.parse import parse_command
from kg.ingest.text import (
    PAGE_WORD_ENDS,
    clean,
    match_count,
    search_end,
    search_end_count,
)
from tests.conftest import ROOT

IMPRINT_TOKENS = ["2021", "1999", "202", "40", "p", "pp", "pages", "P", "May", "March 3rd,",
                  "D.C.", "A.", "a.", ".", ",", ":", ";", " ", "  ", "(", ")", "(2020)",
                  "forthcoming", "in press", "n.d.", "n. d", "Perth", "ſ", "\u00a0", "12p.",
                  "g", "a", "٣", "²", "6)", "reprint", "Read-Me.Org",
                  "x" * 70]  # fmt: skip


def _imprint_texts() -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(IMPRINT_TOKENS), max_size=14).map("".join)


@given(text=_imprint_texts())
@example("Washington D.C. 2021. 40p.")
@example("Perth: X, 2023 . , 12 pages")
@example("London. Longmans Green. 1906. 152p. Read-Me.Org classic reprint.")
@example("x" * 70 + " , . 2021")
@example("Springer, September 23rd, 2002, 207 pages")
@example("London: X, 2019: 6)")
@example("forthcoming\u00a0")
@example("n.d.")
@example("20212021p")  # a page count glued to a year: the count starts inside the digits
@example("12p.;")  # a page count, then a full stop and a semicolon
@example("12p. Read-Me.Org")  # a note that ends in a letter a page word ends in
@example("London: X, 2019. 12p. Reprint (new)")  # a note that ends in a bracket
def test_the_end_of_an_imprint_is_searched_only_where_a_match_can_be(text: str) -> None:
    # tail.py searches the last WINDOW characters, and only when the last mark can end a match.
    last = tail._last(text)
    for pattern in (tail._PAGE_COUNT, tail._BARE_COUNT, tail._DATE, tail._NO_YEAR,
                    tail._NOTE_AFTER_COUNT):  # fmt: skip
        assert _same(pattern.search(text), tail._end(pattern, text))
    count = tail._PAGE_COUNT.search(text)
    if count:
        assert last in PAGE_WORD_ENDS
        assert _same(count, match_count(tail._PAGE_COUNT, text))
    date = tail._DATE.search(text)
    if date:
        assert last.isdigit() or last == ")"
        year = tail._end(tail._YEAR_TAIL, text)
        assert year is not None
        assert _same(date, tail._DATE.search(text, max(0, year.start() - 30)))
    if tail._NO_YEAR.search(text):
        assert last in tail._NO_YEAR_ENDS
    if tail._NOTE_AFTER_COUNT.search(text):
        assert tail.may_end_in_a_note(text)


@given(text=_imprint_texts())
@example("2021. 12 pageſ")
@example("x1 2 p.")
@example("2021Pg")  # `pg` ends in a g
def test_page_counts_are_found_where_their_number_starts(text: str) -> None:
    assert _same(search_end(citation_marks.PAGE_COUNT_END, text),
                 search_end_count(citation_marks.PAGE_COUNT_END, text))  # fmt: skip


def _same(a: re.Match[str] | None, b: re.Match[str] | None) -> bool:
    return (a and (a.span(), a.groups())) == (b and (b.span(), b.groups()))


LINE_TOKENS = ["By", "by", "Edited by", "Jane Roe", "and", ",", ";", "the", "The", "report",
               "examines", "how", "services", "respond", "to", "harm", ".", " ", "2021", "40p.",
               "London:", "Harbour Press", "•", "-", "Vol. 4", "no. 12", "(2020)", "download",
               "USED BOOK", "Journal of", "Crime", "?", "x" * 90, "Research Report",
               "Key findings", "”", "9", ")"]  # fmt: skip


@settings(max_examples=300)
@given(st.lists(st.sampled_from(LINE_TOKENS), min_size=1, max_size=30).map(" ".join))
@example("• A point of the abstract, 2021. 40p.")
@example("This report examines how services respond to harm and what could be done (2020)")
@example("By:")  # a `By` line that is a byline's lead alone: junk
@example("Edited by:")
@example("By By By By by by by by " + "x" * 90 + " .")  # a `By` line read as running text
@example("By London: By")  # a `By` line shaped like a title and its subtitle
@example("Crime fell in the decade to 2020. It rose again later in the towns of the north.")
# A long line whose count is followed by a note the marks are read without (`, appendices`)
@example(
    "Brussels: Harbour House on behalf of the Coastal Ministry, Forthcoming. vi, 100 pages, "
    "appendices"
)
def test_the_fast_scores_of_a_line_are_its_full_scores(text: str) -> None:
    line = clean(text)
    if line:
        full = evidence.adjusted(line, evidence.scores(evidence.shape(line)))
        assert evidence.line_scores(line) == full


_BOOKS_STATUS = re.compile(r"forthcoming|in press", re.IGNORECASE)


@given(_imprint_texts())
@example("Victims & Offenders, 2022. 39p.")
@example("Journal of X (2023) 12:301–322")
@example("March 3rd,2021,20212021")  # a date is no journal's name either way
@example("2021March 3rd,2021,20212021")
@example("D.C.forthcoming.20212021")  # a status word, glued: the status's branch of LOCATOR
def test_the_journal_test_before_the_journal_patterns_never_refuses_one(text: str) -> None:
    known = {"Victims & Offenders": "Victims & Offenders"}.get
    fast = journal.parse_journal(text, known)
    original = journal._might_cite_a_journal
    try:
        journal._might_cite_a_journal = lambda _text, _known: True  # type: ignore[assignment]
        slow = journal.parse_journal(text, known)
    finally:
        journal._might_cite_a_journal = original
    # A status books print too (`forthcoming`, `in press`) is no journal's mark alone: the test
    # refuses such a line where the patterns would read `Riverside Books Forthcoming. pp. 164`
    # as a journal's.
    assert fast == slow or (fast is None and _BOOKS_STATUS.search(text) is not None)


_INVISIBLE = str.maketrans({"\u200b": " ", "\ufeff": " "})


@given(
    text=st.one_of(
        st.text(st.sampled_from(list("ab .é"))),  # printable: the shortcut's side
        st.text(st.sampled_from(list("ab .\t\n\x07\x7f\u00a0\u2007\u200b\ufeff\x85é"))),
    )
)
@example("a  b")
@example(" a")
@example("a\u200bb")
@example("a\x7fb")
def test_clean_is_split_and_join(text: str) -> None:
    assert clean(text) == " ".join(text.translate(_INVISIBLE).split())


def _plain_name_key(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"^the\s+", "", text.casefold().strip())
    return " ".join(re.findall(r"[a-z0-9]+", text.replace("&", " and ")))


@given(name=st.text(st.sampled_from(list("Thé ACßİıﬁ&.-ø\u0301\u0308Kk1")), max_size=20))
def test_name_key_drops_combining_marks_like_the_plain_code(name: str) -> None:
    name_key.cache_clear()
    assert name_key(name) == _plain_name_key(name)


AUTHORITY = Authority(
    [
        Agent("organization/csa", "organization", "Centre of Expertise", ("CSA",)),
        Agent("person/jane-roe", "person", "Jane Roe", variants=("Roe, J.",)),
    ]
)
WORDS = ["The", "CSA", "-", "Centre", "of", "Expertise", "Jane", "Roe", "Roe,", "J.", "x"]


@given(words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=8))
def test_may_end_never_refuses_a_known_ending(words: list[str]) -> None:
    text = " ".join(words)
    tails = [" ".join(words[cut:]) for cut in range(len(words))]
    if any(AUTHORITY.lookup(tail) is not None for tail in tails):
        assert AUTHORITY.may_end(text)


# The patterns as they were before a lookahead named the characters every match starts with.
LOCATOR_STARTS = r"(?=[\s,.(:]|vol|issue)"
PLAIN_LOCATOR = re.compile(locators.LOCATOR.pattern.replace(LOCATOR_STARTS, "", 1), re.I)
PLAIN_SPLIT = re.compile(
    r"(\s*(?:\||·|;|\s[-–—]\s|,\s*(?:and|&|with)\s+|,|\s+and\s+|\s+&\s+|\s+with\s+)\s*)"
)
CITATION_TOKENS = ["Vol", "vol.", "Volume", "Issue", " ", ",", "(2021)", "(3)", "12", ":", "and",
                   "&", "|", "·", ";", " - ", "with", "in conjunction with", "Online First",
                   "FORTHCOMING", "no.", "NR", "Pages", "Journal", "2020", "٣", "\u00a0", "ſ",
                   "x", "2019;54(1)", "4, 396–407", "ıssue 3", "İSSUE 2", "vOL4", "XVolume 600",
                   "Criminology", "Institute", "v. 6", "iv", "XIssue 4", "Xıssue 5", "February",
                   "Fall", "—", ": 12 (3)", "41(2)"]  # fmt: skip


@given(st.lists(st.sampled_from(CITATION_TOKENS), max_size=12).map(" ".join))
@example("Journal of X, Vol. 4 (2021), pp. 11-33")
@example("Journal of XIssue 3")
@example("Jane Roe, John Doe and Ann Lee & Li Chen | Bo Ng · Al Day; Ed Poe - Jo Fox with Kim")
def test_patterns_with_a_first_character_test_match_like_the_plain_ones(text: str) -> None:
    assert locators.LOCATOR.pattern.startswith(LOCATOR_STARTS)
    assert _same(PLAIN_LOCATOR.search(text), locators.LOCATOR.search(text))
    assert PLAIN_SPLIT.split(text) == pieces.SPLIT.split(text)
    assert words(text) == re.findall(r"[^\s]+", text)


def test_the_lookup_memo_answers_the_same_and_stays_bounded() -> None:
    authority = Authority(AUTHORITY.agents)
    names = ["The Centre of Expertise", "CSA", "Roe, J.", "John Doe", "csa", "Jane  Roe"]
    first = [authority.lookup(name) for name in names]
    assert first == [authority._by_name.get(name_key(name)) for name in names]
    for i in range(MEMO_SIZE + 10):
        authority.lookup(f"Name {i}")
    assert len(authority._found) <= MEMO_SIZE
    assert [authority.lookup(name) for name in names] == first


SERIES_TOKENS = ["Research", "Report", "Paper", "Series", "Book", "Volume", "Notes", "no.", "No",
                 "NR", "number", "12", "WP-2020-01", ":", "(", ")", "(ACR)", "-", "–", "|", ",",
                 "Spring", "May", "3rd,", "2021", "(2021)", "June", " ", "x", "N°183",
                 "IV"]  # fmt: skip


@given(st.lists(st.sampled_from(SERIES_TOKENS), max_size=10).map(" ".join))
@example("Research Report no. 12 Canberra: AIC")
@example("Alliance for Cities (ABC) Pacific Office")
@example("Research no. x")  # a series number in lower-case roman numerals
def test_cheap_tests_before_imprint_patterns_never_refuse_a_match(text: str) -> None:
    if series._SERIES_NO.match(text) or series._SERIES_WORD.match(text):
        assert series._NUMBER_HINT.search(text)
    if publisher._ACRONYM_PAREN.match(text):
        assert ")" in text
    if publisher._ACRONYM_DASH.match(text):
        assert "-" in text or "–" in text


def test_the_byte_writer_writes_what_the_text_writer_writes(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(
        (ROOT / "tests" / "fixtures" / "pages" / "bylines_people.txt").read_text(encoding="utf-8")
    )
    # A page count beyond 64 bits: orjson refuses it, json writes it.
    huge = tmp_path / "huge.jsonl"
    huge.write_text(json.dumps({"title": "A Very Long Report", "page_count": int("9" * 30)}))
    as_text, raw = io.StringIO(), io.BytesIO()
    as_bytes = io.TextIOWrapper(raw, encoding="utf-8", newline="\n")
    for out in (as_text, as_bytes):
        parse_command(
            [page, huge], ROOT / "vocab", "http://kg.invalid/id/", out=out, err=io.StringIO()
        )
    as_bytes.flush()
    assert raw.getvalue().decode("utf-8") == as_text.getvalue()
    rows = [json.loads(line) for line in as_text.getvalue().splitlines()]
    assert rows[-1]["page_count"] == int("9" * 30)


@given(st.lists(st.sampled_from(["The", "the", "&", "and", "X", "a1", "-", ".", " ", "(", ")",
                                 "\t", "9", "ab&", "Co."]), max_size=8).map("".join))  # fmt: skip
@example("The .")
@example("Smith &")
def test_the_last_word_of_an_ascii_key_is_found_without_the_key(text: str) -> None:
    key = name_key(text)
    if key:
        assert ascii_last_word(text) == key.rpartition(" ")[2]


CITATION_TOKENS = ["Vol", "vol.", "Volume", "VOL", "3", "12", "(3)", ":", " ", "-", "–", "pp.",
                   "PP.", "Page", "pages", "Issue", "Iſſue", "doi", "DOI", "2019", "1999", ";",
                   "(", ")", "Online First", "Forthcoming", "no.", "No", "NR", "N°", "n°", "№",
                   "x", "ı", "İ", "K", "٣", "²", "19", "20", "_", ".", ",", "a", "é", "\u00a0",
                   "x" * 60, "c", "©", "c2019", "abc"]  # fmt: skip


@given(
    st.lists(st.sampled_from(CITATION_TOKENS), max_size=12),
    st.sampled_from(["", " "]),
)
@example(["In context 2019"], "")
@example(["1200-1700"], "")
@example(["–", "2019"], "")
@example(["_", "2019", ")", "."], "")
@example(["٣", "2019"], "")
@example(["Report no. 12"], "")
@example(["x" * 60, "2019", "." * 10], "")
def test_cheap_tests_before_the_citation_patterns_answer_like_them(
    tokens: list[str], joiner: str
) -> None:
    text = joiner.join(tokens)
    assert citation_marks.year_at_end(text) == (
        search_end(citation_marks._YEAR_END, text) is not None
    )
    if citation_marks._LOCATOR.search(text):
        assert citation_marks.might_locate(text)
    plain_series = bool(re.search(r"\d", text[-24:])) and search_end(
        citation_marks._SERIES_END, text
    )
    assert citation_marks._series_end(text) == bool(plain_series)


def _every_line_score() -> list[evidence.Scores]:
    """Every score row a line can get: the scores of every shape, and the shortcuts'."""
    flags, levels = (False, True), (0, 1, 2)
    rows = {
        evidence.scores(evidence.Shape(by, names, prose, bullet, junk, cite, long))
        for by in flags for names in levels for prose in flags for bullet in flags
        for junk in flags for cite in levels for long in flags
    }  # fmt: skip
    rows |= {evidence._RUNNING_TEXT, evidence._LONG_RUNNING_TEXT, evidence._BULLET_POINT}
    rows |= {evidence.unended(row) for row in rows if row[0] == evidence._PROSE_TITLE}
    return sorted(rows, key=repr)


@given(
    lines=st.lists(
        st.tuples(st.sampled_from(_every_line_score()), st.booleans()), min_size=1, max_size=80
    ),
    last=st.booleans(),
    model=st.sampled_from([segment.NORMAL, segment.LATE]),
)
@settings(max_examples=400)
def test_remembered_viterbi_steps_give_the_plain_roles(
    lines: list[tuple[evidence.Scores, bool]], last: bool, model: segment.Model
) -> None:
    # segment._decode keeps scores relative to the best and remembers each step.
    shapes, opens = [s for s, _o in lines], [o for _s, o in lines]
    got = segment._decode(shapes, opens, last=last, model=model)
    assert got == segment.decode_plain(shapes, opens, last=last, model=model)


def test_remembered_viterbi_steps_give_the_plain_roles_on_the_real_pages() -> None:
    pages = sorted((ROOT / "tests" / "fixtures" / "real").rglob("*.txt"))
    assert len(pages) > 60
    for page in pages:
        lines = page.read_text(encoding="utf-8").splitlines()
        found = list(units(lines))
        shapes = [evidence.line_scores(unit.text) for unit in found]
        opens = [False] + [
            evidence.left_open(unit.text, s) for unit, s in zip(found[:-1], shapes, strict=False)
        ]
        for last, model in itertools.product((True, False), (segment.NORMAL, segment.LATE)):
            got = segment._decode(shapes, opens, last=last, model=model)
            assert got == segment.decode_plain(shapes, opens, last=last, model=model)
