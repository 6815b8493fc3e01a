"""Releases on a remote SPARQL 1.1 store: loaded into graphs of their own, counted, switched.

The pointer graph `{base}graph/releases` says which release is live (`kg:liveRelease`) and
lists each loaded release with its stored graphs. A build loads a release with the Graph Store
Protocol (HTTP POST of N-Triples chunks), counts each graph against the manifest, records the
release, and only then switches the pointer — one update, so a reader goes from one complete
release to the next. A failed load drops what it loaded and leaves the live release alone.
"""

from __future__ import annotations

import gzip
import shutil
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path

import pyoxigraph as ox

from kg.config import Config
from kg.errors import ConfigError, StoreError
from kg.namespaces import DCTERMS, KG, RDF, XSD
from kg.store.backend import GraphData
from kg.store.capabilities import Capabilities, remote_capabilities
from kg.store.model import text
from kg.store.release import Manifest, release_dir
from kg.store.remote import RemoteStore, RemoteTarget
from kg.store.remote_http import StoreClient, read_within, safe_url
from kg.store.rewrite import control_graph, stored_graph

_CHUNK_LINES = 100_000  # lines per Graph Store Protocol request
_LIVE, _STORED = (ox.NamedNode(str(p)) for p in (KG.liveRelease, KG.storedGraph))
_ID, _CREATED = (ox.NamedNode(str(p)) for p in (DCTERMS.identifier, DCTERMS.created))
_RELEASE, _TYPE = ox.NamedNode(str(KG.Release)), ox.NamedNode(str(RDF.type))


def release_graphs(release: Path) -> tuple[str, ...]:
    """The published graphs of a release, from its manifest."""
    extra = Manifest.read(release).extra
    counted = extra.get("graph_triples") or {}
    return tuple(sorted(counted or extra.get("graphs", {}).values()))


class RemoteBackend:
    """A remote store holding kg's releases (one catalogue per base IRI)."""

    def __init__(self, config: Config) -> None:
        if not config.base_uri_is_explicit:
            raise ConfigError(
                "a remote store needs KG_BASE_URI: the build and every web node must agree",
                fix="set KG_BASE_URI to the catalogue's public base IRI",
            )
        self.capabilities: Capabilities = remote_capabilities(config.store_kind)
        self._client = StoreClient(config.store, self.capabilities, config.store_timeout_ms / 1000)
        self._base = config.base_uri
        self._build_dir = config.build_dir
        self._control = ox.NamedNode(control_graph(self._base))

    def live_release(self) -> str | None:
        rows = self._select(
            f"SELECT ?id WHERE {{ GRAPH {self._control} {{ "
            f"{self._control} {_LIVE} ?r . ?r {_ID} ?id }} }}"
        )
        return text(rows[0]["id"]) if rows else None

    def releases(self) -> list[str]:
        rows = self._select(
            f"SELECT ?id ?at WHERE {{ GRAPH {self._control} {{ ?r a {_RELEASE} ; {_ID} ?id ; "
            f"{_CREATED} ?at }} }} ORDER BY ?at ?id"
        )
        return [text(row["id"]) for row in rows]

    def loader(self, release_id: str) -> RemoteLoader:
        if release_id == self.live_release():
            raise StoreError(f"release {release_id} is live", fix="switch to another one first")
        self._drop(release_id)  # a failed earlier load of the same id starts over
        return RemoteLoader(self, release_id)

    def switch(self, release_id: str) -> None:
        if release_id not in self.releases():
            raise StoreError(f"release {release_id} is not loaded", fix="run `kg build`")
        node, control = self._node(release_id), self._control
        # One request: one transaction on Oxigraph. (Virtuoso finds no solution for a WHERE of
        # only an OPTIONAL, so DELETE/INSERT … WHERE cannot do it there.) A reader between the
        # two operations sees no pointer and keeps the release it serves (kg/web/reload.py).
        self._client.update(
            f"DELETE WHERE {{ GRAPH {control} {{ {control} {_LIVE} ?old }} }} ; "
            f"INSERT DATA {{ GRAPH {control} {{ {control} {_LIVE} {node} }} }}"
        )

    def prune(self, keep: int) -> list[str]:
        """Drop the graphs (and the local folders) of all but the newest `keep` releases."""
        live, releases = self.live_release(), self.releases()
        doomed = [r for r in releases[: max(0, len(releases) - keep)] if r != live]
        for release_id in doomed:
            self._drop(release_id)
            shutil.rmtree(release_dir(self._build_dir, release_id), ignore_errors=True)
        return doomed

    def open(self, release: Path) -> RemoteStore:
        release_id = Manifest.read(release).build_id
        return RemoteStore(self._client, self._base, release_id, release_graphs(release))

    def target(self, release: Path) -> RemoteTarget:
        return RemoteTarget(
            self._client.endpoint,
            self.capabilities.kind,
            self._base,
            Manifest.read(release).build_id,
            release_graphs(release),
            self._client.timeout_s,
        )

    def stored(self, release_id: str, graph: str) -> str:
        return stored_graph(self._base, release_id, graph)

    def record(self, release_id: str, graphs: list[str]) -> None:
        """List a loaded, counted release in the pointer graph."""
        node, now = self._node(release_id), datetime.now(UTC).isoformat(timespec="seconds")
        stored = ", ".join(f"<{g}>" for g in graphs)
        created = ox.Literal(now, datatype=ox.NamedNode(str(XSD.dateTime)))
        triples = f"{node} a {_RELEASE} ; {_ID} {ox.Literal(release_id)} ; {_CREATED} {created}"
        triples += f" ; {_STORED} {stored} ." if graphs else " ."
        self._client.update(f"INSERT DATA {{ GRAPH {self._control} {{ {triples} }} }}")

    def count(self, graphs: list[str]) -> dict[str, int]:
        """Triples per stored graph (graphs that hold none are left out)."""
        values = " ".join(f"<{g}>" for g in graphs)
        rows = self._select(
            f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ VALUES ?g {{ {values} }} "
            "GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
        )
        return {text(row["g"]): int(text(row["n"])) for row in rows}

    def post(self, graph: str, chunks: Iterator[bytes]) -> None:
        self._client.post_graph(graph, chunks)

    def _drop(self, release_id: str) -> None:
        node = self._node(release_id)
        rows = self._select(
            f"SELECT ?g WHERE {{ GRAPH {self._control} {{ {node} {_STORED} ?g }} }}"
        )
        self.drop_graphs([text(row["g"]) for row in rows])
        self._client.update(f"DELETE WHERE {{ GRAPH {self._control} {{ {node} ?p ?o }} }}")

    def drop_graphs(self, graphs: list[str]) -> None:
        for graph in graphs:
            self._client.update(f"DROP SILENT GRAPH <{graph}>")

    def _node(self, release_id: str) -> ox.NamedNode:
        return ox.NamedNode(self.stored(release_id, self._base + "graph/"))

    def _select(self, sparql: str) -> list[dict[str, ox.NamedNode | ox.Literal]]:
        # The pointer graph is named in each query: no dataset of kg's own is needed here.
        response = self._client.query(
            sparql, "application/sparql-results+json", [], self._client.timeout_s
        )
        body = read_within(response, float("inf"))
        result = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
        assert isinstance(result, ox.QuerySolutions)
        names = [v.value for v in result.variables]
        return [
            {
                n: t
                for n, t in zip(names, row, strict=True)
                if isinstance(t, ox.NamedNode | ox.Literal)
            }
            for row in result
        ]

    def __repr__(self) -> str:
        return f"RemoteBackend({safe_url(self._client.endpoint)}, {self.capabilities.kind})"


