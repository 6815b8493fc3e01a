"""The embedded store: pyoxigraph on disk, one store folder per release.

Releases live in `build/releases/{id}/store`; the live release is the one `build/current`
points at (a symlink swapped atomically). Readers open a release read-only: a read-only handle
is a snapshot of the moment it was opened, which is why each release is a new folder.
"""

from __future__ import annotations

import gzip
import os
import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, cast

import pyoxigraph as ox

from kg.errors import BadQuery, StoreError
from kg.store.backend import GraphData
from kg.store.base import Store
from kg.store.capabilities import EMBEDDED, Capabilities
from kg.store.describe import ContextCache, describe
from kg.store.embedded_patterns import EmbeddedPatterns
from kg.store.model import UNION, Dataset, Description, Outcome, Term, Triples, text
from kg.store.release import release_dir
from kg.store.rewrite import names_own_dataset

NT = ox.RdfFormat.N_TRIPLES
_COUNTS = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"


class EmbeddedStore(Store):
    """One release's pyoxigraph store; the default graph is the union of the named graphs."""

    capabilities: Capabilities = EMBEDDED

    def __init__(self, store: ox.Store, release_id: str = "") -> None:
        self._store = store
        self.release_id = release_id
        self._context_cache: ContextCache = {}

    @classmethod
    def open_read_only(cls, path: Path, release_id: str = "") -> EmbeddedStore:
        return cls(ox.Store.read_only(str(path)), release_id)

    def run(
        self,
        sparql: str,
        dataset: Dataset = UNION,
        base_iri: str | None = None,
        time_limit_s: float | None = None,
    ) -> Outcome:
        try:
            if dataset.explicit:
                default: list[ox.NamedNode | ox.BlankNode | ox.DefaultGraph] = [
                    ox.NamedNode(g) for g in dataset.default_graphs or ()
                ]
                named: list[ox.NamedNode | ox.BlankNode] = [
                    ox.NamedNode(g) for g in dataset.named_graphs or ()
                ]
                result = self._store.query(
                    sparql, base_iri=base_iri, default_graph=default, named_graphs=named
                )
            else:
                # A query with FROM names its own dataset (SPARQL 1.1 §13.2); pyoxigraph would
                # let the union flag override it.
                union = dataset.union_default and not names_own_dataset(sparql)
                result = self._store.query(
                    sparql, base_iri=base_iri, use_default_graph_as_union=union
                )
        except SyntaxError as err:
            raise BadQuery(str(err), fix="correct the query syntax") from err
        return Triples(result) if isinstance(result, ox.QueryTriples) else result

    def objects(self, subject: ox.NamedNode, predicate: ox.NamedNode) -> list[Term]:
        return [q.object for q in self._store.quads_for_pattern(subject, predicate, None, None)]

    def exists(self, iri: ox.NamedNode) -> bool:
        return next(iter(self._store.quads_for_pattern(iri, None, None, None)), None) is not None

    def describe(self, iri: ox.NamedNode, page: int = 1, page_size: int = 50) -> Description:
        patterns = EmbeddedPatterns(self._store)
        return describe(patterns, iri, max(1, page), max(1, page_size), self._context_cache)

    def close(self) -> None:
        self._context_cache.clear()


@dataclass(frozen=True, slots=True)
class EmbeddedTarget:
    """A release's store folder, for a SPARQL worker process to open read-only."""

    path: str
    release_id: str = ""

    def open(self) -> Store:
        return EmbeddedStore.open_read_only(Path(self.path), self.release_id)


