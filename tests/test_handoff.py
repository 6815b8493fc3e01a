"""The dumps' merge shared with the catalogue index's thread (`Handoff`): the reader gets every
statement in order while the dumps get the chunks untouched, and neither side waits forever for
the other when one fails."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.publish.handoff import Handoff

_CHUNKS = st.lists(st.lists(st.text(max_size=3), min_size=1, max_size=5), max_size=30)


@settings(max_examples=60, deadline=None)
@given(chunks=_CHUNKS, size=st.integers(1, 4))
def test_the_reader_gets_what_the_merge_gives(chunks: list[list[str]], size: int) -> None:
    handoff = Handoff(size)
    with ThreadPoolExecutor(1) as pool:
        reader = pool.submit(list, handoff.lines())
        passed = list(handoff.passed(iter(chunks), reader))
        assert reader.result(timeout=10) == [line for chunk in chunks for line in chunk]
    assert passed == chunks


def test_a_reader_that_fails_is_fed_no_more() -> None:
    handoff = Handoff(1)

    def failing(lines: object) -> None:
        next(iter(lines))  # type: ignore[call-overload]
        raise OSError("disk full")

    with ThreadPoolExecutor(1) as pool:
        reader = pool.submit(failing, handoff.lines())
        chunks = [[f"line {n}"] for n in range(50)]
        assert list(handoff.passed(iter(chunks), reader)) == chunks  # never stuck on a full queue
        with pytest.raises(OSError, match="disk full"):
            reader.result(timeout=10)


def test_a_merge_that_fails_ends_the_reader() -> None:
    handoff = Handoff(2)

    def broken() -> object:
        yield ["a", "b"]
        raise ValueError("bad run file")

    with ThreadPoolExecutor(1) as pool:
        reader = pool.submit(list, handoff.lines())
        with pytest.raises(ValueError, match="bad run file"):
            list(handoff.passed(broken(), reader))
        with pytest.raises(RuntimeError, match="stopped") as raised:
            reader.result(timeout=10)
        assert isinstance(raised.value.__cause__, ValueError)


def test_dumps_that_stop_early_end_the_reader() -> None:
    """The dumps fail after the first chunk (the generator is closed, not read through)."""
    handoff = Handoff(2)
    with ThreadPoolExecutor(1) as pool:
        reader = pool.submit(list, handoff.lines())
        chunks = handoff.passed(iter([["a"], ["b"], ["c"]]), reader)
        assert next(chunks) == ["a"]
        chunks.close()
        with pytest.raises(RuntimeError, match="stopped"):
            reader.result(timeout=10)


def test_dumps_that_never_start_end_the_reader() -> None:
    """The dumps fail before they read a chunk: `end` tells the reader (a generator never
    started runs no code when it is closed)."""
    handoff = Handoff(2)
    with ThreadPoolExecutor(1) as pool:
        reader = pool.submit(list, handoff.lines())
        handoff.passed(iter([["a"]]), reader)  # never read
        handoff.end(reader, OSError("disk full"))
        with pytest.raises(RuntimeError, match="stopped"):
            reader.result(timeout=10)


def test_ending_after_the_merge_is_read_through_changes_nothing() -> None:
    handoff = Handoff(2)
    with ThreadPoolExecutor(1) as pool:
        reader = pool.submit(list, handoff.lines())
        assert list(handoff.passed(iter([["a"], ["b"]]), reader)) == [["a"], ["b"]]
        handoff.end(reader, RuntimeError("the dumps stopped"))
        assert reader.result(timeout=10) == ["a", "b"]
