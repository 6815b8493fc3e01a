"""Records on disk between ingest and mapping, cross-posts merged: the build reads the records
twice (for their keys, then to map them) without holding them all in memory.

Ingest writes each record to the spool in input order, unless an earlier record is the same work
(`merge.merge_key`): then it is held aside, with the others of its kind, and merged into the
first occurrence when the spool is read — the records `merge.merge_records` gives, in the same
order, for the memory of one short digest per work and the cross-posts themselves.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.ingest.merge import merge_key, merged_posts
from kg.records import Record

_BATCH = 1000  # records per pickle: few calls, little held while writing or reading


class RecordSpool:
    """Merged records kept in a file; iterate it as often as needed."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.count = 0  # works in the spool (cross-posts and versions of one work counted once)
        self._first: dict[bytes, int] = {}  # merge-key digest → position of the first occurrence
        self._later: dict[int, list[Record]] = {}  # position → its cross-posts, in input order
        self.yielded: int | None = None  # records a pass gives (each version of a work counts)

    def write(self, records: Iterable[Record]) -> None:
        """Spool records in input order (call once)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        batch: list[Record] = []
        with self.path.open("wb") as out:
            for record in records:
                digest = hashlib.blake2b(repr(merge_key(record)).encode(), digest_size=16).digest()
                first = self._first.setdefault(digest, self.count)
                if first != self.count:
                    self._later.setdefault(first, []).append(record)
                    continue
                batch.append(record)
                self.count += 1
                if len(batch) >= _BATCH:
                    pickle.dump(batch, out, pickle.HIGHEST_PROTOCOL)
                    batch = []
            if batch:
                pickle.dump(batch, out, pickle.HIGHEST_PROTOCOL)
        self._first.clear()  # only needed to find cross-posts while reading the input

    def __iter__(self) -> Iterator[Record]:
        position, yielded = 0, 0
        with self.path.open("rb") as spooled:
            while True:
                try:
                    batch: list[Record] = pickle.load(spooled)
                except EOFError:
                    self.yielded = yielded
                    return
                for record in batch:
                    later = self._later.get(position)
                    posts = [record] if later is None else merged_posts(record, later)
                    yield from posts
                    yielded += len(posts)
                    position += 1

    def remove(self) -> None:
        self.path.unlink(missing_ok=True)
