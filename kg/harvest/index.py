"""The harvest index of a release (`harvest.sqlite`): every entity's generation and status, the
OAI sets of every work, the generations' times and the history of changes.

The build writes it from the previous release's index (so datestamps and history survive
rebuilds); the web layer reads it, one read-only connection per thread. OAI lists page through
it by keyset on (generation, key): a generation orders exactly as its datestamp does, and also
orders two swaps made within the same second.
"""

from __future__ import annotations

import secrets
import shutil
import sqlite3
import threading
import time
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.request import pathname2url

from kg.harvest.history import SERVED, WITHDRAWN, Decision, Past, State, vanished

FILE = "harvest.sqlite"
SCHEMA = (
    "CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
    "CREATE TABLE generations (generation INTEGER PRIMARY KEY, live_at INTEGER, build_id TEXT)",
    "CREATE TABLE records (type TEXT, key TEXT, generation INTEGER NOT NULL,"
    " first_generation INTEGER NOT NULL, entered TEXT NOT NULL, status TEXT NOT NULL,"
    " successor TEXT, digest TEXT NOT NULL, sets TEXT NOT NULL, PRIMARY KEY (type, key))"
    " WITHOUT ROWID",
    "CREATE TABLE memberships (spec TEXT, generation INTEGER, key TEXT,"
    " PRIMARY KEY (spec, generation, key)) WITHOUT ROWID",
    "CREATE TABLE sets (spec TEXT PRIMARY KEY, name TEXT NOT NULL) WITHOUT ROWID",
    "CREATE TABLE changes (seq INTEGER PRIMARY KEY, generation INTEGER NOT NULL,"
    " type TEXT NOT NULL, key TEXT NOT NULL, activity TEXT NOT NULL, successor TEXT)",
    # Each live work's records as the build rendered them (zlib): the MARC record's content
    # without 005 (the datestamp, known at the swap), and its Dublin Core.
    "CREATE TABLE payloads (key TEXT PRIMARY KEY, marc BLOB NOT NULL, dc BLOB NOT NULL)"
    " WITHOUT ROWID",
)
INDEXES = ("CREATE INDEX records_by_time ON records (type, generation, key)",)
_COLUMNS = "generation, first_generation, entered, status, successor, digest, sets"
_RECORD = "INSERT OR REPLACE INTO records VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
_MEMBERSHIP = "INSERT INTO memberships VALUES (?, ?, ?)"
_CHANGE = "INSERT INTO changes (generation, type, key, activity, successor) VALUES (?, ?, ?, ?, ?)"
_PAYLOAD = "INSERT INTO payloads VALUES (?, ?, ?)"
# Rows held before they are written, each table's in one `executemany`: a call per row cost
# the harvesting step about as much as SQLite's own work.
_BATCH = 2_000


