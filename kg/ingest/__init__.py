"""Ingest: source files → Records. One module per source format; no network, no graph."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from kg.errors import InputError
from kg.ingest.authority import Authority
from kg.ingest.page import parse_page
from kg.records import Record

PAGE_SUFFIXES = frozenset({".txt"})


def source_files(paths: list[Path]) -> list[Path]:
    """The readable source files under `paths` (files or folders), in a stable order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(p for p in sorted(path.rglob("*")) if p.suffix in PAGE_SUFFIXES)
        elif path.exists():
            found.append(path)
        else:
            raise InputError(str(path), 0, "no such file or folder", "check the path")
    return found


def read_records(path: Path, authority: Authority) -> Iterator[Record]:
    """The records of one source file."""
    with path.open(encoding="utf-8-sig") as handle:
        yield from parse_page(handle, str(path), authority)
