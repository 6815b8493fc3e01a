"""Sorted runs on disk and their k-way merge give what sorting everything in memory gives, and
dumps written from a merged stream are byte-identical to dumps written from a list."""

from __future__ import annotations

import gzip
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.publish import runs
from kg.publish.dumps import write_dumps
from kg.publish.runs import RunWriter, merge_prefixed, merge_runs, write_merged
from tests.conftest import Built

# Statements as `ntriples.line` writes them: raw tabs and non-ASCII text stay, newlines, quotes
# and backslashes inside a literal are escaped, so no statement is a prefix of another. No lone
# surrogates (category Cs): they are no characters, and every reader rejects them at their line
# (JSON Lines escapes, vocabulary Turtle escapes; decoded files cannot hold one).
_TEXT = st.text(st.characters(exclude_categories=("Cs",), exclude_characters='\n\r"\\'), max_size=8)
STATEMENT = st.builds(
    lambda s, p, o: f'<s:{s}> <p:{p}> "{o}" .',
    st.text("ab", max_size=2),
    st.text("xy", max_size=1),
    _TEXT,
)
LINES = st.lists(STATEMENT, max_size=80)


@settings(max_examples=80, deadline=None)
@given(lines=LINES, limit=st.integers(1, 20), producers=st.integers(1, 3))
def test_merging_runs_is_sorting_the_distinct_lines(
    tmp_path_factory: pytest.TempPathFactory, lines: list[str], limit: int, producers: int
) -> None:
    """Never a line lost, repeated or out of order, however the lines fall into runs (and
    bytewise UTF-8 order is code-point order, the order `sorted` gives the strings)."""
    runs = _runs(tmp_path_factory.mktemp("runs"), lines, limit, producers)
    merged = [line[:-1].decode("utf-8") for line in merge_runs(runs)]
    assert merged == sorted(set(lines))


@settings(max_examples=80, deadline=None)
@given(
    lines=LINES,
    limit=st.integers(1, 20),
    producers=st.integers(1, 3),
    prefix=st.sampled_from(["<s:", "<s:a", "<s:ab", "<s:b", "<s:ba>", "<s:a> <p:x", "<", "<t"]),
)
def test_the_lines_with_and_without_a_prefix_are_the_merge_filtered(
    tmp_path_factory: pytest.TempPathFactory,
    lines: list[str],
    limit: int,
    producers: int,
    prefix: str,
) -> None:
    """Read by a prefix (each run bisected, not read through, and read a block at a time),
    the merge gives exactly the statements that have it, or exactly all the others, in order,
    each once."""
    runs = _runs(tmp_path_factory.mktemp("runs"), lines, limit, producers)
    merged = [line[:-1].decode("utf-8") for line in merge_runs(runs)]
    assert list(merge_prefixed(runs, prefix, True)) == [x for x in merged if x.startswith(prefix)]
    others = [x for x in merged if not x.startswith(prefix)]
    assert list(merge_prefixed(runs, prefix, False)) == others


@pytest.mark.parametrize("block", [1, 7, 64, 1 << 20])
def test_the_prefixed_merge_reads_blocks_of_any_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, block: int
) -> None:
    """Blocks shorter than a line, or ending inside a character's UTF-8 bytes, read the same."""
    monkeypatch.setattr(runs, "_BLOCK", block)
    rng = random.Random(block)
    lines = [
        f'<s:{rng.choice("abc")}{n}> <p:é> "{"ü€𝄞" * rng.randint(0, 9)}" .' for n in range(300)
    ]
    writers = [RunWriter(tmp_path, f"p{n}", 40) for n in range(2)]
    for index, statement in enumerate(lines):
        writers[index % 2].add([statement])
    files = [run for writer in writers for run in writer.close()]
    merged = sorted(set(lines))
    for prefix in ("<s:a", "<s:b", "<s:c1"):
        inside = [x for x in merged if x.startswith(prefix)]
        assert list(merge_prefixed(files, prefix, True)) == inside
        outside = [x for x in merged if not x.startswith(prefix)]
        assert list(merge_prefixed(files, prefix, False)) == outside


def test_a_writer_holds_at_most_its_limit(tmp_path: Path) -> None:
    writer = RunWriter(tmp_path, "w", limit=10)
    for n in range(95):
        writer.add([f"<s{n:03d}> <p> <o> ."])
        assert len(writer._held) < 10
    runs = writer.close()
    assert len(runs) == 10  # nine full runs and the rest
    assert sum(len(run.read_bytes().splitlines()) for run in runs) == 95
    assert write_merged(runs, tmp_path / "all.nt") == 95


def test_dumps_from_merged_runs_are_the_dumps_of_the_build(
    sample_build: Built, tmp_path: Path
) -> None:
    """The sample build's own dumps, rewritten from its lines shuffled into runs and merged
    back: the same bytes in every format."""
    built = sample_build.summary
    lines = gzip.decompress(built.dump("ntriples").read_bytes()).decode("utf-8").splitlines()
    shuffled = lines[:]
    random.Random(7).shuffle(shuffled)
    writer = RunWriter(tmp_path / "runs", "all", limit=300)
    for start in range(0, len(shuffled), 70):
        writer.add(shuffled[start : start + 70])
    runs = writer.close()
    assert len(runs) > 3
    stream = (line[:-1].decode("utf-8") for line in merge_runs(runs))
    stem = f"kg-{built.release.build_id}"
    original = {d.name: d for d in built.dumps}
    context_url = _context_url(built.dump("jsonld"))
    for dump in write_dumps(tmp_path / "dumps", stem, stream, context_url):
        assert dump == original[dump.name], dump.name


def _context_url(jsonld_dump: Path) -> str:
    head = gzip.decompress(jsonld_dump.read_bytes())[:300].decode("utf-8")
    return head.split('"@context": "', 1)[1].split('"', 1)[0]


def _runs(folder: Path, lines: list[str], limit: int, producers: int) -> list[Path]:
    """The lines written by `producers` run writers in turn, `limit` lines a run."""
    writers = [RunWriter(folder, f"p{n}", limit) for n in range(producers)]
    for index, statement in enumerate(lines):
        writers[index % producers].add([statement])
    return [run for writer in writers for run in writer.close()]


@settings(max_examples=80, deadline=None)
@given(
    chunks=st.lists(st.one_of(LINES.map(sorted), LINES), max_size=10),
    limit=st.integers(1, 40),
)
def test_a_run_is_the_lines_it_was_given_sorted_and_each_once(
    tmp_path_factory: pytest.TempPathFactory, chunks: list[list[str]], limit: int
) -> None:
    """Whatever order the lines come in (a worker gives each record's lines sorted, records in
    no order, a linked entity's lines again and again), each run is sorted and distinct, and
    the runs hold every line given."""
    writer = RunWriter(tmp_path_factory.mktemp("runs"), "w", limit)
    for chunk in chunks:
        writer.add(chunk)
    held = [run.read_bytes().splitlines() for run in writer.close()]
    assert all(lines == sorted(set(lines)) for lines in held)
    assert set().union(*held) == {x.encode() for chunk in chunks for x in chunk}