class IndexWriter:
    """Writes a release's index, carrying the previous one forward."""

    def __init__(self, path: Path, previous: Path | None, build_id: str) -> None:
        self._path = path
        path.unlink(missing_ok=True)
        self._db = sqlite3.connect(path, isolation_level=None)
        self._db.execute("PRAGMA journal_mode = OFF")
        self._db.execute("PRAGMA synchronous = OFF")
        self._db.execute("BEGIN")
        for statement in SCHEMA:
            self._db.execute(statement)
        self._has_past = previous is not None and previous.is_file()
        lineage = secrets.token_hex(8)
        if self._has_past:
            self._db.execute("ATTACH DATABASE ? AS past", (f"{previous}",))
            self._db.execute("INSERT INTO generations SELECT * FROM past.generations")
            self._db.execute("INSERT INTO changes SELECT * FROM past.changes")
            self._db.execute("INSERT INTO sets SELECT * FROM past.sets")
            found = self._db.execute("SELECT value FROM past.meta WHERE name = 'lineage'")
            lineage = found.fetchone()[0]
        newest = self._db.execute("SELECT MAX(generation) FROM generations").fetchone()[0]
        self.generation = (newest or 0) + 1
        self.lineage, self._build_id = lineage, build_id
        self._seen: set[tuple[str, str]] = set()
        self._held: dict[str, list[tuple[object, ...]]] = {
            sql: [] for sql in (_RECORD, _MEMBERSHIP, _CHANGE, _PAYLOAD)
        }
        self.changed = 0

    def past(self, type_: str, key: str) -> Past | None:
        """What the previous release recorded for an entity."""
        if not self._has_past:
            return None
        row = self._db.execute(
            f"SELECT {_COLUMNS} FROM past.records WHERE type = ? AND key = ?", (type_, key)
        ).fetchone()
        return None if row is None else Past(*row)

    def record(self, state: State, decision: Decision) -> None:
        """Store an entity's row, and its activity if it changed."""
        self._seen.add((state.type, state.key))
        generation, held = decision.generation, self._held
        held[_RECORD].append(
            (state.type, state.key, generation, decision.first_generation, decision.entered,
             state.status, state.successor, state.digest, decision.sets)
        )  # fmt: skip
        if state.type == "work":
            held[_MEMBERSHIP] += [(spec, generation, state.key) for spec in decision.sets.split()]
        if decision.activity is not None:
            self.changed += 1
            change = (generation, state.type, state.key, decision.activity, state.successor)
            held[_CHANGE].append(change)
        if len(held[_RECORD]) >= _BATCH:
            self._write_held()

    def payload(self, key: str, marc: bytes, dc: bytes) -> None:
        """A live work's records as the build rendered them, in UTF-8 (stored compressed)."""
        rows = self._held[_PAYLOAD]
        rows.append((key, zlib.compress(marc, 1), zlib.compress(dc, 1)))
        if len(rows) >= _BATCH:
            self._write_held()

    def _write_held(self) -> None:
        """Write the rows held, in the order they came (the change history's order)."""
        for sql, rows in self._held.items():
            if rows:
                self._db.executemany(sql, rows)
                rows.clear()

    def name_sets(self, names: Iterable[tuple[str, str]]) -> None:
        self._db.executemany("INSERT OR REPLACE INTO sets VALUES (?, ?)", names)

    def finish(self) -> int:
        """Record what vanished, the memberships and this generation (if anything changed);
        close the file. Returns how many entities changed."""
        if self._has_past:
            rows = self._db.execute(f"SELECT type, key, {_COLUMNS} FROM past.records")
            for type_, key, *rest in rows.fetchall():
                if (type_, key) not in self._seen:
                    past = Past(*rest)
                    self.record(
                        State(type_, key, WITHDRAWN, None, "", past.sets),
                        vanished(past, self.generation),
                    )
        self._write_held()
        if self.changed:
            self._db.execute(
                "INSERT INTO generations VALUES (?, NULL, ?)", (self.generation, self._build_id)
            )
        for statement in INDEXES:
            self._db.execute(statement)
        self._db.executemany(
            "INSERT INTO meta VALUES (?, ?)",
            [("lineage", self.lineage), ("generation", str(self.generation))],
        )
        self._db.execute("COMMIT")
        if self._has_past:
            self._db.execute("DETACH DATABASE past")
        self._db.close()
        return self.changed


def carry_over(live_release: Path | None, into: Path) -> Path | None:
    """A copy of the live release's index (read before the new release replaces it)."""
    current = live_release / FILE if live_release is not None else None
    if current is None or not current.is_file():
        return None
    shutil.copyfile(current, into)
    return into


def go_live(release: Path) -> int:
    """Give this release's generation its time, just before the swap: the current second, once
    far enough from the next one that the swap happens within it (a harvester's `responseDate`
    from the old release is then never later than the new records' datestamp)."""
    now = time.time()
    if now % 1 > 0.8:
        time.sleep(1 - now % 1)
        now = time.time()
    with sqlite3.connect(release / FILE, isolation_level=None) as db:
        newest = db.execute("SELECT MAX(live_at) FROM generations").fetchone()[0] or 0
        live_at = max(int(now), newest)  # never earlier than a generation before it
        db.execute("UPDATE generations SET live_at = ? WHERE live_at IS NULL", (live_at,))
    db.close()
    return live_at


@dataclass(frozen=True, slots=True)
class Row:
    """An entity as the index knows it."""

    key: str
    generation: int
    first_generation: int
    entered: str
    status: str
    successor: str | None
    sets: tuple[str, ...]

    @property
    def deleted(self) -> bool:
        return self.status not in SERVED


@dataclass(frozen=True, slots=True)
class Change:
    """One activity of the change history."""

    seq: int
    generation: int
    type: str
    key: str
    activity: str
    successor: str | None


