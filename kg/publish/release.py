"""A release: one build's store, dumps and manifest in `build/releases/{id}`, swapped in."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

import kg
from kg.config import Config
from kg.mapping.iris import Iris


@dataclass(frozen=True, slots=True)
class Release:
    build_id: str
    path: Path


@dataclass(frozen=True, slots=True)
class Manifest:
    """What a release says about itself (written by the build, read by the web layer)."""

    build_id: str
    built_at: str
    base_uri: str
    triples: int

    @classmethod
    def read(cls, release: Path) -> Manifest:
        data = json.loads((release / "manifest.json").read_text())
        return cls(data["build_id"], data["built_at"], data["base_uri"], int(data["triples"]))


def build_id(inputs: list[Path], config: Config) -> str:
    """A hash of the inputs, the vocabularies, the shapes and kg's version."""
    digest = hashlib.sha256(kg.__version__.encode())
    digest.update(config.base_uri.encode())
    extra = [*sorted(config.vocab_dir.glob("*.ttl")), *sorted(config.shapes_dir.glob("*.ttl"))]
    for path in [*inputs, *extra]:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def sorted_ntriples(graph: Graph) -> bytes:
    """Canonically ordered N-Triples: the same graph always gives the same bytes."""
    data = graph.serialize(format="nt", encoding="utf-8")
    lines = sorted(set(line for line in data.split(b"\n") if line.strip()))
    return b"\n".join(lines) + b"\n"


def write_release(config: Config, graph: Graph, inputs: list[Path]) -> Release:
    """Write store, dump and manifest to a fresh folder, then point `current` at it."""
    release_id = build_id(inputs, config)
    root = config.build_dir / "releases" / release_id
    if root.exists():
        shutil.rmtree(root)
    (root / "dumps").mkdir(parents=True)
    nt = sorted_ntriples(graph)
    dump = root / "dumps" / "kg.nt.gz"
    with dump.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        gz.write(nt)
    store = ox.Store(str(root / "store"))
    catalogue = ox.NamedNode(str(Iris(config.base_uri).graph("catalogue")))
    store.bulk_load(nt, format=ox.RdfFormat.N_TRIPLES, to_graph=catalogue)
    store.flush()
    del store
    manifest = {
        "build_id": release_id,
        "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "base_uri": config.base_uri,
        "triples": len(graph),
        "dumps": [
            {
                "file": "dumps/kg.nt.gz",
                "bytes": dump.stat().st_size,
                "sha256": hashlib.sha256(dump.read_bytes()).hexdigest(),
            }
        ],
    }
    (root / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    _swap_current(config.build_dir, root)
    return Release(release_id, root)


def _swap_current(build_dir: Path, root: Path) -> None:
    link = build_dir / "current"
    tmp = build_dir / f".current-{os.getpid()}"
    if tmp.is_symlink():
        tmp.unlink()
    tmp.symlink_to(root.relative_to(build_dir))
    os.replace(tmp, link)
