"""The verdict cache: digests of record graphs that conformed, one file per shapes version.

Only passing verdicts are kept: a record that failed is judged again (it is rare, and its
messages must be fresh).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path


def _path(build_dir: Path, shapes_hash: str) -> Path:
    return build_dir / "cache" / f"shacl-pass-{shapes_hash}.txt"


def load(build_dir: Path, shapes_hash: str) -> frozenset[str]:
    path = _path(build_dir, shapes_hash)
    if not path.exists():
        return frozenset()
    return frozenset(path.read_text(encoding="ascii").split())


def save(build_dir: Path, shapes_hash: str, old: frozenset[str], new: Iterable[str]) -> None:
    """Append the newly passed digests (the file only grows for a given shapes version)."""
    fresh = sorted(set(new) - old)
    if not fresh:
        return
    path = _path(build_dir, shapes_hash)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="ascii") as out:
        out.write("\n".join(fresh) + "\n")
