"""Dumps: sorted N-Triples (gzipped, the primary), Turtle and compact JSON-LD with a local context.

All three are written from the same sorted, de-duplicated N-Triples lines, gzipped with mtime 0
and no file name, so the same graph always gives byte-identical files.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path
from typing import Any, Protocol

from kg.namespaces import PREFIXES, RDF
from kg.publish.ntriples import split

_LOCAL = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")
_LITERAL = re.compile(r'^"(.*)"(?:@([A-Za-z0-9-]+)|\^\^<([^>]*)>)?$', re.DOTALL)
_UNESCAPE = re.compile(r'\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|[\\"nrtbf])')
_SIMPLE = {"\\": "\\", '"': '"', "n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f"}
RDF_TYPE = f"<{RDF.type}>"
# One encoder for every node: `json.dumps` with options builds a new one per call.
_JSON = json.JSONEncoder(ensure_ascii=False)
_CHUNK = 10_000
_MEMO = 50_000  # compacted IRIs remembered while writing the dumps


class _Sink(Protocol):
    def write(self, data: bytes, /) -> int: ...


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
    """Write every dump of the sorted `lines` into `folder` as `{stem}.{suffix}.gz`.

    One pass over the lines, which may be a stream (a merge of sorted runs): Turtle and JSON-LD
    are written together, subject by subject, while the N-Triples text is compressed on a thread
    a chunk at a time (zlib releases the GIL). The chunking changes no byte of any dump.
    """
    folder.mkdir(parents=True, exist_ok=True)
    paths = {fmt: folder / f"{stem}.{suffix}.gz" for fmt, suffix, _ in FORMATS}
    # Left in reverse order: the pool finishes its last write before the N-Triples file closes.
    with (
        _gzip(paths["ntriples"]) as nt,
        ThreadPoolExecutor(1) as pool,
        _gzip(paths["turtle"]) as ttl,
        _gzip(paths["jsonld"]) as jsonld,
    ):
        tapped = _tap_ntriples(lines, lambda text: pool.submit(nt.write, text))
        _write_turtle_and_jsonld(ttl, jsonld, tapped, context_url)
    out = [
        DumpFile(paths[fmt].name, fmt, media, paths[fmt].stat().st_size, sha256_file(paths[fmt]))
        for fmt, _, media in FORMATS
    ]
    context = folder / CONTEXT_FILE
    context.write_text(json.dumps({"@context": _prefixes()}, indent=2, sort_keys=True) + "\n")
    size, digest = context.stat().st_size, sha256_file(context)
    out.append(DumpFile(context.name, "jsonld-context", "application/ld+json", size, digest, False))
    return out


def _tap_ntriples(lines: Iterable[str], write: Callable[[bytes], Future[int]]) -> Iterator[str]:
    """Pass `lines` through, sending them on as N-Triples text in chunks of `_CHUNK` lines; one
    chunk is in flight at a time, so the text goes out in order and memory stays bounded."""
    held: list[str] = []
    pending: Future[int] | None = None
    for statement in lines:
        held.append(statement)
        yield statement
        if len(held) >= _CHUNK:
            if pending is not None:
                pending.result()
            pending = write(("\n".join(held) + "\n").encode("utf-8"))
            held = []
    if pending is not None:
        pending.result()
    if held:
        write(("\n".join(held) + "\n").encode("utf-8")).result()


@contextmanager
def _gzip(path: Path) -> Iterator[gzip.GzipFile]:
    """A gzip stream with no name and mtime 0 in its header: the same bytes every time."""
    with path.open("wb") as raw, gzip.GzipFile("", "wb", 6, raw, mtime=0) as gz:
        yield gz


def dump_file(path: Path, fmt: str, media_type: str) -> DumpFile:
    """A gzipped dump written elsewhere (the MARCXML one), described like the others."""
    return DumpFile(path.name, fmt, media_type, path.stat().st_size, sha256_file(path))


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _prefixes() -> dict[str, str]:
    return {name: str(ns) for name, ns in sorted(PREFIXES.items())}


def _by_subject(lines: Iterable[str]) -> Iterator[tuple[str, list[tuple[str, str]]]]:
    """(subject, [(predicate, object)…]) in order; sorted lines keep a subject's lines together."""
    for subject, group in groupby((split(line) for line in lines), key=lambda t: t[0]):
        yield subject, [(p, o) for _, p, o in group]


