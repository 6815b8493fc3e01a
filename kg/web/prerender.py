"""`kg render`: render documents into the current release's documents file.

It runs after `kg build` has published the release (`make serve` runs it, and `kg serve`'s
rebuild loop after every rebuild); until the file exists every document is rendered per request,
and a running server picks the file up without a restart (kg/web/__init__.py).

Each worker process opens the finished release read-only with the web app (`create_app` with
an explicit release), describes each live resource once and renders page 1 in every configured
format through `resources.render`, the function the `/doc` route calls, so a stored body is the
body the route would render. Workers write shards; the parent merges them into one file.
"""

from __future__ import annotations

import multiprocessing
import os
import sqlite3
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import unquote

import pyoxigraph as ox

from kg.config import Config
from kg.errors import ConfigError
from kg.formats import BY_SUFFIX
from kg.iris import Iris
from kg.resource_types import BY_TYPE_NAME
from kg.store import Description, Manifest, Store, live_release, open_backend
from kg.web.documents import FILE, SCHEMA, Documents, document_path, render_settings
from kg.web.reuse import Previous, Reuser, description_digest, find_previous, reusable
from kg.web.vocab_panel import topic_reasons

_INSERT = "INSERT INTO documents (path, body, link, digest) VALUES (?, ?, ?, ?)"
_BATCH = 500  # documents per transaction in a shard
_PER_PROCESS = 2000  # fewer resources than this per worker process: render in this one


