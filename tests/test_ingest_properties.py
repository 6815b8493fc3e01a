"""Property-based tests: pages generated from the variant grammar lose and split no record;
bylines, imprints and encodings round-trip."""

from __future__ import annotations

import random
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bench.generate import make_page
from bench.variants import make_independent_page
from kg.errors import InputError
from kg.ingest import Lexicon
from kg.ingest.byline import parse_byline
from kg.ingest.decode import text_lines
from kg.ingest.imprint import parse_imprint
from kg.ingest.merge import merge_records
from kg.ingest.page import read_page
from kg.ingest.text import SPACES
from tests.conftest import fixture_lexicon, parse_page_text

LEX: Lexicon = fixture_lexicon()
PageMaker = Callable[[random.Random, int, int, str], tuple[str, list[dict[str, Any]]]]
FIRST = st.sampled_from(["Jane", "Amir", "Lucía", "Björn", "Renée", "Kwame", "Li", "Tomás"])
LAST = st.sampled_from(["Roe", "Okafor", "García", "Ng-Knight", "Dal Monte", "van der Berg"])
INITIAL = st.sampled_from(["", "A. ", "J. ", "HL "])
PERSON = st.builds(lambda f, i, last: f"{f} {i}{last}", FIRST, INITIAL, LAST)
SEPARATOR = st.sampled_from([", ", " and ", " & ", " | ", "; ", "; and ", " - ", " · ", " with "])
PREFIX = st.sampled_from(["By ", "by ", "BY ", "By\u00a0", "By"])


# Pages drawn one variant at a time, and with every variant drawn independently (a page that
# prints its abstracts after its imprints, imprints in library catalogues' forms, …).
PAGE_MAKERS = pytest.mark.parametrize("make", [make_page, make_independent_page])


@PAGE_MAKERS
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rng=st.randoms(use_true_random=False), count=st.integers(1, 8))
def test_every_line_of_a_generated_page_has_one_role_in_one_record(
    make: PageMaker, rng: random.Random, count: int
) -> None:
    text, expected = make(rng, count, 1, "p.txt")
    lines = text.splitlines()
    header, blocks = read_page(lines)
    owner: dict[int, int] = {u.line: -1 for u in header.lines}
    starts = [e["source"]["line"] for e in expected]
    for number, block in enumerate(blocks):
        for _role, unit in block.lines:
            assert owner.setdefault(unit.line, number) == number  # one record a line
        # No record takes a line of the next one: its lines end before the next title.
        nxt = [s for s in starts if s > block.line]
        if nxt:
            assert max(u.line for _r, u in block.lines) < nxt[0]
    assert sorted(owner) == [n for n, line in enumerate(lines, start=1) if line.strip()]


@PAGE_MAKERS
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rng=st.randoms(use_true_random=False), count=st.integers(1, 8))
def test_generated_pages_lose_and_split_no_record(
    make: PageMaker, rng: random.Random, count: int
) -> None:
    text, expected = make(rng, count, 1, "p.txt")
    got = parse_page_text(text, LEX)
    assert [(r.title, r.source.line) for r in got] == [
        (e["title"], e["source"]["line"]) for e in expected
    ]
    assert [[c.name for c in r.contributors] for r in got] == [
        [c["name"] for c in e["contributors"]] for e in expected
    ]


@given(names=st.lists(PERSON, min_size=1, max_size=5, unique=True), sep=SEPARATOR, prefix=PREFIX)
def test_person_bylines_split_on_every_separator(names: list[str], sep: str, prefix: str) -> None:
    got = parse_byline(prefix + sep.join(names), LEX.authority)
    assert [c.name for c in got] == names
    assert {c.kind for c in got} == {"person"}


PLACE = st.sampled_from(
    ["London", "Perth", "Canberra", "New York", "Taylors Lakes, Victoria", "Geneva, Switzerland"]
)
PUBLISHER = st.sampled_from(["Harbour Press", "Coastal Research Council", "Drug Policy Alliance"])


@given(
    place=PLACE,
    publisher=PUBLISHER,
    year=st.integers(1950, 2029),
    pages=st.integers(1, 999),
    before_year=st.sampled_from([", ", ". ", ": ", " "]),
    after_year=st.sampled_from([". ", ".", ", "]),
    unit=st.sampled_from(["p.", "p", " p.", " pages", "pp."]),
    # A note after the page count, whatever letter or mark it ends with.
    note=st.sampled_from(["", "Read-Me.Org", "Read-Me.Org classic reprint.", "Reprint (new)"]),
)
@settings(deadline=None)  # the first place read loads the world cities list (about 0.3 s)
def test_place_publisher_imprints_round_trip(
    place: str,
    publisher: str,
    year: int,
    pages: int,
    before_year: str,
    after_year: str,
    unit: str,
    note: str,
) -> None:
    line = f"{place}: {publisher}{before_year}{year}{after_year}{pages}{unit} {note}".rstrip()
    got = parse_imprint(line, LEX.authority, LEX.places)
    assert (got.places, got.publishers, got.year, got.page_count, got.note) == (
        [place],
        [publisher],
        year,
        pages,
        note.strip(" .") or None,
    ), line


