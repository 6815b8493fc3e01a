"""Dumps: sorted N-Triples (gzipped, the primary), Turtle and compact JSON-LD with a local context.

All three are written from the same sorted, de-duplicated N-Triples lines, gzipped with mtime 0
and no file name, so the same graph always gives byte-identical files.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass
from itertools import groupby, islice, repeat
from operator import itemgetter
from pathlib import Path
from typing import Any

from kg.publish.formats import SubjectText, prefixes

_CHUNK = 10_000  # lines (N-Triples) or subjects (Turtle, JSON-LD) a piece of text holds
_IN_FLIGHT = 2  # pieces of text waiting for each file's compressing thread
_SUBJECT = itemgetter(0)


CONTEXT_FILE = "context.jsonld"


@dataclass(frozen=True, slots=True)
class DumpFile:
    """One written dump: its file name, format, media type, size and checksum."""

    name: str
    format: str
    media_type: str
    bytes: int
    sha256: str
    compressed: bool = True

    def to_json(self) -> dict[str, Any]:
        return {
            "file": f"dumps/{self.name}",
            "format": self.format,
            "media_type": self.media_type,
            "encoding": "gzip" if self.compressed else None,
            "bytes": self.bytes,
            "sha256": self.sha256,
        }


# (format, suffix, media type): the N-Triples dump first, as the primary.
FORMATS = (
    ("ntriples", "nt", "application/n-triples"),
    ("turtle", "ttl", "text/turtle"),
    ("jsonld", "jsonld", "application/ld+json"),
)


def write_dumps(folder: Path, stem: str, lines: Iterable[str], context_url: str) -> list[DumpFile]:
    """Write every dump of the sorted, distinct `lines` into `folder` as `{stem}.{suffix}.gz`."""
    return write_chunks(folder, stem, _chunked(iter(lines)), context_url)


def write_chunks(
    folder: Path,
    stem: str,
    chunks: Iterable[list[str]],
    context_url: str,
    predicates: set[str] | None = None,
) -> list[DumpFile]:
    """Write every dump into `folder` as `{stem}.{suffix}.gz` from sorted, distinct statements
    given a list of consecutive ones at a time (a merge's blocks); the predicates met are added
    to `predicates`.

    One pass: the N-Triples text is each list joined, Turtle and JSON-LD are written together,
    subject by subject, and each file is compressed on a thread of its own (zlib and the file
    release the interpreter lock, so compressing overlaps the formatting). How the text is cut
    into pieces changes no byte of any dump.
    """
    folder.mkdir(parents=True, exist_ok=True)
    paths = {fmt: folder / f"{stem}.{suffix}.gz" for fmt, suffix, _ in FORMATS}
    with ExitStack() as stack:
        nt, ttl, jsonld = (stack.enter_context(_Compressing(paths[fmt])) for fmt, _, _ in FORMATS)
        texts = SubjectText()
        _write_formats(ttl, jsonld, _tapped(chunks, nt), texts, context_url)
    if predicates is not None:
        predicates.update(texts.predicates())
    out = [
        DumpFile(paths[fmt].name, fmt, media, paths[fmt].stat().st_size, sha256_file(paths[fmt]))
        for fmt, _, media in FORMATS
    ]
    context = folder / CONTEXT_FILE
    context.write_text(json.dumps({"@context": prefixes()}, indent=2, sort_keys=True) + "\n")
    size, digest = context.stat().st_size, sha256_file(context)
    out.append(DumpFile(context.name, "jsonld-context", "application/ld+json", size, digest, False))
    return out


def _chunked(lines: Iterator[str]) -> Iterator[list[str]]:
    while chunk := list(islice(lines, _CHUNK)):
        yield chunk


def _tapped(chunks: Iterable[list[str]], nt: _Compressing) -> Iterator[list[str]]:
    """Each statement split in three at its first two spaces (the object keeps its ` .`), the
    N-Triples text of each list sent to `nt` on the way (`str.split` mapped: no Python step per
    line)."""
    for chunk in chunks:
        nt.send("\n".join(chunk) + "\n")
        yield from map(str.split, chunk, repeat(" "), repeat(2))


def _write_formats(
    ttl: _Compressing,
    jsonld: _Compressing,
    statements: Iterable[list[str]],
    texts: SubjectText,
    context: str,
) -> None:
    """The Turtle and JSON-LD dumps of the split statements, subject by subject."""
    ttl.send("".join(f"@prefix {n}: <{ns}> .\n" for n, ns in prefixes().items()) + "\n")
    jsonld.send('{"@context": ' + json.dumps(context) + ', "@graph": [')
    blocks: list[str] = []
    nodes: list[str] = []
    separator = "\n "
    for subject, group in groupby(statements, _SUBJECT):
        block, node = texts.texts(subject, group)
        blocks.append(block)
        nodes.append(node)
        if len(blocks) >= _CHUNK:
            ttl.send("".join(blocks))
            jsonld.send(separator + ",\n ".join(nodes))
            blocks.clear()
            nodes.clear()
            separator = ",\n "
    ttl.send("".join(blocks))
    if nodes:
        jsonld.send(separator + ",\n ".join(nodes))
    jsonld.send("\n]}\n")


class _Compressing:
    """A gzip file (no name, mtime 0: the same bytes every time) written on a thread of its
    own, a piece of text at a time, in order; at most `_IN_FLIGHT` pieces wait, so memory stays
    bounded."""

    def __init__(self, path: Path) -> None:
        self._raw = path.open("wb")
        self._gzip = gzip.GzipFile("", "wb", 6, self._raw, mtime=0)
        self._pool = ThreadPoolExecutor(1)
        self._pending: deque[Future[None]] = deque()

    def send(self, text: str) -> None:
        if len(self._pending) >= _IN_FLIGHT:
            self._pending.popleft().result()
        self._pending.append(self._pool.submit(self._write, text))

    def _write(self, text: str) -> None:
        self._gzip.write(text.encode("utf-8"))

    def __enter__(self) -> _Compressing:
        return self

    def __exit__(self, *failed: object) -> None:
        try:
            while self._pending:
                self._pending.popleft().result()
        finally:
            self._pool.shutdown()
            self._gzip.close()
            self._raw.close()


def dump_file(path: Path, fmt: str, media_type: str) -> DumpFile:
    """A gzipped dump written elsewhere (the MARCXML one), described like the others."""
    return DumpFile(path.name, fmt, media_type, path.stat().st_size, sha256_file(path))


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
