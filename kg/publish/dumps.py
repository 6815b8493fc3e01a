"""Dumps: sorted N-Triples (gzipped, the primary), Turtle and compact JSON-LD with a local context.

All three are written from the same sorted, de-duplicated N-Triples lines, gzipped with mtime 0
and no file name, so the same graph always gives byte-identical files.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from collections.abc import Iterable, Iterator, Sequence
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


def write_dumps(folder: Path, stem: str, lines: Sequence[str], context_url: str) -> list[DumpFile]:
    """Write every dump of the sorted `lines` into `folder` as `{stem}.{suffix}.gz`."""
    folder.mkdir(parents=True, exist_ok=True)
    writers = {"ntriples": _write_nt, "turtle": _write_turtle, "jsonld": _write_jsonld}
    out = []
    for fmt, suffix, media in FORMATS:
        path = folder / f"{stem}.{suffix}.gz"
        with path.open("wb") as raw, gzip.GzipFile("", "wb", 6, raw, mtime=0) as gz:
            writers[fmt](gz, lines, context_url)
        out.append(DumpFile(path.name, fmt, media, path.stat().st_size, sha256_file(path)))
    context = folder / CONTEXT_FILE
    context.write_text(json.dumps({"@context": _prefixes()}, indent=2, sort_keys=True) + "\n")
    out.append(
        DumpFile(
            context.name,
            "jsonld-context",
            "application/ld+json",
            context.stat().st_size,
            sha256_file(context),
            compressed=False,
        )
    )
    return out


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _prefixes() -> dict[str, str]:
    return {name: str(ns) for name, ns in sorted(PREFIXES.items())}


def _write_nt(out: _Sink, lines: Sequence[str], _context: str) -> None:
    for chunk in _chunks(lines):
        out.write(("\n".join(chunk) + "\n").encode("utf-8"))


def _chunks(items: Sequence[str], size: int = 10_000) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _by_subject(lines: Sequence[str]) -> Iterator[tuple[str, list[tuple[str, str]]]]:
    """(subject, [(predicate, object)…]) in order; sorted lines keep a subject's lines together."""
    for subject, group in groupby((split(line) for line in lines), key=lambda t: t[0]):
        yield subject, [(p, o) for _, p, o in group]


def _curie(iri_term: str, prefixes: Iterable[tuple[str, str]]) -> str:
    """`<iri>` → `prefix:local` when a prefix covers it with a plain local name."""
    iri = iri_term[1:-1]
    for name, ns in prefixes:
        if iri.startswith(ns) and _LOCAL.match(iri[len(ns) :]):
            return f"{name}:{iri[len(ns) :]}"
    return iri_term


def _write_turtle(out: _Sink, lines: Sequence[str], _context: str) -> None:
    prefixes = sorted(_prefixes().items(), key=lambda kv: -len(kv[1]))
    head = "".join(f"@prefix {n}: <{ns}> .\n" for n, ns in sorted(_prefixes().items()))
    out.write((head + "\n").encode("utf-8"))
    for subject, pairs in _by_subject(lines):
        parts = []
        for predicate, group in groupby(pairs, key=lambda po: po[0]):
            objects = ", ".join(_turtle_object(o, prefixes) for _, o in group)
            verb = "a" if predicate == RDF_TYPE else _curie(predicate, prefixes)
            parts.append(f"    {verb} {objects}")
        body = " ;\n".join(parts)
        out.write(f"{subject}\n{body} .\n\n".encode())


def _turtle_object(obj: str, prefixes: Sequence[tuple[str, str]]) -> str:
    if obj.startswith("<"):
        return _curie(obj, prefixes)
    if obj.endswith(">") and "^^<" in obj:
        text, _, datatype = obj.rpartition("^^")
        return f"{text}^^{_curie(datatype, prefixes)}"
    return obj


def _write_jsonld(out: _Sink, lines: Sequence[str], context_url: str) -> None:
    prefixes = sorted(_prefixes().items(), key=lambda kv: -len(kv[1]))
    out.write(('{"@context": ' + json.dumps(context_url) + ', "@graph": [\n').encode())
    first = True
    for subject, pairs in _by_subject(lines):
        node: dict[str, Any] = {"@id": _json_id(subject)}
        types = [_curie(o, prefixes) for p, o in pairs if p == RDF_TYPE and o.startswith("<")]
        if types:
            node["@type"] = types[0] if len(types) == 1 else types
        for predicate, group in groupby(pairs, key=lambda po: po[0]):
            if predicate == RDF_TYPE:
                continue
            values = [_json_value(o, prefixes) for _, o in group]
            node[_curie(predicate, prefixes).strip("<>")] = (
                values[0] if len(values) == 1 else values
            )
        text = json.dumps(node, ensure_ascii=False, sort_keys=False)
        out.write(((" " if first else ",\n ") + text).encode("utf-8"))
        first = False
    out.write(b"\n]}\n")


def _json_id(term: str) -> str:
    return term if term.startswith("_:") else _unescape(term[1:-1])


def _json_value(obj: str, prefixes: Sequence[tuple[str, str]]) -> dict[str, str]:
    if obj.startswith(("<", "_:")):
        return {"@id": _json_id(obj)}
    match = _LITERAL.match(obj)
    if match is None:
        raise ValueError(f"not an N-Triples literal: {obj}")
    value: dict[str, str] = {"@value": _unescape(match.group(1))}
    if match.group(2):
        value["@language"] = match.group(2)
    elif match.group(3):
        value["@type"] = _curie(f"<{match.group(3)}>", prefixes).strip("<>")
    return value


def _unescape(text: str) -> str:
    if "\\" not in text:
        return text
    return _UNESCAPE.sub(lambda m: _SIMPLE.get(m.group(1)) or chr(int(m.group(1)[1:], 16)), text)
