"""The build reads its source files on several processes: what comes back is what one reader
gives, in the same order, and an unreadable file still stops the build with its file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import InputError
from kg.ingest import read_source
from kg.publish.reading import read_sources
from tests.conftest import ROOT, SAMPLE, fixture_lexicon

PAGES = sorted((ROOT / "tests" / "fixtures" / "real" / "pages").glob("*.txt"))


@pytest.mark.parametrize("workers", [2, 3])
def test_several_readers_give_what_one_gives_in_file_order(workers: int) -> None:
    lexicon = fixture_lexicon()
    paths = [SAMPLE, *PAGES]
    one = [item for path in paths for item in read_source(path, lexicon)]
    several = list(read_sources(paths, lexicon, workers))
    assert len(one) > 80 and several == one


def test_an_unreadable_file_stops_the_read_with_its_file_and_line(tmp_path: Path) -> None:
    binary = tmp_path / "image.txt"
    binary.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(InputError) as caught:
        list(read_sources([SAMPLE, binary, *PAGES[:3]], fixture_lexicon(), 2))
    assert caught.value.file == str(binary) and "binary data" in str(caught.value)
