"""Sorted runs of N-Triples lines on disk, and their k-way merge: how the build holds a graph
larger than memory.

A producer (a map + validate worker) adds lines as it makes them; every `limit` lines it sorts
and de-duplicates what it holds and writes it out as one run file, so it never holds more than
`limit` lines. The merge reads every run of a graph at once, a buffered line at a time, and
yields the lines in order, each once: memory grows with the number of runs, not the number of
lines.

Runs are UTF-8 bytes, one statement per line (N-Triples escapes every newline inside a term).
Comparing UTF-8 bytes orders lines exactly as comparing the decoded strings by code point, the
order the dumps have always used, so the merge never decodes; and as no statement is a prefix of
another (each ends with ` .` after a whole term), comparing them with their newline changes
nothing.
"""

from __future__ import annotations

import heapq
import itertools
import operator
import os
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from contextlib import ExitStack
from pathlib import Path
from typing import BinaryIO

RUN_LINES = 250_000  # lines held before a run is written: about 40 MB of a worker's memory
_READ_BUFFER = 1 << 16
_BLOCK = 1 << 20  # bytes read at a time where lines are read in blocks


class RunWriter:
    """Writes the lines it is given as sorted, de-duplicated run files in `folder`."""

    def __init__(self, folder: Path, prefix: str, limit: int = RUN_LINES) -> None:
        self.folder = folder
        self.prefix = prefix
        self.limit = limit
        self.runs: list[Path] = []
        # Each line once, in the order first given: a worker gives each record's lines sorted,
        # and Timsort merges those sorted stretches (a set's order made the sort a full one:
        # twice the time of a run's sort).
        self._held: dict[bytes, None] = {}

    def add(self, lines: Iterable[str]) -> None:
        """Hold `lines` (N-Triples statements without their newline); spill a run when full."""
        # UTF-8, without a Python step per line
        self._held.update(dict.fromkeys(map(str.encode, lines)))
        if len(self._held) >= self.limit:
            self._spill()

    def add_encoded(self, lines: Iterable[bytes]) -> None:
        """As `add`, for lines already encoded as UTF-8."""
        self._held.update(dict.fromkeys(lines))
        if len(self._held) >= self.limit:
            self._spill()

    def close(self) -> list[Path]:
        """Write what is held; the run files, in the order they were written."""
        if self._held:
            self._spill()
        return list(self.runs)

    def _spill(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / f"{self.prefix}-{os.getpid()}-{len(self.runs):05d}.nt"
        with path.open("wb") as out:
            out.writelines(line + b"\n" for line in sorted(self._held))
        self._held.clear()
        self.runs.append(path)


def merge_runs(runs: Sequence[Path]) -> Iterator[bytes]:
    """The lines of sorted run files in order, each once, with their newline."""
    with ExitStack() as stack:
        files = [stack.enter_context(path.open("rb", buffering=_READ_BUFFER)) for path in runs]
        previous = None
        for line in heapq.merge(*files):
            if line != previous:
                yield line
                previous = line


def merge_blocks(files: Sequence[Path], block: int = _BLOCK) -> Iterator[list[str]]:
    """The statements of sorted files of distinct lines (decoded, without their newline) in
    order, each once, as lists of consecutive statements: what `merge_runs` gives, with no
    Python step per line."""
    return _merge_blocks([_blocks(path, [(0, None)], block) for path in files])


def _merge_blocks(readers: list[Iterator[list[str]]]) -> Iterator[list[str]]:
    """Sorted lists of distinct statements from each reader merged, each statement once. Each
    round takes from every reader's current block the statements up to the least of the blocks'
    last statements (so one block at least is used up) and sorts them together (Timsort merges
    the sorted pieces); a statement in two readers is kept once."""
    pending = [(lines, 0, reader) for reader in readers if (lines := next(reader, None))]
    while pending:
        bound = min(lines[-1] for lines, _, _ in pending)
        pieces, left = [], []
        for lines, start, reader in pending:
            end = bisect_right(lines, bound, start)
            if end > start:
                pieces.append(lines[start:end])
            if end < len(lines):
                left.append((lines, end, reader))
            elif more := next(reader, None):
                left.append((more, 0, reader))
        pending = left
        if len(pieces) == 1:
            yield pieces[0]
        else:  # sorted runs: Timsort merges them; equal statements are neighbours, kept once
            merged = sorted(itertools.chain.from_iterable(pieces))
            # Comparing neighbours costs less than hashing every statement, and most rounds
            # have no statement in two files.
            if any(map(operator.eq, merged, itertools.islice(merged, 1, None))):
                merged = list(dict.fromkeys(merged))
            yield merged


def _blocks(path: Path, spans: list[tuple[int, int | None]], block: int) -> Iterator[list[str]]:
    """A file's statements between offsets, a block's worth at a time (never an empty list)."""
    for lines in _spans_blocks(path, spans, block):
        if lines:
            yield lines


def merge_prefixed(runs: Sequence[Path], prefix: str, inside: bool) -> Iterator[str]:
    """The statements of sorted files of distinct lines (decoded, without their newline) that
    start with `prefix` (`inside`), or all the others, in order, each once. The lines with a
    prefix are one stretch of each sorted file: bisecting finds it, so the lines on the other
    side are never read (most of a build's lines are its works'). Merged a block at a time as
    `merge_blocks` does and chained in C: no Python step per line."""
    key = prefix.encode()
    assert key and key[-1] < 0xFF
    after = key[:-1] + bytes([key[-1] + 1])  # the first text past every one with the prefix
    readers = []
    for path in runs:
        with path.open("rb") as handle:
            start, end = _offset(handle, key), _offset(handle, after)
        spans: list[tuple[int, int | None]] = [(start, end)]
        if not inside:
            spans = [(0, start), (end, None)]
        readers.append(_blocks(path, spans, _BLOCK))
    # Code-point order is UTF-8 byte order: the decoded lines merge as the files were sorted.
    return itertools.chain.from_iterable(_merge_blocks(readers))


def _offset(handle: BinaryIO, key: bytes) -> int:
    """Where the first line not less than `key` starts in a sorted file (its size if none)."""
    low, high = 0, handle.seek(0, os.SEEK_END)
    while low < high:  # every line starting before `low` is less than `key`
        middle = (low + high) // 2
        handle.seek(middle)
        if middle:
            handle.readline()  # on to the first line starting after `middle`
        start = handle.tell()
        line = handle.readline()
        if not line or line >= key:
            high = middle
        else:
            low = start + len(line)
    handle.seek(low)  # the answer is the line at `low` or the one after it
    line = handle.readline()
    return low + len(line) if line and line < key else low


def _spans_blocks(
    path: Path, spans: list[tuple[int, int | None]], size: int
) -> Iterator[list[str]]:
    """The statements of a file between each pair of offsets (where lines start; None: the
    end of the file), a list per block read (`size` bytes) and decoded: splitting a decoded
    block is one call for thousands of lines."""
    with path.open("rb") as handle:
        for start, end in spans:
            handle.seek(start)
            left, rest = (-1 if end is None else end - start), b""
            while left:
                block = handle.read(size if left < 0 else min(size, left))
                if not block:
                    break
                left -= len(block) if left > 0 else 0
                block = rest + block
                cut = block.rfind(b"\n") + 1  # a whole line or more: never half a character
                rest = block[cut:]
                if cut:
                    yield block[: cut - 1].decode("utf-8").split("\n")
            if rest:  # a file's last line without its newline
                yield [rest.decode("utf-8")]


def write_merged(runs: Sequence[Path], target: Path) -> int:
    """Merge sorted runs into one sorted file of distinct lines; how many lines."""
    count = 0
    with target.open("wb", buffering=1 << 20) as out:
        for chunk in _batched(merge_runs(runs), 4096):
            out.writelines(chunk)
            count += len(chunk)
    return count


def _batched(lines: Iterator[bytes], size: int) -> Iterator[list[bytes]]:
    while chunk := list(itertools.islice(lines, size)):
        yield chunk
