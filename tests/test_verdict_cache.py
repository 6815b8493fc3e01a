"""The verdict cache holds exactly the digests saved into it, as a sorted blob in memory."""

from __future__ import annotations

from pathlib import Path
from tempfile import TemporaryDirectory

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.publish import cache
from kg.publish.cache import Digests

DIGESTS = st.lists(st.binary(min_size=16, max_size=16), max_size=60)


@settings(max_examples=80, deadline=None)
@given(cached=DIGESTS, learned=DIGESTS, probes=DIGESTS)
def test_digests_contain_exactly_what_they_were_given(
    cached: list[bytes], learned: list[bytes], probes: list[bytes]
) -> None:
    known = Digests.of(cached)
    worker = known.copy()
    worker.update(learned)
    for digest in [*cached, *learned, *probes]:
        assert (digest in known) == (digest in cached)
        assert (digest in worker) == (digest in cached or digest in learned)
    assert b"short" not in known and "a string" not in known
    assert len(known) == len(set(cached))


@settings(max_examples=40, deadline=None)
@given(first=DIGESTS, second=DIGESTS)
def test_saved_digests_load_back(first: list[bytes], second: list[bytes]) -> None:
    with TemporaryDirectory() as folder:
        build = Path(folder)
        empty = cache.load(build, "shapes1")
        assert len(empty) == 0
        cache.save(build, "shapes1", empty, b"".join(first))
        loaded = cache.load(build, "shapes1")
        cache.save(build, "shapes1", loaded, b"".join(second))
        again = cache.load(build, "shapes1")
        assert all(d in again for d in [*first, *second])
        assert len(again) == len({*first, *second})
        written = build / "cache" / "shacl-pass-shapes1.txt"
        lines = written.read_text().split() if written.exists() else []
        assert len(lines) == len(set(lines)) == len({*first, *second})  # each digest once
        assert len(cache.load(build, "shapes2")) == 0  # another shapes version starts empty
