"""Reads a release's catalogue index: counts, browse pages, the newest works, sitemap chunks.

Every call is one indexed query for a page of rows. Connections are read-only, one per thread
(gunicorn's gthread workers answer requests on several threads).
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import tempfile
import threading
import weakref
from collections.abc import Iterable, Sequence
from pathlib import Path
from urllib.request import pathname2url

from kg.catalogue import FILE, Agent, Kind, Listed

_COLUMNS = "iri, kind, label, year, work_type, authors"


def listed(row: Sequence[object], snippet: tuple[tuple[str, bool], ...] = ()) -> Listed:
    """A row of `_COLUMNS` as a Listed."""
    iri, kind, label, year, work_type, authors = row[:6]
    agents = tuple(Agent(str(a), str(i)) for a, i in json.loads(str(authors)))
    return Listed(
        str(iri),
        str(kind),
        str(label),
        int(str(year)) if year is not None else None,
        agents,
        str(work_type) if work_type else None,
        snippet,
    )


class CatalogueIndex:
    """The catalogue index of one release."""

    def __init__(self, path: Path, temporary: bool = False) -> None:
        """`temporary`: the file's folder is removed with this object."""
        # immutable=1: the build wrote the file whole, it never changes, so SQLite skips locks.
        self._uri = f"file:{pathname2url(str(path.resolve()))}?mode=ro&immutable=1"
        self._local = threading.local()
        if temporary:
            weakref.finalize(self, shutil.rmtree, path.parent, True)

    @classmethod
    def open(cls, release: Path) -> CatalogueIndex | None:
        """The release's index, or None when the release has none (built before kg wrote one)."""
        path = release / FILE
        return cls(path) if path.is_file() else None

    @classmethod
    def from_lines(cls, lines: Iterable[str], id_base: str, language: str) -> CatalogueIndex:
        """An index written now, into a temporary folder, for a release that has none."""
        from kg.catalogue.write import write_index

        folder = Path(tempfile.mkdtemp(prefix="kg-catalogue-"))
        return cls(write_index(lines, id_base, folder, language), temporary=True)

    def connection(self) -> sqlite3.Connection:
        connection: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if connection is None:
            connection = sqlite3.connect(self._uri, uri=True, check_same_thread=True)
            self._local.connection = connection
        return connection

    def count(self, kind: Kind) -> int:
        row = self.connection().execute("SELECT count FROM kinds WHERE kind = ?", (kind.name,))
        found = row.fetchone()
        return int(found[0]) if found else 0

    def page(self, kind: Kind, start: int, size: int) -> list[Listed]:
        """Rows `start` … `start + size - 1` (0-based) of a kind's list, in list order."""
        first = self.connection().execute("SELECT first FROM kinds WHERE kind = ?", (kind.name,))
        found = first.fetchone()
        if found is None or start >= self.count(kind):
            return []
        low = int(found[0]) + start
        high = min(low + size, int(found[0]) + self.count(kind)) - 1
        rows = self.connection().execute(
            f"SELECT {_COLUMNS} FROM items WHERE id BETWEEN ? AND ? ORDER BY id", (low, high)
        )
        return [listed(row) for row in rows]

    def newest(self, count: int) -> list[Listed]:
        """The newest works (by year, then in list order); works without a year last."""
        rows = self.connection().execute(
            f"SELECT {_COLUMNS} FROM items WHERE kind = 'works' ORDER BY year DESC, id LIMIT ?",
            (count,),
        )
        return [listed(row) for row in rows]

    def by_iri(self, iris: Iterable[str]) -> dict[str, Listed]:
        """The rows of the given IRIs (those the index holds)."""
        wanted = sorted(set(iris))
        found: dict[str, Listed] = {}
        for start in range(0, len(wanted), 500):  # SQLite's limit on bound parameters
            chunk = wanted[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            rows = self.connection().execute(
                f"SELECT {_COLUMNS} FROM items WHERE iri IN ({marks})", chunk
            )
            found.update((str(row[0]), listed(row)) for row in rows)
        return found

    def by_id(self, ids: list[int]) -> dict[int, Sequence[object]]:
        """The rows of the given row ids (at most a page of them)."""
        marks = ", ".join("?" * len(ids))
        rows = self.connection().execute(
            f"SELECT id, {_COLUMNS} FROM items WHERE id IN ({marks})", ids
        )
        return {int(row[0]): row[1:] for row in rows}

    def total(self) -> int:
        """How many resources the index holds."""
        return int(self.connection().execute("SELECT COUNT(*) FROM items").fetchone()[0])

    def iris(self, start: int, size: int) -> list[str]:
        """The IRIs of rows `start` … `start + size - 1` in index order (for the sitemap)."""
        rows = self.connection().execute(
            "SELECT iri FROM items WHERE id > ? ORDER BY id LIMIT ?", (start, size)
        )
        return [str(row[0]) for row in rows]
