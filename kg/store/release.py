"""A release's folder and its manifest: what the build says about the release it wrote.

The folder `build/releases/{id}` holds the dumps, the dataset description, the gate's reports,
`manifest.json` and the side files the web layer reads (`documents.sqlite`…); with the embedded
store it also holds the store itself (`store/`). With a remote store the graphs live there and
every web node reads the folder of the live release (docs/deploy.md).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


def release_dir(build_dir: Path, release_id: str) -> Path:
    """The folder of one release."""
    return build_dir / "releases" / release_id


@dataclass(frozen=True, slots=True)
class Manifest:
    """What a release says about itself (written by the build, read by the web layer).

    `manifest.json` also lists the dumps (file, url, latest_url, media type, bytes, sha256), the
    counts, the named graphs with their triple counts (`graph_triples`, which the store checks
    a load against) and the files of the gate (quarantine and validation reports).
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

    def write(self, release: Path) -> None:
        text = json.dumps(self.to_json(), indent=2, ensure_ascii=False) + "\n"
        (release / "manifest.json").write_text(text, encoding="utf-8")
