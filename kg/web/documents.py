"""A release's pre-rendered documents: one read-only SQLite file the `/doc` route looks up.

The build renders page 1 of every live resource of the configured types in the configured
formats (kg/web/prerender.py) with the very code the route runs, and stores each body with its
`Link` header. Serving one is then a key lookup instead of a describe and a rendering; every
other header is computed per request exactly as for a dynamic document (docs/architecture.md).
"""

from __future__ import annotations

import json
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.request import pathname2url

from kg.config import Config

FILE = "documents.sqlite"
SCHEMA = (
    "CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
    # digest: what the document shows, build aside (kg/web/reuse.py), so a rebuild can reuse it
    "CREATE TABLE documents (path TEXT PRIMARY KEY, body BLOB NOT NULL, link TEXT NOT NULL,"
    " digest TEXT) WITHOUT ROWID",
)
_MMAP_BYTES = 1 << 40
_GET = "SELECT body, link FROM documents WHERE path = ?"


@dataclass(frozen=True, slots=True)
class Stored:
    """A rendered document: its body and its `Link` header."""

    body: bytes
    link: str


def document_path(type_: str, key: str, suffix: str) -> str:
    """The lookup key of one document: `work/abc.ttl` (the key decoded, as the route sees it)."""
    return f"{type_}/{key}.{suffix}"


def render_settings(config: Config, build_id: str) -> str:
    """What a rendered body depends on besides the release; a mismatch means render again."""
    return json.dumps(
        {
            "build_id": build_id,
            "base_uri": config.base_uri,
            "page_size": config.page_size,
            "default_language": config.default_language,
            "license_uri": config.license_uri,
            "dataset_title": config.dataset_title,
        },
        sort_keys=True,
    )


class Documents:
    """Read-only lookups in a release's documents file, one SQLite connection per thread
    (gunicorn's gthread workers answer requests on several threads)."""

    def __init__(self, path: Path) -> None:
        # immutable=1: the file never changes once the build wrote it, so SQLite skips locking.
        self._uri = f"file:{pathname2url(str(path.resolve()))}?mode=ro&immutable=1"
        self._local = threading.local()

    @classmethod
    def open(cls, release: Path, config: Config, build_id: str) -> Documents | None:
        """The release's documents, or None when it has none or they were rendered under other
        settings (then every document is rendered per request, as before)."""
        path = release / FILE
        if not path.is_file():
            return None
        documents = cls(path)
        if documents.setting("settings") != render_settings(config, build_id):
            return None
        return documents

    def get(self, type_: str, key: str, suffix: str) -> Stored | None:
        row = self._connection().execute(_GET, (document_path(type_, key, suffix),)).fetchone()
        return None if row is None else Stored(row[0], row[1])

    def setting(self, name: str) -> str | None:
        row = self._connection().execute("SELECT value FROM meta WHERE name = ?", (name,))
        found = row.fetchone()
        return None if found is None else str(found[0])

    def _connection(self) -> sqlite3.Connection:
        connection: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if connection is None:
            connection = sqlite3.connect(self._uri, uri=True, check_same_thread=True)
            # Read pages through a memory map (SQLite caps it, at 2 GiB by default): a lookup
            # then makes no read() calls, about 4 times faster on 100,000 works.
            connection.execute(f"PRAGMA mmap_size = {_MMAP_BYTES}")
            self._local.connection = connection
        return connection