class RemoteLoader:
    """Loads one release's graphs into the store under their stored names."""

    def __init__(self, backend: RemoteBackend, release_id: str) -> None:
        self.release_id = release_id
        self._backend = backend
        self._loaded: dict[str, str] = {}  # published graph → stored graph

    def add(self, graph: str, data: GraphData) -> None:
        stored = self._loaded.setdefault(graph, self._backend.stored(self.release_id, graph))
        self._backend.post(stored, _chunks(data))

    def finish(self, expected: Mapping[str, int]) -> None:
        stored = {self._backend.stored(self.release_id, g): n for g, n in expected.items()}
        found = self._backend.count(list(stored))
        wrong = [
            f"{g} holds {found.get(s, 0)} triples, expected {n}"
            for g, (s, n) in zip(expected, stored.items(), strict=True)
            if found.get(s, 0) != n
        ]
        extra = sorted(set(self._loaded) - set(expected))
        if wrong or extra:
            self.abort()
            raise StoreError(
                f"release {self.release_id} was not loaded whole: "
                + "; ".join(wrong + [f"{g} was not expected" for g in extra]),
                fix="the live release is unchanged; run the build again",
            )
        self._backend.record(self.release_id, sorted(stored))

    def abort(self) -> None:
        self._backend.drop_graphs(sorted(self._loaded.values()))
        self._loaded.clear()


def _chunks(data: GraphData) -> Iterator[bytes]:
    """N-Triples in requests of at most _CHUNK_LINES whole lines."""
    if isinstance(data, Path):
        with gzip.open(data) if data.suffix == ".gz" else data.open("rb") as stream:
            lines: list[bytes] = []
            for line in stream:
                lines.append(line)
                if len(lines) >= _CHUNK_LINES:
                    yield b"".join(lines)
                    lines = []
            if lines:
                yield b"".join(lines)
        return
    yield from (chunk for chunk in data if chunk.strip())