def _lines(max_codepoint: int) -> st.SearchStrategy[list[str]]:
    chars = st.characters(
        blacklist_categories=("Cs", "Cc", "Zl", "Zp"),
        blacklist_characters="\ufeff",
        max_codepoint=max_codepoint,
    )
    return st.lists(st.text(chars, max_size=40), max_size=8)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), codec=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le"]))
def test_every_unicode_encoding_decodes_to_the_same_lines(
    data: st.DataObject, codec: str, tmp_path: Path
) -> None:
    # UTF-16 without a BOM is only recognisable for mostly-Latin text (zero high bytes).
    lines = data.draw(_lines(0xFF if codec == "utf-16-le" else 0x10FFFF))
    text = "\n".join(lines)
    path = tmp_path / "page.txt"
    path.write_bytes(text.encode(codec))
    warnings: list[str] = []
    assert list(text_lines(path, warnings.append)) == text.splitlines()
    assert bool(warnings) == (codec == "utf-16" or (codec == "utf-16-le" and bool(text)))


def _lines_by_reading_each(data: bytes) -> list[str]:
    """What reading line by line gives: split on b"\\n" only, `\\r` before it dropped."""
    pieces = data.split(b"\n")
    if pieces[-1] == b"":
        pieces.pop()
    return [piece.decode("utf-8").rstrip("\r") for piece in pieces]


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=st.lists(st.sampled_from(["a", "é", "€", "😀", " ", "\r", "\n", "\r\n"]), max_size=60).map(
        "".join
    ),
    chunk=st.integers(1, 9),
)
def test_lines_are_the_same_whatever_the_chunk_size(text: str, chunk: int, tmp_path: Path) -> None:
    # Chunks of a few bytes cut lines and multi-byte characters anywhere.
    data = text.encode("utf-8")
    path = tmp_path / "page.txt"
    path.write_bytes(data)
    assert list(text_lines(path, print, chunk_bytes=chunk)) == _lines_by_reading_each(data)


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(bad_line=st.integers(400, 460), chunk=st.sampled_from([97, 4096, 1 << 20]))
def test_an_undecodable_line_is_named_whatever_the_chunk_size(
    bad_line: int, chunk: int, tmp_path: Path
) -> None:
    # 400 lines of 200 characters: past what the encoding sniffer reads.
    lines = [b"x" * 200] * 470
    lines[bad_line - 1] = b"caf\xe9"
    path = tmp_path / "page.txt"
    path.write_bytes(b"\n".join(lines))
    with pytest.raises(InputError) as caught:
        list(text_lines(path, print, chunk_bytes=chunk))
    assert f"{path}:{bad_line}: bytes that are not valid UTF-8" in str(caught.value)


def test_the_spaces_constant_is_every_space_character() -> None:
    assert set(SPACES) == {chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()}


@given(rng=st.randoms(use_true_random=False), copies=st.integers(1, 4))
@settings(max_examples=25, deadline=None)
def test_merging_cross_posts_keeps_one_record_per_work(rng: random.Random, copies: int) -> None:
    text, _ = make_page(rng, 3, 1, "p.txt")
    records = parse_page_text(text, LEX)
    posted = [r.with_changes(source=r.source.__class__(f"page{i}.txt", r.source.line))
              for i in range(copies) for r in records]  # fmt: skip
    merged = merge_records(posted)
    assert len(merged) == len({(r.title, r.year) for r in records})
    assert merge_records(merged) == merged
    assert sum(len(r.sources or (r.source,)) for r in merged) == len(posted)


@given(names=st.lists(PERSON, min_size=1, max_size=3, unique=True), sep=SEPARATOR)
@example(names=["Jane Roe"], sep=", ")
@settings(max_examples=40, deadline=None)
def test_et_al_in_any_case_is_not_a_person(names: list[str], sep: str) -> None:
    for tail in (" et al.", " ET AL", ", Et Al."):
        for line in (
            "By " + sep.join(names) + tail,
            "BY " + sep.join(names).upper() + tail.upper(),
        ):
            got = parse_byline(line, LEX.authority)
            assert [c.name.lower() for c in got] == [n.lower() for n in names], line