def prerender_plan(config: Config) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The types and format suffixes the settings ask for (`none` for no pre-rendering)."""
    types = tuple(t for t in config.prerender_types.split() if t != "none")
    suffixes = tuple(s for s in config.prerender_formats.split() if s != "none")
    for name, known, given in (
        ("KG_PRERENDER_TYPES", BY_TYPE_NAME, types),
        ("KG_PRERENDER_FORMATS", BY_SUFFIX, suffixes),
    ):
        unknown = [v for v in given if v not in known]
        if unknown:
            raise ConfigError(
                f"{name}: unknown {', '.join(unknown)}",
                fix=f"use some of: {' '.join(known)} (or none)",
            )
    return (types, suffixes) if types and suffixes else ((), ())


def render_current(config: Config) -> str:
    """Render the documents of the live release unless it has them for these settings; what
    was done, in one line. A running server picks the file up without a restart."""
    release = live_release(config)
    manifest = Manifest.read(release)
    build_id = manifest.build_id
    config = replace(config, base_uri=manifest.base_uri)  # as the server serves it
    if Documents.open(release, config, build_id) is not None:
        return f"documents of build {build_id} are already rendered ({release / FILE})"
    return _render(release, config, build_id)


def render_before_live(config: Config) -> Callable[[Path], str]:
    """What `kg build` runs on a finished release before it goes live (`build(prepare=…)`):
    its documents rendered, those unchanged since the previous release taken from there, so
    the first request after a release is as fast as any. A failure leaves the documents to be
    rendered per request; it never stops the release."""

    def prepare(release: Path) -> str:
        try:
            return _render(release, config, Manifest.read(release).build_id)
        except Exception as err:  # documents only speed serving up
            return f"documents not rendered ({type(err).__name__}: {err}); rendering per request"

    return prepare


def _render(release: Path, config: Config, build_id: str) -> str:
    started = time.monotonic()
    done = prerender(release, config, config.build_workers or os.cpu_count() or 1)
    seconds = time.monotonic() - started
    reused = f", {done.reused} unchanged since build {done.since}" if done.since else ""
    return (
        f"rendered {done.count} documents of build {build_id} in {seconds:.1f}s{reused} "
        f"({release / FILE})"
    )


@dataclass(frozen=True, slots=True)
class Rendered:
    """How many documents were stored, how many of them came unchanged from an earlier
    release's file, and that release's build id (None when no earlier file could serve)."""

    count: int
    reused: int = 0
    since: str | None = None


def prerender(release: Path, config: Config, workers: int) -> Rendered:
    """Render the documents the settings ask for into
    `release/documents.sqlite`, reusing the documents of the newest earlier release rendered
    under the same settings where what they show did not change (kg/web/reuse.py).

    The release's store and manifest must be written; `build/current` need not point at it.
    """
    types, suffixes = prerender_plan(config)
    manifest = Manifest.read(release)
    iris = Iris(manifest.base_uri)
    settings = render_settings(config, manifest.build_id)
    previous = find_previous(release, settings)
    with open_backend(config).open(release) as store:
        keys = live_keys(store, iris, types) if types else []
    workers = max(1, min(workers, len(keys) // _PER_PROCESS))
    shards = [release / f".documents-{n}.sqlite" for n in range(workers)] if keys else []
    job = (release, config, suffixes, previous)
    if len(shards) <= 1:  # a small catalogue: starting interpreters would cost more than it saves
        counts = [render_shard(*job, keys, shard) for shard in shards]
    else:
        spawn = multiprocessing.get_context("spawn")  # fresh interpreters: the build holds GBs
        with ProcessPoolExecutor(workers, mp_context=spawn) as pool:
            jobs = [
                pool.submit(render_shard, *job, keys[n::workers], shard)
                for n, shard in enumerate(shards)
            ]
            counts = [j.result() for j in jobs]
    _merge(release / FILE, shards, settings)
    since = previous.build_id if previous else None
    return Rendered(sum(c for c, _ in counts), sum(r for _, r in counts), since)


def live_keys(store: Store, iris: Iris, types: Sequence[str]) -> list[tuple[str, str]]:
    """(type, key) of every resource of the types, sorted; keys whose IRI does not round-trip
    through `Iris.entity` are left to per-request rendering."""
    out: set[tuple[str, str]] = set()
    for type_ in types:
        prefix = f"{iris.id_base}{type_}/"
        rdf_type = ox.NamedNode(BY_TYPE_NAME[type_].rdf_type)
        for row in store.select(f"SELECT DISTINCT ?s WHERE {{ ?s a {rdf_type} }}"):
            iri = row["s"]
            if isinstance(iri, ox.NamedNode) and iri.value.startswith(prefix):
                key = unquote(iri.value[len(prefix) :])
                if str(iris.entity(type_, key)) == iri.value:
                    out.add((type_, key))
    return sorted(out)


def render_shard(
    release: Path,
    config: Config,
    suffixes: Sequence[str],
    previous: Previous | None,
    keys: Sequence[tuple[str, str]],
    shard: Path,
) -> tuple[int, int]:
    """Render `keys` into a shard file (in a worker process), taking unchanged documents from
    `previous`; how many documents, and how many of them were taken."""
    from kg.web import create_app, resources

    app = create_app(config, release=release, sparql_endpoint=False)
    build_id, built = app.extensions["kg.build"]
    reuser = Reuser(previous, build_id, built.strftime("%d %B %Y")) if previous else None
    formats = [BY_SUFFIX[s] for s in suffixes]
    shard.unlink(missing_ok=True)
    count = reused = 0
    with _connect(shard) as db, app.test_request_context("/", base_url="http://localhost/"):
        rows: list[tuple[str, bytes, str, str]] = []
        for type_, key in keys:
            description = resources.describe_live(type_, key)
            if description is None:
                continue
            digests = _digests(type_, description, build_id)
            for fmt in formats:
                path = document_path(type_, key, fmt.suffix)
                html = fmt.oxigraph is None
                digest = digests[html]
                found = None
                if reuser is not None and reusable(type_, html):
                    found = reuser.get(path, digest, html)
                reused += found is not None
                body, link = found or resources.render(type_, key, description, fmt)
                rows.append((path, body, link, digest))
            if len(rows) >= _BATCH:
                count += _insert(db, rows)
        count += _insert(db, rows)
    db.close()
    if reuser is not None:
        reuser.close()
    return count, reused


def _digests(type_: str, description: Description, build_id: str) -> dict[bool, str]:
    """The digest of a resource's RDF documents and of its HTML page (which, for a work, also
    shows its topic reasons: kg/web/vocab_panel.py)."""
    rdf = description_digest(description, build_id)
    if type_ != "work":
        return {False: rdf, True: rdf}
    return {
        False: rdf,
        True: description_digest(description, build_id, topic_reasons(description.iri.value)),
    }


def _insert(db: sqlite3.Connection, rows: list[tuple[str, bytes, str, str]]) -> int:
    with db:
        db.executemany(_INSERT, rows)
    count = len(rows)
    rows.clear()
    return count


def _connect(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path)
    # 64 KiB pages: a document (about 7–10 KB) then sits in one leaf page instead of a chain of
    # overflow pages, which made a lookup about twice as slow (docs/benchmarks.md).
    db.execute("PRAGMA page_size = 65536")
    db.execute("PRAGMA journal_mode = OFF")  # a new file: nothing to roll back to
    db.execute("PRAGMA synchronous = OFF")
    for statement in SCHEMA:
        db.execute(statement)
    return db


def _merge(target: Path, shards: Sequence[Path], settings: str) -> None:
    """One file from the shards (SQLite copies the rows itself); the settings are recorded
    last."""
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    db = _connect(partial)
    try:
        for shard in shards:
            db.execute("ATTACH DATABASE ? AS shard", (str(shard),))
            with db:
                db.execute("INSERT INTO documents SELECT * FROM shard.documents ORDER BY path")
            db.execute("DETACH DATABASE shard")
            shard.unlink()
        with db:
            db.execute("INSERT INTO meta VALUES ('settings', ?)", (settings,))
    finally:
        db.close()
    partial.replace(target)