class HarvestIndex:
    """Read-only queries on a release's index (one SQLite connection per thread)."""

    def __init__(self, path: Path) -> None:
        self._uri = f"file:{pathname2url(str(path.resolve()))}?mode=ro&immutable=1"
        self._local = threading.local()
        meta = dict(self._sql("SELECT name, value FROM meta"))
        self.lineage, self.generation = meta["lineage"], int(meta["generation"])
        self.times = dict(self._sql("SELECT generation, live_at FROM generations"))

    @classmethod
    def open(cls, release: Path) -> HarvestIndex | None:
        path = release / FILE
        return cls(path) if path.is_file() else None

    def earliest(self) -> int | None:
        """The time of the oldest generation any work (deleted ones too) is in."""
        found = self._sql("SELECT MIN(generation) FROM records WHERE type = 'work'")
        oldest = found[0][0]
        return None if oldest is None else self.times.get(oldest)

    def bounds(self, start: int | None, end: int | None) -> tuple[int, int]:
        """The generations whose times fall within [start, end] (seconds; None: open)."""
        inside = [g for g, t in self.times.items() if t is not None]
        inside = [g for g in inside if (start is None or self.times[g] >= start)]
        inside = [g for g in inside if (end is None or self.times[g] <= end)]
        return (min(inside), max(inside)) if inside else (1, 0)

    def works(
        self, spec: str | None, low: int, high: int, after: tuple[int, str] | None, limit: int
    ) -> list[Row]:
        """Works of generations low..high (in a set), after a keyset cursor, in order.

        The cursor alone bounds the list from below (it starts at `(low, "")`, before every key
        of generation `low`): SQLite seeks an index by a row value only when no other bound
        on its column stands beside it, and a page deep in a million works must be a seek.
        """
        gen, key = after if after is not None else (low, "")
        if spec is None:
            sql = (
                f"SELECT key, {_COLUMNS} FROM records WHERE type = 'work'"
                " AND (generation, key) > (?, ?) AND generation <= ?"
                " ORDER BY generation, key LIMIT ?"
            )
            return [_row(r) for r in self._sql(sql, (gen, key, high, limit))]
        sql = (
            f"SELECT r.key, {', '.join('r.' + c.strip() for c in _COLUMNS.split(','))}"
            " FROM memberships AS m JOIN records AS r ON r.type = 'work' AND r.key = m.key"
            " WHERE m.spec = ? AND (m.generation, m.key) > (?, ?) AND m.generation <= ?"
            " ORDER BY m.generation, m.key LIMIT ?"
        )
        return [_row(r) for r in self._sql(sql, (spec, gen, key, high, limit))]

    def count(self, spec: str | None, low: int, high: int) -> int:
        if spec is None:
            sql = "SELECT COUNT(*) FROM records WHERE type = 'work' AND generation BETWEEN ? AND ?"
            return int(self._sql(sql, (low, high))[0][0])
        sql = "SELECT COUNT(*) FROM memberships WHERE spec = ? AND generation BETWEEN ? AND ?"
        return int(self._sql(sql, (spec, low, high))[0][0])

    def work(self, key: str) -> Row | None:
        rows = self._sql(
            f"SELECT key, {_COLUMNS} FROM records WHERE type = 'work' AND key = ?", (key,)
        )
        return _row(rows[0]) if rows else None

    def payloads(self, keys: Sequence[str], column: str) -> dict[str, str]:
        """The stored `marc` or `dc` payload of each of the keys that has one."""
        assert column in ("marc", "dc")
        marks = ", ".join("?" * len(keys))
        rows = self._sql(f"SELECT key, {column} FROM payloads WHERE key IN ({marks})", tuple(keys))
        return {key: zlib.decompress(blob).decode() for key, blob in rows}

    def sets(self) -> list[tuple[str, str]]:
        return [(s, n) for s, n in self._sql("SELECT spec, name FROM sets ORDER BY spec")]

    def has_set(self, spec: str) -> bool:
        return bool(self._sql("SELECT 1 FROM sets WHERE spec = ?", (spec,)))

    def changes(self, first: int, last: int) -> list[Change]:
        """Activities with sequence numbers first..last, oldest first."""
        rows = self._sql(
            "SELECT seq, generation, type, key, activity, successor FROM changes"
            " WHERE seq BETWEEN ? AND ? ORDER BY seq",
            (first, last),
        )
        return [Change(*r) for r in rows]

    def change_count(self) -> int:
        return int(self._sql("SELECT COALESCE(MAX(seq), 0) FROM changes")[0][0])

    def _sql(self, sql: str, args: tuple[object, ...] = ()) -> list[tuple[Any, ...]]:
        connection: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if connection is None:
            connection = sqlite3.connect(self._uri, uri=True)
            connection.execute("PRAGMA mmap_size = 1099511627776")
            self._local.connection = connection
        return connection.execute(sql, args).fetchall()


def _row(values: tuple[Any, ...]) -> Row:
    key, generation, first, entered, status, successor, _digest, sets = values
    return Row(key, generation, first, entered, status, successor, tuple(sets.split()))
