"""The build's source paths, each file resolved once, are those `_rel` gives each record."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.ingest import read_records
from kg.ingest.authority import load_authority
from kg.publish.build import RelativePaths, _rel
from kg.records import Record, Source
from tests.conftest import ROOT, SAMPLE

NAMES = ["root/data/a.txt", "root/data/b.txt", "root/data/../data/a.txt", "root/link/a.txt",
         "elsewhere/c.txt", "root/elsewhere/../../elsewhere/c.txt"]  # fmt: skip
RECORD = next(
    iter(read_records(SAMPLE, load_authority(ROOT / "vocab" / "agents.ttl", "http://x.org/id/")))
)


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], Path]:
    """Paths under the root, around it, through a symbolic link, and one given relative."""
    tmp = tmp_path_factory.mktemp("paths")
    (tmp / "root" / "data").mkdir(parents=True)
    (tmp / "elsewhere").mkdir()
    (tmp / "root" / "link").symlink_to(tmp / "root" / "data")
    return [*(str(tmp / name) for name in NAMES), "a.txt"], (tmp / "root").resolve()


def _plain(record: Record, root: Path) -> Record:
    return record.with_changes(
        source=_rel(record.source, root), sources=tuple(_rel(s, root) for s in record.sources)
    )


where = st.tuples(st.integers(0, len(NAMES)), st.integers(1, 9))  # (file, line)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(where, min_size=1, max_size=4), min_size=1, max_size=8))
def test_each_file_resolved_once_gives_the_paths_of_each_record(
    files: tuple[list[str], Path], records: list[list[tuple[int, int]]]
) -> None:
    names, root = files
    paths = RelativePaths(root)
    for places in records:
        sources = [Source(names[file], line) for file, line in places]
        record = RECORD.with_changes(source=sources[0], sources=tuple(sources))
        assert paths.record(record) == _plain(record, root)
        assert paths.source(sources[-1]) == _rel(sources[-1], root)
