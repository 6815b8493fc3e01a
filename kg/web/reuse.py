"""A rebuild re-renders only what changed: documents of the previous release are reused when
what they show did not change.

A document is a function of its resource's description (own triples, the labels and types of
what it links to, its page of inverse links), the settings and the build. `description_digest`
hashes the description with the build id taken out (every work names the build that published
it); the documents file keeps the digest beside each body. When `kg render` renders a new
release, a document whose digest the previous release's file holds under the same settings is
copied from there, with the old build id and date replaced by the new ones, instead of being
rendered again. An RDF document is its description and nothing else. A work's HTML page also
shows why it has each topic, read from the store: that goes into its digest. Other HTML pages
read more of the store (co-authors, topics through works, a concept's place in its scheme):
they are always rendered. `tests/test_prerender.py` checks that every document of a rebuild
equals the one rendered per request.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.request import pathname2url

from kg.store import Description, Manifest
from kg.web.documents import FILE

HTML_REUSED = frozenset({"work"})  # HTML pages whose every input the digest covers
_GET = "SELECT body, link, digest FROM documents WHERE path = ?"


def reusable(type_: str, html: bool) -> bool:
    """Whether a document of this type and format may be taken from an earlier release."""
    return not html or type_ in HTML_REUSED


def description_digest(description: Description, build_id: str, *extra: object) -> str:
    """What a document shows, as a hash that does not change with the build alone; `extra`:
    what else the page shows (its `repr` is hashed too)."""
    parts = [
        description.iri.value,
        f"{description.page} {description.page_size} {description.has_next}",
        *sorted(str(t) for t in description.own),
        "",
        *sorted(str(t) for t in description.context),
        "",
        *(
            f"{g.predicate} {g.total} {g.newest_first} {' '.join(s.value for s in g.subjects)}"
            for g in description.inverse
        ),
        *(repr(x) for x in extra),
    ]
    text = "\n".join(parts).replace(build_id, "\0build\0")
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def built_label(built_at: str) -> str:
    """The build date as page footers print it (`home.site`)."""
    return datetime.fromisoformat(built_at).astimezone(UTC).strftime("%d %B %Y")


@dataclass(frozen=True, slots=True)
class Previous:
    """The documents file of an earlier release rendered under the same settings."""

    path: Path
    build_id: str
    built: str  # as footers print it


def find_previous(release: Path, settings: str) -> Previous | None:
    """The newest other release whose documents were rendered under `settings` (build id
    aside); None when there is none."""
    wanted = _without_build(settings)
    found: list[tuple[float, Previous]] = []
    for other in release.parent.iterdir():
        documents = other / FILE
        if other == release or not documents.is_file():
            continue
        try:
            with sqlite3.connect(_read_only(documents), uri=True) as db:
                row = db.execute("SELECT value FROM meta WHERE name = 'settings'").fetchone()
            db.close()
            manifest = Manifest.read(other)
        except (sqlite3.Error, OSError, ValueError):
            continue  # a half-written or foreign folder: not a source of documents
        if row is not None and _without_build(row[0]) == wanted:
            previous = Previous(documents, manifest.build_id, built_label(manifest.built_at))
            found.append((documents.stat().st_mtime, previous))
    return max(found, key=lambda f: f[0])[1] if found else None


class Reuser:
    """Looks documents up in a previous release's file and brings them up to this build."""

    def __init__(self, previous: Previous, build_id: str, built: str) -> None:
        self._db = sqlite3.connect(_read_only(previous.path), uri=True)
        self._old = previous
        self._new_id = build_id
        self._footer = (
            _footer(build_id, previous.built).encode("utf-8"),
            _footer(build_id, built).encode("utf-8"),
        )

    def get(self, path: str, digest: str, html: bool) -> tuple[bytes, str] | None:
        """The previous body and `Link` of `path` made current, if its digest is `digest`."""
        row = self._db.execute(_GET, (path,)).fetchone()
        if row is None or row[2] != digest:
            return None
        body = bytes(row[0]).replace(self._old.build_id.encode(), self._new_id.encode())
        if html:
            old, new = self._footer
            if body.count(old) != 1:
                return None  # not the footer this code writes: render it instead
            body = body.replace(old, new)
        return body, str(row[1]).replace(self._old.build_id, self._new_id)

    def close(self) -> None:
        self._db.close()


def _footer(build_id: str, built: str) -> str:
    return f'<p class="build">Build <code>{build_id}</code> of {built}</p>'


def _without_build(settings: str) -> str:
    values = json.loads(settings)
    values.pop("build_id", None)
    return json.dumps(values, sort_keys=True)


def _read_only(path: Path) -> str:
    return f"file:{pathname2url(str(path.resolve()))}?mode=ro"