class EmbeddedLoader:
    """Writes one release's store folder."""

    def __init__(self, path: Path, release_id: str) -> None:
        if path.exists():
            shutil.rmtree(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        self.release_id = release_id
        self._path = path
        self._store: ox.Store | None = ox.Store(str(path))

    def add(self, graph: str, data: GraphData) -> None:
        """Bulk-load N-Triples into a named graph (Oxigraph releases the GIL while it loads)."""
        store, target = self._writable(), ox.NamedNode(graph)
        if isinstance(data, Path):
            with gzip.open(data) if data.suffix == ".gz" else data.open("rb") as stream:
                store.bulk_load(cast(IO[bytes], stream), format=NT, to_graph=target)
            return
        for chunk in data:
            store.bulk_load(chunk, format=NT, to_graph=target)

    def finish(self, expected: Mapping[str, int]) -> None:
        """Check the counts, then compact and close.

        Compaction matters because a release is only ever opened read-only afterwards, and a
        read-only RocksDB handle never compacts: on 100,000 records it halves query time and
        cuts a describe by a third, for about 6 s of build time (docs/benchmarks.md).
        """
        store = self._writable()
        result = store.query(_COUNTS)
        assert isinstance(result, ox.QuerySolutions)
        found = {text(row["g"]): int(text(row["n"])) for row in result}
        if found != dict(expected):
            self.abort()
            raise StoreError(
                f"release {self.release_id} was not loaded whole: {_difference(expected, found)}",
                fix="the live release is unchanged; run the build again",
            )
        store.optimize()
        store.flush()
        self._store = None

    def abort(self) -> None:
        self._store = None
        shutil.rmtree(self._path, ignore_errors=True)

    def _writable(self) -> ox.Store:
        if self._store is None:
            raise StoreError(f"release {self.release_id} is no longer being loaded")
        return self._store


def _difference(expected: Mapping[str, int], found: Mapping[str, int]) -> str:
    graphs = sorted(set(expected) | set(found))
    parts = [
        f"{g} holds {found.get(g, 0)} triples, expected {expected.get(g, 0)}"
        for g in graphs
        if found.get(g, 0) != expected.get(g, 0)
    ]
    return "; ".join(parts)


class EmbeddedBackend:
    """Releases as folders of a build folder; `current` is the live pointer."""

    capabilities: Capabilities = EMBEDDED

    def __init__(self, build_dir: Path) -> None:
        self._build_dir = build_dir

    def live_release(self) -> str | None:
        # Every web worker asks before every request: one stat and one readlink (about 3 µs),
        # where Path.exists + Path.resolve took about 50 µs, a seventh of a stored document.
        current = os.path.join(self._build_dir, "current")
        if not os.path.exists(os.path.join(current, "store")):
            return None
        try:
            return os.path.basename(os.readlink(current).rstrip("/"))
        except OSError:  # not a symbolic link: a folder copied in its place
            return Path(current).resolve().name

    def releases(self) -> list[str]:
        root = self._build_dir / "releases"
        found = [p for p in root.iterdir() if (p / "store").is_dir()] if root.is_dir() else []
        return [p.name for p in sorted(found, key=lambda p: p.stat().st_mtime)]

    def loader(self, release_id: str) -> EmbeddedLoader:
        return EmbeddedLoader(self._store_path(release_id), release_id)

    def switch(self, release_id: str) -> None:
        """Point `build/current` at the release, atomically."""
        if not self._store_path(release_id).is_dir():
            raise StoreError(f"release {release_id} is not loaded", fix="run `kg build`")
        link = self._build_dir / "current"
        tmp = self._build_dir / f".current-{os.getpid()}"
        if tmp.is_symlink():
            tmp.unlink()
        tmp.symlink_to(Path("releases") / release_id)
        os.replace(tmp, link)

    def prune(self, keep: int) -> list[str]:
        """Remove the folders of all but the newest `keep` releases, never the live one.

        Safe for web workers: each moves to the live release before its next request, and a
        request still running is on the live release or the one before.
        """
        live = self.live_release()
        doomed = [r for r in self.releases()[: max(0, len(self.releases()) - keep)] if r != live]
        for release_id in doomed:
            shutil.rmtree(release_dir(self._build_dir, release_id), ignore_errors=True)
        return doomed

    def open(self, release: Path) -> EmbeddedStore:
        """The store inside a release folder (wherever the folder is), read-only."""
        return EmbeddedStore.open_read_only(release / "store", release.name)

    def target(self, release: Path) -> EmbeddedTarget:
        return EmbeddedTarget(str(release / "store"), release.name)

    def _store_path(self, release_id: str) -> Path:
        return release_dir(self._build_dir, release_id) / "store"
