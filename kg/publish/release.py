"""A release: one build's store, dumps, description, reports and manifest in
`build/releases/{id}`, swapped in atomically through the `build/current` symlink."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox


@dataclass(frozen=True, slots=True)
class Release:
    build_id: str
    path: Path


@dataclass(frozen=True, slots=True)
class Manifest:
    """What a release says about itself (written by the build, read by the web layer).

    `manifest.json` also lists the dumps (file, url, latest_url, media type, bytes, sha256), the
    counts, the named graphs and the files of the gate (quarantine and validation reports).
    """

    build_id: str
    built_at: str
    base_uri: str
    triples: int
    extra: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def read(cls, release: Path) -> Manifest:
        data = json.loads((release / "manifest.json").read_text())
        core = {k: data.pop(k) for k in ("build_id", "built_at", "base_uri", "triples")}
        return cls(core["build_id"], core["built_at"], core["base_uri"], int(core["triples"]), data)

    def to_json(self) -> dict[str, Any]:
        return {
            "build_id": self.build_id,
            "built_at": self.built_at,
            "base_uri": self.base_uri,
            "triples": self.triples,
            **self.extra,
        }


def fresh_release(build_dir: Path, build_id: str) -> Release:
    """An empty folder for a release (a rebuild of the same id starts over)."""
    root = build_dir / "releases" / build_id
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    return Release(build_id, root)


_CHUNK = 200_000  # lines per bulk load: memory stays bounded whatever the size of the graph


def open_store(release: Release) -> ox.Store:
    """The release's Oxigraph store, open for loading (close it with `close_store`)."""
    return ox.Store(str(release.path / "store"))


def load_graphs(store: ox.Store, graphs: Mapping[str, Sequence[str] | bytes]) -> None:
    """Bulk-load N-Triples into named graphs (Oxigraph releases the GIL while it loads)."""
    for graph, data in graphs.items():
        target = ox.NamedNode(graph)
        chunks = [data] if isinstance(data, bytes) else _chunks(data)
        for chunk in chunks:
            store.bulk_load(chunk, format=ox.RdfFormat.N_TRIPLES, to_graph=target)


def close_store(store: ox.Store) -> None:
    """Compact and close the store.

    Compaction matters because a release is only ever opened read-only afterwards, and a
    read-only RocksDB handle never compacts: on 100,000 records it halves query time and cuts a
    describe by a third, for about 6 s of build time (docs/benchmarks.md).
    """
    store.optimize()
    store.flush()
    del store


def _chunks(lines: Sequence[str]) -> Iterator[bytes]:
    for start in range(0, len(lines), _CHUNK):
        yield ("\n".join(lines[start : start + _CHUNK]) + "\n").encode("utf-8")


def finish(build_dir: Path, release: Release, manifest: Manifest) -> None:
    """Write the manifest last, then point `current` at the release."""
    write_manifest(release, manifest)
    make_current(build_dir, release)


def write_manifest(release: Release, manifest: Manifest) -> None:
    text = json.dumps(manifest.to_json(), indent=2, ensure_ascii=False) + "\n"
    (release.path / "manifest.json").write_text(text, encoding="utf-8")


def make_current(build_dir: Path, release: Release) -> None:
    """Point `build/current` at the release, atomically."""
    link = build_dir / "current"
    tmp = build_dir / f".current-{os.getpid()}"
    if tmp.is_symlink():
        tmp.unlink()
    tmp.symlink_to(release.path.relative_to(build_dir))
    os.replace(tmp, link)