class _Compactor:
    """`<iri>` → `prefix:local` when a prefix covers it with a plain local name (memoised: the
    memo is emptied when it holds `_MEMO` IRIs, so it stays small however many a dump links)."""

    def __init__(self) -> None:
        self._prefixes = sorted(_prefixes().items(), key=lambda kv: -len(kv[1]))
        self._memo: dict[str, str] = {}

    def __call__(self, iri_term: str) -> str:
        found = self._memo.get(iri_term)
        if found is None:
            if len(self._memo) >= _MEMO:
                self._memo.clear()  # predicates and classes come back at once
            found = self._memo[iri_term] = self._compact(iri_term)
        return found

    def _compact(self, iri_term: str) -> str:
        iri = iri_term[1:-1]
        for name, ns in self._prefixes:
            if iri.startswith(ns) and _LOCAL.match(iri[len(ns) :]):
                return f"{name}:{iri[len(ns) :]}"
        return iri_term


def _write_turtle_and_jsonld(ttl: _Sink, jsonld: _Sink, lines: Iterable[str], context: str) -> None:
    curie = _Compactor()
    head = "".join(f"@prefix {n}: <{ns}> .\n" for n, ns in _prefixes().items())
    ttl.write((head + "\n").encode("utf-8"))
    jsonld.write(('{"@context": ' + json.dumps(context) + ', "@graph": [').encode())
    ttl_buf: list[str] = []
    json_buf: list[str] = []
    separator = "\n "
    for subject, pairs in _by_subject(lines):
        ttl_buf.append(_turtle_block(subject, pairs, curie))
        json_buf.append(_JSON.encode(_json_node(subject, pairs, curie)))
        if len(ttl_buf) >= _CHUNK:
            ttl.write("".join(ttl_buf).encode("utf-8"))
            jsonld.write((separator + ",\n ".join(json_buf)).encode("utf-8"))
            ttl_buf.clear()
            json_buf.clear()
            separator = ",\n "
    ttl.write("".join(ttl_buf).encode("utf-8"))
    if json_buf:
        jsonld.write((separator + ",\n ".join(json_buf)).encode("utf-8"))
    jsonld.write(b"\n]}\n")


def _turtle_block(subject: str, pairs: list[tuple[str, str]], curie: _Compactor) -> str:
    parts = []
    for predicate, group in groupby(pairs, key=lambda po: po[0]):
        objects = ", ".join(_turtle_object(o, curie) for _, o in group)
        verb = "a" if predicate == RDF_TYPE else curie(predicate)
        parts.append(f"    {verb} {objects}")
    body = " ;\n".join(parts)
    return f"{subject}\n{body} .\n\n"


def _turtle_object(obj: str, curie: _Compactor) -> str:
    if obj.startswith("<"):
        return curie(obj)
    if obj.endswith(">") and "^^<" in obj:
        text, _, datatype = obj.rpartition("^^")
        return f"{text}^^{curie(datatype)}"
    return obj


def _json_node(subject: str, pairs: list[tuple[str, str]], curie: _Compactor) -> dict[str, Any]:
    node: dict[str, Any] = {"@id": _json_id(subject)}
    types = [curie(o) for p, o in pairs if p == RDF_TYPE and o.startswith("<")]
    if types:
        node["@type"] = types[0] if len(types) == 1 else types
    for predicate, group in groupby(pairs, key=lambda po: po[0]):
        if predicate == RDF_TYPE:
            continue
        values = [_json_value(o, curie) for _, o in group]
        node[curie(predicate).strip("<>")] = values[0] if len(values) == 1 else values
    return node


def _json_id(term: str) -> str:
    return term if term.startswith("_:") else _unescape(term[1:-1])


def _json_value(obj: str, curie: _Compactor) -> dict[str, str]:
    if obj.startswith(("<", "_:")):
        return {"@id": _json_id(obj)}
    match = _LITERAL.match(obj)
    if match is None:
        raise ValueError(f"not an N-Triples literal: {obj}")
    value: dict[str, str] = {"@value": _unescape(match.group(1))}
    if match.group(2):
        value["@language"] = match.group(2)
    elif match.group(3):
        value["@type"] = curie(f"<{match.group(3)}>").strip("<>")
    return value


def _unescape(text: str) -> str:
    if "\\" not in text:
        return text
    return _UNESCAPE.sub(lambda m: _SIMPLE.get(m.group(1)) or chr(int(m.group(1)[1:], 16)), text)
